/**
 * Vintages: the same figure published more than once (预计 in January, final in the bulletin, sometimes
 * revised later). One rule orders the publications of a figure, says which one lookups return, and
 * whether each other one was revised, agrees, or truly conflicts. The build's conflict list, the store,
 * HH.SOURCE, the CLI and the pane all read it from here. As-of views keep only what was published by a
 * date, then apply the same rule (as ALFRED keeps every vintage of a FRED series).
 */
import { isBlank } from "./args";
import { badValue } from "./errors";
import { FIRST_SERIAL, LAST_SERIAL, serialToIso, type DateSystem } from "./excel-dates";
import { fitsQualified, normalizeQualifier } from "./qualifiers";
import type { Fact, Kind, Source } from "./schema";

/** Sources whose figures revise earlier ones; news and interviews restate, they do not revise. */
const OFFICIAL_TYPES: ReadonlySet<Source["type"]> = new Set(["统计公报", "政府工作报告", "进展报告"]);

/** Among sources of one date, the statistical communiqué states the final figures; news ranks last. */
const TYPE_RANK: Record<Source["type"], number> = { 统计公报: 0, 政府工作报告: 1, 进展报告: 2, 访谈: 3, 新闻报道: 4 };

/** An estimate is the same figure as the actual that later replaces it; targets and plans stay apart. */
function kindClass(kind: Kind): Kind {
  return kind === "estimate" ? "actual" : kind;
}

/** Publications of one figure share this key: indicator|region|period|kind class|measure. */
export function figureKey(fact: Pick<Fact, "indicator" | "region" | "period" | "kind" | "measure">): string {
  return `${fact.indicator}|${fact.region}|${fact.period}|${kindClass(fact.kind)}|${fact.measure}`;
}

export const VINTAGE_RULE =
  "actual over estimate; official publication (统计公报, 政府工作报告, 进展报告) over news and interviews; an exact figure over a bound (以上, 左右, 超 …); then the latest publication date; then 统计公报 > 政府工作报告 > 进展报告 > 访谈 > 新闻报道; then the first stated";

export function isOfficial(source: Source | undefined): boolean {
  return source !== undefined && OFFICIAL_TYPES.has(source.type);
}

interface Candidate {
  fact: Fact;
  index: number;
  source: Source | undefined;
}

/** Criteria in order; each is a number, lower ranks first. */
function criteria({ fact, source }: Candidate): number[] {
  return [
    fact.kind === "estimate" ? 1 : 0,
    isOfficial(source) ? 0 : 1,
    fact.qualifier === undefined ? 0 : 1,
    -dayNumber(source?.date),
    source ? TYPE_RANK[source.type] : 9,
  ];
}

const CRITERION_NAMES = ["actual over estimate", "official over secondary", "exact over bound", "later publication"];

function dayNumber(date: string | undefined): number {
  return date ? Date.parse(`${date}T00:00:00Z`) / 86_400_000 : -Infinity;
}

/**
 * Orders the publications of one figure (or of one kind of it) best first, and says why the first
 * wins over the second. Filtering the result (to a kind, or to an as-of date) keeps it ordered.
 */
export function rankPublications(
  facts: readonly Fact[],
  sources: ReadonlyMap<string, Source>,
): { ranked: Fact[]; reason: string } {
  const order = facts.map((fact, index) => ({ fact, index, source: sources.get(fact.source) }));
  const keys = new Map(order.map((c) => [c, criteria(c)]));
  order.sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return a.index - b.index;
  });
  return { ranked: order.map((c) => c.fact), reason: order.length > 1 ? whyFirst(order[0], order[1]) : "only figure" };
}

function whyFirst(first: Candidate, second: Candidate): string {
  const a = criteria(first);
  const b = criteria(second);
  const decisive = a.findIndex((value, i) => value !== b[i]);
  if (decisive < 0) return "stated first in the document";
  if (decisive === 3) return `later publication (${first.source?.date} over ${second.source?.date})`;
  if (decisive === 4) return `${first.source?.type} outranks ${second.source?.type} (same date)`;
  if (decisive === 1)
    return `${first.source?.type} outranks ${second.source?.type} (official over news and interviews)`;
  return CRITERION_NAMES[decisive];
}

