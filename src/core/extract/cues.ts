/**
 * The words around figures that say when (今年, 2022年, 前三季度, "十四五"期间, 到2025年 …), what kind
 * (预计, 计划/将, 力争/目标, 已) and against what base (比上年, 同比, 较"十三五") — found in a paragraph's
 * logical text, each with its position and how far it reaches.
 */
import { parseChineseNumeral } from "./numbers";

export interface DocDate {
  year: number;
  month: number;
}

/** How far a cue reaches: the rest of its sentence, its paragraph, or the article (until a headline). */
export type Scope = "sentence" | "paragraph" | "article";

export interface PeriodCue {
  start: number;
  end: number;
  text: string;
  scope: Scope;
  /** An absolute period in dataset notation (2022, 2021-2025, 2023-YTD09 …); absent for relative cues. */
  period?: string;
  /** A multi-year span the cue names (十四五, 过去五年, 2017年以来): a level may be its end year. */
  span?: [number, number];
  /** A goal horizon (到2025年, "十五五"末, 利用三年时间). */
  horizon?: boolean;
  /** A sub-year part of the current year (-H1, -Q1, -YTD09, -M10). */
  sub?: string;
  /** 全年, 年内, 年底: the whole current year. */
  wholeYear?: boolean;
  /** 2024、2025年: a list of years (with 每年, one figure per year). */
  years?: string[];
  /** The kind the cue itself implies (截至目前 → actual). */
  kind?: KindCueKind;
}

export type KindCueKind = "estimate" | "actual" | "forward" | "target";

export interface KindCue {
  start: number;
  end: number;
  text: string;
  kind: KindCueKind;
}

export interface BaseCue {
  start: number;
  end: number;
  text: string;
  /** 上年, 同比, 十三五, or a year. */
  base?: string;
  /** 年均: an average yearly change. */
  annual?: boolean;
}

const CN_SMALL = "一二三四五六七八九十两";
const YEAR = String.raw`(?<![\d.])((?:19|20)\d{2})(?!\d)`;
const SEP = String.raw`\s*(?:——|[-—–~～至到])\s*`;
const BASE_PREFIX = /(?:比|较|与|同|相比|相较|比起)$/;

/** 十四 → "2021-2025": the five-year plan numbered n starts in 2021 + 5(n − 14). */
export function fiveYearPlan(numeral: string): [number, number] | undefined {
  const n = parseChineseNumeral(numeral);
  if (!Number.isInteger(n) || n < 10 || n > 16) return undefined;
  const start = 2021 + 5 * (n - 14);
  return [start, start + 4];
}

/** The year "last year" refers to in a report of this date: a report of Jan–Mar reviews the year before. */
export function reviewYear(date: DocDate): number {
  return date.month <= 3 ? date.year - 1 : date.year;
}

const span = (a: number, b: number) => (a === b ? String(a) : `${a}-${b}`);
const two = (n: number) => String(n).padStart(2, "0");

/** Ranges inside 《》, （）/() and 〈〉: titles and asides, whose years are not the figures' periods. */
export function bracketed(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "《" || c === "（" || c === "(" || c === "〈") stack.push(i);
    else if ((c === "》" || c === "）" || c === ")" || c === "〉") && stack.length > 0) {
      const open = stack.pop()!;
      if (stack.length === 0) ranges.push([open, i + 1]);
    }
  }
  return ranges;
}

interface Rule {
  re: RegExp;
  make: (m: RegExpExecArray, date: DocDate, before: string) => Omit<PeriodCue, "start" | "end" | "text"> | undefined;
}

