/**
 * The 2-D arrays and formats the add-in writes. Pure: the Excel glue (run.ts) only copies these
 * into ranges, so everything about content is tested without Excel.
 */
import { comparePeriods, endYear, isYear } from "../core/periods";
import { latestActualBefore } from "../core/query";
import type { Fact, Indicator } from "../core/schema";
import type { IndicatorStore } from "../core/store";
import { neutralizeFormulaText } from "../core/text";
import { isPercentUnit } from "../core/units";
import { call, indicatorArg, periodArg, quoteArg, regionArg } from "./formulas";
import { KIND_LABEL, MEASURE_LABEL, type Lang } from "./labels";

export type Cell = string | number | boolean;

export interface SheetBlock {
  header: string[];
  /** Data rows (without the header). Text is already neutralized; formulas start with "=". */
  rows: Cell[][];
  /** Write with range.values (false), range.formulas ("A1") or range.formulasR1C1 ("R1C1"). */
  formulas: false | "A1" | "R1C1";
  /** Columns formatted as text ("@") before anything is written, so text never turns into a number or formula. */
  textColumns: number[];
  /** Per-row number formats of one column (by unit). */
  rowFormats: Array<{ column: number; formats: string[] }>;
  /** Whole-column number formats. */
  columnFormats: Array<{ column: number; format: string }>;
  /** Column widths in points, sized to the content. */
  widths: number[];
}

const MONEY_UNITS = new Set(["亿元", "万元", "元", "千元", "万亿元"]);

/** Percentages as %, money with thousands separators and two decimals, counts with separators. */
export function numberFormatFor(unit: string, value?: number): string {
  if (isPercentUnit(unit)) return "0.00%";
  if (MONEY_UNITS.has(unit)) return "#,##0.00";
  return value === undefined || Number.isInteger(value) ? "#,##0" : "#,##0.0##";
}

export function text(value: string | undefined): string {
  return value === undefined ? "" : neutralizeFormulaText(value);
}

/** Excel's serial day number (1900 date system) for an ISO date, so dates sort and filter as dates. */
export function excelDate(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const DATE_FORMAT = "yyyy-mm-dd";

/** Width in points from the longest entry (header and up to 2,000 rows): CJK characters count double. */
export function columnWidths(
  header: string[],
  rows: Cell[][],
  displayed?: (column: number, cell: Cell) => string,
): number[] {
  const sample = rows.length > 2000 ? rows.slice(0, 2000) : rows;
  return header.map((title, column) => {
    let units = textUnits(title) + 3; // room for the filter button
    for (const row of sample) {
      const cell = row[column];
      const shown = displayed ? displayed(column, cell) : String(cell ?? "");
      units = Math.max(units, textUnits(shown));
    }
    return Math.min(320, Math.max(36, Math.round(units * 5.6 + 8)));
  });
}

function textUnits(value: string): number {
  let units = 0;
  for (const ch of value) units += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return units;
}

const FACT_HEADER: Record<Lang, string[]> = {
  zh: [
    "指标ID",
    "指标",
    "英文名称",
    "类别",
    "地区",
    "期间",
    "类型",
    "口径",
    "数值",
    "单位",
    "限定词",
    "基期",
    "原文数字",
    "采用",
    "来源ID",
    "文件",
    "日期",
    "行号",
    "原文",
    "备注",
  ],
  en: [
    "Indicator ID",
    "Indicator (zh)",
    "Indicator",
    "Category",
    "Region",
    "Period",
    "Kind",
    "Measure",
    "Value",
    "Unit",
    "Qualifier",
    "Base",
    "As reported",
    "Chosen",
    "Source ID",
    "Document",
    "Date",
    "Line",
    "Quote",
    "Note",
  ],
};
const FACT_TEXT_COLUMNS = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 18, 19];
const FACT_VALUE_COLUMN = 8;

/** Facts sorted for reading: category, indicator, region, period, kind. */
export function sortFacts(store: IndicatorStore, facts: readonly Fact[]): Fact[] {
  const ind = (f: Fact) => store.indicators.get(f.indicator);
  return [...facts].sort(
    (a, b) =>
      (ind(a)?.category ?? "").localeCompare(ind(b)?.category ?? "") ||
      a.indicator.localeCompare(b.indicator) ||
      a.region.localeCompare(b.region) ||
      comparePeriods(a.period, b.period) ||
      a.kind.localeCompare(b.kind) ||
      a.measure.localeCompare(b.measure),
  );
}

