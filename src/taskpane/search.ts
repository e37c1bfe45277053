/** Browse: search as you type plus filters, over the figures lookups return. */
import { countFacts } from "../core/lazy-facts";
import { endYear } from "../core/periods";
import { factMeasures } from "../core/query";
import { normalizeName, type Reading } from "../core/resolve";
import type { Fact, Indicator, Kind } from "../core/schema";
import type { IndicatorStore } from "../core/store";

export interface Filters {
  query: string;
  category: string;
  region: string;
  kind: "" | Kind;
  year: string;
}

export const NO_FILTERS: Filters = { query: "", category: "", region: "", kind: "", year: "" };

/**
 * One collator for every comparison (localeCompare builds one per call), made on first use: building
 * it loads the Chinese collation data, tens of milliseconds the pane's first paint does not need.
 */
let collator: Intl.Collator | undefined;
const compareChinese = (a: string, b: string) => (collator ??= new Intl.Collator("zh")).compare(a, b);

/** Indicators best match first: the resolver's ranking, then any other name containing the query. */
export function matchIndicators(store: IndicatorStore, query: string): Indicator[] {
  const q = normalizeName(query);
  const all = [...store.indicators.values()];
  if (q === "") return all.sort((a, b) => compareChinese(a.category, b.category) || compareChinese(a.zh, b.zh));
  const ranked = store.resolver.rank(query, all.length).map((c) => c.indicator);
  const seen = new Set(ranked.map((i) => i.id));
  const contains = all.filter(
    (i) => !seen.has(i.id) && [i.id, i.zh, i.en, ...i.aliases].some((n) => normalizeName(n).includes(q)),
  );
  return [...ranked, ...contains];
}

function coversYear(period: string, year: number): boolean {
  const span = /^(\d{4})-(\d{4})$/.exec(period);
  if (span) return Number(span[1]) <= year && year <= Number(span[2]);
  return endYear(period) === year;
}

/** How the functions read a query, when they read it one way: GDP增速 is the growth of GDP, 全市GDP the city's. */
export function queryReading(store: IndicatorStore, query: string): Reading | undefined {
  if (query.trim() === "") return undefined;
  const result = store.resolver.resolve(query);
  return "reading" in result ? result.reading : undefined;
}

/**
 * The figures to list: one per key (the one lookups return), grouped by indicator in match order. A query
 * the functions read as one measure (增速, 增量) or region lists those figures only, as a formula would.
 */
export function searchFacts(store: IndicatorStore, filters: Filters): Fact[] {
  const search = searchInSteps(store, filters);
  while (!search.step(Infinity));
  return search.results;
}

/**
 * Facts a step of searchInSteps reads at most (it ends after the indicator that passes it): about 50 ms
 * in a webview. A dataset of a few thousand facts is searched in one step, as before.
 */
export const SEARCH_STEP_FACTS = 10_000;

export interface SteppedSearch {
  /** The figures found so far, in their final order (later steps only append). */
  readonly results: Fact[];
  /** Searches on, indicator by indicator, until `budget` facts were read; true when the search is done. */
  step(budget?: number): boolean;
}

/**
 * searchFacts a step at a time, so the pane lists the first figures of a large dataset at once and
 * finds the rest between frames instead of holding the page for the whole search.
 */
export function searchInSteps(store: IndicatorStore, filters: Filters): SteppedSearch {
  const year = filters.year ? Number(filters.year) : undefined;
  const reading = queryReading(store, filters.query);
  const named = reading && (reading.measure !== "level" || reading.region) ? reading : undefined;
  const indicators = matchIndicators(store, filters.query);
  const results: Fact[] = [];
  let next = 0;
  return {
    results,
    step(budget = SEARCH_STEP_FACTS) {
      let read = 0;
      while (next < indicators.length && read < budget) {
        const indicator = indicators[next++];
        if (filters.category && indicator.category !== filters.category) continue;
        for (const fact of store.series(indicator.id)) {
          read++;
          if (named && (fact.indicator !== named.indicator.id || !factMeasures(fact, named))) continue;
          if (named?.region && fact.region !== named.region) continue;
          if (filters.region && fact.region !== filters.region) continue;
          if (filters.kind && fact.kind !== filters.kind) continue;
          if (year !== undefined && !coversYear(fact.period, year)) continue;
          if (!store.isChosen(fact)) continue;
          results.push(fact);
        }
      }
      return next >= indicators.length;
    },
  };
}

export interface FilterOptions {
  categories: string[];
  regions: string[];
  years: string[];
}

export function filterOptions(store: IndicatorStore): FilterOptions {
  const categories = new Set<string>();
  for (const i of store.indicators.values()) categories.add(i.category);
  // Counted by value, without making a large dataset's facts (lazy-facts.ts).
  const regions = countFacts(store.dataset, "region");
  const years = new Set<number>();
  for (const period of countFacts(store.dataset, "period").keys()) years.add(endYear(period));
  return {
    categories: [...categories].sort(compareChinese),
    regions: [...regions.entries()].sort((a, b) => b[1] - a[1]).map(([r]) => r),
    years: [...years].sort((a, b) => b - a).map(String),
  };
}