const SUB_WORDS: Record<string, string> = {
  上半年: "-H1",
  下半年: "-H2",
  一季度: "-Q1",
  第一季度: "-Q1",
  "1季度": "-Q1",
  二季度: "-Q2",
  第二季度: "-Q2",
  "2季度": "-Q2",
  三季度: "-Q3",
  第三季度: "-Q3",
  "3季度": "-Q3",
  四季度: "-Q4",
  第四季度: "-Q4",
  "4季度": "-Q4",
  前三季度: "-YTD09",
  前两季度: "-YTD06",
};
const SUB = String.raw`(上半年|下半年|前三季度|前两季度|第?[一二三四1-4]季度|1\s*[-—~至到]\s*(\d{1,2})\s*月(?!\s*\d*\s*日)|前([${CN_SMALL}\d]+)个月)`;

function subOf(word: string, month?: string, months?: string): string | undefined {
  if (month) return Number(month) === 12 ? "" : `-YTD${two(Number(month))}`;
  if (months) {
    const n = /^\d/.test(months) ? Number(months) : parseChineseNumeral(months);
    return n >= 1 && n <= 12 ? (n === 12 ? "" : `-YTD${two(n)}`) : undefined;
  }
  return SUB_WORDS[word.replace(/\s/g, "")];
}

