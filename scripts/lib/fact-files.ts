/** Reads the hand-written YAML under data/ with line numbers, so every error can name file:line. */
import type { FactClaim } from "../../src/core/extract/verify";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { z } from "zod";
import { indicatorSchema, KINDS, MEASURES, PERIOD_PATTERN, sourceSchema } from "../../src/core/schema";
import { reviewProblems } from "./review";

export const rawFactSchema = z.object({
  q: z.string().min(1),
  n: z.string().min(1),
  ind: z.string().min(1),
  period: z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(PERIOD_PATTERN, "bad period")),
  kind: z.enum(KINDS),
  measure: z.enum(MEASURES),
  v: z.number(),
  u: z.string(),
  qual: z.string().optional(),
  base: z.union([z.string(), z.number()]).transform(String).optional(),
  region: z.string().optional(),
  nth: z.number().int().positive().optional(),
  note: z.string().optional(),
});
export const ignoreSchema = z.object({ at: z.string().min(1), why: z.string().min(1) });

const factFileSchema = z.object({
  source: z.union([z.string(), z.number()]).transform((s) => String(s).padStart(3, "0")),
  region: z.string().min(1),
  indicators: z.array(z.unknown()).nullish(),
  facts: z.array(z.unknown()).nullish(),
  ignore: z.array(z.unknown()).nullish(),
});

export type RawFact = z.infer<typeof rawFactSchema>;

/** What the verifier checks of a written fact: its quote, figure text, value, unit, qualifier and measure. */
export function claimOf(raw: RawFact): FactClaim {
  return {
    quote: raw.q,
    figure: raw.n,
    nth: raw.nth,
    value: raw.v,
    unit: raw.u,
    qualifier: raw.qual,
    measure: raw.measure,
  };
}
export interface Located<T> {
  value: T;
  file: string;
  line: number;
}
export interface FactFile {
  file: string;
  source: string;
  region: string;
  indicators: Located<z.infer<typeof indicatorSchema>>[];
  facts: Located<RawFact>[];
  ignore: Located<z.infer<typeof ignoreSchema>>[];
}
export interface LoadProblem {
  file: string;
  line: number;
  message: string;
}

function readYaml(path: string, problems: LoadProblem[], root: string) {
  const file = relative(root, path);
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(path, "utf8"), { lineCounter });
  for (const error of doc.errors) {
    problems.push({ file, line: lineCounter.linePos(error.pos[0]).line, message: error.message.split("\n")[0] });
  }
  problems.push(...reviewProblems(doc, file, lineCounter));
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  return { file, doc, lineOf };
}

function itemsOf<T>(
  list: unknown,
  schema: z.ZodType<T>,
  file: string,
  lineOf: (n: Node | null | undefined) => number,
  problems: LoadProblem[],
): Located<T>[] {
  if (!isSeq(list)) return [];
  const out: Located<T>[] = [];
  for (const node of list.items) {
    const line = lineOf(node as Node);
    const parsed = schema.safeParse(isMap(node) ? node.toJSON() : node);
    if (parsed.success) out.push({ value: parsed.data, file, line });
    else
      problems.push({
        file,
        line,
        message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      });
  }
  return out;
}

export function loadFactFiles(root: string, problems: LoadProblem[]): FactFile[] {
  const dir = join(root, "data", "facts");
  const files: FactFile[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const { file, doc, lineOf } = readYaml(join(dir, name), problems, root);
    const header = factFileSchema.safeParse(doc.toJSON());
    if (!header.success) {
      problems.push({
        file,
        line: 1,
        message: header.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      });
      continue;
    }
    files.push({
      file,
      source: header.data.source,
      region: header.data.region,
      indicators: itemsOf(doc.get("indicators"), indicatorSchema, file, lineOf, problems),
      facts: itemsOf(doc.get("facts"), rawFactSchema, file, lineOf, problems),
      ignore: itemsOf(doc.get("ignore"), ignoreSchema, file, lineOf, problems),
    });
  }
  return files;
}

/** A name that fits several indicators equally: it leads to #N/A naming them all, never to one of them. */
export const ambiguousNameSchema = z.object({
  name: z.string().min(1),
  indicators: z.array(z.string().min(1)).min(2, "indicators: at least two"),
  why: z.string().min(1),
});
export type AmbiguousName = z.infer<typeof ambiguousNameSchema>;

/** data/catalog.yaml: the shared indicators, and the names (`ambiguous:`) that fit several indicators. */
export function loadCatalog(root: string, problems: LoadProblem[]) {
  const { file, doc, lineOf } = readYaml(join(root, "data", "catalog.yaml"), problems, root);
  return {
    indicators: itemsOf(doc.get("indicators"), indicatorSchema, file, lineOf, problems),
    ambiguous: itemsOf(doc.get("ambiguous"), ambiguousNameSchema, file, lineOf, problems),
  };
}

/**
 * The indicators with each ambiguous name added to the aliases of every indicator it fits, so that the
 * name reader finds all of them and answers "ambiguous" with their names. Unknown ids are reported.
 */
export function withAmbiguousNames<T extends { id: string; aliases: string[] }>(
  indicators: readonly T[],
  names: readonly Located<AmbiguousName>[],
  problems: LoadProblem[],
): T[] {
  const known = new Set(indicators.map((i) => i.id));
  const added = new Map<string, string[]>();
  for (const { value, file, line } of names) {
    for (const id of value.indicators) {
      if (!known.has(id))
        problems.push({ file, line, message: `ambiguous name "${value.name}": unknown indicator ${id}` });
      else added.set(id, [...(added.get(id) ?? []), value.name]);
    }
  }
  return indicators.map((i) => (added.has(i.id) ? { ...i, aliases: [...i.aliases, ...added.get(i.id)!] } : i));
}

export function loadSources(root: string, problems: LoadProblem[]) {
  const { file, doc, lineOf } = readYaml(join(root, "data", "sources", "sources.yaml"), problems, root);
  return itemsOf(doc.get("sources"), sourceSchema, file, lineOf, problems);
}
