/**
 * What each HH function computes, in pure TypeScript. Every function throws HHError (never anything
 * else on bad input); the Excel edge turns it into an Excel error with the message.
 */
import { WORDS } from "./messages/words";
import { checkLength, isBlank } from "./args";
import { badNumber, badValue, HHError, notFound } from "./errors";
import { formatFactValue, KIND_LABEL, MEASURE_LABEL, type Lang } from "./labels";
import { LEVEL, type MeasureWords, type Reading } from "./resolve";
import { requiredRate, yoy } from "./growth";
import { endYear, isSpan, isYear, normalizePeriod } from "./periods";
import type { Fact, Indicator, Kind, Measure } from "./schema";
import { ACTUAL_KINDS, isActualKind, normalizeKind, TARGET_KINDS } from "./kinds";
import type { IndicatorStore } from "./store";
import type { DateSystem } from "./excel-dates";
import { firstPublished, parseAsOf, publishedBy, type Publication } from "./vintages";
import { sourceNote } from "./messages/vintages";

export { ACTUAL_KINDS, TARGET_KINDS };
import { convertUnit, isPercentUnit, isPointsUnit, UnitError } from "./units";

export type Cell = string | number;

const KIND_ZH = KIND_LABEL.zh;

/**
 * The periods a lookup of a kind tries: the period asked for; for a span, also a share's target at the
 * span's end (公办园占比 十四五 → its 2025 target: where a plan says a share is to be at its end). Nothing
 * else: a level or growth at 2025 is not one over 2021-2025 (新增学位 in 2025 is not the span's total),
 * and a quarter, half or months are never the year.
 */
function periodsToTry(period: string, kind: Kind, words: MeasureWords, indicator: Indicator): string[] {
  const horizon = isSpan(period) && kind === "target" && words.measure === "level" && isPercentUnit(indicator.unit);
  return horizon ? [period, String(endYear(period))] : [period];
}

/**
 * A base of one year before: 上年, 同比 (or none stated). Over a span such a growth is a yearly average;
 * over a quarter, half or months it is against the same part of the year before.
 */
function isYearOnYear(base: string | undefined): boolean {
  return base === undefined || base === "上年" || base === "同比";
}

/**
 * Whether a fact is the measure a name asks for. 年均增长 over a span is a yearly average, which a plain
 * 增长 over the same span (the change across it, 较"十三五") is not, and the other way round.
 */
export function factMeasures(fact: Fact, words: MeasureWords): boolean {
  if (fact.measure !== words.measure) return false;
  if (fact.measure !== "pct_change" && fact.measure !== "abs_change") return true;
  const yearly = isYearOnYear(fact.base);
  // A year's change is against the year before; one against an earlier year (2025 较2020, 减少近9成)
  // spans several years and is not what a year's growth or change means.
  if (isYear(fact.period)) return yearly || fact.base === String(Number(fact.period) - 1);
  // 2024-H1 同比 is that half's growth, no yearly average; a change against another base is not it.
  if (!isSpan(fact.period)) return yearly && !words.annual;
  if (words.annual) return yearly;
  return !yearly || fact.measure === "abs_change";
}

/**
 * The figure a lookup returns for one measure: the first kind that has one, the ranked winner of its
 * key (the latest publication, see vintages.ts); with `asOf`, of what had been published by then.
 */
export function lookupFact(
  store: IndicatorStore,
  indicator: Indicator,
  region: string,
  period: string,
  kinds: readonly Kind[],
  words: MeasureWords = LEVEL,
  asOf?: string,
): Fact | undefined {
  // Every kind at the period itself first, then a share's target at a span's end.
  for (const pass of [0, 1])
    for (const kind of kinds) {
      const p = periodsToTry(period, kind, words, indicator)[pass];
      if (p === undefined) continue;
      const fact = store.facts(indicator.id, region, p, kind, words.measure, asOf).find((f) => factMeasures(f, words));
      if (fact) return fact;
    }
  return undefined;
}

/** The measure words as people read them: 增速, 年均增速, 降幅, 增量 … */
export function measureName(words: MeasureWords, lang: Lang = "zh"): string {
  if (lang === "en") {
    if (words.measure === "pct_change")
      return words.annual ? "average yearly growth" : words.decline ? "decline" : "growth";
    return MEASURE_LABEL.en[words.measure];
  }
  if (words.measure === "pct_change") return words.annual ? "年均增速" : words.decline ? "降幅" : "增速";
  if (words.measure === "abs_change" && words.decline) return "减少量";
  return MEASURE_LABEL.zh[words.measure];
}

