/** An indexed, read-only dataset: built once per dataset, then every lookup is a map access. */
import { conflictingWith } from "./conflicts";
import { badValue, notFound } from "./errors";
import { periodSortKey } from "./periods";
import { CITY, regionByName } from "./regions";
import { checkLength, MAX_ARGUMENT_LENGTH } from "./args";
import { IndicatorResolver, type Reading } from "./resolve";
import type { Dataset, Fact, Indicator, Kind, Source } from "./schema";
import { classifyPublications, figureKey, publishedBy, rankPublications, type Publication } from "./vintages";

export { CITY };
export { KIND_ALIASES, normalizeKind } from "./kinds";

/** Where the live dataset came from, for HH.INFO and the task pane. */
export interface DatasetOrigin {
  kind: "embedded" | "published" | "file";
  location: string;
}

const NONE: readonly Fact[] = [];

export class IndicatorStore {
  readonly resolver: IndicatorResolver;
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly sources: ReadonlyMap<string, Source>;
  /** Publications by figure (vintages.figureKey: an estimate and its actual share one), ranked lazily. */
  private readonly byKey = new Map<string, Fact[]>();
  /** One kind of a figure, ranked: the list lookups read, by factKey. */
  private readonly byKind = new Map<string, Fact[]>();
  /** Each figure's publications with their status, by figureKey, classified on first use. */
  private readonly classified = new Map<string, Publication[]>();
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
      const key = figureKey(fact);
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

  /** A figure's publications of every kind (an estimate with its actual), best first by the vintage rule. */
  private ranking(key: Pick<Fact, "indicator" | "region" | "period" | "kind" | "measure">): readonly Fact[] {
    const figure = figureKey(key);
    const group = this.byKey.get(figure);
    if (!group) return NONE;
    if (group.length > 1 && !this.ranked.has(figure)) {
      this.byKey.set(figure, rankPublications(group, this.sources).ranked);
      this.ranked.add(figure);
    }
    return this.byKey.get(figure)!;
  }

  /**
   * Facts for one key, the one lookups return first; with `asOf` (YYYY-MM-DD) only those published by
   * that date, so a lookup sees the figure as it was known then.
   */
  facts(
    indicator: string,
    region: string,
    period: string,
    kind: Kind,
    measure: Fact["measure"],
    asOf?: string,
  ): readonly Fact[] {
    const group = this.ranking({ indicator, region, period, kind, measure });
    if (asOf !== undefined) return group.filter((f) => f.kind === kind && publishedBy(f, this.sources, asOf));
    // Most figures are published once: the group is the answer, without a copy.
    if (group.length < 2) return group.length === 1 && group[0].kind !== kind ? NONE : group;
    const id = `${indicator}|${region}|${period}|${kind}|${measure}`;
    let list = this.byKind.get(id);
    if (!list) {
      list = group.filter((f) => f.kind === kind);
      this.byKind.set(id, list);
    }
    return list;
  }

  /** The fact lookups return for a fact's key (kind included): of several sources, the one the vintage rule ranks first. */
  chosen(key: Pick<Fact, "indicator" | "region" | "period" | "kind" | "measure">, asOf?: string): Fact | undefined {
    return this.facts(key.indicator, key.region, key.period, key.kind, key.measure, asOf)[0];
  }

  /** Whether lookups return this fact (false for a source that lost a conflict or was revised). */
  isChosen(fact: Fact): boolean {
    return this.chosen(fact)?.id === fact.id;
  }

  /**
   * Every publication of a fact's figure (actual and estimate together; a target or plan alone), best
   * first, each with its status: chosen, agrees, revised or conflict; with `asOf`, as known on that date.
   */
  publications(
    fact: Pick<Fact, "indicator" | "region" | "period" | "kind" | "measure">,
    asOf?: string,
  ): readonly Publication[] {
    if (asOf !== undefined)
      return classifyPublications(
        this.ranking(fact).filter((f) => publishedBy(f, this.sources, asOf)),
        this.sources,
      );
    const key = figureKey(fact);
    let list = this.classified.get(key);
    if (!list) {
      list = classifyPublications(this.ranking(fact), this.sources);
      this.classified.set(key, list);
    }
    return list;
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

  /** The facts that truly conflict with this one (a revision is not a conflict; see vintages.ts). */
  conflictsOf(fact: Fact): Fact[] {
    // Most figures are published once: nothing to classify.
    if (this.ranking(fact).length < 2) return [];
    return conflictingWith(fact, this.publications(fact));
  }
}
