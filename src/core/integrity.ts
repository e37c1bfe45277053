/**
 * What makes a dataset trustworthy beyond its shape: its hash is the hash of its content, it is not
 * dated in the future, and every value is the figure its quote reports. A published dataset that fails
 * any of these is refused and the last good one kept. Hashing itself is the edge's (Web Crypto in the
 * add-in, node:crypto in the CLI and the build): core only says what is hashed.
 */
import { factCount, factSlice } from "./lazy-facts";
import type { Dataset, Fact } from "./schema";
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
  if (isFuture(dataset, now)) return { code: "future", builtAt: dataset.builtAt };
  const check = valueCheck();
  for (const fact of dataset.facts) {
    const problem = check(fact);
    if (problem) return problem;
  }
  return undefined;
}

const isFuture = (dataset: Dataset, now: Date) => Date.parse(dataset.builtAt) > now.getTime() + CLOCK_SKEW_MS;

/** A check of one fact's value against its reported figure; a dataset uses a few pairs of units, each read once. */
function valueCheck(): (fact: Fact) => IntegrityProblem | undefined {
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
  return (fact) => {
    const expected = converterFor(fact.reported.unit, fact.unit)(fact.reported.value);
    if (!(Math.abs(expected - fact.value) <= 1e-9 * Math.max(1, Math.abs(expected))))
      return { code: "value", fact: fact.id, value: fact.value, reported: fact.reported.text };
    return undefined;
  };
}

/**
 * Facts per step of the checks below: between steps they pause, so a large published dataset is
 * checked in pieces of a few tens of milliseconds, and the task pane and the functions stay responsive.
 */
export const INTEGRITY_STEP = 10_000;

/** Lets the host run other work (a macrotask: a timer of 0 ms); the checks run straight through without one. */
export type Pause = () => Promise<void>;

/**
 * Every integrity problem check: dates and values first, then the hash over the content (`raw`: a JSON
 * file's parse result before validation, or a compact file's decoded dataset; see contentText), in
 * steps of INTEGRITY_STEP facts with a `pause` between them.
 */
export async function integrityProblem(
  dataset: Dataset,
  raw: Content,
  now: Date,
  sha256Hex: Sha256Hex,
  pause?: Pause,
): Promise<IntegrityProblem | undefined> {
  if (isFuture(dataset, now)) return { code: "future", builtAt: dataset.builtAt };
  const check = valueCheck();
  const count = factCount(dataset);
  for (let from = 0; from < count; from += INTEGRITY_STEP) {
    for (const fact of factSlice(dataset, from, from + INTEGRITY_STEP)) {
      const problem = check(fact);
      if (problem) return problem;
    }
    await pause?.();
  }
  const actual = await sha256Hex(await contentTextInSteps(raw, pause));
  return actual === dataset.hash ? undefined : { code: "hash", expected: dataset.hash, actual };
}

/** contentText, the same text, made INTEGRITY_STEP facts at a time with a `pause` between them. */
export async function contentTextInSteps(content: Content, pause?: Pause): Promise<string> {
  const { sources, indicators, conflicts } = content;
  const parts: string[] = [];
  const count = factCount(content);
  for (let from = 0; from < count; from += INTEGRITY_STEP) {
    // "[a,b]" without its brackets: the slices joined by commas are the whole list's text.
    parts.push(JSON.stringify(factSlice(content, from, from + INTEGRITY_STEP)).slice(1, -1));
    await pause?.();
  }
  const facts = `[${parts.join(",")}]`;
  return `{"sources":${JSON.stringify(sources)},"indicators":${JSON.stringify(indicators)},"facts":${facts},"conflicts":${JSON.stringify(conflicts)}}`;
}
