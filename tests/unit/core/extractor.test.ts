/** The figure extractor (hh extract) on hand-written sentences: periods, kinds, bases, pairs, non-figures. */
import { describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";
import { extractFigures, splitNames, type ExtractedFigure } from "../../../src/core/extract/extractor";
import { verifyClaim } from "../../../src/core/extract/verify";
import type { Indicator } from "../../../src/core/schema";

const CATALOG: Indicator[] = [
  {
    id: "econ_gdp",
    zh: "地区生产总值",
    en: "Gross regional product (GDP)",
    aliases: ["GDP", "生产总值"],
    category: "经济",
    unit: "亿元",
  },
  {
    id: "econ_fixed_asset_investment",
    zh: "固定资产投资",
    en: "Fixed-asset investment",
    aliases: [],
    category: "经济",
    unit: "亿元",
  },
  {
    id: "transport_highway_mileage",
    zh: "公路总里程",
    en: "Highway length",
    aliases: ["公路里程"],
    category: "交通",
    unit: "公里",
  },
  {
    id: "edu_new_school_places",
    zh: "新增学位数",
    en: "New school places",
    aliases: ["新增学位"],
    category: "教育",
    unit: "个",
  },
  {
    id: "welfare_disposable_income_per_capita",
    zh: "全体居民人均可支配收入",
    en: "Per-capita disposable income",
    aliases: [],
    category: "民生",
    unit: "元",
  },
  { id: "eco_forest_coverage", zh: "森林覆盖率", en: "Forest coverage", aliases: [], category: "生态", unit: "%" },
];

function extract(text: string, date = "2023-10-25", region = "呼和浩特市") {
  return extractFigures(text, { date, region, indicators: CATALOG });
}
function entry(text: string, figure: string, date?: string): ExtractedFigure {
  const found = extract(text, date).entries.filter((e) => e.figure === figure);
  expect(found, `one entry for ${figure} in ${text}`).toHaveLength(1);
  return found[0];
}
const periodKind = (e: ExtractedFigure) => `${e.period}/${e.kind}`;

describe("figures as written", () => {
  it("reads value, unit and qualifier in the reported unit", () => {
    const e = entry("2022年,新增1.28万个公办学位。", "1.28万个");
    expect([e.value, e.unit, e.qualifier]).toEqual([1.28, "万个", ""]);
    expect(entry("来自区内外近20名专家学者齐聚首府。", "近20名")).toMatchObject({
      value: 20,
      unit: "名",
      qualifier: "近",
    });
    expect(entry("全部移交后可新增学位约1.7万个。", "约1.7万个").qualifier).toBe("约");
    expect(entry("10余万平方米裸露山体彻底修复。", "10余万平方米")).toMatchObject({
      value: 10,
      unit: "万平方米",
      qualifier: "余",
    });
    expect(entry("城镇登记失业率控制在5%以内。", "5%以内").qualifier).toBe("以内");
    expect(entry("市场占有率超40%。", "超40%").qualifier).toBe("超");
    expect(entry("其中70年以上的杏树有两万余株。", "两万余株")).toMatchObject({
      value: 20000,
      unit: "株",
      qualifier: "余",
    });
  });

  it("quotes the clause verbatim, on one line, as the first occurrence in the text", () => {
    const text = "预计地区生产总值实现665亿元,同比增长2%;固定资产投资完成115亿元,同比增长2%。";
    const twos = extract(text, "2023-01-05").entries.filter((e) => e.figure === "2%");
    // A change quotes the clause that names it; every quote is the first occurrence of its text.
    expect(twos.map((e) => e.quote)).toEqual([
      "预计地区生产总值实现665亿元,同比增长2%",
      "固定资产投资完成115亿元,同比增长2%",
    ]);
    for (const e of extract(text, "2023-01-05").entries) {
      const { problems, located } = verifyClaim(
        {
          quote: e.quote,
          figure: e.figure,
          nth: e.nth,
          value: e.value,
          unit: e.unit,
          qualifier: e.qualifier || undefined,
          measure: e.measure,
        },
        text,
      );
      expect(problems).toEqual([]);
      expect(located!.start).toBe(e.start);
    }
  });
});

describe("periods relative to the report's date", () => {
  it("今年, 去年, 上半年, 前三季度, 一季度, 截至目前", () => {
    expect(entry("今年实施了75个基础设施项目。", "75个").period).toBe("2023");
    expect(entry("去年全市引进教师1012人。", "1012人").period).toBe("2022");
    expect(entry("上半年,固定资产投资增长5.2%。", "5.2%").period).toBe("2023-H1");
    expect(entry("前三季度,规上工业总产值累计完成354.4亿元。", "354.4亿元").period).toBe("2023-YTD09");
    expect(entry("一季度,地区生产总值增长4.5%。", "4.5%").period).toBe("2023-Q1");
    expect(entry("2023年1-6月,新签约项目40个。", "40个").period).toBe("2023-YTD06");
    expect(entry("截至目前,累计聘用14名副校长。", "14名").period).toBe("2023");
  });

  it("a January report: 去年 is the year reviewed, 一年来 too", () => {
    expect(entry("一年来,城镇新增就业1.5万人。", "1.5万人", "2023-01-05").period).toBe("2022");
    expect(entry("去年全区完成户厕改造700户。", "700户", "2023-01-05").period).toBe("2022");
    expect(entry("今年,新增学位5040个。", "5040个", "2023-01-05").period).toBe("2023");
  });

  it('spans: 过去五年, 五年来, "十四五"期间, 2017年以来 — flows over the span, stocks and rates at its end', () => {
    const jan = "2023-01-05";
    expect(entry("过去五年,累计实施重点项目320个。", "320个", jan).period).toBe("2018-2022");
    expect(entry("五年来,森林覆盖率达到38.7%。", "38.7%", jan).period).toBe("2022");
    const nov = "2025-11-25";
    expect(entry("“十四五”期间,实施交通项目320个,总里程达8959公里。", "320个", nov).period).toBe("2021-2025");
    expect(entry("“十四五”期间,实施交通项目320个,总里程达8959公里。", "8959公里", nov).period).toBe("2025");
    expect(entry("2017年以来,累计新增就业12.5万人。", "12.5万人", jan).period).toBe("2017-2022");
  });

  it('horizons: 到2025年, "十五五"末, 利用三年时间', () => {
    expect(periodKind(entry("力争到2025年增加50%以上。", "50%以上"))).toBe("2025/target");
    expect(periodKind(entry("利用三年时间建设25个研修共同体。", "25个", "2023-06-27"))).toBe("2025/target");
    expect(periodKind(entry("力争到“十五五”末,高新技术企业达到1000家。", "1000家", "2025-11-25"))).toBe("2030/target");
  });

  it("2024、2025年…每年: one entry per year", () => {
    const es = extract("特别是2024、2025年小学毕业生每年增加3000人。", "2023-06-27").entries;
    expect(es.map((e) => `${e.period}/${e.kind}/${e.measure}`)).toEqual([
      "2024/estimate/abs_change",
      "2025/estimate/abs_change",
    ]);
  });

  it("a title's years are not periods: 《…方案(2022—2025年)》", () => {
    expect(entry("印发《专业建设工作实施方案(2022—2025年)》,优化专业17个。", "17个", "2023-06-27").period).toBe("2023");
  });
});

describe("kinds from cues", () => {
  it("预计 → estimate, and a cue opening a sentence governs every figure after it", () => {
    const es = extract(
      "预计地区生产总值实现665亿元,同比增长2%;固定资产投资完成115亿元。其他工作完成3项。",
      "2023-01-05",
    ).entries;
    expect(es.map((e) => `${e.figure}:${e.period}/${e.kind}`)).toEqual([
      "665亿元:2023/estimate",
      "2%:2023/estimate",
      "115亿元:2023/estimate",
      "3项:2023/actual",
    ]);
  });

  it("a January report's 去年 figures with 预计 are estimates", () => {
    expect(periodKind(entry("去年,预计全区一般公共预算收入完成33.28亿元。", "33.28亿元", "2023-01-05"))).toBe(
      "2022/estimate",
    );
  });

  it("计划, 将, 年内, 年底前 → plan; 已 turns the rest of the sentence back to actual", () => {
    expect(entry("今年,呼和浩特将完成309个老旧小区改造。", "309个").kind).toBe("plan");
    expect(entry("年内实施重点项目105个。", "105个", "2023-01-05").kind).toBe("plan");
    expect(entry("年底前将有14栋教学楼封顶。", "14栋").kind).toBe("plan");
    const es = extract("2023年计划新建项目62个,已办竣手续45个,开复工44个,今年计划投入使用14个。", "2023-06-27").entries;
    expect(es.map((e) => `${e.figure}:${e.kind}`)).toEqual(["62个:plan", "45个:actual", "44个:actual", "14个:plan"]);
  });

  it("将 as 把 is no cue: 将10所学校整合成5所", () => {
    expect(entry("一是优化资源配置。将10所公办中职学校整合成5所。", "10所", "2023-06-27").kind).toBe("actual");
  });

  it("力争, 到20XX年, 主要预期目标 → target; 力争 within this year's plan stays a plan", () => {
    const es = extract("主要预期目标是:地区生产总值增长6%以上,城镇新增就业1.6万人以上。", "2023-01-05").entries;
    expect(es.map(periodKind)).toEqual(["2023/target", "2023/target"]);
    expect(periodKind(entry("全年力争引进亿元项目40个以上。", "40个以上", "2023-01-05"))).toBe("2023/plan");
    expect(periodKind(entry("“十五五”期间,确保年均增幅不低于20%。", "不低于20%", "2025-11-25"))).toBe(
      "2026-2030/target",
    );
  });

  it("a section opened by 今年我们将重点做好以下工作 is this year's plan", () => {
    const text =
      "二、2023年工作安排\n\n今年,我们将重点做好以下工作:\n\n(一)扩大有效投资\n\n实施大青山6000亩森林质量精准提升工程。\n";
    expect(periodKind(entry(text, "6000亩", "2023-01-05"))).toBe("2023/plan");
  });
});

describe("changes and their bases", () => {
  it('比上年, 同比, 较"十三五", 比2020年, 年均', () => {
    expect(entry("教育支出51.60亿元,比上年增长10.14%。", "10.14%")).toMatchObject({
      measure: "pct_change",
      base: "上年",
    });
    expect(entry("规上工业增加值同比下降13%。", "13%")).toMatchObject({
      measure: "pct_change",
      base: "同比",
      value: -13,
    });
    expect(entry("“十四五”期间完成投资438.4亿元,较“十三五”增长188.87%。", "188.87%", "2025-11-25").base).toBe("十三五");
    expect(entry("地区生产总值比2020年增长25%。", "25%").base).toBe("2020");
    expect(entry("过去五年,地区生产总值年均增长5.1%。", "5.1%", "2023-01-05")).toMatchObject({
      annual: true,
      base: "上年",
      period: "2018-2022",
    });
  });

  it("个百分点 is a change in percentage points, not %", () => {
    const up = entry("森林覆盖率提高2.5个百分点。", "2.5个百分点");
    expect(up).toMatchObject({ measure: "pp_change", unit: "个百分点", value: 2.5 });
    expect(entry("城镇登记失业率下降0.3个百分点。", "0.3个百分点").value).toBe(-0.3);
  });

  it("增长到 is a level; 增加了41天 an absolute change; 翻了一番 and 基本持平 are changes", () => {
    expect(entry("森林覆盖率提高到38.7%。", "38.7%").measure).toBe("level");
    expect(entry("优良天数增加了41天。", "41天")).toMatchObject({ measure: "abs_change", value: 41 });
    expect(entry("优质中小企业培育数量相比去年翻了一番。", "翻了一番")).toMatchObject({
      measure: "pct_change",
      value: 100,
    });
    expect(entry("普通初中生均经费与上年基本持平。", "基本持平")).toMatchObject({ measure: "pct_change", value: 0 });
  });

  it("a change without a name takes the name of the figure before it, and quotes it", () => {
    const e = entry("一般公共预算教育支出51.60亿元,比上年增长10.14%。", "10.14%");
    expect(e.subject).toBe("一般公共预算教育支出");
    expect(e.quote).toBe("一般公共预算教育支出51.60亿元,比上年增长10.14%");
  });
});

describe("paired figures", () => {
  it("城乡…分别增长6.1%和10.4%: one entry each, with its own name", () => {
    const es = extract("城乡常住居民人均可支配收入分别增长6.1%和10.4%。").entries;
    expect(es.map((e) => [e.subject, e.value, e.measure])).toEqual([
      ["城镇常住居民人均可支配收入", 6.1, "pct_change"],
      ["农村常住居民人均可支配收入", 10.4, "pct_change"],
    ]);
  });

  it("splits listed names", () => {
    expect(splitNames("城镇和农村居民人均可支配收入", 2)).toEqual(["城镇居民人均可支配收入", "农村居民人均可支配收入"]);
    expect(splitNames("小学、初中、高中", 3)).toEqual(["小学", "初中", "高中"]);
    expect(splitNames("小学、初中", 3)).toBeUndefined();
  });

  it("由4.1万元增加到5.4万元: the start and the end level", () => {
    const es = extract("过去五年,城镇居民人均可支配收入由4.1万元增加到5.4万元。", "2023-01-05").entries;
    expect(es.map((e) => [e.subject, e.value, e.measure, e.period])).toEqual([
      ["城镇居民人均可支配收入", 4.1, "level", "2017"],
      ["城镇居民人均可支配收入", 5.4, "level", "2022"],
    ]);
  });

  it("two rates listed before one figure: one entry per rate", () => {
    const es = extract("地膜回收利用率、畜禽粪污资源化利用率达到90%以上。", "2023-01-05").entries;
    expect(es.map((e) => e.subject)).toEqual(["地膜回收利用率", "畜禽粪污资源化利用率"]);
  });
});

describe("what is not a figure", () => {
  const ignored = (text: string) => extract(text).ignored.map((i) => `${i.text}:${i.why}`);
  const figures = (text: string) => extract(text).entries.map((e) => e.figure);

  it("dates, times and durations", () => {
    expect(figures("2023年6月27日,市十六届人大常委会第九次会议召开。")).toEqual([]);
    expect(ignored("后顾之忧。2022\n\n年,全市引进教师1012人。")).toContain("2022:date");
    expect(ignored("利用3年时间,培养一批卓越教师。")).toEqual(["3:time"]);
    expect(ignored("回顾了59年前的经历。")).toEqual(["59:date"]);
  });

  it("phones, hotlines, mailboxes, e-mail", () => {
    expect(figures("值班电话0471—3250086,规范12345为民服务热线,呼和浩特市2581信箱,swdslxc001@163.com。")).toEqual([]);
    const why = extract("值班电话0471—3250086,规范12345为民服务热线,呼和浩特市2581信箱。").ignored.map((i) => i.why);
    expect(why).toEqual(["phone", "phone", "phone", "mailbox"]);
  });

  it("ordinals, list numbers and plan names", () => {
    expect(figures("在新城区第十八届人民代表大会第二次会议上。")).toEqual([]);
    expect(figures("1.“科技兴蒙”行动:重大决策部署。")).toEqual([]);
    expect(figures("全面总结了“十四五”时期的成就。")).toEqual([]);
  });

  it("programme and law names, road names, rhetoric", () => {
    expect(ignored("实施“8090计划”,制定出台“人才政策10条”。")).toEqual(["8090:name", "10:name"]);
    expect(ignored("S43机场高速具备通车条件。")).toEqual(["43:name"]);
    expect(ignored("重点从三个方面抓好落实。")).toEqual(["三:rhetoric"]);
    expect(ignored("推动党的二十大精神落地。")).toEqual(["二十:name"]);
    expect(ignored("实施“三十万大学生留呼工程”。")).toEqual(["三十万:name"]);
    expect(figures("针对年轻人实施十万大学生留呼工程。")).toEqual([]);
  });

  it("规模以上 and 500万元以上重点项目 are names, not qualifiers", () => {
    const e = entry("规模以上工业增加值增长8%以上。", "8%以上");
    expect(e).toMatchObject({ qualifier: "以上", subject: "规模以上工业增加值" });
    expect(ignored("实施500万元以上重点项目128个。")).toEqual(["500:name"]);
    expect(figures("实施500万元以上重点项目128个。")).toEqual(["128个"]);
    expect(ignored("不断提升3岁以下婴幼儿照护服务水平。")).toEqual(["3:name"]);
  });

  it("a paragraph repeated verbatim is a duplicate", () => {
    const line = "圣凯科技10万吨磷酸铁锂正极材料项目,总投资近20亿元。";
    const x = extract(`${line}\n\n${line}\n`);
    expect(x.entries).toHaveLength(2);
    expect(x.ignored.map((i) => i.why)).toEqual(["duplicate", "duplicate"]);
  });
});

describe("names and regions", () => {
  it("reads the name exactly through the catalog, with measure words", () => {
    expect(entry("地区生产总值增长6%。", "6%")).toMatchObject({
      indicator: "econ_gdp",
      match: "name",
      measure: "pct_change",
    });
    expect(entry("“十四五”期间,新增公路里程1185公里。", "1185公里", "2025-11-25")).toMatchObject({
      indicator: "transport_highway_mileage",
      measure: "abs_change",
      period: "2025",
    });
  });

  it("suggests a similar name with low confidence, or proposes a new indicator", () => {
    const similar = entry("全区地区生产总量达665亿元。", "665亿元");
    expect(similar).toMatchObject({ indicator: "econ_gdp", match: "similar" });
    expect(similar.confidence).toBeLessThanOrEqual(0.5);
    // A similar name must agree on the words that make it what it is (农村, 全体, 人均, 率 …).
    expect(entry("农村居民人均可支配收入达2.1万元。", "2.1万元").indicator).toBeNull();
    expect(entry("居民人均可支配收入达5.4万元。", "5.4万元").indicator).toBe("welfare_disposable_income_per_capita");
    const fresh = entry("建成口袋公园75个。", "75个");
    expect(fresh.indicator).toBeNull();
    expect(fresh.proposed).toEqual({ zh: "建成口袋公园", unit: "个" });
  });

  it("a headline or a clause naming a region sets the region", () => {
    const text =
      "以高质量项目支撑高质量发展\n\n——访呼和浩特经济技术开发区管委会主任\n\n今年实施了75个基础设施项目。\n\n另一则消息\n\n全市新建学校8所。\n";
    expect(extract(text).entries.map((e) => e.region)).toEqual(["呼和浩特经济技术开发区", "呼和浩特市"]);
    expect(entry("本年度,经开区新签约项目76个。", "76个").region).toBe("呼和浩特经济技术开发区");
  });
});