/** A fact's measure as a label: 增速 (较十三五), 增量 … ; "" for a level. */
export function factMeasureLabel(fact: Fact, lang: Lang = "zh"): string {
  if (fact.measure === "level") return "";
  const annual = isSpan(fact.period) && isYearOnYear(fact.base) && fact.measure === "pct_change";
  const label = measureName({ measure: fact.measure, annual, decline: false }, lang);
  return fact.base && !isYearOnYear(fact.base) ? `${label}(${WORDS[lang].versus}${fact.base})` : label;
}

function kindNames(kinds: readonly Kind[]): { zh: string; en: string } {
  return { zh: kinds.map((k) => KIND_ZH[k]).join("/"), en: kinds.map((k) => KIND_LABEL.en[k]).join("/") };
}

/**
 * An #N/A that says what exists instead: the periods, kinds and measures this region has, and other
 * regions; for an as-of lookup of a figure published only later, when it was first published.
 */
function missing(
  store: IndicatorStore,
  indicator: Indicator,
  region: string,
  period: string,
  kinds: readonly Kind[],
  words: MeasureWords,
  asOf?: string,
): HHError {
  if (asOf) {
    const published = kinds.flatMap((kind) =>
      periodsToTry(period, kind, words, indicator).flatMap((p) =>
        store.facts(indicator.id, region, p, kind, words.measure).filter((f) => factMeasures(f, words)),
      ),
    );
    const later = notYet(store, { indicator, region, period, asOf }, published, kinds);
    if (later) return later;
  }
  // With asOf, the hints name only what had been published by then.
  const all = store.series(indicator.id).filter((f) => publishedBy(f, store.sources, asOf));
  const available = all
    .filter((f) => f.region === region)
    .map((f) => `${f.period}${KIND_ZH[f.kind]}${factMeasureLabel(f)}`);
  const otherMeasure = all.find(
    (f) =>
      f.region === region &&
      f.measure !== words.measure &&
      kinds.includes(f.kind) &&
      periodsToTry(period, f.kind, { ...words, measure: f.measure }, indicator).includes(f.period),
  );
  // Named as a formula would ask for it: a span's 上年-based growth is its 年均增速.
  const annual =
    otherMeasure !== undefined &&
    otherMeasure.measure === "pct_change" &&
    isSpan(otherMeasure.period) &&
    isYearOnYear(otherMeasure.base);
  const other = otherMeasure && { measure: otherMeasure.measure, annual, decline: false };
  return notFound("noFigure", {
    indicator: indicator.zh,
    region,
    period,
    kinds: kindNames(kinds),
    measure: words.measure === "level" ? undefined : bothNames(words),
    otherMeasure: other && {
      ...bothNames(other),
      growth: other.measure === "pct_change" && !other.annual,
      level: other.measure === "level",
    },
    available: [...new Set(available)],
    elsewhere: [...new Set(all.filter((f) => f.region !== region).map((f) => f.region))],
  });
}

function bothNames(words: MeasureWords): { zh: string; en: string } {
  return { zh: measureName(words), en: measureName(words, "en") };
}

function inUnit(value: number, indicator: Indicator, unit: unknown, measure: Measure = "level"): number {
  if (isBlank(unit)) return value;
  if (typeof unit !== "string") throw badValue("unitNotText");
  if (measure === "pct_change" || measure === "pp_change") {
    // A growth is in %, a change of a share in percentage points: 6.5% growth is no 6.5 points.
    if (isPercentUnit(unit) && isPointsUnit(unit) === (measure === "pp_change")) return value;
    throw badValue("unitOfChange", { measure: MEASURE_LABEL.en[measure], unit });
  }
  if (isPercentUnit(indicator.unit)) {
    // A share's level is in %: 80.72% is no 80.72 points (a change in points is 城镇化率个百分点).
    if (isPercentUnit(unit) && !isPointsUnit(unit)) return value;
    throw badValue("unitOfShare", { indicator: indicator.zh, unit });
  }
  try {
    return convertUnit(value, indicator.unit, unit.trim());
  } catch (error) {
    if (error instanceof UnitError)
      throw badValue("unitOfIndicator", { indicator: indicator.zh, unit: indicator.unit, detail: error.message });
    throw error;
  }
}

interface Lookup {
  indicator: unknown;
  period: unknown;
  region?: unknown;
  unit?: unknown;
  /** A date (Excel serial or "2024-03-01"): the figure as it was known then. */
  asOf?: unknown;
  /** The date system of the workbook an Excel serial in `asOf` comes from (1900 unless told). */
  dateSystem?: DateSystem;
}

