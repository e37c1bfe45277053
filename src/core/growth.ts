/**
 * Growth maths for budget comparisons. Rates are fractions (10.14% → 0.1014). Each function returns
 * a finite number or throws HHError: #VALUE! for a non-number, #NUM! for impossible maths (or a
 * result out of the double range), #DIV/0! where the formula divides by zero.
 */
import { checkNumber } from "./args";
import { badNumber, divideByZero } from "./errors";

function finiteResult(value: number): number {
  if (!Number.isFinite(value)) throw badNumber("outOfRange");
  return value;
}

/** Compound annual growth rate from start to end over `years`. */
export function cagr(start: unknown, end: unknown, years: unknown): number {
  const s = checkNumber("start_value", start);
  const e = checkNumber("end_value", end);
  const n = checkNumber("years", years);
  if (n <= 0) throw badNumber("yearsPositive");
  if (s <= 0) throw badNumber("cagrStart");
  if (e < 0) throw badNumber("cagrEnd");
  return finiteResult((e / s) ** (1 / n) - 1);
}

/**
 * Period-on-period growth, (current − previous) / previous. Growth is measured against a positive
 * base only: over a negative base its sign says nothing (from −10 to −5 is not "−50%"), so that is
 * #NUM!; over zero it is #DIV/0!.
 */
export function yoy(current: unknown, previous: unknown): number {
  const c = checkNumber("current", current);
  const p = checkNumber("previous", previous);
  if (p === 0) throw divideByZero("previousZero");
  if (p < 0) {
    throw badNumber("previousNegative");
  }
  return finiteResult((c - p) / p);
}

/** The value before growth: 51.60 at +10.14% → 46.85. −100% leaves nothing to divide by: #DIV/0!. */
export function baseBeforeGrowth(current: unknown, growth: unknown): number {
  const c = checkNumber("current", current);
  const g = checkNumber("growth", growth);
  if (g < -1) throw badNumber("growthBelowMinus100");
  if (g === -1) throw divideByZero("baseAtMinus100");
  return finiteResult(c / (1 + g));
}

/** A value grown at a yearly rate for n years. At −100% a value is gone after any positive time: 0. */
export function project(value: unknown, growth: unknown, years: unknown): number {
  const v = checkNumber("value", value);
  const g = checkNumber("growth", growth);
  const n = checkNumber("years", years);
  if (g < -1) throw badNumber("growthBelowMinus100");
  if (g === -1) {
    if (n > 0) return 0;
    if (n === 0) return v;
    throw divideByZero("projectBackwards");
  }
  return finiteResult(v * (1 + g) ** n);
}

/**
 * The yearly change needed to go from `from` to `to` in `years`: compound growth for levels,
 * an even step a year for shares (percentage points as a fraction).
 */
export function requiredRate(from: number, to: number, years: number, share: boolean): number {
  if (years <= 0) throw badNumber("targetYearAfter");
  if (share) return finiteResult((to - from) / years);
  return cagr(from, to, years);
}
