/**
 * What each HH function computes, in pure TypeScript. Every function throws HHError (never anything
 * else on bad input); the Excel edge turns it into an Excel error with the message.
 */
import { checkLength } from "./args";
import { badNumber, badValue, HHError, notFound } from "./errors";
import { KIND_LABEL } from "./labels";
import { requiredRate, yoy } from "./growth";
import { endYear, isYear, normalizePeriod } from "./periods";
import type { Fact, Indicator, Kind } from "./schema";
import { normalizeKind, type IndicatorStore } from "./store";
import { convertUnit, isPercentUnit, UnitError } from "./units";

export type Cell = string | number;

const KIND_ZH = KIND_LABEL.zh;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** A span query also finds a target stated at the span's end year (十五五 → 2030). */
function periodsToTry(period: string): string[] {
  return isYear(period) ? [period] : [period, String(endYear(period))];
}

function first(
  store: IndicatorStore,
  indicator: Indicator,
  region: string,
  period: string,
  kinds: readonly Kind[],
  measure: Fact["measure"],
): Fact | undefined {
  for (const p of periodsToTry(period)) {
    for (const kind of kinds) {
      const fact = store.facts(indicator.id, region, p, kind, measure)[0];
      if (fact) return fact;
    }
  }
  return undefined;
}

function missing(store: IndicatorStore, indicator: Indicator, region: string, period: string, what: string): HHError {
  const available = store
    .series(indicator.id)
    .filter((f) => f.region === region)
    .map((f) => `${f.period}${KIND_ZH[f.kind]}${f.measure === "level" ? "" : "增速"}`);
  const hint = available.length ? `; 已有 available: ${[...new Set(available)].slice(0, 8).join(", ")}` : "";
  return notFound(`${indicator.zh} ${region} ${period} 没有${what} no ${what} figure${hint}`);
}

function inUnit(value: number, indicator: Indicator, unit: unknown): number {
  if (isBlank(unit)) return value;
  if (typeof unit !== "string") throw badValue('单位应为文本 unit must be text such as "万元"');
  if (isPercentUnit(indicator.unit)) {
    if (isPercentUnit(unit)) return value;
    throw badValue(`单位不兼容 ${indicator.zh} is a share (%), cannot convert to ${unit}`);
  }
  try {
    return convertUnit(value, indicator.unit, unit.trim());
  } catch (error) {
    if (error instanceof UnitError) throw badValue(`${error.message} (${indicator.zh} is in ${indicator.unit})`);
    throw error;
  }
}

interface Lookup {
  indicator: unknown;
  period: unknown;
  region?: unknown;
  unit?: unknown;
}

function resolveArgs(store: IndicatorStore, args: Lookup) {
  const indicator = store.indicator(args.indicator);
  const period = normalizePeriod(args.period);
  const region = store.region(indicator, args.region);
  return { indicator, period, region };
}

/** The fact HH.VALUE/TARGET/GET return, for citations and the task pane. */
export function lookupLevel(store: IndicatorStore, args: Lookup, kinds: readonly Kind[]): Fact {
  const { indicator, period, region } = resolveArgs(store, args);
  const fact = first(store, indicator, region, period, kinds, "level");
  if (fact) return fact;
  const changeOnly = first(store, indicator, region, period, kinds, "pct_change");
  if (changeOnly) {
    throw notFound(
      `${indicator.zh} ${period} 只有增速 only a growth figure exists; use HH.GROWTH(…,"${changeOnly.kind}")`,
    );
  }
  throw missing(store, indicator, region, period, kinds.map((k) => KIND_ZH[k]).join("/"));
}

/** A level of the given kinds, in the unit asked for. */
function level(store: IndicatorStore, args: Lookup, kinds: readonly Kind[]): number {
  const fact = lookupLevel(store, args, kinds);
  return inUnit(fact.value, store.indicators.get(fact.indicator)!, args.unit);
}

export function value(store: IndicatorStore, args: Lookup): number {
  return level(store, args, ["actual", "estimate"]);
}

export function target(store: IndicatorStore, args: Lookup): number {
  return level(store, args, ["target", "plan"]);
}

export function get(store: IndicatorStore, args: Lookup & { kind: unknown }): number {
  return level(store, args, [normalizeKind(args.kind)]);
}

