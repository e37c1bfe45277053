/**
 * The dataset's vocabulary and shapes without zod: the constants, row types (type aliases, as z.infer gave, so they index as records) and the dataset error that
 * code on the task pane's first paint needs. schema.ts builds the zod schema from these and checks at
 * compile time that what it accepts is exactly these types.
 */

export const KINDS = ["actual", "estimate", "plan", "target"] as const;
export const MEASURES = ["level", "pct_change", "pp_change", "abs_change"] as const;
export const DOCUMENT_TYPES = ["政府工作报告", "进展报告", "新闻报道", "访谈", "统计公报"] as const;

export type Kind = (typeof KINDS)[number];
export type Measure = (typeof MEASURES)[number];
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** 2022 · 2021-2025 · 2023-YTD09 · 2023-Q1 · 2023-H1 · 2023-M06 */
export const PERIOD_PATTERN = /^(\d{4})(?:-(\d{4})|-YTD(0[1-9]|1[0-2])|-Q([1-4])|-H([12])|-M(0[1-9]|1[0-2]))?$/;

export type Source = {
  id: string;
  file: string;
  title: string;
  title_en: string;
  issuer: string;
  date: string;
  date_note?: string;
  region: string;
  regions: string[];
  type: DocumentType;
  /** Where the text was published; required for new sources (hh ingest), absent for the first five. */
  url?: string;
  /** The text is an excerpt of the published document, not all of it. */
  excerpt?: boolean;
};

export type Indicator = {
  id: string;
  zh: string;
  en: string;
  aliases: string[];
  /** The reports' own words for the indicator, derived from the quotes when the dataset is built. */
  phrases?: string[];
  category: string;
  unit: string;
  def?: string;
};

export type Fact = {
  id: string;
  indicator: string;
  region: string;
  period: string;
  kind: Kind;
  measure: Measure;
  base?: string;
  /** In the indicator's canonical unit; percent-like values as fractions (60% → 0.6). */
  value: number;
  /** Canonical unit of `value`: the indicator's unit, or % / 个百分点 for changes. */
  unit: string;
  reported: { value: number; unit: string; text: string };
  qualifier?: string;
  source: string;
  quote: string;
  /** 1-based line of the quote in the source file. */
  line: number;
  note?: string;
};

export type Conflict = {
  key: string;
  facts: string[];
  chosen: string;
  reason: string;
};

export type Dataset = {
  schemaVersion: 1;
  version: string;
  hash: string;
  builtAt: string;
  sources: Source[];
  indicators: Indicator[];
  facts: Fact[];
  conflicts: Conflict[];
};

/** One dataset problem: where (facts.12.period) and what. */
export interface DatasetIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** The error for an invalid dataset, naming its first three problems, whichever format it came in. */
export function invalidDataset(issues: readonly DatasetIssue[]): DatasetError {
  const problems = issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  return new DatasetError(`数据集无效 invalid dataset: ${problems}`);
}

export class DatasetError extends Error {}
