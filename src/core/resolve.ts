/**
 * How a name is read. A name is an indicator's id, Chinese or English name, alias or report phrase,
 * optionally with words around it that say which measure (增速, 增量, 个百分点 …) and which region
 * (全市, 新城区, Hohhot …). Exact names and those words decide; similarity only suggests.
 */
import { MAX_ARGUMENT_LENGTH } from "./args";
import { NAME_REGION_WORDS } from "./regions";
import type { Indicator, Measure } from "./schema";
import { normalizeName } from "./text";

export { normalizeName };

export type NameMatch = "id" | "name" | "alias" | "phrase";

/** What the words around a name say about the figure wanted. */
export interface MeasureWords {
  measure: Measure;
  /** 年均: an average yearly change, not the change over the whole period. */
  annual: boolean;
  /** 降幅 / 下降 / 减少: the decline as the report states it, a positive number. */
  decline: boolean;
}

export const LEVEL: MeasureWords = { measure: "level", annual: false, decline: false };

export interface Reading extends MeasureWords {
  indicator: Indicator;
  /** A region the name itself states (全市GDP, Xincheng GDP). */
  region?: string;
  match: NameMatch;
  /** The id, name, alias or phrase that matched, as the dataset writes it. */
  matched: string;
  /** The measure and region words read off the name, as typed. */
  words: string[];
}

export interface Candidate {
  indicator: Indicator;
  score: number;
  match: NameMatch | "similar";
}

export type Resolution =
  { reading: Reading } | { error: "not_found" | "ambiguous" | "too_long"; candidates: Candidate[] };

interface ChangeWord extends MeasureWords {
  key: string;
  text: string;
  at: "prefix" | "suffix";
}

function words(at: "prefix" | "suffix", spec: Partial<MeasureWords>, texts: string[]): ChangeWord[] {
  return texts.map((text) => ({
    key: normalizeName(text),
    text,
    at,
    measure: spec.measure ?? "pct_change",
    annual: spec.annual ?? false,
    decline: spec.decline ?? false,
  }));
}

const PCT = { measure: "pct_change" } as const;
const ABS = { measure: "abs_change" } as const;

/** The words that name a change. 增加值 (value added) is a name, not 增加: exact names are tried first. */
export const CHANGE_WORDS: readonly ChangeWord[] = [
  ...words("suffix", PCT, [
    "增长率",
    "增长速度",
    "增速",
    "增幅",
    "增长",
    "同比增长率",
    "同比增长",
    "同比增速",
    "同比增幅",
    "同比",
    "比上年增长",
    "涨幅",
    "growth rate",
    "growth",
    "yoy",
    "yoy growth",
    "y/y",
    "y/y growth",
    "percent change",
    "pct change",
  ]),
  ...words("prefix", PCT, ["growth of", "growth rate of", "growth in", "percent change in", "yoy growth of"]),
  ...words("suffix", { ...PCT, annual: true }, [
    "年均增长率",
    "年均增长",
    "年均增速",
    "年均增幅",
    "average annual growth",
    "average annual growth rate",
    "annual average growth",
    "annual average growth rate",
    "cagr",
  ]),
  ...words("prefix", { ...PCT, annual: true }, ["average annual growth of", "cagr of"]),
  ...words("suffix", { ...PCT, decline: true }, [
    "降幅",
    "下降率",
    "下降幅度",
    "下降",
    "同比下降",
    "decline",
    "decline rate",
    "rate of decline",
  ]),
  ...words("prefix", { ...PCT, decline: true }, ["decline in", "decline of"]),
  ...words("suffix", { measure: "pp_change" }, [
    "个百分点",
    "百分点",
    "百分点变化",
    "变化百分点",
    "提高百分点",
    "pp",
    "pp change",
    "percentage point change",
    "percentage points",
    "change in percentage points",
  ]),
  ...words("prefix", { measure: "pp_change" }, ["pp change in", "percentage point change in"]),
  ...words("prefix", ABS, ["新增", "净增", "增加", "new", "added", "net new", "increase in", "net increase in"]),
  ...words("suffix", ABS, [
    "增量",
    "增加",
    "增加量",
    "增加额",
    "净增",
    "净增加",
    "新增",
    "increase",
    "net increase",
    "absolute change",
    "added",
  ]),
  ...words("prefix", { ...ABS, decline: true }, ["减少", "decrease in"]),
  ...words("suffix", { ...ABS, decline: true }, ["减少", "减少量", "decrease"]),
];

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

