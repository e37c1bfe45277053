/** True conflicts: publications of one figure that disagree without one revising the other (see vintages.ts). */
import type { Conflict, Fact, Source } from "./schema";
import { classifyPublications, figureKey, rankPublications, VINTAGE_RULE, type Publication } from "./vintages";

export function factKey(fact: Pick<Fact, "indicator" | "region" | "period" | "kind" | "measure">): string {
  return [fact.indicator, fact.region, fact.period, fact.kind, fact.measure].join("|");
}

/** The facts a publication truly conflicts with: for the one used, every conflicting one; for a conflicting one, the one used. */
export function conflictingWith(fact: Fact, publications: readonly Publication[]): Fact[] {
  const own = publications.find((p) => p.fact.id === fact.id);
  if (!own) return [];
  if (own.status === "conflict") return [publications[0].fact];
  if (own.status === "revised") return [];
  return publications.filter((p) => p.status === "conflict").map((p) => p.fact);
}

/**
 * The dataset's conflict list: one entry per figure whose publications truly conflict, keyed by the
 * figure used (its factKey), listing it first, then the facts that disagree with it.
 */
export function findConflicts(facts: readonly Fact[], sources: ReadonlyMap<string, Source>): Conflict[] {
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) {
    const key = figureKey(fact);
    const group = groups.get(key);
    if (group) group.push(fact);
    else groups.set(key, [fact]);
  }
  const conflicts: Conflict[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const { ranked } = rankPublications(group, sources);
    const conflicting = classifyPublications(ranked, sources).filter((p) => p.status === "conflict");
    if (conflicting.length === 0) continue;
    const chosen = ranked[0];
    conflicts.push({
      key: factKey(chosen),
      facts: [chosen.id, ...conflicting.map((p) => p.fact.id)],
      chosen: chosen.id,
      reason: `${rankPublications([chosen, conflicting[0].fact], sources).reason} — rule: ${VINTAGE_RULE}`,
    });
  }
  return conflicts;
}
