/** Which of several facts for the same indicator/region/period/kind/measure a lookup returns, and why. */
import type { Fact, Source } from "./schema";

/** Official documents outrank interviews and news; the statistical communiqué states the final figures. */
const TYPE_RANK: Record<Source["type"], number> = { 统计公报: 0, 政府工作报告: 1, 进展报告: 2, 访谈: 3, 新闻报道: 4 };

export function factKey(fact: Pick<Fact, "indicator" | "region" | "period" | "kind" | "measure">): string {
  return [fact.indicator, fact.region, fact.period, fact.kind, fact.measure].join("|");
}

export const CONFLICT_RULE =
  "official report over interview over news (统计公报 > 政府工作报告 > 进展报告 > 访谈 > 新闻报道); then the later document; then the figure without a qualifier; then the first stated";

/** Orders candidate facts best first and says why the first one wins over the second. */
export function rankFacts(
  facts: readonly Fact[],
  sources: ReadonlyMap<string, Source>,
): { ranked: Fact[]; reason: string } {
  const order = facts.map((fact, index) => ({ fact, index, source: sources.get(fact.source) }));
  order.sort(
    (a, b) =>
      rankOf(a.source) - rankOf(b.source) ||
      (b.source?.date ?? "").localeCompare(a.source?.date ?? "") ||
      Number(a.fact.qualifier !== undefined) - Number(b.fact.qualifier !== undefined) ||
      a.index - b.index,
  );
  const [first, second] = order;
  let reason = "only figure";
  if (second) {
    if (rankOf(first.source) !== rankOf(second.source))
      reason = `${first.source?.type} outranks ${second.source?.type}`;
    else if (first.source?.date !== second.source?.date)
      reason = `later document (${first.source?.date} over ${second.source?.date})`;
    else if ((first.fact.qualifier === undefined) !== (second.fact.qualifier === undefined))
      reason = "exact figure over qualified figure";
    else reason = "stated first in the document";
  }
  return { ranked: order.map((o) => o.fact), reason };
}

function rankOf(source: Source | undefined): number {
  return source ? TYPE_RANK[source.type] : 9;
}
