/**
 * The tables the add-in writes, as data. Each table is a list of column specs — header, value,
 * number format, width — turned into the 2-D arrays and formats the workbook writer copies into
 * ranges. Pure: everything about content is tested without Excel.
 */
import { seriesPoints, sortFacts, targetRows, type SeriesPoint, type TargetRow } from "../core/analysis";
import type { Fact, Indicator, Source } from "../core/schema";
import type { IndicatorStore } from "../core/store";
import { neutralizeFormulaText } from "../core/text";
import { isoToSerial } from "../core/excel-dates";
import { workbook } from "../runtime/date-system";
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

/** One column of a table the add-in writes. */
export interface Column<Row> {
  /** The header in each language, or one already in the language written. */
  header: Record<Lang, string> | string;
  /** The cell for a row; undefined leaves it empty. */
  value: (row: Row, lang: Lang) => Cell | undefined;
  /** Formatted as text ("@") before anything is written, and neutralized: text never becomes a number or formula. */
  text?: boolean;
  /** A number format for the whole column, or one per row (by unit). */
  format?: string | ((row: Row) => string);
  /** A fixed width in points; otherwise sized to the content. */
  width?: number;
  /** How a cell reads once Excel shows it, for sizing: a date serial reads 2023-06-27, a formula its result. */
  shown?: (cell: Cell) => string;
}

