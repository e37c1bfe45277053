/**
 * What the pane shows and the sheets write about the dataset, computed once here: facts in reading
 * order, target tracking (each target with the base it is measured from) and an indicator's series
 * by year for charts. The task pane renders these and the workbook writer writes them; neither
 * decides anything about the data.
 */
import { comparePeriods, isYear } from "./periods";
import { isActualKind, TARGET_KINDS } from "./kinds";
import { lookupFact, targetBase } from "./query";
import type { Fact, Indicator } from "./schema";
import type { IndicatorStore } from "./store";

/** Facts sorted for reading: category, indicator, region, period, kind, measure. */
export function sortFacts(store: IndicatorStore, facts: readonly Fact[]): Fact[] {
  const ind = (f: Fact) => store.indicators.get(f.indicator);
  return [...facts].sort(
    (a, b) =>
      (ind(a)?.category ?? "").localeCompare(ind(b)?.category ?? "") ||
      a.indicator.localeCompare(b.indicator) ||
      a.region.localeCompare(b.region) ||
      comparePeriods(a.period, b.period) ||
      a.kind.localeCompare(b.kind) ||
      a.measure.localeCompare(b.measure),
  );
}

export interface TargetRow {
  indicator: Indicator;
  /** The target level HH.TARGET returns for the horizon (a target, else the plan). */
  fact: Fact;
  /** The base HH.TARGETGAP and HH.TARGETRATE measure it from: the latest actual before the horizon. */
  base?: Fact;
}

/** Target tracking: one row per indicator, region and horizon with a target (or, failing that, a plan) level. */
export function targetRows(store: IndicatorStore, facts: readonly Fact[]): TargetRow[] {
  const seen = new Set<string>();
  const rows: TargetRow[] = [];
  for (const f of sortFacts(store, facts)) {
    if (f.measure !== "level" || (f.kind !== "target" && f.kind !== "plan")) continue;
    const key = `${f.indicator}|${f.region}|${f.period}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const indicator = store.indicators.get(f.indicator);
    if (!indicator) continue;
    // HH.TARGET prefers a target to a plan for the same period: show the one it returns.
    const fact = lookupFact(store, indicator, f.region, f.period, TARGET_KINDS) ?? f;
    rows.push({ indicator, fact, base: targetBase(store, fact) });
  }
  return rows;
}

export interface SeriesPoint {
  year: number;
  actual?: Fact;
  target?: Fact;
}

/**
 * An indicator's levels by year in one region: the actual (else the estimate) and the target (else
 * the plan), each the figure lookups choose. Only whole years: spans are totals and year-to-date
 * figures are partial.
 */
export function seriesPoints(store: IndicatorStore, indicatorId: string, region: string): SeriesPoint[] {
  const byYear = new Map<number, SeriesPoint>();
  for (const f of store.series(indicatorId)) {
    if (f.region !== region || f.measure !== "level" || !isYear(f.period)) continue;
    const year = Number(f.period);
    const point = byYear.get(year) ?? { year };
    const chosen = store.chosen(f) ?? f;
    if (isActualKind(f.kind)) {
      if (!point.actual || (point.actual.kind === "estimate" && f.kind === "actual")) point.actual = chosen;
    } else if (!point.target || (point.target.kind === "plan" && f.kind === "target")) point.target = chosen;
    byYear.set(year, point);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export interface ChartPoint {
  year: number;
  value: number;
}

export interface SeriesLines {
  /** The actual (else estimated) levels, oldest first. */
  actual: ChartPoint[];
  /** The targets (else plans), oldest first. */
  target: ChartPoint[];
  /** The way still to go, from the latest actual to the first target, when the targets all lie ahead. */
  bridge?: [ChartPoint, ChartPoint];
}

/** The lines a chart of actuals against targets draws from an indicator's series points. */
export function seriesLines(points: readonly SeriesPoint[]): SeriesLines {
  const actual: ChartPoint[] = [];
  const target: ChartPoint[] = [];
  for (const p of points) {
    if (p.actual) actual.push({ year: p.year, value: p.actual.value });
    if (p.target) target.push({ year: p.year, value: p.target.value });
  }
  const last = actual[actual.length - 1];
  const first = target[0];
  return { actual, target, bridge: last && first && last.year < first.year ? [last, first] : undefined };
}
