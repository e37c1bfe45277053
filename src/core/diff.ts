/**
 * What changed between two datasets, matched by the facts' stable ids: facts added, facts
 * removed, and facts whose value (or unit) changed. Pure; the task pane shows a summary of it.
 */
import type { Dataset, Fact } from "./schema";

export interface FactRef {
  id: string;
  indicator: string;
  region: string;
  period: string;
  kind: Fact["kind"];
  measure: Fact["measure"];
}

export interface ValueChange extends FactRef {
  before: { value: number; unit: string };
  after: { value: number; unit: string };
}

export interface DatasetDiff {
  from: { version: string; builtAt: string };
  to: { version: string; builtAt: string };
  added: FactRef[];
  removed: FactRef[];
  /** Same id, different value or unit. */
  changed: ValueChange[];
  /** Same id and value, other fields edited (quote, line, note…): counted, not listed. */
  revised: number;
}

function ref(fact: Fact): FactRef {
  return {
    id: fact.id,
    indicator: fact.indicator,
    region: fact.region,
    period: fact.period,
    kind: fact.kind,
    measure: fact.measure,
  };
}

/** Stable comparison of everything but the value, so a reordered object still counts as equal. */
function sameFields(a: Fact, b: Fact): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (key === "value" || key === "unit") continue;
    if (JSON.stringify((a as Record<string, unknown>)[key]) !== JSON.stringify((b as Record<string, unknown>)[key]))
      return false;
  }
  return true;
}

export function diffDatasets(previous: Pick<Dataset, "version" | "builtAt" | "facts">, next: Dataset): DatasetDiff {
  const before = new Map(previous.facts.map((f) => [f.id, f]));
  const after = new Map(next.facts.map((f) => [f.id, f]));
  const added: FactRef[] = [];
  const removed: FactRef[] = [];
  const changed: ValueChange[] = [];
  let revised = 0;
  for (const fact of next.facts) {
    const old = before.get(fact.id);
    if (!old) added.push(ref(fact));
    else if (old.value !== fact.value || old.unit !== fact.unit) {
      changed.push({
        ...ref(fact),
        before: { value: old.value, unit: old.unit },
        after: { value: fact.value, unit: fact.unit },
      });
    } else if (!sameFields(old, fact)) revised++;
  }
  for (const fact of previous.facts) if (!after.has(fact.id)) removed.push(ref(fact));
  return {
    from: { version: previous.version, builtAt: previous.builtAt },
    to: { version: next.version, builtAt: next.builtAt },
    added,
    removed,
    changed,
    revised,
  };
}

export function isEmptyDiff(diff: DatasetDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0 && diff.revised === 0;
}

export { formatFactValue } from "./labels";