/** A table from its columns: one row per item, headers in `lang`. */
export function sheetBlock<Row>(
  columns: ReadonlyArray<Column<Row>>,
  items: readonly Row[],
  lang: Lang,
  formulas: SheetBlock["formulas"] = false,
): SheetBlock {
  const header = columns.map((c) => (typeof c.header === "string" ? c.header : c.header[lang]));
  const rows = items.map((item) =>
    columns.map((c): Cell => {
      const value = c.value(item, lang);
      if (c.text) return text(value === undefined ? undefined : String(value));
      return value ?? "";
    }),
  );
  const textColumns: number[] = [];
  const rowFormats: SheetBlock["rowFormats"] = [];
  const columnFormats: SheetBlock["columnFormats"] = [];
  columns.forEach((c, column) => {
    if (c.text) textColumns.push(column);
    if (typeof c.format === "string") columnFormats.push({ column, format: c.format });
    else if (c.format) rowFormats.push({ column, formats: items.map(c.format) });
  });
  const sized = columnWidths(header, rows, (column, cell) => columns[column].shown?.(cell) ?? String(cell));
  return {
    header,
    rows,
    formulas,
    textColumns,
    rowFormats,
    columnFormats,
    widths: sized.map((width, column) => columns[column].width ?? width),
  };
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

/** Excel's serial day number in the workbook's date system for an ISO date, so dates sort and filter as dates. */
export function excelDate(iso: string): number {
  return isoToSerial(iso, workbook.dateSystem);
}

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

/** A date column: Excel dates (they sort and filter as dates), shown as ISO dates. */
const DATE = { format: "yyyy-mm-dd", shown: () => "2023-06-27" } as const;

/** A column of formulas, sized for a typical result rather than the formula text. */
export const FORMULA = {
  shown: (cell: Cell) => (typeof cell === "string" && cell.startsWith("=") ? "000,000.00" : String(cell)),
} as const;

/* ------------------------------------------------------------------ facts */

interface FactLine {
  fact: Fact;
  indicator?: Indicator;
  source?: Source;
  /** The figure lookups return for its key. */
  chosen: boolean;
}

const FACT_COLUMNS: ReadonlyArray<Column<FactLine>> = [
  { header: { zh: "指标ID", en: "Indicator ID" }, text: true, value: (r) => r.fact.indicator },
  { header: { zh: "指标", en: "Indicator (zh)" }, text: true, value: (r) => r.indicator?.zh },
  { header: { zh: "英文名称", en: "Indicator" }, text: true, value: (r) => r.indicator?.en },
  { header: { zh: "类别", en: "Category" }, text: true, value: (r) => r.indicator?.category },
  { header: { zh: "地区", en: "Region" }, text: true, value: (r) => r.fact.region },
  { header: { zh: "期间", en: "Period" }, text: true, value: (r) => r.fact.period },
  { header: { zh: "类型", en: "Kind" }, text: true, value: (r, lang) => KIND_LABEL[lang][r.fact.kind] },
  { header: { zh: "口径", en: "Measure" }, text: true, value: (r, lang) => MEASURE_LABEL[lang][r.fact.measure] },
  {
    header: { zh: "数值", en: "Value" },
    value: (r) => r.fact.value,
    format: (r) => numberFormatFor(r.fact.unit, r.fact.value),
    shown: (cell) => `${cell},000`,
  },
  { header: { zh: "单位", en: "Unit" }, text: true, value: (r) => r.fact.unit },
  { header: { zh: "限定词", en: "Qualifier" }, text: true, value: (r) => r.fact.qualifier },
  { header: { zh: "基期", en: "Base" }, text: true, value: (r) => r.fact.base },
  { header: { zh: "原文数字", en: "As reported" }, text: true, value: (r) => r.fact.reported.text },
  { header: { zh: "采用", en: "Chosen" }, value: (r) => r.chosen },
  { header: { zh: "来源ID", en: "Source ID" }, text: true, value: (r) => r.fact.source },
  { header: { zh: "文件", en: "Document" }, text: true, value: (r) => r.source?.title },
  { header: { zh: "日期", en: "Date" }, ...DATE, value: (r) => (r.source ? excelDate(r.source.date) : undefined) },
  { header: { zh: "行号", en: "Line" }, value: (r) => r.fact.line },
  { header: { zh: "原文", en: "Quote" }, text: true, value: (r) => r.fact.quote },
  { header: { zh: "备注", en: "Note" }, text: true, value: (r) => r.fact.note },
];

/** Every figure with its document, line and quote, in reading order. */
export function factsBlock(store: IndicatorStore, facts: readonly Fact[], lang: Lang): SheetBlock {
  const lines = sortFacts(store, facts).map((fact): FactLine => ({
    fact,
    indicator: store.indicators.get(fact.indicator),
    source: store.sources.get(fact.source),
    chosen: store.isChosen(fact),
  }));
  return sheetBlock(FACT_COLUMNS, lines, lang);
}

/* ------------------------------------------------------------------ sources */

interface SourceLine {
  source: Source;
  facts: number;
}

const SOURCE_COLUMNS: ReadonlyArray<Column<SourceLine>> = [
  { header: { zh: "来源ID", en: "Source ID" }, text: true, value: (r) => r.source.id },
  { header: { zh: "文件", en: "Document (zh)" }, text: true, value: (r) => r.source.title },
  { header: { zh: "英文标题", en: "Document" }, text: true, value: (r) => r.source.title_en },
  { header: { zh: "发布者", en: "Issuer" }, text: true, value: (r) => r.source.issuer },
  { header: { zh: "日期", en: "Date" }, ...DATE, value: (r) => excelDate(r.source.date) },
  { header: { zh: "日期说明", en: "Date note" }, text: true, value: (r) => r.source.date_note },
  { header: { zh: "类型", en: "Type" }, text: true, value: (r) => r.source.type },
  { header: { zh: "地区", en: "Region" }, text: true, value: (r) => r.source.regions.join("、") },
  { header: { zh: "事实数", en: "Facts" }, format: "#,##0", value: (r) => r.facts },
  { header: { zh: "文件名", en: "File" }, text: true, value: (r) => r.source.file },
];

/** The documents behind `facts` (document, issuer, date, type). */
export function sourcesBlock(store: IndicatorStore, facts: readonly Fact[], lang: Lang): SheetBlock {
  const counts = new Map<string, number>();
  for (const f of facts) counts.set(f.source, (counts.get(f.source) ?? 0) + 1);
  const lines = store.dataset.sources
    .filter((s) => counts.has(s.id))
    .map((source): SourceLine => ({ source, facts: counts.get(source.id) ?? 0 }));
  return sheetBlock(SOURCE_COLUMNS, lines, lang);
}

/* ------------------------------------------------------------------ target tracking */

interface TargetLine extends TargetRow {
  /** The HH arguments for the target: indicator name, period and region. */
  name: string;
  period: string;
  region: string;
}

const unitFormat = (r: TargetLine) => numberFormatFor(r.indicator.unit, r.fact.value);

const TARGET_COLUMNS: ReadonlyArray<Column<TargetLine>> = [
  {
    header: { zh: "指标", en: "Indicator" },
    text: true,
    value: (r, lang) => r.indicator[lang],
  },
  { header: { zh: "地区", en: "Region" }, text: true, value: (r) => r.fact.region },
  { header: { zh: "目标期", en: "Target period" }, text: true, value: (r) => r.fact.period },
  { header: { zh: "类型", en: "Kind" }, text: true, value: (r, lang) => KIND_LABEL[lang][r.fact.kind] },
  { header: { zh: "单位", en: "Unit" }, text: true, value: (r) => r.indicator.unit },
  {
    header: { zh: "目标值", en: "Target" },
    ...FORMULA,
    format: unitFormat,
    value: (r) => `=${call("TARGET", [r.name, r.period, r.region])}`,
  },
  { header: { zh: "最新实际期", en: "Latest actual period" }, text: true, value: (r) => r.base?.period },
  {
    header: { zh: "最新实际值", en: "Latest actual" },
    ...FORMULA,
    format: unitFormat,
    value: (r) => (r.base ? `=${call("VALUE", [r.name, periodArg(r.base.period), r.region])}` : undefined),
  },
  {
    header: { zh: "差距", en: "Gap" },
    ...FORMULA,
    format: unitFormat,
    value: (r) => `=${call("TARGETGAP", [r.name, r.period, r.region])}`,
  },
  {
    header: { zh: "所需年均变化", en: "Required yearly change" },
    ...FORMULA,
    format: "0.00%",
    value: (r) => `=${call("TARGETRATE", [r.name, r.period, r.region])}`,
  },
  {
    header: { zh: "来源", en: "Source" },
    width: 260,
    value: (r) => `=${call("SOURCE", [r.name, r.period, quoteArg(r.fact.kind), r.region])}`,
  },
];

/** Target tracking as HH formulas, so the sheet follows the live dataset. */
export function targetsBlock(store: IndicatorStore, facts: readonly Fact[], lang: Lang): SheetBlock {
  const lines = targetRows(store, facts).map((row): TargetLine => ({
    ...row,
    name: indicatorArg(store, row.indicator),
    period: periodArg(row.fact.period),
    region: regionArg(row.fact.region),
  }));
  return sheetBlock(TARGET_COLUMNS, lines, lang, "A1");
}

/* ------------------------------------------------------------------ charts */

/** The data behind a native chart: period as text (a category, not a series), values as HH formulas. */
export function chartBlock(store: IndicatorStore, indicator: Indicator, region: string, lang: Lang): SheetBlock {
  const name = indicatorArg(store, indicator);
  const regionText = regionArg(region);
  const format = numberFormatFor(indicator.unit);
  const columns: Array<Column<SeriesPoint>> = [
    { header: { zh: "期间", en: "Period" }, text: true, width: 56, value: (p) => String(p.year) },
    {
      header: { zh: "实际", en: "Actual" },
      format,
      width: 80,
      value: (p) => (p.actual ? `=${call("VALUE", [name, String(p.year), regionText])}` : undefined),
    },
    {
      header: { zh: "目标", en: "Target" },
      format,
      width: 80,
      value: (p) => (p.target ? `=${call("TARGET", [name, String(p.year), regionText])}` : undefined),
    },
  ];
  return sheetBlock(columns, seriesPoints(store, indicator.id, region), lang, "A1");
}
