/**
 * The consistency check: does a stated growth rate agree with the two levels it was computed from, at
 * the precision the report wrote them with? Rates are fractions (10.14% → 0.1014).
 */
import { baseBeforeGrowth, yoy } from "./growth";
import { ACTUAL_KINDS } from "./kinds";
import { isYear } from "./periods";
import { lookupFact } from "./query";
import type { Fact } from "./schema";
import type { IndicatorStore } from "./store";

/** Decimal places as written ("51.60亿元" → 2, "1,234" → 0): the precision a figure stands for. */
export function writtenDecimals(text: string): number {
  const m = /\.(\d+)/.exec(text.replace(/[,,]/g, ""));
  return m ? m[1].length : 0;
}

export interface Check {
  computed: number;
  /** Stated minus computed, as a fraction. */
  difference: number;
  consistent: boolean;
}

/**
 * Whether a stated growth matches the levels, at the precision they were written with: each number
 * stands for an interval (51.60 → [51.595, 51.605]); consistent when the intervals can agree.
 * `stated.decimals` counts the decimals of the percent as written (10.14% → 2).
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

/** Every reported yearly growth that has a level for the same period, checked against the previous level when there is one. */
export function datasetChecks(store: IndicatorStore): DatasetCheck[] {
  const out: DatasetCheck[] = [];
  for (const growth of store.dataset.facts) {
    if (growth.measure !== "pct_change" || !isYear(growth.period)) continue;
    if (growth.base && !/^(上年|同比|\d{4})$/.test(growth.base)) continue;
    const indicator = store.indicators.get(growth.indicator)!;
    const level = (period: string) => lookupFact(store, indicator, growth.region, period, ACTUAL_KINDS);
    const current = store.chosen({ ...growth, measure: "level" }) ?? level(growth.period);
    if (!current) continue;
    const previousPeriod = growth.base && /^\d{4}$/.test(growth.base) ? growth.base : String(Number(growth.period) - 1);
    const previous = level(previousPeriod);
    // Growth over a zero or negative level is not meaningful (HH.YOY refuses it): no check.
    if (previous && previous.value <= 0) continue;
    if (previous) {
      const check = checkGrowth(
        { value: previous.value, decimals: writtenDecimals(previous.reported.text) },
        { value: current.value, decimals: writtenDecimals(current.reported.text) },
        { value: growth.value, decimals: writtenDecimals(growth.reported.text) },
      );
      out.push({ growth, current, previous, check });
    } else if (growth.value > -1) {
      out.push({ growth, current, implied: baseBeforeGrowth(current.value, growth.value) });
    }
  }
  return out;
}