/**
 * What each publication is to the one lookups return: `chosen`; `agrees` (same value); `revised`
 * (an estimate replaced by an actual, or an earlier official figure a later official one changed, or
 * news that restated such a figure before it was revised); `conflict` (same class, different number: two
 * sources of one date, or news and interviews disagreeing with the figure in force when they appeared).
 */
export type PublicationStatus = "chosen" | "agrees" | "revised" | "conflict";

export interface Publication {
  fact: Fact;
  source: Source | undefined;
  status: PublicationStatus;
}

/** Whether one of two figures is a bound or an approximation (超670, 约60%) the other's exact value fits. */
function fitsEither(a: Fact, b: Fact): boolean {
  const qa = normalizeQualifier(a.qualifier);
  const qb = normalizeQualifier(b.qualifier);
  if (qa && !qb) return fitsQualified(b.value, a.value, qa);
  if (qb && !qa) return fitsQualified(a.value, b.value, qb);
  return false;
}

/** The statuses of a figure's publications, ranked best first (as rankPublications orders them). */
export function classifyPublications(ranked: readonly Fact[], sources: ReadonlyMap<string, Source>): Publication[] {
  const chosen = ranked[0];
  const chosenSource = chosen && sources.get(chosen.source);
  return ranked.map((fact) => {
    const source = sources.get(fact.source);
    return { fact, source, status: statusOf(fact, source) };
  });

  function statusOf(fact: Fact, source: Source | undefined): PublicationStatus {
    if (fact === chosen) return "chosen";
    if (fact.value === chosen.value || fitsEither(fact, chosen)) return "agrees";
    if (fact.kind === "estimate" && chosen.kind === "actual") return "revised";
    const date = dayNumber(source?.date);
    if (isOfficial(source)) {
      return isOfficial(chosenSource) && date < dayNumber(chosenSource?.date) ? "revised" : "conflict";
    }
    // News restating an official figure before it was revised restates history, not a conflict; news that
    // still prints the old figure after the revision disagrees with the figure in force.
    if (date >= dayNumber(chosenSource?.date)) return "conflict";
    const restatesRevised = ranked.some((other) => {
      const otherSource = sources.get(other.source);
      return (
        other !== chosen &&
        other.kind === fact.kind &&
        other.value === fact.value &&
        isOfficial(otherSource) &&
        isOfficial(chosenSource) &&
        dayNumber(otherSource?.date) <= date &&
        dayNumber(otherSource?.date) < dayNumber(chosenSource?.date)
      );
    });
    return restatesRevised ? "revised" : "conflict";
  }
}

/** Whether a fact's source had been published by `asOf` (YYYY-MM-DD); always without a date. */
export function publishedBy(fact: Fact, sources: ReadonlyMap<string, Source>, asOf: string | undefined): boolean {
  if (asOf === undefined) return true;
  const date = sources.get(fact.source)?.date;
  return date !== undefined && date <= asOf;
}

/** The earliest publication date of any of these facts. */
export function firstPublished(facts: readonly Fact[], sources: ReadonlyMap<string, Source>): string | undefined {
  let first: string | undefined;
  for (const fact of facts) {
    const date = sources.get(fact.source)?.date;
    if (date && (!first || date < first)) first = date;
  }
  return first;
}

/**
 * The as_of argument as YYYY-MM-DD: an Excel date serial in the workbook's date system (a time of day
 * is ignored) or text such as "2024-03-01", "2024/3/1" or "2024年3月1日"; undefined when blank.
 * Anything else is a #VALUE! error.
 */
export function parseAsOf(input: unknown, dateSystem: DateSystem = 1900): string | undefined {
  if (isBlank(input)) return undefined;
  if (typeof input === "number") {
    // Serials 1900-2100 are dates in 1905 (1909): no report is that old, and a year was meant.
    if (Number.isInteger(input) && input >= 1900 && input <= 2100) throw badValue("asOfYear", { value: String(input) });
    if (!Number.isFinite(input) || input < FIRST_SERIAL[dateSystem] || input > LAST_SERIAL[dateSystem])
      throw badValue("asOfInvalid", { value: String(input) });
    return serialToIso(input, dateSystem);
  }
  const text = typeof input === "string" ? input.normalize("NFKC").trim() : "";
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day)
      return date.toISOString().slice(0, 10);
  }
  throw badValue("asOfInvalid", { value: String(input).slice(0, 40) });
}