/** Character pairs of a text (a single character stands for itself). */
export function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

interface NameEntry {
  indicator: Indicator;
  match: NameMatch;
  text: string;
}

/** One way of reading a typed name: an exact name with measure and region words around it. */
interface Decomposition extends MeasureWords {
  entry: NameEntry;
  region?: string;
  words: string[];
}

const MATCH_ORDER: Record<NameMatch, number> = { id: 0, name: 1, alias: 2, phrase: 3 };

export class IndicatorResolver {
  private readonly exact = new Map<string, NameEntry[]>();
  private readonly entries: Array<{ indicator: Indicator; keys: string[]; words: string }>;

  constructor(indicators: readonly Indicator[]) {
    this.entries = [];
    for (const indicator of indicators) {
      const names: Array<[NameMatch, string]> = [
        ["id", indicator.id],
        ["name", indicator.zh],
        ["name", indicator.en],
        // "Gross regional product (GDP)" is also "Gross regional product".
        ["name", indicator.en.replace(/\s*[((][^()()]*[))]\s*/g, " ").trim()],
        ...indicator.aliases.map((a): [NameMatch, string] => ["alias", a]),
        ...(indicator.phrases ?? []).map((p): [NameMatch, string] => ["phrase", p]),
      ];
      const keys: string[] = [];
      for (const [match, text] of names) {
        const key = normalizeName(text);
        if (key === "") continue;
        keys.push(key);
        const list = this.exact.get(key) ?? [];
        const same = list.find((e) => e.indicator.id === indicator.id);
        if (!same) list.push({ indicator, match, text });
        else if (MATCH_ORDER[match] < MATCH_ORDER[same.match]) Object.assign(same, { match, text });
        this.exact.set(key, list);
      }
      this.entries.push({
        indicator,
        keys: [...new Set(keys)],
        words: ` ${[indicator.en, indicator.id.replace(/_/g, " "), ...indicator.aliases].join(" ").normalize("NFKC").toLowerCase()}`,
      });
    }
  }

  /** Recalculating a sheet asks for the same few names thousands of times: remember the answers. */
  private readonly resolved = new Map<string, Resolution>();

