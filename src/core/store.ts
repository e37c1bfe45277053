/** An indexed, read-only dataset: built once per dataset, then every lookup is a map access. */
import { factKey, rankFacts } from "./conflicts";
import { badValue, notFound } from "./errors";
import { periodSortKey } from "./periods";
import { CITY, regionByName } from "./regions";
import { checkLength, MAX_ARGUMENT_LENGTH } from "./args";
import { IndicatorResolver, type Reading } from "./resolve";
import type { Dataset, Fact, Indicator, Kind, Source } from "./schema";

export { CITY };
export { KIND_ALIASES, normalizeKind } from "./kinds";

/** Where the live dataset came from, for HH.INFO and the task pane. */
export interface DatasetOrigin {
  kind: "embedded" | "published" | "file";
  location: string;
}

export class IndicatorStore {
  readonly resolver: IndicatorResolver;
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly sources: ReadonlyMap<string, Source>;
  private readonly byKey = new Map<string, Fact[]>();
  private readonly byIndicator = new Map<string, Fact[]>();
  private readonly regions = new Map<string, string[]>();
  private readonly ranked = new Set<string>();
  private readonly sorted = new Set<string>();
  private readonly allRegions: Set<string>;

  constructor(
    readonly dataset: Dataset,
    readonly origin: DatasetOrigin = { kind: "embedded", location: "bundled" },
  ) {
    this.indicators = new Map(dataset.indicators.map((i) => [i.id, i]));
    this.sources = new Map(dataset.sources.map((s) => [s.id, s]));
    this.resolver = new IndicatorResolver(dataset.indicators);
    // One pass groups facts by lookup key; ranking and sorting happen lazily, on first use,
    // so a large published dataset becomes live quickly.
    this.allRegions = new Set();
    for (const fact of dataset.facts) {
      const key = factKey(fact);
      const group = this.byKey.get(key);
      if (group) group.push(fact);
      else this.byKey.set(key, [fact]);
      const list = this.byIndicator.get(fact.indicator);
      if (list) list.push(fact);
      else this.byIndicator.set(fact.indicator, [fact]);
      this.allRegions.add(fact.region);
    }
  }

  /** The indicator an analyst means, or an #N/A that names the candidates. */
  indicator(query: unknown): Indicator {
    return this.read(query).indicator;
  }

  /** How a typed name reads: indicator, measure, region words; or an #N/A that names the candidates. */
  read(query: unknown): Reading {
    if (typeof query !== "string" || query.trim() === "") {
      throw badValue("indicatorEmpty");
    }
    const result = this.resolver.resolve(query);
    if ("reading" in result) return result.reading;
    if (result.error === "too_long") {
      throw badValue("tooLong", {
        what: "indicator",
        length: query.length,
        max: MAX_ARGUMENT_LENGTH,
        start: query.slice(0, 20),
      });
    }
    const names = result.candidates.map((c) => `${c.indicator.zh} (${c.indicator.id})`);
    if (result.error === "ambiguous") throw notFound("indicatorAmbiguous", { name: query, candidates: names });
    throw notFound("indicatorUnknown", { name: query, candidates: names });
  }

  /**
   * The region a lookup is for: the region argument, else the one the name states (全市GDP), else the
   * city — always, so a formula means the same thing when figures for other regions are added.
   */
  region(input: unknown, reading?: Pick<Reading, "region" | "matched" | "words">): string {
    if (input === undefined || input === null || (typeof input === "string" && input.trim() === "")) {
      return reading?.region ?? CITY;
    }
    if (typeof input !== "string") throw badValue("regionNotText");
    checkLength("region", input);
    const region = regionByName(input) ?? (this.allRegions.has(input.trim()) ? input.trim() : undefined);
    if (!region) {
      throw notFound("regionUnknown", { region: input, regions: [...this.allRegions] });
    }
    if (reading?.region && reading.region !== region) {
      throw badValue("regionContradicts", { inName: reading.region, argument: region });
    }
    return region;
  }

  /** Regions that have any figure. */
  regionsWithFigures(): readonly string[] {
    return [...this.allRegions];
  }

  /** Facts for one key, the one lookups return first. */
  facts(indicator: string, region: string, period: string, kind: Kind, measure: Fact["measure"]): readonly Fact[] {
    const key = `${indicator}|${region}|${period}|${kind}|${measure}`;
    const group = this.byKey.get(key);
    if (!group) return [];
    if (group.length > 1 && !this.ranked.has(key)) {
      this.byKey.set(key, rankFacts(group, this.sources).ranked);
      this.ranked.add(key);
      return this.byKey.get(key)!;
    }
    return group;
  }

  /** The fact lookups return for a fact's key: of several sources, the one the conflict rule ranks first. */
  chosen(key: Pick<Fact, "indicator" | "region" | "period" | "kind" | "measure">): Fact | undefined {
    return this.facts(key.indicator, key.region, key.period, key.kind, key.measure)[0];
  }

  /** Whether lookups return this fact (false for a source that lost a conflict). */
  isChosen(fact: Fact): boolean {
    return this.chosen(fact)?.id === fact.id;
  }

  /** Every fact of an indicator, oldest first. */
  series(indicator: string): readonly Fact[] {
    const list = this.byIndicator.get(indicator);
    if (!list) return [];
    if (!this.sorted.has(indicator)) {
      const keys = new Map(list.map((f) => [f, periodSortKey(f.period)]));
      list.sort((a, b) => keys.get(a)!.localeCompare(keys.get(b)!) || a.kind.localeCompare(b.kind));
      this.sorted.add(indicator);
    }
    return list;
  }

  regionsOf(indicator: string): readonly string[] {
    let regions = this.regions.get(indicator);
    if (!regions) {
      regions = [...new Set((this.byIndicator.get(indicator) ?? []).map((f) => f.region))];
      this.regions.set(indicator, regions);
    }
    return regions;
  }

  /** The other facts that disagree with this one (same key, different value). */
  conflictsOf(fact: Fact): Fact[] {
    return this.facts(fact.indicator, fact.region, fact.period, fact.kind, fact.measure).filter(
      (f) => f.id !== fact.id && f.value !== fact.value,
    );
  }
}