function resolveArgs(store: IndicatorStore, args: Lookup) {
  const reading = store.read(args.indicator);
  const period = normalizePeriod(args.period);
  const region = store.region(args.region, reading);
  const asOf = parseAsOf(args.asOf, args.dateSystem);
  return { reading, indicator: reading.indicator, period, region, asOf };
}

/** The #N/A for an as-of lookup whose figure was published only later; undefined when it never was. */
function notYet(
  store: IndicatorStore,
  what: { indicator: Indicator; region: string; period: string; asOf: string },
  published: readonly Fact[],
  kinds: readonly Kind[],
): HHError | undefined {
  const first = firstPublished(published, store.sources);
  if (!first) return undefined;
  return notFound("notYetPublished", {
    indicator: what.indicator.zh,
    region: what.region,
    period: what.period,
    kinds: kindNames(kinds),
    asOf: what.asOf,
    first,
  });
}

/** The value a fact gives for a reading: a decline (降幅) is the fall the report states, as a positive number. */
function valueFor(fact: Fact, reading: MeasureWords, indicator: Indicator): number {
  if (!reading.decline) return fact.value;
  if (fact.value > 0) {
    throw notFound("notADecline", {
      indicator: indicator.zh,
      period: fact.period,
      value: formatFactValue(fact.value, fact.unit),
      ask: `${indicator.zh}${measureName({ ...reading, decline: false })}`,
    });
  }
  return -fact.value;
}

export interface Answer {
  fact: Fact;
  value: number;
  reading: Reading;
  asOf?: string;
}

/** The figure HH.VALUE/TARGET/GET return: the measure the name denotes, of the given kinds. */
export function lookupNamed(store: IndicatorStore, args: Lookup, kinds: readonly Kind[]): Answer {
  const { reading, indicator, period, region, asOf } = resolveArgs(store, args);
  const fact = lookupFact(store, indicator, region, period, kinds, reading, asOf);
  if (!fact) throw missing(store, indicator, region, period, kinds, reading, asOf);
  return { fact, value: valueFor(fact, reading, indicator), reading, asOf };
}

/** The level fact HH.VALUE/TARGET/GET would return for a plain name; for citations and formulas. */
export function lookupLevel(store: IndicatorStore, args: Lookup, kinds: readonly Kind[]): Fact {
  return lookupNamed(store, args, kinds).fact;
}

function named(store: IndicatorStore, args: Lookup, kinds: readonly Kind[]): number {
  const { fact, value } = lookupNamed(store, args, kinds);
  return inUnit(value, store.indicators.get(fact.indicator)!, args.unit, fact.measure);
}

export function value(store: IndicatorStore, args: Lookup): number {
  return named(store, args, ACTUAL_KINDS);
}

export function target(store: IndicatorStore, args: Lookup): number {
  return named(store, args, TARGET_KINDS);
}

export function get(store: IndicatorStore, args: Lookup & { kind: unknown }): number {
  return named(store, args, [normalizeKind(args.kind)]);
}

