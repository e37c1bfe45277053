/** Growth maths for budget comparisons. Rates are fractions (10.14% → 0.1014). */
import { badNumber, badValue, HHError } from "./errors";

function finite(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw badValue(`${name} 应为数字 must be a number`);
  }
  return value;
}

/** Compound annual growth rate from start to end over `years`. */
export function cagr(start: unknown, end: unknown, years: unknown): number {
  const s = finite("start_value", start);
  const e = finite("end_value", end);
  const n = finite("years", years);
  if (n <= 0) throw badNumber("年数须大于0 years must be greater than 0");
  if (s <= 0) throw badNumber("起始值须为正数 CAGR needs a positive start value");
  if (e < 0) throw badNumber("期末值不能为负 CAGR needs a non-negative end value");
  return (e / s) ** (1 / n) - 1;
}

/** Period-on-period growth. */
export function yoy(current: unknown, previous: unknown): number {
  const c = finite("current", current);
  const p = finite("previous", previous);
  if (p === 0) throw new HHError("DIV/0", "上期值为0,无法计算增速 previous value is 0");
  return (c - p) / Math.abs(p);
}

/** The value before growth: 51.60 at +10.14% → 46.85. */
export function baseBeforeGrowth(current: unknown, growth: unknown): number {
  const c = finite("current", current);
  const g = finite("growth", growth);
  if (g <= -1) throw badNumber("增速须大于-100% growth must be above -100%");
  return c / (1 + g);
}

/** A value grown at a yearly rate for n years. */
export function project(value: unknown, growth: unknown, years: unknown): number {
  const v = finite("value", value);
  const g = finite("growth", growth);
  const n = finite("years", years);
  if (g <= -1) throw badNumber("增速须大于-100% growth must be above -100%");
  return v * (1 + g) ** n;
}

/**
 * The yearly change needed to go from `from` to `to` in `years`: compound growth for levels,
 * an even step a year for shares (percentage points as a fraction).
 */
export function requiredRate(from: number, to: number, years: number, share: boolean): number {
  if (years <= 0) throw badNumber("目标年份须晚于最新实际值 the target year must be after the latest actual");
  if (share) return (to - from) / years;
  return cagr(from, to, years);
}
