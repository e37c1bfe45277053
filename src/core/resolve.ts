/** Finds an indicator from what an analyst types: id, Chinese or English name, alias, or a near miss. */
import type { Indicator } from "./schema";

export interface Candidate {
  indicator: Indicator;
  score: number;
  /** What matched: the id, a name, an alias, or text similarity. */
  match: "id" | "name" | "alias" | "similar";
}

export function normalizeName(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s"'“”‘’「」《》()()\-_·,.,。、]/g, "");
}

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/** Dice coefficient over character bigrams: works for Chinese and English alike. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of y) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      common++;
      counts.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

interface Entry {
  indicator: Indicator;
  names: Array<{ text: string; match: Candidate["match"] }>;
  /** Lower-case words of the English name, id and aliases, for word-prefix matching of Latin queries. */
  words: string;
}

const LATIN = /^[ -~]+$/;

export type Resolution = { indicator: Indicator } | { error: "not_found" | "ambiguous"; candidates: Candidate[] };

export class IndicatorResolver {
  private readonly exact = new Map<string, Candidate[]>();
  private readonly entries: Entry[];

  constructor(indicators: readonly Indicator[]) {
    this.entries = indicators.map((indicator) => ({
      indicator,
      names: [
        { text: normalizeName(indicator.id), match: "id" as const },
        { text: normalizeName(indicator.zh), match: "name" as const },
        { text: normalizeName(indicator.en), match: "name" as const },
        ...indicator.aliases.map((a) => ({ text: normalizeName(a), match: "alias" as const })),
      ],
      words: ` ${[indicator.en, indicator.id.replace(/_/g, " "), ...indicator.aliases].join(" ").normalize("NFKC").toLowerCase()}`,
    }));
    for (const entry of this.entries) {
      for (const name of entry.names) {
        const score = name.match === "alias" ? 0.99 : 1;
        const list = this.exact.get(name.text) ?? [];
        if (!list.some((c) => c.indicator.id === entry.indicator.id)) {
          list.push({ indicator: entry.indicator, score, match: name.match });
        }
        this.exact.set(name.text, list);
      }
    }
  }

  /** Candidates best first. Exact names and aliases short-circuit the similarity search. */
  rank(query: string, limit = 10): Candidate[] {
    const q = normalizeName(query);
    if (q === "") return [];
    const exact = this.exact.get(q);
    if (exact) return [...exact].sort((a, b) => b.score - a.score).slice(0, limit);
    const scored: Candidate[] = [];
    const latin = LATIN.test(q);
    const latinWords = latin ? query.normalize("NFKC").toLowerCase().trim() : "";
    for (const entry of this.entries) {
      let best = 0;
      if (latin && latinWords.length >= 3 && entry.words.includes(` ${latinWords}`)) {
        best = 0.6 + 0.3 * Math.min(1, latinWords.length / 20);
      }
      for (const name of entry.names) {
        let score = similarity(q, name.text);
        // A Chinese query contained in a name (or the reverse) is a strong hint: 公办园 → 公办园在园幼儿占比.
        if (!latin && (name.text.includes(q) || q.includes(name.text))) {
          score = Math.max(
            score,
            0.6 + 0.3 * (Math.min(q.length, name.text.length) / Math.max(q.length, name.text.length)),
          );
        }
        if (score > best) best = score;
      }
      if (best >= 0.3) scored.push({ indicator: entry.indicator, score: best, match: "similar" });
    }
    return scored.sort((a, b) => b.score - a.score || a.indicator.id.localeCompare(b.indicator.id)).slice(0, limit);
  }

  /** Recalculating a sheet asks for the same few names thousands of times: remember the answers. */
  private readonly resolved = new Map<string, Resolution>();

  /** The clear winner, or why there is none. */
  resolve(query: string): Resolution {
    let result = this.resolved.get(query);
    if (!result) {
      result = this.resolveUncached(query);
      if (this.resolved.size > 10000) this.resolved.clear();
      this.resolved.set(query, result);
    }
    return result;
  }

  private resolveUncached(query: string): Resolution {
    const ranked = this.rank(query, 5);
    const [first, second] = ranked;
    if (!first || first.score < 0.45) return { error: "not_found", candidates: ranked };
    if (second && first.score - second.score < 0.02)
      return { error: "ambiguous", candidates: ranked.filter((c) => first.score - c.score < 0.02) };
    return { indicator: first.indicator };
  }
}
