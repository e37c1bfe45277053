/** The dataset's shape: one zod schema used by the build, the add-in and the CLI alike, over the types of model.ts. */
import { z } from "zod";

import {
  DOCUMENT_TYPES,
  invalidDataset,
  KINDS,
  MEASURES,
  PERIOD_PATTERN,
  type Conflict,
  type Dataset,
  type Fact,
  type Indicator,
  type Source,
} from "./model";

// The vocabulary and types live in model.ts (no zod) so the pane's first script can use them.
export * from "./model";

const nonEmpty = z.string().min(1);

export const sourceSchema = z.object({
  id: z.string().regex(/^\d{3}$/),
  file: nonEmpty,
  title: nonEmpty,
  title_en: nonEmpty,
  issuer: nonEmpty,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  date_note: z.string().optional(),
  region: nonEmpty,
  regions: z.array(nonEmpty).min(1),
  type: z.enum(DOCUMENT_TYPES),
  /** Where the text was published; required for new sources (hh ingest), absent for the first five. */
  url: z
    .string()
    .regex(/^https?:\/\/\S+$/, "url: an http(s) address")
    .optional(),
  /** The text is an excerpt of the published document, not all of it. */
  excerpt: z.boolean().optional(),
});

export const indicatorSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "id: lower-case ASCII snake_case"),
  zh: nonEmpty,
  en: nonEmpty,
  aliases: z.array(nonEmpty).default([]),
  /** The reports' own words for the indicator, derived from the quotes when the dataset is built. */
  phrases: z.array(nonEmpty).optional(),
  category: nonEmpty,
  unit: nonEmpty,
  def: z.string().optional(),
});

export const factSchema = z.object({
  id: nonEmpty,
  indicator: nonEmpty,
  region: nonEmpty,
  period: z.string().regex(PERIOD_PATTERN, "period: 2022, 2021-2025, 2023-YTD09, 2023-Q1, 2023-H1 or 2023-M06"),
  kind: z.enum(KINDS),
  measure: z.enum(MEASURES),
  base: z.string().optional(),
  /** In the indicator's canonical unit; percent-like values as fractions (60% → 0.6). */
  value: z.number().finite(),
  /** Canonical unit of `value`: the indicator's unit, or % / 个百分点 for changes. */
  unit: z.string(),
  reported: z.object({ value: z.number().finite(), unit: z.string(), text: nonEmpty }),
  qualifier: z.string().optional(),
  source: nonEmpty,
  quote: nonEmpty,
  /** 1-based line of the quote in the source file. */
  line: z.number().int().positive(),
  note: z.string().optional(),
});

export const conflictSchema = z.object({
  key: nonEmpty,
  facts: z.array(nonEmpty).min(2),
  chosen: nonEmpty,
  reason: nonEmpty,
});

/** The fields around the tables; the compact wire format (wire.ts) checks them with this too. */
export const datasetHeaderSchema = z.object({
  schemaVersion: z.literal(1),
  version: nonEmpty,
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  builtAt: z.string().datetime(),
});

export const datasetSchema = z
  .object({
    ...datasetHeaderSchema.shape,
    sources: z.array(sourceSchema).min(1),
    indicators: z.array(indicatorSchema).min(1),
    facts: z.array(factSchema),
    conflicts: z.array(conflictSchema),
  })
  .superRefine((dataset, ctx) => {
    const indicators = new Set(dataset.indicators.map((i) => i.id));
    const sources = new Set(dataset.sources.map((s) => s.id));
    const factIds = new Set<string>();
    dataset.facts.forEach((fact, index) => {
      if (!indicators.has(fact.indicator))
        ctx.addIssue({
          code: "custom",
          path: ["facts", index, "indicator"],
          message: `unknown indicator ${fact.indicator}`,
        });
      if (!sources.has(fact.source))
        ctx.addIssue({ code: "custom", path: ["facts", index, "source"], message: `unknown source ${fact.source}` });
      if (factIds.has(fact.id))
        ctx.addIssue({ code: "custom", path: ["facts", index, "id"], message: `duplicate fact id ${fact.id}` });
      factIds.add(fact.id);
    });
    dataset.conflicts.forEach((conflict, index) => {
      for (const id of [...conflict.facts, conflict.chosen])
        if (!factIds.has(id))
          ctx.addIssue({ code: "custom", path: ["conflicts", index], message: `conflict names a missing fact ${id}` });
    });
  });

/** Each schema accepts exactly its model type, in both directions: neither can drift from the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchModel: [
  Same<z.infer<typeof sourceSchema>, Source>,
  Same<z.infer<typeof indicatorSchema>, Indicator>,
  Same<z.infer<typeof factSchema>, Fact>,
  Same<z.infer<typeof conflictSchema>, Conflict>,
  Same<z.infer<typeof datasetSchema>, Dataset>,
] = [true, true, true, true, true];
void schemasMatchModel;

/** Validates a dataset; the error lists the first problems with their paths. */
export function parseDataset(input: unknown): Dataset {
  const result = datasetSchema.safeParse(input);
  if (result.success) return result.data;
  throw invalidDataset(result.error.issues);
}