export function factsBlock(store: IndicatorStore, facts: readonly Fact[], lang: Lang): SheetBlock {
  const sorted = sortFacts(store, facts);
  const rows: Cell[][] = [];
  const formats: string[] = [];
  for (const f of sorted) {
    const indicator = store.indicators.get(f.indicator);
    const source = store.sources.get(f.source);
    const chosen = store.facts(f.indicator, f.region, f.period, f.kind, f.measure)[0]?.id === f.id;
    rows.push([
      text(f.indicator),
      text(indicator?.zh),
      text(indicator?.en),
      text(indicator?.category),
      text(f.region),
      text(f.period),
      KIND_LABEL[lang][f.kind],
      MEASURE_LABEL[lang][f.measure],
      f.value,
      text(f.unit),
      text(f.qualifier),
      text(f.base),
      text(f.reported.text),
      chosen,
      text(f.source),
      text(source?.title),
      source ? excelDate(source.date) : "",
      f.line,
      text(f.quote),
      text(f.note),
    ]);
    formats.push(numberFormatFor(f.unit, f.value));
  }
  const header = FACT_HEADER[lang];
  return {
    header,
    rows,
    formulas: false,
    textColumns: FACT_TEXT_COLUMNS,
    rowFormats: [{ column: FACT_VALUE_COLUMN, formats }],
    columnFormats: [{ column: 16, format: DATE_FORMAT }],
    widths: columnWidths(header, rows, (column, cell) =>
      column === 16 ? "2023-06-27" : column === FACT_VALUE_COLUMN ? `${cell},000` : String(cell),
    ),
  };
}

const SOURCE_HEADER: Record<Lang, string[]> = {
  zh: ["来源ID", "文件", "英文标题", "发布者", "日期", "日期说明", "类型", "地区", "事实数", "文件名"],
  en: ["Source ID", "Document (zh)", "Document", "Issuer", "Date", "Date note", "Type", "Region", "Facts", "File"],
};

/** The documents behind `facts` (document, issuer, date, type). */
export function sourcesBlock(store: IndicatorStore, facts: readonly Fact[], lang: Lang): SheetBlock {
  const counts = new Map<string, number>();
  for (const f of facts) counts.set(f.source, (counts.get(f.source) ?? 0) + 1);
  const rows: Cell[][] = store.dataset.sources
    .filter((s) => counts.has(s.id))
    .map((s) => [
      text(s.id),
      text(s.title),
      text(s.title_en),
      text(s.issuer),
      excelDate(s.date),
      text(s.date_note),
      text(s.type),
      text(s.regions.join("、")),
      counts.get(s.id) ?? 0,
      text(s.file),
    ]);
  const header = SOURCE_HEADER[lang];
  return {
    header,
    rows,
    formulas: false,
    textColumns: [0, 1, 2, 3, 5, 6, 7, 9],
    rowFormats: [],
    columnFormats: [
      { column: 4, format: DATE_FORMAT },
      { column: 8, format: "#,##0" },
    ],
    widths: columnWidths(header, rows, (column, cell) => (column === 4 ? "2023-06-27" : String(cell))),
  };
}

const TARGET_HEADER: Record<Lang, string[]> = {
  zh: ["指标", "地区", "目标期", "类型", "单位", "目标值", "最新实际期", "最新实际值", "差距", "所需年均变化", "来源"],
  en: [
    "Indicator",
    "Region",
    "Target period",
    "Kind",
    "Unit",
    "Target",
    "Latest actual period",
    "Latest actual",
    "Gap",
    "Required yearly change",
    "Source",
  ],
};

export interface TargetRow {
  indicator: Indicator;
  fact: Fact;
  latest?: Fact;
}

