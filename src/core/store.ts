/** An indexed, read-only dataset: built once per dataset, then every lookup is a map access. */
import { conflictingWith } from "./conflicts";
import { countFacts, factCount, factsOnDemand, type FactsOnDemand } from "./lazy-facts";
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
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly sources: ReadonlyMap<string, Source>;
  /**
   * Publications by figure (vintages.figureKey: an estimate and its actual share one), ranked lazily.
   * Grouped one indicator at a time, on its first lookup, so no key is made for an unread indicator.
   */
  private readonly byKey = new Map<string, Fact[]>();
  /** Indicators whose facts byKey holds. */
  private readonly grouped = new Set<string>();
  /** One kind of a figure, ranked: the list lookups read, by factKey. */
  private readonly byKind = new Map<string, Fact[]>();
  /** Each figure's publications with their status, by figureKey, classified on first use. */
  private readonly classified = new Map<string, Publication[]>();
  /**
   * Each indicator's facts in the dataset's order (the order the vintage rule's last tie-break reads);
   * for a dataset whose facts are made on demand, filled one indicator at a time.
   */
  private readonly byIndicator = new Map<string, Fact[]>();
  private readonly onDemand?: FactsOnDemand;
  /** Each indicator's facts oldest first, sorted on first use. */
  private readonly bySeries = new Map<string, Fact[]>();
  private readonly regions = new Map<string, string[]>();
  private readonly ranked = new Set<string>();
  private lazyRegions?: Set<string>;
  private lazyResolver?: IndicatorResolver;

  constructor(
    readonly dataset: Dataset,
    readonly origin: DatasetOrigin = { kind: "embedded", location: "bundled" },
  ) {
    this.indicators = new Map(dataset.indicators.map((i) => [i.id, i]));
    this.sources = new Map(dataset.sources.map((s) => [s.id, s]));
    // A decoded compact dataset makes an indicator's facts on its first lookup (lazy-facts.ts).
    this.onDemand = factsOnDemand(dataset);
    if (this.onDemand) return;
    // One pass groups facts by indicator; keys, ranking and sorting happen lazily, on first use,
    // so a large published dataset becomes live quickly.
    let list: Fact[] | undefined;
    let previous: string | undefined;
    for (const fact of dataset.facts) {
      // Facts come grouped by source and indicator: the last list is often the right one.
      if (fact.indicator !== previous) {
        previous = fact.indicator;
        list = this.byIndicator.get(previous);
        if (!list) this.byIndicator.set(previous, (list = []));
      }
      list!.push(fact);
    }
  }

  /** Reads names (built on first use: HH.VALUE needs it, a store only for revisions does not). */
  get resolver(): IndicatorResolver {
    return (this.lazyResolver ??= new IndicatorResolver(this.dataset.indicators));
  }

  private get allRegions(): Set<string> {
    return (this.lazyRegions ??= new Set(countFacts(this.dataset, "region").keys()));
  }

  /** How many facts the dataset has, without making them. */
  get factCount(): number {
    return factCount(this.dataset);
  }

  /** One indicator's facts in the dataset's order. */
  private factsOfIndicator(indicator: string): readonly Fact[] {
    let list = this.byIndicator.get(indicator);
    if (!list && this.onDemand) this.byIndicator.set(indicator, (list = this.onDemand.factsOf(indicator)));
    return list ?? NONE;
  }

  /** The figure groups of one indicator's facts, in the dataset's order. */
  private groupFigures(indicator: string): void {
    this.grouped.add(indicator);
    for (const fact of this.factsOfIndicator(indicator)) {
      const key = figureKey(fact);
      const group = this.byKey.get(key);
      if (group) group.push(fact);
      else this.byKey.set(key, [fact]);
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
    if (!this.grouped.has(key.indicator)) this.groupFigures(key.indicator);
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

  /**
   * Whether this is the publication lookups return for its figure: false for a source that lost a
   * conflict or was revised, and for an estimate its actual replaced (vintages.ts: one figure).
   */
  isChosen(fact: Fact): boolean {
    // Most figures are published once: then that publication is the one, with nothing to classify.
    const group = this.ranking(fact);
    if (group.length === 1) return group[0].id === fact.id;
    return this.publications(fact)[0]?.fact.id === fact.id;
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
    let list = this.bySeries.get(indicator);
    if (!list) {
      list = [...this.factsOfIndicator(indicator)];
      const keys = new Map(list.map((f) => [f, periodSortKey(f.period)]));
      list.sort((a, b) => keys.get(a)!.localeCompare(keys.get(b)!) || a.kind.localeCompare(b.kind));
      this.bySeries.set(indicator, list);
    }
    return list;
  }

  regionsOf(indicator: string): readonly string[] {
    let regions = this.regions.get(indicator);
    if (!regions) {
      regions = [...new Set(this.factsOfIndicator(indicator).map((f) => f.region))];
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
