/**
 * Every sentence a user reads about a lookup, in zh-CN and en-US: one table. Core code raises codes
 * with details (HHError); the functions, the pane and the CLI render them from here.
 */
import type { Lang } from "./lang";

export type { Lang };

/** The first `max` items, and how many more there are. */
const list = (items: readonly string[], max = 8) =>
  items.length > max ? `${items.slice(0, max).join(", ")} … (+${items.length - max})` : items.join(", ");
/** What exists, oldest first: the latest `max` periods (the ones most asked for), and how many earlier. */
const recent = (items: readonly string[], max = 12) =>
  items.length > max ? `(+${items.length - max}) … ${items.slice(-max).join(", ")}` : items.join(", ");

const zhErrors = {
  tooLong: (d: { what: string; length: number; max: number; start: string }) =>
    `参数过长:${d.what} 有 ${d.length} 个字符,最多 ${d.max}(${d.start}…)`,
  notText: (d: { what: string }) => `${d.what} 应为文本`,
  notNumber: (d: { what: string }) => `${d.what} 应为数字`,
  indicatorEmpty: () => "指标名称不能为空",
  indicatorUnknown: (d: { name: string; candidates: string[] }) =>
    `找不到指标 "${d.name}"${d.candidates.length ? `;相近:${d.candidates.join("; ")}` : ""}`,
  indicatorAmbiguous: (d: { name: string; candidates: string[] }) =>
    `"${d.name}" 有多个同等匹配:${d.candidates.join("; ")}`,
  regionNotText: () => "地区应为文本,如 “新城区”",
  regionUnknown: (d: { region: string; regions: string[] }) =>
    `未知地区 "${d.region}";有数据的地区:${list(d.regions, 20)}`,
  regionContradicts: (d: { inName: string; argument: string }) =>
    `名称中的地区(${d.inName})与地区参数(${d.argument})不一致`,
  kindUnknown: (d: { kind: string }) => `类型应为 实际/预计/计划/目标(actual/estimate/plan/target),而不是 "${d.kind}"`,
  periodNotYear: (d: { period: string }) => `期间应为年份,如 2025,而不是 ${d.period}`,
  periodEmpty: () => "期间不能为空:年份(2025)、期间(“2021-2025”)或 十四五",
  periodReversed: (d: { period: string }) => `期间起止颠倒:${d.period}`,
  periodUnknown: (d: { period: string }) => `无法识别的期间 "${d.period}":请用 2025、“2021-2025”、十四五 或 2023-YTD09`,
  unitNotText: () => "单位应为文本,如 “万元”",
  unitIncompatible: (d: { from: string; to: string }) => `单位不兼容:${d.from} → ${d.to}`,
  unitOfShare: (d: { indicator: string; unit: string }) => `单位不兼容:${d.indicator} 是占比(%),不能换算为 ${d.unit}`,
  unitOfChange: (d: { measure: string; unit: string }) =>
    `单位不兼容:${d.measure === "pp change" ? "百分点变化只能以个百分点表示" : "增速只能以 % 表示"},不能换算为 ${d.unit}`,
  unitOfIndicator: (d: { indicator: string; unit: string; detail: string }) =>
    `${d.detail}(${d.indicator} 的单位是 ${d.unit})`,
  noFigure: (d: NoFigure) =>
    [
      `${d.indicator} ${d.region} ${d.period} 没有${d.kinds.zh}${d.measure ? d.measure.zh : ""}数据`,
      d.otherMeasure &&
        (d.otherMeasure.level
          ? `该期有水平:请用 HH.VALUE("${d.indicator}")`
          : `该期有${d.otherMeasure.zh}:请用 "${d.indicator}${d.otherMeasure.zh}"${d.otherMeasure.growth ? " 或 HH.GROWTH" : ""}`),
      d.available.length ? `已有:${recent(d.available)}` : `${d.region} 没有该指标的数据`,
      d.elsewhere.length && `其他地区有数据:${d.elsewhere.join(", ")}(地区参数)`,
    ]
      .filter(Boolean)
      .join(";"),
  asOfInvalid: (d: { value: string }) => `as_of 应为日期:Excel 日期序号或 “2024-03-01” 这样的文本,而不是 "${d.value}"`,
  asOfYear: (d: { value: string }) =>
    `as_of 应为日期,${d.value} 像是年份:请写 "${d.value}-12-31" 或 DATE(${d.value},12,31)`,
  notYetPublished: (d: NotYetPublished) =>
    `截至 ${d.asOf} 尚未公布 ${d.indicator} ${d.region}${d.period ? ` ${d.period}` : ""} 的${d.kinds.zh}数据;首次公布于 ${d.first}`,
  notADecline: (d: { indicator: string; period: string; value: string; ask: string }) =>
    `${d.indicator} ${d.period} 报告的是增长(${d.value})而非下降;请用“${d.ask}”`,
  growthOfChange: (d: { name: string; measure: { zh: string; en: string } }) =>
    `"${d.name}" 指的是${d.measure.zh},不是增速;请用 HH.VALUE`,
  targetOfChange: (d: { name: string; measure: { zh: string; en: string } }) =>
    `目标差距按水平值计算,"${d.name}" 指的是${d.measure.zh}`,
  noTargetBase: (d: { indicator: string; region: string; horizon: number; available: string[] }) =>
    `${d.indicator} ${d.region} 在${d.horizon}年之前没有全年实际值或预计值作基数${d.available.length ? `;已有:${recent(d.available)}` : ""}`,
  baseInTargetYear: (d: { indicator: string }) => `${d.indicator} 最新实际值已在目标年份`,
  targetBaseBound: (d: { indicator: string; period: string; reported: string }) =>
    `${d.indicator} 的基数 ${d.period} 是一个界限(${d.reported}),不是确数,算不出差距或所需增速`,
  queryEmpty: () => "查询不能为空",
  limitRange: () => "条数应为 1-500 的整数",
  nothingMatches: (d: { query: string }) => `没有匹配的指标 "${d.query}"`,
  infoField: (d: { field: string; fields: readonly string[] }) =>
    `未知字段 "${d.field}";可用字段:${d.fields.join(", ")}`,
  outOfRange: () => "结果超出数值范围",
  yearsPositive: () => "年数须大于0",
  cagrStart: () => "起始值须为正数",
  cagrEnd: () => "期末值不能为负",
  previousZero: () => "上期值为0,无法计算增速",
  previousNegative: () => "上期值为负,增速没有意义",
  growthBelowMinus100: () => "增速不能低于-100%",
  baseAtMinus100: () => "增速为-100%,无法倒推基期值",
  projectBackwards: () => "增速为-100%时无法向前回推",
  targetYearAfter: () => "目标年份须晚于最新实际值",
  notFinite: () => "结果不是有限数",
  internal: (d: { detail: string }) => `内部错误:${d.detail}`,
  datasetUnavailable: (d: { detail: string }) => `数据集未能加载(${d.detail}),没有可返回的数字;请重新打开加载项`,
};

