/** Sentences of hosting: the old-engine notice, the support page, and `hh serve`'s host check. */
import type { Lang } from "./lang";

export interface SupportPageText {
  title: string;
  intro: string;
  helpHeading: string;
  help: string[];
  wrongFigureHeading: string;
  wrongFigureIntro: string;
  wrongFigureSteps: string[];
  wrongFigureAfter: string;
  sourcesHeading: string;
  sources: string;
  referenceLink: string;
  version: (addin: string, dataset: string) => string;
}

interface HostingMessages {
  /** Shown instead of the pane where Office runs it in an engine the bundle cannot run in. */
  unsupportedOffice: string;
  support: SupportPageText;
  allowedHosts: (hosts: string) => string;
  loopbackOnly: (bind: string) => string;
}

export const HOSTING_MESSAGES: Record<Lang, HostingMessages> = {
  zh: {
    unsupportedOffice: "此版本的 Office 不受支持",
    support: {
      title: "青城指标 · 帮助与支持",
      intro: "青城指标把呼和浩特政府报告中的数字整理为带出处的数据集,并在 Excel 中提供 HH 自定义函数和指标面板。",
      helpHeading: "获取帮助",
      help: [
        "先看函数参考:每个 HH 函数的参数与示例。",
        "公式返回 #N/A 时,把鼠标停在单元格上:消息会说明缺少什么,以及数据集中实际有哪些年份、地区或类型。",
        "仍有问题,请联系为贵单位部署本加载项的 IT 管理员;管理员可把问题转给维护者。",
      ],
      wrongFigureHeading: "报告错误的数字",
      wrongFigureIntro: "本加载项的第一条规则是绝不给出错误的数字。如果您发现某个数字与原始报告不符,请告诉我们:",
      wrongFigureSteps: [
        '单元格中的公式,例如 =HH.VALUE("GDP增速",2022,"新城区"),以及它返回的值;',
        "=HH.SOURCE(…) 给出的出处(报告标题与日期),或指标面板“详情”中的出处;",
        "您认为正确的数字,以及它在报告中的原文。",
      ],
      wrongFigureAfter: "核实后,数字会在数据集中更正,或从数据集中撤下,并在下一个版本中说明原因。",
      sourcesHeading: "数字从哪里来",
      sources:
        "每个数字都摘自呼和浩特市及各旗县区公开发布的政府工作报告、人大报告和官方报道,逐条与原文核对,并记录报告、日期与原文。多个来源不一致时,以正式报告优先,并在面板中标出冲突。",
      referenceLink: "HH 函数参考",
      version: (addin, dataset) => `加载项版本 ${addin} · 数据集版本 ${dataset}`,
    },
    allowedHosts: (hosts) => `只应答这些主机名的请求:${hosts}`,
    loopbackOnly: (bind) =>
      `正在 ${bind} 上监听,但只应答本机名称(localhost、127.0.0.1、[::1]);请用 --allowed-host 加上公开主机名`,
  },
  en: {
    unsupportedOffice: "This version of Office is not supported",
    support: {
      title: "HH Indicators · Help and support",
      intro:
        "HH Indicators turns the figures in Hohhot's government reports into a sourced dataset, with HH custom functions and an indicator pane in Excel.",
      helpHeading: "Getting help",
      help: [
        "Start with the function reference: every HH function's arguments, with examples.",
        "When a formula returns #N/A, hover over the cell: the message says what is missing and which years, regions or kinds the dataset does hold.",
        "Still stuck? Contact the IT administrator who deployed the add-in for your organisation; they can pass the question on to the maintainers.",
      ],
      wrongFigureHeading: "Reporting a wrong figure",
      wrongFigureIntro:
        "The add-in's first rule is never to give a wrong number. If a figure does not match its report, please tell us:",
      wrongFigureSteps: [
        'the formula in the cell, such as =HH.VALUE("GDP增速",2022,"新城区"), and the value it returned;',
        "the source =HH.SOURCE(…) gives (report title and date), or the one the pane's Details view shows;",
        "the figure you believe is right, and the report's own words for it.",
      ],
      wrongFigureAfter:
        "Once checked, the figure is corrected in the dataset, or withdrawn from it, and the next version says why.",
      sourcesHeading: "Where the figures come from",
      sources:
        "Every figure is taken from government work reports, people's congress reports and official news published by Hohhot and its districts, checked one by one against the text, with its report, date and quotation recorded. Where sources disagree, the formal report wins and the pane shows the conflict.",
      referenceLink: "HH function reference",
      version: (addin, dataset) => `Add-in version ${addin} · dataset version ${dataset}`,
    },
    allowedHosts: (hosts) => `answering only requests for these host names: ${hosts}`,
    loopbackOnly: (bind) =>
      `listening on ${bind} but answering only loopback names (localhost, 127.0.0.1, [::1]); add public host names with --allowed-host`,
  },
};
