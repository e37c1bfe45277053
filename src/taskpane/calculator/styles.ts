/** Styles the calculator's views share: the two-column input grid, the result box and scrolling lists. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useCalcStyles = makeStyles({
  fields: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "6px 8px" },
  input: { width: "100%", minWidth: 0 },
  result: {
    marginTop: "8px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: "92px",
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  list: {
    maxHeight: "176px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "2px 4px",
  },
});
