/**
 * Test datasets with revisions, built from the real one: 新城区's 2022 GDP is an estimate (预计, 665亿元)
 * in its January 2023 work report (source 004); each test adds later publications of that figure.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDataset, type Dataset, type Fact, type Source } from "../../src/core/schema";
import { IndicatorStore } from "../../src/core/store";

export const REAL: Dataset = parseDataset(
  JSON.parse(readFileSync(join(__dirname, "../../data/dist/dataset.json"), "utf8")),
);

export const ESTIMATE = REAL.facts.find(
  (f) => f.indicator === "econ_gdp" && f.region === "新城区" && f.period === "2022" && f.measure === "level",
)!;

export interface Publication {
  id: string;
  type: Source["type"];
  date: string;
  value: number;
  kind?: Fact["kind"];
  qualifier?: string;
}

/** The real dataset plus one new source per publication, each stating 新城区's 2022 GDP (亿元). */
export function withPublications(publications: readonly Publication[]): Dataset {
  const template = REAL.sources.find((s) => s.id === ESTIMATE.source)!;
  const sources: Source[] = publications.map((p) => ({
    ...template,
    id: p.id,
    file: `${p.id}.txt`,
    title: `测试来源 ${p.id}`,
    title_en: `Test source ${p.id}`,
    date: p.date,
    type: p.type,
  }));
  const facts: Fact[] = publications.map((p) => {
    const kind = p.kind ?? "actual";
    const text = `${p.qualifier && p.qualifier !== "以上" ? p.qualifier : ""}${p.value}亿元${p.qualifier === "以上" ? "以上" : ""}`;
    return {
      ...ESTIMATE,
      id: `${ESTIMATE.indicator}|${ESTIMATE.region}|2022|${kind}|level|${p.id}`,
      kind,
      value: p.value,
      qualifier: p.qualifier,
      reported: { value: p.value, unit: "亿元", text },
      source: p.id,
      quote: `全区地区生产总值${text}`,
      line: 1,
      note: undefined,
    };
  });
  return parseDataset({ ...REAL, sources: [...REAL.sources, ...sources], facts: [...REAL.facts, ...facts] });
}

export const storeWith = (publications: readonly Publication[]) => new IndicatorStore(withPublications(publications));

/** 665 estimate (004, 2023-01-05) → 670.2 actual (bulletin 2023-04-10) → 672.5 revised (work report 2024-01-08). */
export const REVISED: readonly Publication[] = [
  { id: "101", type: "统计公报", date: "2023-04-10", value: 670.2 },
  { id: "102", type: "政府工作报告", date: "2024-01-08", value: 672.5 },
];