/** Reported percent change, or one computed from two yearly levels. */
export function growth(store: IndicatorStore, args: Lookup & { kind?: unknown }): number {
  const { indicator, period, region } = resolveArgs(store, args);
  const kinds: Kind[] = isBlank(args.kind)
    ? ["actual", "estimate"]
    : normalizeKind(args.kind) === "target"
      ? ["target", "plan"]
      : [normalizeKind(args.kind)];
  const reported = first(store, indicator, region, period, kinds, "pct_change");
  if (reported) return reported.value;
  if (isYear(period)) {
    const now = first(store, indicator, region, period, kinds, "level");
    const before = first(store, indicator, region, String(Number(period) - 1), ["actual", "estimate"], "level");
    if (now && before) return yoy(now.value, before.value);
  }
  throw missing(store, indicator, region, period, `${kinds.map((k) => KIND_ZH[k]).join("/")}增速`);
}

function unitLabel(fact: Fact): string {
  switch (fact.measure) {
    case "pct_change":
      return `% (${fact.base ?? ""}增速)`.replace("( ", "(");
    case "pp_change":
      return "个百分点";
    case "abs_change":
      return `${fact.unit} (增量)`;
    default:
      return fact.unit;
  }
}

export const SERIES_HEADER: Cell[] = ["period", "kind", "value", "unit"];

export function series(
  store: IndicatorStore,
  args: { indicator: unknown; region?: unknown; kind?: unknown },
): Cell[][] {
  const indicator = store.indicator(args.indicator);
  const region = store.region(indicator, args.region);
  const kind = isBlank(args.kind) ? undefined : normalizeKind(args.kind);
  const chosen = new Set<string>();
  const rows: Cell[][] = [];
  for (const fact of store.series(indicator.id)) {
    if (fact.region !== region || (kind && fact.kind !== kind)) continue;
    // One row per key: the figure lookups return.
    const winner = store.facts(fact.indicator, fact.region, fact.period, fact.kind, fact.measure)[0];
    if (chosen.has(winner.id)) continue;
    chosen.add(winner.id);
    rows.push([winner.period, winner.kind, winner.value, unitLabel(winner)]);
  }
  if (rows.length === 0)
    throw notFound(`${indicator.zh} ${region} 没有数据 no figures${kind ? ` of kind ${kind}` : ""}`);
  return [SERIES_HEADER, ...rows];
}

export function citation(store: IndicatorStore, fact: Fact): string {
  const source = store.sources.get(fact.source);
  return `《${source?.title ?? fact.source}》(${source?.issuer ?? ""}, ${source?.date ?? ""}) 第${fact.line}行: “${fact.quote}”`;
}

export function source(store: IndicatorStore, args: Lookup & { kind?: unknown }): string {
  const kinds: Kind[] = isBlank(args.kind) ? ["actual", "estimate", "target", "plan"] : [normalizeKind(args.kind)];
  return citation(store, lookupLevelOrChange(store, args, kinds));
}

function lookupLevelOrChange(store: IndicatorStore, args: Lookup, kinds: Kind[]): Fact {
  const { indicator, period, region } = resolveArgs(store, args);
  for (const measure of ["level", "pct_change", "pp_change", "abs_change"] as const) {
    const fact = first(store, indicator, region, period, kinds, measure);
    if (fact) return fact;
  }
  throw missing(store, indicator, region, period, kinds.map((k) => KIND_ZH[k]).join("/"));
}

export function unitOf(store: IndicatorStore, indicator: unknown): string {
  return store.indicator(indicator).unit;
}

export const FIND_HEADER: Cell[] = ["id", "名称", "name", "unit", "category"];

export function find(store: IndicatorStore, query: unknown, limit?: unknown): Cell[][] {
  if (typeof query !== "string" || query.trim() === "") throw badValue("查询不能为空 query must be text");
  const n = isBlank(limit) ? 10 : limit;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 500) {
    throw badValue("limit 应为 1-500 的整数 limit must be a whole number from 1 to 500");
  }
  const rows = store.resolver
    .rank(query, n)
    .map((c) => [c.indicator.id, c.indicator.zh, c.indicator.en, c.indicator.unit, c.indicator.category]);
  if (rows.length === 0) throw notFound(`没有匹配的指标 no indicator matches "${query}"`);
  return [FIND_HEADER, ...rows];
}

/**
 * Facts that say what could be (潜力, a potential: "places the handover can add"), not what was.
 * The schema has no field for this, so the fact's note and its indicator's definition are read; a
 * false alarm costs an #N/A, never a wrong number.
 */
const POTENTIAL = /潜力|潜在|potential/i;

function isPotential(store: IndicatorStore, fact: Fact): boolean {
  const indicator = store.indicators.get(fact.indicator);
  return POTENTIAL.test(fact.note ?? "") || POTENTIAL.test(indicator?.def ?? "");
}

/**
 * Whether a fact can be the base HH.TARGETGAP and HH.TARGETRATE start from for a target in `horizon`:
 * a level, actual or estimate, of a whole year (2022 — never a span total such as 2021-2025, nor a
 * year-to-date, quarter, half or month), strictly before the horizon year, and not a potential.
 */
