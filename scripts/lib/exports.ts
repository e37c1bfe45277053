/** The dataset as CSV and a Frictionless data package, for pandas, R and Power Query. */
import type { Dataset } from "../../src/core/schema";
import { neutralizeFormulaText } from "../../src/core/text";

const COLUMNS = [
  "id",
  "indicator",
  "indicator_zh",
  "indicator_en",
  "category",
  "region",
  "period",
  "kind",
  "measure",
  "base",
  "value",
  "unit",
  "qualifier",
  "reported_value",
  "reported_unit",
  "reported_text",
  "source",
  "source_title",
  "source_date",
  "line",
  "quote",
  "note",
] as const;

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = typeof value === "string" ? neutralizeFormulaText(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function factsCsv(dataset: Dataset): string {
  const indicators = new Map(dataset.indicators.map((i) => [i.id, i]));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const rows = dataset.facts.map((f) => {
    const ind = indicators.get(f.indicator);
    const src = sources.get(f.source);
    const row: Record<(typeof COLUMNS)[number], unknown> = {
      id: f.id,
      indicator: f.indicator,
      indicator_zh: ind?.zh,
      indicator_en: ind?.en,
      category: ind?.category,
      region: f.region,
      period: f.period,
      kind: f.kind,
      measure: f.measure,
      base: f.base,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      reported_value: f.reported.value,
      reported_unit: f.reported.unit,
      reported_text: f.reported.text,
      source: f.source,
      source_title: src?.title,
      source_date: src?.date,
      line: f.line,
      quote: f.quote,
      note: f.note,
    };
    return COLUMNS.map((c) => csvCell(row[c])).join(",");
  });
  // A BOM so Excel opens the UTF-8 Chinese text correctly.
  return "\uFEFF" + [COLUMNS.join(","), ...rows].join("\r\n") + "\r\n";
}

export function datapackageOf(dataset: Dataset) {
  const string = (name: string, description: string) => ({ name, type: "string", description });
  return {
    profile: "tabular-data-package",
    name: "hh-indicators",
    title: "青城指标 · HH Indicators — Hohhot government-report figures",
    version: dataset.version,
    created: dataset.builtAt,
    hash: dataset.hash,
    sources: dataset.sources.map((s) => ({ title: s.title, path: `data/sources/${s.file}` })),
    resources: [
      {
        name: "facts",
        path: "facts.csv",
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8-sig",
        schema: {
          primaryKey: ["id"],
          fields: [
            string("id", "Stable fact id: indicator|region|period|kind|measure|source"),
            string("indicator", "Indicator id"),
            string("indicator_zh", "Indicator name (Chinese)"),
            string("indicator_en", "Indicator name (English)"),
            string("category", "Category"),
            string("region", "Region"),
            string("period", "2022, 2021-2025, 2023-YTD09, 2023-Q1, 2023-H1, 2023-M06"),
            { name: "kind", type: "string", constraints: { enum: ["actual", "estimate", "plan", "target"] } },
            {
              name: "measure",
              type: "string",
              constraints: { enum: ["level", "pct_change", "pp_change", "abs_change"] },
            },
            string("base", "Base of a change: 上年, 同比, 十三五, a year"),
            { name: "value", type: "number", description: "Value in the canonical unit; percentages as fractions" },
            string("unit", "Canonical unit"),
            string("qualifier", "以上, 以内, 左右, 约, 余, 近, 超, 不低于, 不少于 …"),
            { name: "reported_value", type: "number", description: "Value as reported" },
            string("reported_unit", "Unit as reported"),
            string("reported_text", "The figure as written"),
            string("source", "Source document id"),
            string("source_title", "Source document title"),
            { name: "source_date", type: "date" },
            { name: "line", type: "integer", description: "Line of the quote in the source file" },
            string("quote", "The sentence the figure was quoted from"),
            string("note", "Note"),
          ],
        },
      },
    ],
  };
}
