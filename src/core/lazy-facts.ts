/**
 * Facts made on demand. A decoded compact dataset (wire.ts) is checked in full when it is read, but its
 * fact objects are made only when something reads them: one indicator's on its first lookup, all of
 * them when `dataset.facts` is first read. At 100,000 facts, making every object up front was most of
 * the decode's time (and its garbage collection); a workbook's formulas read a few indicators.
 *
 * Either way of reading gives the same objects (one cache), so identity and order hold: an indicator's
 * facts come in the dataset's order, as `dataset.facts.filter(...)` would give them.
 */
import type { Dataset, Fact } from "./schema";

export interface FactsOnDemand {
  /** How many facts the dataset has, without making them. */
  readonly count: number;
  /** The fact at a row of the list (as `dataset.facts[row]`), made alone. */
  fact(row: number): Fact;
  /** One indicator's facts in the dataset's order (empty for an indicator without facts). */
  factsOf(indicator: string): Fact[];
  /** How many facts have each value of a field, values in order of first appearance. */
  counts(field: CountedField): Map<string, number>;
}

/** Fields counted without making the facts. */
export type CountedField = "region" | "period";

/** Keyed by the dataset object (a Dataset, or the Content of one being checked). */
const registry = new WeakMap<object, FactsOnDemand>();

/** Marks a dataset whose facts are made on demand (called by the decoder that made it). */
export function registerFactsOnDemand(dataset: Dataset, facts: FactsOnDemand): void {
  registry.set(dataset, facts);
}

/** The on-demand facts of a dataset, or undefined when its facts are a plain list. */
export function factsOnDemand(dataset: object): FactsOnDemand | undefined {
  return registry.get(dataset);
}

/** A dataset's fact count, without making its facts. */
export function factCount(dataset: Pick<Dataset, "facts">): number {
  return registry.get(dataset)?.count ?? dataset.facts.length;
}

/** How many facts have each value of a field (in order of first appearance), without making the facts. */
export function countFacts(dataset: Pick<Dataset, "facts">, field: CountedField): Map<string, number> {
  const onDemand = registry.get(dataset);
  if (onDemand) return onDemand.counts(field);
  const counts = new Map<string, number>();
  for (const fact of dataset.facts) counts.set(fact[field], (counts.get(fact[field]) ?? 0) + 1);
  return counts;
}

/** The facts at rows from..to (exclusive), made on demand where they are, without making the others. */
export function factSlice(dataset: Pick<Dataset, "facts">, from: number, to: number): Fact[] {
  const onDemand = registry.get(dataset);
  if (!onDemand) return dataset.facts.slice(from, to);
  const facts: Fact[] = [];
  for (let row = from; row < Math.min(to, onDemand.count); row++) facts.push(onDemand.fact(row));
  return facts;
}