export function isTargetBase(store: IndicatorStore, fact: Fact, horizon: number): boolean {
  return (
    fact.measure === "level" &&
    (fact.kind === "actual" || fact.kind === "estimate") &&
    isYear(fact.period) &&
    Number(fact.period) < horizon &&
    !isPotential(store, fact)
  );
}

/**
 * The base of a target in `horizon`: the latest whole year before it that has an actual or estimate
 * level (see isTargetBase); for that year the actual, else the estimate; of conflicting figures, the
 * one lookups choose (HH.VALUE of that year returns the same figure).
 */
export function latestActualBefore(
  store: IndicatorStore,
  indicator: Indicator,
  region: string,
  horizon: number,
): Fact | undefined {
  // Latest year first; an actual beats an estimate for the same year.
  const rank = (f: Fact) => Number(f.period) * 2 + (f.kind === "actual" ? 1 : 0);
  let best: Fact | undefined;
  for (const f of store.series(indicator.id)) {
    if (f.region !== region || !isTargetBase(store, f, horizon)) continue;
    if (!best || rank(f) > rank(best)) best = f;
  }
  if (!best) return undefined;
  return store
    .facts(best.indicator, best.region, best.period, best.kind, "level")
    .find((f) => isTargetBase(store, f, horizon));
}

/** The base HH.TARGETGAP / HH.TARGETRATE use for a target or plan level fact, for display. */
export function targetBase(store: IndicatorStore, targetFact: Fact): Fact | undefined {
  const indicator = store.indicators.get(targetFact.indicator);
  if (!indicator || targetFact.measure !== "level" || (targetFact.kind !== "target" && targetFact.kind !== "plan"))
    return undefined;
  return latestActualBefore(store, indicator, targetFact.region, endYear(targetFact.period));
}

function targetAndActual(store: IndicatorStore, args: Lookup) {
  const targetFact = lookupLevel(store, args, ["target", "plan"]);
  const indicator = store.indicators.get(targetFact.indicator)!;
  const horizon = endYear(targetFact.period);
  const actual = latestActualBefore(store, indicator, targetFact.region, horizon);
  if (!actual) {
    const available = [
      ...new Set(
        store
          .series(indicator.id)
          .filter((f) => f.region === targetFact.region && f.measure === "level" && f.id !== targetFact.id)
          .map((f) => `${f.period}${KIND_ZH[f.kind]}`),
      ),
    ];
    const hint = available.length ? `; 已有 available: ${available.slice(0, 8).join(", ")}` : "";
    throw notFound(
      `${indicator.zh} ${targetFact.region} 在${horizon}年之前没有全年实际值或预计值作基数 no base: no whole-year actual or estimate level before ${horizon}${hint}`,
    );
  }
  return { indicator, targetFact, actual, horizon };
}

export function targetGap(store: IndicatorStore, args: Lookup): number {
  const { indicator, targetFact, actual } = targetAndActual(store, args);
  return inUnit(targetFact.value - actual.value, indicator, args.unit);
}

export function targetRate(store: IndicatorStore, args: Lookup): number {
  const { indicator, targetFact, actual, horizon } = targetAndActual(store, args);
  const years = horizon - Number(actual.period);
  if (years <= 0)
    throw badNumber(`${indicator.zh} 最新实际值已在目标年份 the latest actual is already in the target year`);
  return requiredRate(actual.value, targetFact.value, years, isPercentUnit(indicator.unit));
}

export const INFO_FIELDS = [
  "version",
  "builtAt",
  "facts",
  "indicators",
  "sources",
  "conflicts",
  "origin",
  "location",
  "hash",
] as const;

export function info(store: IndicatorStore, field?: unknown): string | number {
  const d = store.dataset;
  const values: Record<(typeof INFO_FIELDS)[number], string | number> = {
    version: d.version,
    builtAt: d.builtAt,
    facts: d.facts.length,
    indicators: d.indicators.length,
    sources: d.sources.length,
    conflicts: d.conflicts.length,
    origin: store.origin.kind,
    location: store.origin.location,
    hash: d.hash,
  };
  if (isBlank(field)) {
    return `HH Indicators ${d.version} · ${d.facts.length} facts · built ${d.builtAt} · ${store.origin.kind}: ${store.origin.location}`;
  }
  // Matched against the list of fields only: "constructor" or "__proto__" are unknown fields.
  const text = typeof field === "string" ? checkLength("field", field).normalize("NFKC").trim().toLowerCase() : "";
  const key = INFO_FIELDS.find((f) => f.toLowerCase() === text);
  if (!key) throw badValue(`未知字段 unknown field "${String(field)}"; fields: ${INFO_FIELDS.join(", ")}`);
  return values[key];
}