  /** What a typed name means, or why it means nothing for sure. */
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
    if (query.length > MAX_ARGUMENT_LENGTH) return { error: "too_long", candidates: [] };
    const readings = this.readings(query);
    const distinct = uniqueBy(readings, readingKey);
    if (distinct.length === 1) {
      return { reading: distinct[0] };
    }
    if (distinct.length > 1) {
      return {
        error: "ambiguous",
        candidates: uniqueBy(distinct, (r) => r.indicator.id).map((r) => ({
          indicator: r.indicator,
          score: 1,
          match: r.match,
        })),
      };
    }
    return { error: "not_found", candidates: this.rank(query, 5) };
  }

  /** Every exact reading of a name: the name as a whole, else a name with measure and region words. */
  readings(query: string): Reading[] {
    const key = normalizeName(query);
    if (key === "") return [];
    const whole = this.exact.get(key);
    if (whole) return whole.map((entry) => toReading({ entry, ...LEVEL, words: [] }));
    return this.decompose(key).map(toReading);
  }

  /** Readings of a name key as measure/region words around an exact name (the name itself excluded). */
  decompose(key: string): Decomposition[] {
    const found: Decomposition[] = [];
    const regionOptions: Array<{ rest: string; region?: string; words: string[] }> = [{ rest: key, words: [] }];
    for (const { key: word, region } of NAME_REGION_WORDS) {
      if (key.length > word.length && key.startsWith(word))
        regionOptions.push({ rest: key.slice(word.length), region, words: [word] });
      if (key.length > word.length && key.endsWith(word) && /^[a-z]/.test(word))
        regionOptions.push({ rest: key.slice(0, -word.length), region, words: [word] });
    }
    for (const option of regionOptions) {
      if (option.region) {
        for (const entry of this.exact.get(option.rest) ?? [])
          found.push({ entry, ...LEVEL, region: option.region, words: option.words });
      }
      for (const change of CHANGE_WORDS) {
        const rest = stripAffix(option.rest, change);
        if (rest === undefined) continue;
        for (const entry of this.exact.get(rest) ?? []) {
          found.push({
            entry,
            measure: change.measure,
            annual: change.annual,
            decline: change.decline,
            region: option.region,
            words: [...option.words, change.text],
          });
        }
      }
    }
    return found;
  }

  /** Candidates best first: the exact readings if there are any, else names by similarity. For search and suggestions. */
  rank(query: string, limit = 10): Candidate[] {
    if (query.length > MAX_ARGUMENT_LENGTH) return [];
    const exact = uniqueBy(this.readings(query), (r) => r.indicator.id).map((r): Candidate => ({
      indicator: r.indicator,
      score: 1,
      match: r.match,
    }));
    return exact.length > 0 ? exact.slice(0, limit) : this.similar(query, limit);
  }

  /** Indicators whose names look like the query, best first; never a reading, only a suggestion. */
  similar(query: string, limit = 10, except?: string): Candidate[] {
    const q = normalizeName(query);
    if (q === "" || query.length > MAX_ARGUMENT_LENGTH) return [];
    // Similarity is measured against the name without its measure words too: GDP增速 is near GDP.
    const stems = [q, ...CHANGE_WORDS.map((w) => stripAffix(q, w)).filter((s): s is string => !!s)];
    const latin = /^[ -~]+$/.test(q);
    const latinWords = latin ? query.normalize("NFKC").toLowerCase().trim() : "";
    const scored: Candidate[] = [];
    for (const entry of this.entries) {
      if (entry.indicator.id === except) continue;
      let best = 0;
      if (latin && latinWords.length >= 3 && entry.words.includes(` ${latinWords}`)) {
        best = 0.6 + 0.3 * Math.min(1, latinWords.length / 20);
      }
      for (const name of entry.keys) {
        for (const stem of stems) {
          let score = similarity(stem, name);
          // A Chinese query contained in a name (or the reverse) is a strong hint: 公办园 → 公办园在园幼儿占比.
          if (!latin && (name.includes(stem) || stem.includes(name))) {
            score = Math.max(
              score,
              0.6 + 0.3 * (Math.min(stem.length, name.length) / Math.max(stem.length, name.length)),
            );
          }
          if (score > best) best = score;
        }
      }
      if (best >= 0.3) scored.push({ indicator: entry.indicator, score: Math.min(best, 0.99), match: "similar" });
    }
    scored.sort((a, b) => b.score - a.score || (a.indicator.id < b.indicator.id ? -1 : 1));
    return scored.slice(0, limit);
  }
}

function stripAffix(key: string, word: ChangeWord): string | undefined {
  if (key.length <= word.key.length) return undefined;
  if (word.at === "prefix") return key.startsWith(word.key) ? key.slice(word.key.length) : undefined;
  return key.endsWith(word.key) ? key.slice(0, -word.key.length) : undefined;
}

function toReading(d: Decomposition): Reading {
  return {
    indicator: d.entry.indicator,
    measure: d.measure,
    annual: d.annual,
    decline: d.decline,
    region: d.region,
    match: d.entry.match,
    matched: d.entry.text,
    words: d.words,
  };
}

function readingKey(r: Reading): string {
  return [r.indicator.id, r.measure, r.annual, r.decline, r.region ?? ""].join("|");
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