/** Reported percent change, or one computed from two yearly levels. */
export function growth(store: IndicatorStore, args: Lookup & { kind?: unknown }): number {
  const { reading, indicator, period, region, asOf } = resolveArgs(store, args);
  if (reading.measure !== "level" && reading.measure !== "pct_change") {
    throw notFound("growthOfChange", { name: String(args.indicator), measure: bothNames(reading) });
  }
  const words: MeasureWords = { ...reading, measure: "pct_change" };
  const kinds: readonly Kind[] = isBlank(args.kind)
    ? ACTUAL_KINDS
    : normalizeKind(args.kind) === "target"
      ? TARGET_KINDS
      : [normalizeKind(args.kind)];
  const reported = lookupFact(store, indicator, region, period, kinds, words, asOf);
  if (reported) return valueFor(reported, words, indicator);
  if (isYear(period) && !words.decline) {
    const previous = String(Number(period) - 1);
    const now = lookupFact(store, indicator, region, period, kinds, LEVEL, asOf);
    const before = lookupFact(store, indicator, region, previous, ACTUAL_KINDS, LEVEL, asOf);
    // Only from two exact figures: 超过28% is no 28%, and a growth computed on a bound is no growth.
    if (now && before && !now.qualifier && !before.qualifier) return yoy(now.value, before.value);
    // Both levels exist but one came out after as_of (and no growth was reported): say when.
    const nowEver = now ?? lookupFact(store, indicator, region, period, kinds, LEVEL);
    const beforeEver = before ?? lookupFact(store, indicator, region, previous, ACTUAL_KINDS, LEVEL);
    if (asOf && nowEver && beforeEver && !lookupFact(store, indicator, region, period, kinds, words)) {
      const [late, lateKinds] = now ? [beforeEver, ACTUAL_KINDS] : [nowEver, kinds];
      const later = notYet(store, { indicator, region, period: late.period, asOf }, [late], lateKinds);
      if (later) throw later;
    }
  }
  throw missing(store, indicator, region, period, kinds, words, asOf);
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

export const SERIES_HEADER: Cell[] = ["period", "kind", "measure", "value", "unit"];

/** Every figure of the measure the name denotes (a plain name: the levels), one row per key, oldest first. */
export function series(
  store: IndicatorStore,
  args: { indicator: unknown; region?: unknown; kind?: unknown; asOf?: unknown; dateSystem?: DateSystem },
): Cell[][] {
  const reading = store.read(args.indicator);
  const indicator = reading.indicator;
  const region = store.region(args.region, reading);
  const kind = isBlank(args.kind) ? undefined : normalizeKind(args.kind);
  const asOf = parseAsOf(args.asOf, args.dateSystem);
  const chosen = new Set<string>();
  const rows: Cell[][] = [];
  const later: Fact[] = [];
  for (const fact of store.series(indicator.id)) {
    if (fact.region !== region || (kind && fact.kind !== kind) || !factMeasures(fact, reading)) continue;
    // One row per figure: the one lookups return (as known on the as-of date); an estimate an actual replaced is history.
    if (!kind && fact.kind === "estimate" && store.chosen({ ...fact, kind: "actual" }, asOf)) continue;
    const winner = store.chosen(fact, asOf);
    if (!winner) {
      later.push(fact);
      continue;
    }
    if (chosen.has(winner.id)) continue;
    chosen.add(winner.id);
    if (reading.decline && winner.value > 0) continue;
    rows.push([
      winner.period,
      winner.kind,
      winner.measure,
      reading.decline ? -winner.value : winner.value,
      unitLabel(winner),
    ]);
  }
  const kinds = kind ? [kind] : [...ACTUAL_KINDS, ...TARGET_KINDS];
  if (rows.length === 0)
    throw (
      (asOf && notYet(store, { indicator, region, period: "", asOf }, later, kinds)) ||
      missing(store, indicator, region, "", kinds, reading, asOf)
    );
  return [SERIES_HEADER, ...rows];
}

export function citation(store: IndicatorStore, fact: Fact): string {
  const source = store.sources.get(fact.source);
  return `《${source?.title ?? fact.source}》(${source?.issuer ?? ""}, ${source?.date ?? ""}) 第${fact.line}行: “${fact.quote}”`;
}

/**
 * HH.SOURCE: the citation of the figure lookups use, and in one line what it replaced (revised from an
 * earlier figure) or that it is still an estimate, as known on the as-of date when one is given.
 */
export function source(store: IndicatorStore, args: Lookup & { kind?: unknown }): string {
  const kinds: Kind[] = isBlank(args.kind) ? ["actual", "estimate", "target", "plan"] : [normalizeKind(args.kind)];
  const { fact, asOf } = lookupNamed(store, args, kinds);
  const publications = store.publications(fact, asOf);
  const used = publications[0];
  const isUsed = used?.fact.id === fact.id;
  // The vintage the figure used replaced: the best-ranked revised publication with another value.
  const revised = isUsed ? publications.find((p) => p.status === "revised" && p.fact.value !== fact.value) : undefined;
  const earlier = (p: Publication | undefined) =>
    p && { value: formatFactValue(p.fact.value, p.fact.unit), source: p.fact.source, date: p.source?.date ?? "" };
  const note = sourceNote({
    revisedFrom: earlier(revised),
    supersededBy: !isUsed && used && used.fact.value !== fact.value ? earlier(used) : undefined,
    estimateOnly: fact.kind === "estimate" && !publications.some((p) => p.fact.kind === "actual"),
  });
  return note ? `${citation(store, fact)} — ${note}` : citation(store, fact);
}

export function unitOf(store: IndicatorStore, indicator: unknown): string {
  const reading = store.read(indicator);
  if (reading.measure === "pct_change") return "%";
  if (reading.measure === "pp_change") return "个百分点";
  return reading.indicator.unit;
}

export const FIND_HEADER: Cell[] = ["id", "名称", "name", "unit", "category"];

export function find(store: IndicatorStore, query: unknown, limit?: unknown): Cell[][] {
  if (typeof query !== "string" || query.trim() === "") throw badValue("queryEmpty");
  const n = isBlank(limit) ? 10 : limit;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 500) {
    throw badValue("limitRange");
  }
  const rows = store.resolver
    .rank(query, n)
    .map((c) => [c.indicator.id, c.indicator.zh, c.indicator.en, c.indicator.unit, c.indicator.category]);
  if (rows.length === 0) throw notFound("nothingMatches", { query });
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
    isActualKind(fact.kind) &&
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
  asOf?: string,
): Fact | undefined {
  // Latest year first; an actual beats an estimate for the same year. With asOf, only what was published by then.
  const rank = (f: Fact) => Number(f.period) * 2 + (f.kind === "actual" ? 1 : 0);
  let best: Fact | undefined;
  for (const f of store.series(indicator.id)) {
    if (f.region !== region || !isTargetBase(store, f, horizon) || !publishedBy(f, store.sources, asOf)) continue;
    if (!best || rank(f) > rank(best)) best = f;
  }
  if (!best) return undefined;
  return store
    .facts(best.indicator, best.region, best.period, best.kind, "level", asOf)
    .find((f) => isTargetBase(store, f, horizon));
}