/** Period rules, most specific first; a later match overlapping an earlier one is dropped. */
const PERIOD_RULES: Rule[] = [
  // "十四五"时期 / 期间 / 以来 / 末; 展望"十五五"; 到"十五五"末
  {
    re: new RegExp(
      `(展望|到|至|进入|迈入)?[“"‘'「]?(十[一二三四五六])五[”"’'」]?(时期|期间|以来|这五年|期末|末)?`,
      "g",
    ),
    make: (m, date, before) => {
      if (!m[1] && !m[3]) return undefined;
      // 较"十三五", 是"十三五"时期的1.5倍: a base of comparison, not the period.
      if (!m[1] && (BASE_PREFIX.test(before) || /(?:是|为|相当于)$/.test(before))) return undefined;
      const plan = fiveYearPlan(m[2]);
      if (!plan) return undefined;
      if (m[3] === "末" || m[3] === "期末" || ((m[1] === "到" || m[1] === "至") && !m[3]))
        return { period: String(plan[1]), horizon: plan[1] > date.year, scope: "sentence" };
      return { period: span(...plan), span: plan, horizon: plan[0] > date.year, scope: "article" };
    },
  },
  // 2012—2021年, 2012至2021年
  {
    re: new RegExp(`${YEAR}\\s*年?${SEP}${YEAR}\\s*年(?!\\s*\\d+\\s*月)`, "g"),
    make: (m) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      return b > a ? { period: span(a, b), span: [a, b], scope: "paragraph" } : undefined;
    },
  },
  // 2024、2025年
  {
    re: new RegExp(`${YEAR}((?:\\s*[、和及]\\s*(?:19|20)\\d{2})+)\\s*年`, "g"),
    make: (m) => {
      const years = [m[1], ...(m[2].match(/\d{4}/g) ?? [])];
      return { period: years[0], years, scope: "sentence" };
    },
  },
  // 2017年以来
  {
    re: new RegExp(`${YEAR}\\s*年以来`, "g"),
    make: (m, date) => {
      const a = Number(m[1]);
      const b = reviewYear(date);
      return b > a ? { period: span(a, b), span: [a, b], scope: "paragraph" } : undefined;
    },
  },
  // 截至2022年底 (as of)
  {
    re: new RegExp(`(?:截至|截止)(?:到)?\\s*${YEAR}\\s*年(?:底|末)?`, "g"),
    make: (m) => ({ period: m[1], scope: "paragraph", kind: "actual" }),
  },
  // 到2025年, 力争到2025年底, 2025年前
  {
    re: new RegExp(`(?:到|至)\\s*${YEAR}\\s*年(?:底|末)?|${YEAR}\\s*年(?:前|之前)(?!\\d)`, "g"),
    make: (m, date) => {
      const y = m[1] ?? m[2];
      return { period: y, horizon: Number(y) > date.year, scope: "sentence" };
    },
  },
  // 2023年上半年, 2023年1-9月, 2023年前三季度
  {
    re: new RegExp(`${YEAR}\\s*年(?:的)?\\s*${SUB}`, "g"),
    make: (m) => {
      const sub = subOf(m[2], m[3], m[4]);
      return sub === undefined ? undefined : { period: `${m[1]}${sub}`, scope: "paragraph" };
    },
  },
  // 2022年, 2022年度, 2022年底 (not 比2020年, not 于2021年投产)
  {
    re: new RegExp(`${YEAR}\\s*年(?:度)?(?:底|末)?`, "g"),
    make: (m, _date, before) => {
      if (BASE_PREFIX.test(before) || /于\s*$/.test(before)) return undefined;
      return { period: m[1], scope: "paragraph" };
    },
  },
  // 过去五年, 五年来, "十四五"这五年
  {
    re: /过去的?五年|五年来|近五年|这五年|五年间|未来五年|今后五年/g,
    make: (m, date) => {
      if (/未来|今后/.test(m[0])) {
        const a = date.year + 1;
        return { period: span(a, a + 4), span: [a, a + 4], horizon: true, scope: "article" };
      }
      const b = reviewYear(date);
      return { period: span(b - 4, b), span: [b - 4, b], scope: "article" };
    },
  },
  // 利用三年时间, 三年建设, 3年内: a horizon counted from the report's year
  {
    re: new RegExp(`(?<![\\d${CN_SMALL}])(?:利用|用|花)?([${CN_SMALL}]|\\d{1,2})年(?:时间|内(?!容)|建设)`, "g"),
    make: (m, date) => {
      const n = /\d/.test(m[1]) ? Number(m[1]) : parseChineseNumeral(m[1]);
      if (!(n >= 1 && n <= 10)) return undefined;
      return { period: String(date.year + n - 1), horizon: n > 1, scope: "sentence" };
    },
  },
  // 今年, 去年, 明年, 一年来
  {
    re: /今年|本年度|当年|去年|上一年度|前年|明年|一年来|过去一年|刚刚过去的一年|过去的一年/g,
    make: (m, date, before) => {
      const w = m[0];
      if (/去年|上一年度/.test(w) && BASE_PREFIX.test(before)) return undefined;
      const year =
        w === "去年" || w === "上一年度"
          ? date.year - 1
          : w === "前年"
            ? date.year - 2
            : w === "明年"
              ? date.year + 1
              : /一年/.test(w)
                ? reviewYear(date)
                : date.year;
      return { period: String(year), scope: "article", horizon: year > date.year };
    },
  },
  // 上半年, 前三季度, 1-9月 (of the current year)
  {
    re: new RegExp(SUB, "g"),
    make: (m) => {
      const sub = subOf(m[1], m[2], m[3]);
      return sub === undefined ? undefined : { sub, scope: "paragraph" };
    },
  },
  // 截至目前, 目前, 截至10月19日: as of the report
  {
    re: /截至目前|截止目前|截至当前|截至\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末)?|截止\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末)?|目前|当前|至今/g,
    make: (_m, date) => ({ period: String(date.year), scope: "paragraph", kind: "actual" }),
  },
  // 全年, 年内, 年底 (前): the whole current year
  {
    re: /全年|年内|年底前|年底|年末/g,
    make: (m) => ({ wholeYear: true, scope: "paragraph", kind: /年内|年底前/.test(m[0]) ? "forward" : undefined }),
  },
];