export interface NoFigure {
  indicator: string;
  region: string;
  period: string;
  kinds: { zh: string; en: string };
  measure?: { zh: string; en: string };
  /** Another measure with a figure for the period; `level`: the plain name asks for it. */
  otherMeasure?: { zh: string; en: string; growth: boolean; level: boolean };
  available: string[];
  elsewhere: string[];
}

export interface NotYetPublished {
  indicator: string;
  region: string;
  period: string;
  kinds: { zh: string; en: string };
  asOf: string;
  first: string;
}

export type ErrorMessages = typeof zhErrors;
export type ErrorId = keyof ErrorMessages;
export type ErrorDetails<K extends ErrorId> = Parameters<ErrorMessages[K]>[0];
/** The details an error id needs, or none. */
export type ErrorArgs<K extends ErrorId> = ErrorDetails<K> extends undefined ? [] : [ErrorDetails<K>];

const enErrors: ErrorMessages = {
  tooLong: (d) => `${d.what} is too long: ${d.length} characters, at most ${d.max} (${d.start}…)`,
  notText: (d) => `${d.what} must be text`,
  notNumber: (d) => `${d.what} must be a number`,
  indicatorEmpty: () => 'indicator must be a name, alias or id such as "公办园占比"',
  indicatorUnknown: (d) =>
    `no indicator matches "${d.name}" exactly${d.candidates.length ? `; did you mean: ${d.candidates.join("; ")}` : ""}`,
  indicatorAmbiguous: (d) => `"${d.name}" is ambiguous: ${d.candidates.join("; ")}`,
  regionNotText: () => 'region must be text such as "新城区"',
  regionUnknown: (d) => `unknown region "${d.region}"; regions with figures: ${list(d.regions, 20)}`,
  regionContradicts: (d) => `the name says ${d.inName}, the region argument says ${d.argument}`,
  kindUnknown: (d) => `kind must be actual/estimate/plan/target, got "${d.kind}"`,
  periodNotYear: (d) => `period must be a year such as 2025, got ${d.period}`,
  periodEmpty: () => 'period is required: a year (2025), a span ("2021-2025") or 十四五',
  periodReversed: (d) => `period span is reversed: ${d.period}`,
  periodUnknown: (d) => `unknown period "${d.period}": use 2025, "2021-2025", 十四五 or 2023-YTD09`,
  unitNotText: () => 'unit must be text such as "万元"',
  unitIncompatible: (d) => `incompatible units: ${d.from} → ${d.to}`,
  unitOfShare: (d) => `${d.indicator} is a share (%), cannot convert to ${d.unit}`,
  unitOfChange: (d) =>
    `a ${d.measure} is ${d.measure === "pp change" ? "in percentage points" : "a percentage"}, cannot convert to ${d.unit}`,
  unitOfIndicator: (d) => `${d.detail} (${d.indicator} is in ${d.unit})`,
  noFigure: (d) =>
    [
      `${d.indicator} ${d.region} ${d.period}: no ${d.kinds.en}${d.measure ? ` ${d.measure.en}` : ""} figure`,
      d.otherMeasure &&
        (d.otherMeasure.level
          ? `a level exists: ask HH.VALUE("${d.indicator}")`
          : `a ${d.otherMeasure.en} exists: ask for "${d.indicator}${d.otherMeasure.zh}"${d.otherMeasure.growth ? " or HH.GROWTH" : ""}`),
      d.available.length ? `available: ${recent(d.available)}` : `no figures for ${d.region}`,
      d.elsewhere.length && `figures exist for: ${d.elsewhere.join(", ")} (region argument)`,
    ]
      .filter(Boolean)
      .join("; "),
  asOfInvalid: (d) => `as_of must be a date: an Excel date serial or text such as "2024-03-01", not "${d.value}"`,
  asOfYear: (d) =>
    `as_of must be a date; ${d.value} looks like a year: write "${d.value}-12-31" or DATE(${d.value},12,31)`,
  notYetPublished: (d) =>
    `nothing had been published by ${d.asOf} for ${d.indicator} ${d.region}${d.period ? ` ${d.period}` : ""} (${d.kinds.en}); first published ${d.first}`,
  notADecline: (d) =>
    `${d.indicator} ${d.period}: the report states an increase (${d.value}), not a decline; ask for ${d.ask}`,
  growthOfChange: (d) => `"${d.name}" names a ${d.measure.en}, not a percent change; use HH.VALUE`,
  targetOfChange: (d) => `target gaps and rates compare levels; "${d.name}" names a ${d.measure.en}`,
  noTargetBase: (d) =>
    `no base: no whole-year actual or estimate level before ${d.horizon}${d.available.length ? `; available: ${recent(d.available)}` : ""}`,
  baseInTargetYear: () => "the latest actual is already in the target year",
  targetBaseBound: (d) =>
    `the base, ${d.period}, is a bound (${d.reported}), not an exact figure: no gap or required rate can be computed from it`,
  queryEmpty: () => "query must be text",
  limitRange: () => "limit must be a whole number from 1 to 500",
  nothingMatches: (d) => `no indicator matches "${d.query}"`,
  infoField: (d) => `unknown field "${d.field}"; fields: ${d.fields.join(", ")}`,
  outOfRange: () => "the result is out of range",
  yearsPositive: () => "years must be greater than 0",
  cagrStart: () => "CAGR needs a positive start value",
  cagrEnd: () => "CAGR needs a non-negative end value",
  previousZero: () => "previous value is 0",
  previousNegative: () => "growth over a negative base is not meaningful (previous value < 0)",
  growthBelowMinus100: () => "growth cannot be below -100%",
  baseAtMinus100: () => "a growth of -100% leaves no base to recover",
  projectBackwards: () => "a growth of -100% cannot be run backwards (years < 0)",
  targetYearAfter: () => "the target year must be after the latest actual",
  notFinite: () => "result is not a finite number",
  internal: (d) => `internal error: ${d.detail}`,
  datasetUnavailable: (d) =>
    `the dataset could not be loaded (${d.detail}), so there is no figure to return; reopen the add-in`,
};

export const ERROR_MESSAGES: Record<Lang, ErrorMessages> = { zh: zhErrors, en: enErrors };

/** One error in one language. */
export function errorText<K extends ErrorId>(lang: Lang, id: K, ...args: ErrorArgs<K>): string {
  return (ERROR_MESSAGES[lang][id] as (d?: unknown) => string)(args[0]);
}

/**
 * An error as a cell shows it: Chinese, then English. A workbook travels between readers of both,
 * and a cell's error message cannot follow the pane's language.
 */
export function bilingualError<K extends ErrorId>(id: K, ...args: ErrorArgs<K>): string {
  return `${errorText("zh", id, ...args)} ${errorText("en", id, ...args)}`;
}
