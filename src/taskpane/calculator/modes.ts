/** The growth calculator's five modes without React: their inputs, results and the HH formula for each. */
import { baseBeforeGrowth, cagr, project, requiredRate, yoy } from "../../core/growth";
import type { ShareIssue } from "../../core/share";
import { exprs, fieldValue, values, type Fields, type NumberField } from "./number-field";
import { requiredShare } from "./share";

export type Mode = "change" | "cagr" | "base" | "required" | "project";

/** Each mode's inputs in order (the order cells of a selection fill them); `kind` says what may be picked. */
export const MODE_FIELDS: Record<Mode, Array<{ name: string; percent: boolean; kind: "level" | "rate" | "count" }>> = {
  change: [
    { name: "previous", percent: false, kind: "level" },
    { name: "current", percent: false, kind: "level" },
  ],
  cagr: [
    { name: "start", percent: false, kind: "level" },
    { name: "end", percent: false, kind: "level" },
    { name: "years", percent: false, kind: "count" },
  ],
  base: [
    { name: "current", percent: false, kind: "level" },
    { name: "growth", percent: true, kind: "rate" },
  ],
  required: [
    { name: "current", percent: false, kind: "level" },
    { name: "target", percent: false, kind: "level" },
    { name: "currentYear", percent: false, kind: "count" },
    { name: "targetYear", percent: false, kind: "count" },
  ],
  project: [
    { name: "value", percent: false, kind: "level" },
    { name: "rate", percent: true, kind: "rate" },
    { name: "years", percent: false, kind: "count" },
  ],
};

export interface Outcome {
  /** The main result, a fraction when `percent`. */
  value: number;
  percent: boolean;
  /** The value is a step in percentage points a year (a fraction: 0.0448 = +4.48 points a year). */
  points?: boolean;
  /** Formula to insert (with "="). */
  formula: string;
}

/** Why the inputs give no result, as codes the pane words; `field` is a MODE_FIELDS name. */
export type Problem =
  /** A share outside 0–100% (`value` a fraction). */
  | { code: "share"; field: string; issue: ShareIssue; value: number; origin: NumberField["origin"] }
  /** A figure picked from the dataset that is not a share, where a share is needed. */
  | { code: "notShare"; field: string }
  /** The target year is not after the current year. */
  | { code: "years"; years: number }
  /** One value is a share in percent and the other is not: any result would mix 0.51 with 60. */
  | { code: "mixedScale"; percent: string; plain: string };

export type Result = { ok: true; outcomes: Outcome[] } | { ok: false; message?: string; problem?: Problem };

/**
 * Two values of one quantity must be on one scale. Typed values and dataset figures say theirs (the
 * % sign); cells do not (0.5104 formatted as % is already a fraction), so they are not judged.
 */
function mixedScale(fields: Fields, names: string[]): Problem | undefined {
  const known = names.filter((n) => fields[n] && fields[n].origin !== "cell" && fieldValue(fields[n]) !== undefined);
  const percent = known.find((n) => fields[n].percent);
  const plain = known.find((n) => !fields[n].percent);
  return percent && plain ? { code: "mixedScale", percent, plain } : undefined;
}

/**
 * Computes a mode. With `share`, the required-growth mode takes the current and target values as
 * shares in percent (typed 51.04 is 51.04%) and gives the even yearly step in percentage points.
 * Errors from the growth maths come back as their message; input problems as a `problem` code.
 */
export function compute(mode: Mode, fields: Fields, options: { share?: boolean; sheet?: string } = {}): Result {
  const sheet = options.sheet ?? "";
  try {
    switch (mode) {
      case "change": {
        const v = values(fields, ["previous", "current"]);
        if (!v) return { ok: false };
        const mixed = mixedScale(fields, ["previous", "current"]);
        if (mixed) return { ok: false, problem: mixed };
        const [p, c] = exprs(fields, ["previous", "current"], sheet);
        return {
          ok: true,
          outcomes: [
            { value: yoy(v[1], v[0]), percent: true, formula: `=HH.YOY(${c},${p})` },
            { value: v[1] - v[0], percent: false, formula: `=${c}-${p}` },
          ],
        };
      }
      case "cagr": {
        const v = values(fields, ["start", "end", "years"]);
        if (!v) return { ok: false };
        const mixed = mixedScale(fields, ["start", "end"]);
        if (mixed) return { ok: false, problem: mixed };
        const [s, e, n] = exprs(fields, ["start", "end", "years"], sheet);
        return {
          ok: true,
          outcomes: [{ value: cagr(v[0], v[1], v[2]), percent: true, formula: `=HH.CAGR(${s},${e},${n})` }],
        };
      }
      case "base": {
        const v = values(fields, ["current", "growth"]);
        if (!v) return { ok: false };
        const [c, g] = exprs(fields, ["current", "growth"], sheet);
        return {
          ok: true,
          outcomes: [{ value: baseBeforeGrowth(v[0], v[1]), percent: false, formula: `=HH.BASE(${c},${g})` }],
        };
      }
      case "required": {
        const years = () => {
          const y = values(fields, ["currentYear", "targetYear"]);
          if (!y) return undefined;
          const expr =
            fields.currentYear.origin === "typed" && fields.targetYear.origin === "typed"
              ? String(y[1] - y[0])
              : `(${exprs(fields, ["targetYear", "currentYear"], sheet).join("-")})`;
          return { value: y[1] - y[0], expr };
        };
        if (options.share === true) return requiredShare(fields, sheet, years);
        const v = values(fields, ["current", "target"]);
        const n = years();
        if (!v || !n) return { ok: false };
        const mixed = mixedScale(fields, ["current", "target"]);
        if (mixed) return { ok: false, problem: mixed };
        const [c, t] = exprs(fields, ["current", "target"], sheet);
        return {
          ok: true,
          outcomes: [
            {
              value: requiredRate(v[0], v[1], n.value, false),
              percent: true,
              formula: `=HH.CAGR(${c},${t},${n.expr})`,
            },
          ],
        };
      }
      case "project": {
        const v = values(fields, ["value", "rate", "years"]);
        if (!v) return { ok: false };
        const [x, g, n] = exprs(fields, ["value", "rate", "years"], sheet);
        return {
          ok: true,
          outcomes: [{ value: project(v[0], v[1], v[2]), percent: false, formula: `=HH.PROJECT(${x},${g},${n})` }],
        };
      }
    }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