/** Every period cue of a paragraph, in text order, outside titles and asides. */
export function findPeriodCues(text: string, date: DocDate): PeriodCue[] {
  const blocked = bracketed(text);
  const inBrackets = (i: number) => blocked.some(([a, b]) => a <= i && i < b);
  const cues: PeriodCue[] = [];
  const taken: Array<[number, number]> = [];
  for (const rule of PERIOD_RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0] === "") {
        rule.re.lastIndex++;
        continue;
      }
      if (taken.some(([a, b]) => a < end && start < b)) continue;
      taken.push([start, end]);
      if (inBrackets(start)) continue;
      const made = rule.make(m, date, text.slice(Math.max(0, start - 3), start));
      if (made) cues.push({ start, end, text: m[0], ...made });
    }
  }
  // 10月26日至27日 at the start of a news item: the figures of the item belong to that month.
  const lead = text.slice(0, 40).match(/^(?:[^，,。]*?[)）])?\s*(\d{1,2})\s*月\s*\d{1,2}\s*日/);
  if (lead && !/截至|截止|于/.test(text.slice(0, lead.index! + lead[0].length))) {
    const month = Number(lead[1]);
    if (month >= 1 && month <= 12) {
      const at = text.indexOf(lead[1] + "月");
      if (!taken.some(([a, b]) => a <= at && at < b))
        cues.push({ start: at, end: at + lead[1].length + 1, text: lead[0], sub: `-M${two(month)}`, scope: "article" });
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** 将 as "will" (将完成, 将有) and not as 把 (将10所学校整合成5所, 将保合少镇打造为…). */
const WILL_VERBS =
  "完成|实现|达到|达|有|新建|建设|建成|开工|启动|实施|推进|推动|投入|新增|开展|建立|打造|着力|重点|继续|全面|进一步|加快|围绕|持续|认真|在|于|以|通过|力争|成为|超过|突破|形成|带动|惠及|增加|增长|提升|提高|扩大|覆盖|举办|培育|组织|坚定|坚决|深入|聚焦|紧扣|全力|确保|迎来|累计|进入|迈上|陆续|逐步|全部|基本";

const KIND_RULES: ReadonlyArray<readonly [RegExp, KindCueKind]> = [
  [/预计|预估|估计|估测|据估算|有望|预测/g, "estimate"],
  [/主要预期目标|预期目标|目标是|目标为|目标任务是|奋斗目标/g, "target"],
  [/(?<!而)已经|(?<![而不])已(?!经)|截至|截止|目前|至今/g, "actual"],
  [
    new RegExp(
      `计划|拟(?=[\\u4e00-\\u9fff])|力争|确保|争取(?!到|了)|努力|年内|年底前|下一步|(?<=[，,。；;]|^)要(?=[\\u4e00-\\u9fff])|可(?=新增|增加|投入|完成|达到|实现|提供|容纳|带动)|(?:即)?将(?=${WILL_VERBS})`,
      "g",
    ),
    "forward",
  ],
];

/** Every kind cue of a paragraph, in text order. */
export function findKindCues(text: string): KindCue[] {
  const blocked = bracketed(text);
  const cues: KindCue[] = [];
  for (const [re, kind] of KIND_RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      if (blocked.some(([a, b]) => a <= start && start < b)) continue;
      cues.push({ start, end: start + m[0].length, text: m[0], kind });
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

const BASE_RULES: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => Omit<BaseCue, "start" | "end" | "text">]> = [
  [/(?:比|较|与|同|相比|相较)[“"‘'「]?(十[一二三四五六])五[”"’'」]?(?:时期|期间|末)?/g, (m) => ({ base: `${m[1]}五` })],
  [new RegExp(`(?:比|较|与|相比|相较)\\s*${YEAR}\\s*年(?:底|末)?`, "g"), (m) => ({ base: m[1] })],
  [
    /(?:比|较|与|同|相比|相较|比起)(?:上年|去年|上一年)(?:同期)?/g,
    (m) => ({ base: /同期/.test(m[0]) ? "同比" : "上年" }),
  ],
  [/同比/g, () => ({ base: "同比" })],
  [/年均|年平均|平均每年/g, () => ({ annual: true })],
];

/** Base and 年均 words in a stretch of text. */
export function findBaseCues(text: string): BaseCue[] {
  const cues: BaseCue[] = [];
  const taken: Array<[number, number]> = [];
  for (const [re, make] of BASE_RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => a < end && start < b)) continue;
      taken.push([start, end]);
      cues.push({ start, end, text: m[0], ...make(m) });
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}
