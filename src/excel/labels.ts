/** Words shared by the sheets the add-in writes and the task pane. */
import type { Lang } from "../core/labels";

export { KIND_LABEL, MEASURE_LABEL, type Lang } from "../core/labels";

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
