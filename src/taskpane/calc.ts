/** The growth-rate calculator without React: inputs, results and the HH formula for each mode. */
import { baseBeforeGrowth, cagr, project, requiredRate, yoy } from "../core/growth";
import { isYear } from "../core/periods";
import type { Fact } from "../core/schema";
import type { IndicatorStore } from "../core/store";
import { isPercentUnit } from "../core/units";
import { referenceFrom } from "../excel/address";
import { call, factFormula, indicatorArg, numberLiteral, periodArg, quoteArg, regionArg } from "../excel/formulas";
import type { Cell, SheetBlock } from "../excel/tables";
import { text } from "../excel/tables";
import { decimalsOf, parseNumber } from "./format";

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
  /** Formula to insert (with "="). */
  formula: string;
}

export type Result = { ok: true; outcomes: Outcome[] } | { ok: false; message?: string };

type Fields = Record<string, NumberField>;

function values(fields: Fields, names: string[]): number[] | undefined {
  const out = names.map((n) => (fields[n] ? fieldValue(fields[n]) : undefined));
  return out.some((v) => v === undefined) ? undefined : (out as number[]);
}

function exprs(fields: Fields, names: string[], sheet: string): string[] {
  return names.map((n) => fieldExpr(fields[n], sheet) ?? "0");
}

/** Computes a mode; errors from the growth maths come back as their message. */
export function compute(mode: Mode, fields: Fields, options: { share?: boolean; sheet?: string } = {}): Result {
  const sheet = options.sheet ?? "";
  try {
    switch (mode) {
      case "change": {
        const v = values(fields, ["previous", "current"]);
        if (!v) return { ok: false };
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
        const v = values(fields, ["current", "target", "currentYear", "targetYear"]);
        if (!v) return { ok: false };
        const years = v[3] - v[2];
        const [c, t] = exprs(fields, ["current", "target"], sheet);
        const n =
          fields.currentYear.origin === "typed" && fields.targetYear.origin === "typed"
            ? String(years)
            : `(${exprs(fields, ["targetYear", "currentYear"], sheet).join("-")})`;
        const share = options.share === true;
        return {
          ok: true,
          outcomes: [
            {
              value: requiredRate(v[0], v[1], years, share),
              percent: true,
              formula: share ? `=(${t}-${c})/${n}` : `=HH.CAGR(${c},${t},${n})`,
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

/** Growth figures that can be compared: reported pct changes, as lookups return them. */
export function budgetCandidates(store: IndicatorStore): Fact[] {
  return store.dataset.facts.filter(
    (f) =>
      f.measure === "pct_change" &&
      (f.kind === "actual" || f.kind === "estimate") &&
      store.facts(f.indicator, f.region, f.period, f.kind, f.measure)[0]?.id === f.id,
  );
}

/** Pre-selects the largest family of lines reported together (same document, period and category). */
export function defaultBudgetSelection(store: IndicatorStore, candidates: readonly Fact[]): string[] {
  const groups = new Map<string, Fact[]>();
  for (const f of candidates) {
    const key = [f.source, f.period, store.indicators.get(f.indicator)?.category].join("|");
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const best = [...groups.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return best.length >= 2 ? best.map((f) => f.id) : [];
}

export function sortByGrowth(facts: readonly Fact[]): Fact[] {
  return [...facts].sort((a, b) => b.value - a.value || a.indicator.localeCompare(b.indicator));
}

/** The comparison as formulas: GROWTH per line and a RANK that stays right if the data change. */
export function budgetBlock(
  store: IndicatorStore,
  facts: readonly Fact[],
  header: string[],
  lang: "zh" | "en",
): SheetBlock {
  const sorted = sortByGrowth(facts);
  const n = sorted.length;
  const rows: Cell[][] = sorted.map((f, i) => {
    const indicator = store.indicators.get(f.indicator);
    const name = indicator ? indicatorArg(store, indicator) : quoteArg(f.indicator);
    const region = regionArg(f.region);
    const kind =
      f.kind === "estimate" && store.facts(f.indicator, f.region, f.period, "actual", "pct_change").length > 0
        ? quoteArg("estimate")
        : "";
    return [
      text(indicator ? (lang === "zh" ? indicator.zh : indicator.en) : f.indicator),
      text(f.period),
      `=${call("GROWTH", [name, periodArg(f.period), region, kind])}`,
      `=RANK(RC[-1],R[${-i}]C[-1]:R[${n - 1 - i}]C[-1])`,
    ];
  });
  return {
    header,
    rows,
    formulas: "R1C1",
    textColumns: [0, 1],
    rowFormats: [],
    columnFormats: [{ column: 2, format: "0.00%" }],
    widths: [],
  };
}

/* ------------------------------------------------------------------ consistency check */

export interface Check {
  computed: number;
  /** Stated minus computed, as a fraction. */
  difference: number;
  consistent: boolean;
}

/**
 * Whether a stated growth matches the levels, at the precision they were written with: each number
 * stands for an interval (51.60 → [51.595, 51.605]); consistent when the intervals can agree.
 */
export function checkGrowth(
  previous: { value: number; decimals: number },
  current: { value: number; decimals: number },
  stated: { value: number; decimals: number },
): Check {
  const computed = yoy(current.value, previous.value);
  const dp = 0.5 * 10 ** -previous.decimals;
  const dc = 0.5 * 10 ** -current.decimals;
  const lo = (current.value - dc) / (previous.value + dp) - 1;
  const hi = (current.value + dc) / Math.max(previous.value - dp, Number.MIN_VALUE) - 1;
  const ds = (0.5 * 10 ** -stated.decimals) / 100; // stated in percent
  const consistent = stated.value + ds >= Math.min(lo, hi) - 1e-12 && stated.value - ds <= Math.max(lo, hi) + 1e-12;
  return { computed, difference: stated.value - computed, consistent };
}

export interface DatasetCheck {
  growth: Fact;
  current: Fact;
  previous?: Fact;
  check?: Check;
  /** Without a previous level: the level the growth implies for it. */
  implied?: number;
}

/** Every reported growth that has a level for the same period, checked against the previous level when there is one. */
export function datasetChecks(store: IndicatorStore): DatasetCheck[] {
  const out: DatasetCheck[] = [];
  for (const growth of store.dataset.facts) {
    if (growth.measure !== "pct_change" || !isYear(growth.period)) continue;
    if (growth.base && !/^(上年|同比|\d{4})$/.test(growth.base)) continue;
    const level = (period: string) =>
      store.facts(growth.indicator, growth.region, period, "actual", "level")[0] ??
      store.facts(growth.indicator, growth.region, period, "estimate", "level")[0];
    const current =
      store.facts(growth.indicator, growth.region, growth.period, growth.kind, "level")[0] ?? level(growth.period);
    if (!current) continue;
    const previousPeriod = growth.base && /^\d{4}$/.test(growth.base) ? growth.base : String(Number(growth.period) - 1);
    const previous = level(previousPeriod);
    if (previous) {
      const check = checkGrowth(
        { value: previous.value, decimals: decimalsOf(previous.reported.text) },
        { value: current.value, decimals: decimalsOf(current.reported.text) },
        { value: growth.value, decimals: decimalsOf(growth.reported.text) },
      );
      out.push({ growth, current, previous, check });
    } else if (growth.value > -1) {
      out.push({ growth, current, implied: baseBeforeGrowth(current.value, growth.value) });
    }
  }
  return out;
}