/** One row per indicator, region and horizon with a target (or, failing that, a plan) level. */
export function targetRows(store: IndicatorStore, facts: readonly Fact[]): TargetRow[] {
  const seen = new Set<string>();
  const rows: TargetRow[] = [];
  for (const f of sortFacts(store, facts)) {
    if (f.measure !== "level" || (f.kind !== "target" && f.kind !== "plan")) continue;
    const key = `${f.indicator}|${f.region}|${f.period}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const indicator = store.indicators.get(f.indicator);
    if (!indicator) continue;
    // HH.TARGET prefers a target to a plan for the same period: show the one it returns.
    const fact =
      store.facts(f.indicator, f.region, f.period, "target", "level")[0] ??
      store.facts(f.indicator, f.region, f.period, "plan", "level")[0] ??
      f;
    rows.push({ indicator, fact, latest: latestActualBefore(store, indicator, f.region, endYear(f.period)) });
  }
  return rows;
}

/** Target tracking as HH formulas, so the sheet follows the live dataset. */
export function targetsBlock(store: IndicatorStore, facts: readonly Fact[], lang: Lang): SheetBlock {
  const rows: Cell[][] = [];
  const unitFormats: string[] = [];
  const rateFormats: string[] = [];
  for (const { indicator, fact, latest } of targetRows(store, facts)) {
    const name = indicatorArg(store, indicator);
    const period = periodArg(fact.period);
    const region = regionArg(fact.region);
    const citation = call("SOURCE", [name, period, quoteArg(fact.kind), region]);
    rows.push([
      text(lang === "zh" ? indicator.zh : indicator.en),
      text(fact.region),
      text(fact.period),
      KIND_LABEL[lang][fact.kind],
      text(indicator.unit),
      `=${call("TARGET", [name, period, region])}`,
      latest ? text(latest.period) : "",
      latest ? `=${call("VALUE", [name, periodArg(latest.period), region])}` : "",
      `=${call("TARGETGAP", [name, period, region])}`,
      `=${call("TARGETRATE", [name, period, region])}`,
      `=${citation}`,
    ]);
    unitFormats.push(numberFormatFor(indicator.unit, fact.value));
    rateFormats.push("0.00%");
  }
  const header = TARGET_HEADER[lang];
  const shown = rows.map((r) =>
    r.map((c, i) => (i === 10 ? "《…》 (…)" : typeof c === "string" && c.startsWith("=") ? "000,000.00" : c)),
  );
  return {
    header,
    rows,
    formulas: "A1",
    textColumns: [0, 1, 2, 3, 4, 6],
    rowFormats: [
      { column: 5, formats: unitFormats },
      { column: 7, formats: unitFormats },
      { column: 8, formats: unitFormats },
      { column: 9, formats: rateFormats },
    ],
    columnFormats: [],
    widths: columnWidths(header, shown).map((w, i) => (i === 10 ? 260 : w)),
  };
}

/** Only whole years are plotted: spans are totals and year-to-date figures are partial. */
function plotYear(fact: Fact): number | undefined {
  return isYear(fact.period) ? Number(fact.period) : undefined;
}

export interface SeriesPoint {
  year: number;
  actual?: Fact;
  target?: Fact;
}

/** Actual (or estimated) levels and targets (or plans) by year for one indicator and region. */
export function seriesPoints(store: IndicatorStore, indicatorId: string, region: string): SeriesPoint[] {
  const byYear = new Map<number, SeriesPoint>();
  for (const f of store.series(indicatorId)) {
    if (f.region !== region || f.measure !== "level") continue;
    const year = plotYear(f);
    if (year === undefined) continue;
    const point = byYear.get(year) ?? { year };
    const chosen = store.facts(f.indicator, f.region, f.period, f.kind, f.measure)[0] ?? f;
    if (f.kind === "actual" || f.kind === "estimate") {
      if (!point.actual || (point.actual.kind === "estimate" && f.kind === "actual")) point.actual = chosen;
    } else if (!point.target || (point.target.kind === "plan" && f.kind === "target")) point.target = chosen;
    byYear.set(year, point);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

const CHART_HEADER: Record<Lang, string[]> = {
  zh: ["期间", "实际", "目标"],
  en: ["Period", "Actual", "Target"],
};

/** The data behind a native chart: period as text (a category, not a series), values as HH formulas. */
export function chartBlock(store: IndicatorStore, indicator: Indicator, region: string, lang: Lang): SheetBlock {
  const name = indicatorArg(store, indicator);
  const regionText = regionArg(region);
  const rows: Cell[][] = seriesPoints(store, indicator.id, region).map((p) => [
    String(p.year),
    p.actual ? `=${call("VALUE", [name, String(p.year), regionText])}` : "",
    p.target ? `=${call("TARGET", [name, String(p.year), regionText])}` : "",
  ]);
  const format = numberFormatFor(indicator.unit);
  return {
    header: CHART_HEADER[lang],
    rows,
    formulas: "A1",
    textColumns: [0],
    rowFormats: [],
    columnFormats: [
      { column: 1, format },
      { column: 2, format },
    ],
    widths: [56, 80, 80],
  };
}
