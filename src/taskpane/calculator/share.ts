/**
 * The share mode of the required-growth mode: the current and target values are shares (公办园占比
 * 51.04% → 60%), typed and shown in percent, and the result is the even yearly step in percentage
 * points rather than a compound growth rate.
 */
import { shareStep } from "../../core/share";
import type { Mode, Result } from "./modes";
import { exprs, values, withScale, type Fields } from "./number-field";

/** The fields that hold shares in the share mode. */
export function isShareField(mode: Mode, name: string): boolean {
  return mode === "required" && (name === "current" || name === "target");
}

/** The required mode's fields with the share mode switched on or off: current and target take the new scale. */
export function withShareScale(fields: Fields, on: boolean): Fields {
  return { ...fields, current: withScale(fields.current, on), target: withScale(fields.target, on) };
}

/** The required rise of a share, in percentage points a year: inputs in percent, result a fraction. */
export function requiredShare(
  fields: Fields,
  sheet: string,
  years: () => { value: number; expr: string } | undefined,
): Result {
  const shares = withShareScale(fields, true);
  for (const name of ["current", "target"]) {
    const field = shares[name];
    if (field.origin === "data" && !field.percent) return { ok: false, problem: { code: "notShare", field: name } };
  }
  const v = values(shares, ["current", "target"]);
  const n = years();
  if (!v || !n) return { ok: false };
  const step = shareStep(v[0], v[1], n.value);
  if (!step.ok) {
    const p = step.problem;
    if (p.code === "years") return { ok: false, problem: { code: "years", years: p.years } };
    const field = p.field === "from" ? "current" : "target";
    return {
      ok: false,
      problem: { code: "share", field, issue: p.issue, value: p.value, origin: shares[field].origin },
    };
  }
  const [c, t] = exprs(shares, ["current", "target"], sheet);
  return {
    ok: true,
    outcomes: [{ value: step.perYear, percent: true, points: true, formula: `=(${t}-${c})/${n.expr}` }],
  };
}
