/**
 * What makes a dataset trustworthy beyond its shape: its hash is the hash of its content, it is not
 * dated in the future, and every value is the figure its quote reports. A published dataset that fails
 * any of these is refused and the last good one kept. Hashing itself is the edge's (Web Crypto in the
 * add-in, node:crypto in the CLI and the build): core only says what is hashed.
 */
import type { Dataset } from "./schema";
import { canonicalConverter, UnitError } from "./units";

export type Content = Pick<Dataset, "sources" | "indicators" | "facts" | "conflicts">;

/**
 * The text a dataset's `hash` is the sha256 of: its sources, indicators, facts and conflicts as JSON.
 * The build hashes them with keys in the schema's order, as it writes dataset.json. A reader of plain
 * JSON recomputes it from the parsed file as it holds it (JSON.parse and JSON.stringify round-trip it
 * exactly; older publishers hashed that); a reader of the compact format from the decoded dataset,
 * whose rows come back in the schema's key order (wire.ts). So both files of one build carry one hash.
 */
export function contentText(content: Content): string {
  const { sources, indicators, facts, conflicts } = content;
  return JSON.stringify({ sources, indicators, facts, conflicts });
}

/** A sha256 as lower-case hex, computed by whoever can: Web Crypto, node:crypto. */
export type Sha256Hex = (text: string) => Promise<string> | string;

export type IntegrityProblem =
  | { code: "hash"; expected: string; actual: string }
  | { code: "future"; builtAt: string }
  | { code: "value"; fact: string; value: number; reported: string };

/** A minute of clock difference between the publisher and this machine is allowed. */
const CLOCK_SKEW_MS = 60_000;

/** The first problem with a dataset's dates and values, or undefined. Cheap: no hashing. */
export function contentProblem(dataset: Dataset, now: Date): IntegrityProblem | undefined {
  if (Date.parse(dataset.builtAt) > now.getTime() + CLOCK_SKEW_MS) return { code: "future", builtAt: dataset.builtAt };
  // A dataset uses a few pairs of units: each pair is read once.
  const converters = new Map<string, (value: number) => number>();
  const converterFor = (reported: string, canonical: string) => {
    const key = `${reported}\u0000${canonical}`;
    let convert = converters.get(key);
    if (!convert) {
      try {
        convert = canonicalConverter(reported, canonical);
      } catch (error) {
        if (!(error instanceof UnitError)) throw error;
        convert = () => Number.NaN;
      }
      converters.set(key, convert);
    }
    return convert;
  };
  for (const fact of dataset.facts) {
    const expected = converterFor(fact.reported.unit, fact.unit)(fact.reported.value);
    if (!(Math.abs(expected - fact.value) <= 1e-9 * Math.max(1, Math.abs(expected))))
      return { code: "value", fact: fact.id, value: fact.value, reported: fact.reported.text };
  }
  return undefined;
}

/**
 * Every integrity problem check: dates and values first, then the hash over the content (`raw`: a JSON
 * file's parse result before validation, or a compact file's decoded dataset; see contentText).
 */
export async function integrityProblem(
  dataset: Dataset,
  raw: Content,
  now: Date,
  sha256Hex: Sha256Hex,
): Promise<IntegrityProblem | undefined> {
  const problem = contentProblem(dataset, now);
  if (problem) return problem;
  const actual = await sha256Hex(contentText(raw));
  return actual === dataset.hash ? undefined : { code: "hash", expected: dataset.hash, actual };
}
