/** A handler that receives one value (kept in a .ts file: the base no-unused-vars rule misreads parameter names in .tsx types). */
export type Callback<T> = (value: T) => void;

/** Renders something for a value. */
export type Render<T> = (value: T) => import("react").ReactNode;

/** The pane's tabs, in order, with the message naming each. */
export const TABS = [
  { id: "browse", label: "tabBrowse" },
  { id: "sheets", label: "tabSheets" },
  { id: "calc", label: "tabCalc" },
  { id: "data", label: "tabData" },
] as const;
export type TabId = (typeof TABS)[number]["id"];

/** The height of the small tab list (TabBar.tsx), which the pane keeps free while its code loads. */
export const TAB_BAR_HEIGHT = 32;