/** The base HH.TARGETGAP / HH.TARGETRATE use for a target or plan level fact, for display. */
export function targetBase(store: IndicatorStore, targetFact: Fact, asOf?: string): Fact | undefined {
  const indicator = store.indicators.get(targetFact.indicator);
  if (!indicator || targetFact.measure !== "level" || (targetFact.kind !== "target" && targetFact.kind !== "plan"))
    return undefined;
  return latestActualBefore(store, indicator, targetFact.region, endYear(targetFact.period), asOf);
}

function targetAndActual(store: IndicatorStore, args: Lookup) {
  const { fact: targetFact, reading, asOf } = lookupNamed(store, args, TARGET_KINDS);
  const indicator = reading.indicator;
  if (reading.measure !== "level") {
    throw notFound("targetOfChange", { name: String(args.indicator), measure: bothNames(reading) });
  }
  const horizon = endYear(targetFact.period);
  const actual = latestActualBefore(store, indicator, targetFact.region, horizon, asOf);
  if (!actual) {
    // A base published only after as_of: say when, rather than that there is none.
    const later = asOf && latestActualBefore(store, indicator, targetFact.region, horizon);
    const notYetThen =
      later &&
      notYet(store, { indicator, region: targetFact.region, period: later.period, asOf }, [later], ACTUAL_KINDS);
    if (notYetThen) throw notYetThen;
    const available = [
      ...new Set(
        store
          .series(indicator.id)
          .filter(
            (f) =>
              f.region === targetFact.region &&
              f.measure === "level" &&
              f.id !== targetFact.id &&
              publishedBy(f, store.sources, asOf),
          )
          .map((f) => `${f.period}${KIND_ZH[f.kind]}`),
      ),
    ];
    throw notFound("noTargetBase", { indicator: indicator.zh, region: targetFact.region, horizon, available });
  }
  // 10余万平方米 is no 100,000: a gap or a rate from a bound would be a number nobody reported.
  if (actual.qualifier)
    throw notFound("targetBaseBound", {
      indicator: indicator.zh,
      period: actual.period,
      reported: actual.reported.text,
    });
  return { indicator, targetFact, actual, horizon };
}

export function targetGap(store: IndicatorStore, args: Lookup): number {
  const { indicator, targetFact, actual } = targetAndActual(store, args);
  return inUnit(targetFact.value - actual.value, indicator, args.unit);
}

export function targetRate(store: IndicatorStore, args: Lookup): number {
  const { indicator, targetFact, actual, horizon } = targetAndActual(store, args);
  const years = horizon - Number(actual.period);
  if (years <= 0) throw badNumber("baseInTargetYear", { indicator: indicator.zh });
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
    facts: store.factCount,
    indicators: d.indicators.length,
    sources: d.sources.length,
    conflicts: d.conflicts.length,
    origin: store.origin.kind,
    location: store.origin.location,
    hash: d.hash,
  };
  if (isBlank(field)) {
    return `HH Indicators ${d.version} · ${store.factCount} facts · built ${d.builtAt} · ${store.origin.kind}: ${store.origin.location}`;
  }
  // Matched against the list of fields only: "constructor" or "__proto__" are unknown fields.
  const text = typeof field === "string" ? checkLength("field", field).normalize("NFKC").trim().toLowerCase() : "";
  const key = INFO_FIELDS.find((f) => f.toLowerCase() === text);
  if (!key) throw badValue("infoField", { field: String(field), fields: INFO_FIELDS });
  return values[key];
}
