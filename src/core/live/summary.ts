/** What the pane shows of a swap: counts of added, removed and changed facts, and the first few changed values. */
import type { DatasetDiff } from "../diff";
import { formatFactValue } from "../labels";
import type { Dataset } from "../schema";

export interface DiffExample {
  id: string;
  indicator: { id: string; zh: string; en: string };
  region: string;
  period: string;
  kind: string;
  before: string;
  after: string;
}

export interface DiffSummary {
  from: { version: string; builtAt: string };
  to: { version: string; builtAt: string };
  added: number;
  removed: number;
  changed: number;
  revised: number;
  /** The first few changed values, old → new. */
  examples: DiffExample[];
}

/** `diff` summarized for the pane, with indicator names taken from `dataset` (the new one). */
export function summarizeDiff(diff: DatasetDiff, dataset: Dataset, examples = 5): DiffSummary {
  const names = new Map(dataset.indicators.map((i) => [i.id, i]));
  return {
    from: diff.from,
    to: diff.to,
    added: diff.added.length,
    removed: diff.removed.length,
    changed: diff.changed.length,
    revised: diff.revised,
    examples: diff.changed.slice(0, examples).map((change) => {
      const indicator = names.get(change.indicator);
      return {
        id: change.id,
        indicator: {
          id: change.indicator,
          zh: indicator?.zh ?? change.indicator,
          en: indicator?.en ?? change.indicator,
        },
        region: change.region,
        period: change.period,
        kind: change.kind,
        before: formatFactValue(change.before.value, change.before.unit),
        after: formatFactValue(change.after.value, change.after.unit),
      };
    }),
  };
}
