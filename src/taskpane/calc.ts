/** The growth-rate calculator without React: inputs, results and the HH formula for each mode. */
import { baseBeforeGrowth, cagr, project, requiredRate, yoy } from "../core/growth";
import type { Fact } from "../core/schema";
import type { IndicatorStore } from "../core/store";
import { shareStep, type ShareIssue } from "../core/share";
import { isPercentUnit } from "../core/units";
import { referenceFrom } from "../excel/address";
import { call, factFormula, indicatorArg, numberLiteral, periodArg, quoteArg, regionArg } from "../excel/formulas";
import type { Cell, SheetBlock } from "../excel/tables";
import { text } from "../excel/tables";
import { compareGrowths, type GrowthBase, type PeriodShape } from "../core/budget";
import { parseNumber } from "./format";
import type { Strings } from "./i18n";

/** One numeric input: typed, read from a cell, or picked from the dataset (then it is a live HH call). */
export interface NumberField {
  text: string;
  origin: "typed" | "cell" | "data";
  /** For "cell": the address (B2); for "data": the HH expression without "=". */
  ref?: string;
  sheet?: string;
  /** What the value is, for the user (indicator and period, or the cell). */
  label?: string;
  /** The text shows a percentage of the value (10.14 ↔ 0.1014). */
  percent: boolean;
}

export const typed = (text = "", percent = false): NumberField => ({ text, origin: "typed", percent });

export function fieldValue(field: NumberField): number | undefined {
  const n = parseNumber(field.text);
  if (n === undefined) return undefined;
  return field.percent ? n / 100 : n;
}

/** The field as a formula operand on `sheet`: a literal, a cell reference or an HH call. */
export function fieldExpr(field: NumberField, sheet: string): string | undefined {
  if (field.origin === "cell" && field.ref) return referenceFrom(sheet, field.sheet ?? sheet, field.ref);
  if (field.origin === "data" && field.ref) return field.ref;
  const value = fieldValue(field);
  return value === undefined ? undefined : numberLiteral(value, field.percent);
}

/** A field filled from a dataset figure: shares show as percent, the formula uses the live lookup. */
export function fieldFromFact(store: IndicatorStore, fact: Fact, label: string): NumberField {
  const percent = isPercentUnit(fact.unit);
  const formula = factFormula(store, fact);
  const shown = percent ? fact.value * 100 : fact.value;
  return {
    text: String(Number(shown.toPrecision(12))),
    origin: formula.ok ? "data" : "typed",
    ref: formula.ok ? formula.formula.slice(1) : undefined,
    label,
    percent,
  };
}

export function fieldFromCell(sheet: string, cell: string, value: number, percent: boolean): NumberField {
  return {
    text: String(Number((percent ? value * 100 : value).toPrecision(12))),
    origin: "cell",
    ref: cell,
    sheet,
    label: cell,
    percent,
  };
}

export type Mode = "change" | "cagr" | "base" | "required" | "project";

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

type Fields = Record<string, NumberField>;

function values(fields: Fields, names: string[]): number[] | undefined {
  const out = names.map((n) => (fields[n] ? fieldValue(fields[n]) : undefined));
  return out.some((v) => v === undefined) ? undefined : (out as number[]);
}

function exprs(fields: Fields, names: string[], sheet: string): string[] {
  return names.map((n) => fieldExpr(fields[n], sheet) ?? "0");
}

/**
 * The field shown at another scale: typed text keeps its digits and takes the new unit (51.04 typed
 * as a share means 51.04%); a cell keeps its value and shows it scaled; a dataset figure keeps its own
 * unit.
 */
export function withScale(field: NumberField, percent: boolean): NumberField {
  if (field.origin === "data" || field.percent === percent) return field;
  if (field.origin === "typed") return { ...field, percent };
  const value = fieldValue(field);
  if (value === undefined) return { ...field, percent };
  return { ...field, percent, text: String(Number((percent ? value * 100 : value).toPrecision(12))) };
}

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

/** The required rise of a share, in percentage points a year: inputs in percent, result a fraction. */
function requiredShare(
  fields: Fields,
  sheet: string,
  years: () => { value: number; expr: string } | undefined,
): Result {
  const shares: Fields = {
    ...fields,
    current: withScale(fields.current, true),
    target: withScale(fields.target, true),
  };
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

/* ------------------------------------------------------------------ budget comparison */

/** What a growth is compared with, in words: 比上年, 前三季度同比, 比2020年, 较“十三五” / y/y, Jan–Sep y/y, vs 2020. */
export function comparisonText(d: { base: GrowthBase; shape: PeriodShape }, t: Strings): string {
  const { base, shape } = d;
  const period = (() => {
    switch (shape.code) {
      case "year":
        return undefined;
      case "span":
        return t.periodSpan(shape.years);
      case "ytd":
        return t.periodYtd(shape.month);
      case "quarter":
        return t.periodQuarter(shape.quarter);
      case "half":
        return t.periodHalf(shape.half);
      case "month":
        return t.periodMonth(shape.month);
    }
  })();
  if (base.code === "previous") return period ? t.yoyOf(period) : t.baseYoy(base.word);
  const words =
    base.code === "year"
      ? t.baseYear(base.year)
      : base.code === "plan"
        ? t.basePlan(base.plan, base.span)
        : base.code === "other"
          ? t.baseOther(base.text)
          : t.baseUnstated;
  return period ? t.withPeriod(words, period) : words;
}

/**
 * The comparison as formulas: GROWTH per line, ranked with RANK only within its group of comparable
 * growths (same base, same kind of period), and the base in words. Lines that rank against nothing
 * get "—". Groups follow each other, largest first; unranked lines come last.
 */
export function budgetBlock(store: IndicatorStore, facts: readonly Fact[], t: Strings, lang: "zh" | "en"): SheetBlock {
  const comparison = compareGrowths(facts);
  const rows: Cell[][] = [];
  const row = (f: Fact, base: string, rank: (i: number) => Cell) => {
    const indicator = store.indicators.get(f.indicator);
    const name = indicator ? indicatorArg(store, indicator) : quoteArg(f.indicator);
    const region = regionArg(f.region);
    const kind =
      f.kind === "estimate" && store.facts(f.indicator, f.region, f.period, "actual", "pct_change").length > 0
        ? quoteArg("estimate")
        : "";
    rows.push([
      text(indicator ? (lang === "zh" ? indicator.zh : indicator.en) : f.indicator),
      text(f.period),
      `=${call("GROWTH", [name, periodArg(f.period), region, kind])}`,
      rank(rows.length),
      text(base),
    ]);
  };
  for (const group of comparison.groups) {
    const first = rows.length;
    const last = first + group.members.length - 1;
    for (const m of group.members) {
      row(m.fact, comparisonText(m, t), (i) => `=RANK(RC[-1],R[${first - i}]C[-1]:R[${last - i}]C[-1])`);
    }
  }
  for (const m of comparison.notRanked) row(m.fact, comparisonText(m, t), () => "—");
  return {
    header: t.budgetHeader,
    rows,
    formulas: "R1C1",
    textColumns: [0, 1, 4],
    rowFormats: [],
    columnFormats: [{ column: 2, format: "0.00%" }],
    widths: [],
  };
}
