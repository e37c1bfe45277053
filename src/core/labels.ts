/** Words for kinds and measures, shared by error messages, the CLI, the sheets and the task pane. */
import type { Kind, Measure } from "./schema";

import type { Lang } from "./messages/lang";

export type { Lang };

export const KIND_LABEL: Record<Lang, Record<Kind, string>> = {
  zh: { actual: "实际", estimate: "预计", plan: "计划", target: "目标" },
  en: { actual: "actual", estimate: "estimate", plan: "plan", target: "target" },
};

export const MEASURE_LABEL: Record<Lang, Record<Measure, string>> = {
  zh: { level: "水平", pct_change: "增速", pp_change: "百分点变化", abs_change: "增量" },
  en: { level: "level", pct_change: "growth", pp_change: "pp change", abs_change: "change" },
};

/** A value as people read it: shares are stored as fractions (0.6 → 60%). */
export function formatFactValue(value: number, unit: string): string {
  if (unit === "%") return `${+(value * 100).toFixed(4)}%`;
  if (unit === "个百分点") return `${+(value * 100).toFixed(4)}个百分点`;
  return `${+value.toFixed(6)}${unit ? ` ${unit}` : ""}`;
}
