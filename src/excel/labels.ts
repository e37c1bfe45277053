/** Words shared by the sheets the add-in writes and the task pane. */
import type { Kind, Measure } from "../core/schema";

export type Lang = "zh" | "en";

export const KIND_LABEL: Record<Lang, Record<Kind, string>> = {
  zh: { actual: "实际", estimate: "预计", plan: "计划", target: "目标" },
  en: { actual: "actual", estimate: "estimate", plan: "plan", target: "target" },
};

export const MEASURE_LABEL: Record<Lang, Record<Measure, string>> = {
  zh: { level: "水平", pct_change: "增速", pp_change: "百分点变化", abs_change: "增量" },
  en: { level: "level", pct_change: "growth", pp_change: "pp change", abs_change: "change" },
};

/** Sheet names on creation; an owned sheet keeps whatever name the user gives it later. */
export const SHEET_NAME: Record<Lang, Record<SheetRole, string>> = {
  zh: { facts: "HH 数据", sources: "HH 来源", targets: "HH 目标跟踪", charts: "HH 图表" },
  en: { facts: "HH Facts", sources: "HH Sources", targets: "HH Targets", charts: "HH Charts" },
};

export type SheetRole = "facts" | "sources" | "targets" | "charts";

export const TABLE_NAME: Record<Exclude<SheetRole, "charts">, string> = {
  facts: "HH_Facts",
  sources: "HH_Sources",
  targets: "HH_Targets",
};
