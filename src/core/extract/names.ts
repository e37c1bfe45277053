/**
 * Reads the words that name a figure against the catalog: exact readings through the shared
 * IndicatorResolver (names, aliases, report phrases, with measure words around them), else the most
 * similar name as a suggestion. Similarity is the resolver's own (Dice over character bigrams, a
 * bonus when one name contains the other), computed only for indicators sharing a bigram with the
 * words — an inverted index instead of a pass over the whole catalog per figure.
 */
import { bigrams, CHANGE_WORDS, IndicatorResolver, similarity } from "../resolve";
import { MEANING_WORDS } from "./meaning";
import type { Indicator, Measure } from "../schema";
import { normalizeName } from "../text";
import { isPercentUnit, parseUnit, unitsCompatible } from "../units";

export type NameMatch = "id" | "name" | "alias" | "phrase" | "similar";

export interface NameReading {
  indicator: Indicator;
  match: NameMatch;
  /** A measure the words themselves state (新增公路里程 → abs_change of the road length). */
  measure?: Measure;
  score: number;
}

/** Leading verbs that frame a name (实施, 完成, 新建 …): tried without them too. */
export const VERB_HEAD =
  /^(?:开工建设|配套建设|新改扩建|改扩建|新建续建|建成投用|加快推动|实施|完成|建成|新建|改造|打造|建设|推进|创建|发放|投入|签约|整治|打通|培育|引进|组建|筹集|办理|处置|消化|解决|安装|维修|栽植|回收|建立|遴选|选派|招聘|认定|施划|启动|开展|举办|盘活|覆盖|惠及|帮扶|服务|提供|申请|追缴|办结|排查|配备|化解|清缴|增划|接入|争取|协调|核定|印发|优化|增设|申报|共建|整合|注销|压减|推动|加快|新认定|建|改)/;

/** Both name the same kind of thing: 农村…收入 is not 全体居民…收入, 学位 not 新增学位 (全体 is what a bare name means). */
function agreesOnMeaning(subject: string, names: readonly string[]): boolean {
  return MEANING_WORDS.every((w) => {
    const inName = names.some((n) => n.includes(w));
    return subject.includes(w) ? inName : !inName || w === "全体";
  });
}

/** Whether an indicator can hold a figure in this unit and measure. */
export function fits(indicator: Indicator, unit: string, measure: Measure): boolean {
  if (measure === "pct_change") return unit === "%";
  if (measure === "pp_change") return isPercentUnit(indicator.unit);
  if (parseUnit(unit).base === "") return true;
  if (isPercentUnit(indicator.unit)) return isPercentUnit(unit);
  return unitsCompatible(unit, indicator.unit);
}

interface Entry {
  indicator: Indicator;
  keys: string[];
}

export class NameReader {
  readonly resolver: IndicatorResolver;
  private readonly entries: Entry[] = [];
  private readonly byBigram = new Map<string, number[]>();
  private readonly cache = new Map<string, NameReading | null>();

  constructor(indicators: readonly Indicator[], resolver?: IndicatorResolver) {
    this.resolver = resolver ?? new IndicatorResolver(indicators);
    indicators.forEach((indicator, index) => {
      const keys = [
        ...new Set(
          [indicator.zh, ...indicator.aliases, ...(indicator.phrases ?? [])]
            .map(normalizeName)
            .filter((k) => k !== "" && !/^[ -~]+$/.test(k)),
        ),
      ];
      this.entries.push({ indicator, keys });
      for (const g of new Set(keys.flatMap(bigrams))) {
        const list = this.byBigram.get(g);
        if (list) list.push(index);
        else this.byBigram.set(g, [index]);
      }
    });
  }

  /** The indicator the words name (exact reading, else a similar name scoring ≥ 0.7), if it fits the figure. */
  read(subject: string, unit: string, measure: Measure): NameReading | null {
    if (!subject) return null;
    const key = `${subject}\u0000${unit}\u0000${measure}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const result = this.exact(subject, unit, measure) ?? this.similar(subject, unit, measure);
    if (this.cache.size > 50000) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }

  private exact(subject: string, unit: string, measure: Measure): NameReading | null {
    const variants = [subject, subject.replace(VERB_HEAD, ""), subject.replace(/^(?:全体|全市)/, "")].filter(
      (v, i, all) => v.length >= 2 && all.indexOf(v) === i,
    );
    for (const v of variants) {
      for (const r of this.resolver.readings(v)) {
        const m = r.measure !== "level" ? r.measure : measure;
        if (!fits(r.indicator, unit, m)) continue;
        return {
          indicator: r.indicator,
          match: r.match,
          measure: r.measure !== "level" ? r.measure : undefined,
          score: 1,
        };
      }
    }
    return null;
  }

  /** Same score as IndicatorResolver.similar for Chinese words, over the indicators sharing a bigram. */
  private similar(subject: string, unit: string, measure: Measure): NameReading | null {
    const q = normalizeName(subject);
    if (q.length < 4) return null;
    const stems = [
      q,
      ...CHANGE_WORDS.map((w) => {
        if (q.length <= w.key.length) return undefined;
        if (w.at === "prefix") return q.startsWith(w.key) ? q.slice(w.key.length) : undefined;
        return q.endsWith(w.key) ? q.slice(0, -w.key.length) : undefined;
      }).filter((s): s is string => !!s),
    ];
    // Only indicators sharing enough bigrams can score 0.7: Dice 2c/(a+b) ≥ 0.7 needs c ≥ 0.35a, and a
    // name containing the words (or contained in them, a third of their length at least) shares ~a/3.
    const candidates = new Set<number>();
    for (const stem of stems) {
      const grams = [...new Set(bigrams(stem))];
      const need = Math.max(1, Math.floor(0.3 * grams.length));
      const shared = new Map<number, number>();
      for (const g of grams) for (const i of this.byBigram.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
      for (const [i, c] of shared) if (c >= need) candidates.add(i);
    }
    let best: NameReading | null = null;
    for (const i of candidates) {
      const { indicator, keys } = this.entries[i];
      let score = 0;
      for (const name of keys) {
        for (const stem of stems) {
          // Words that continue a whole name (单位地区生产总值能耗 after 地区生产总值) name something else: the
          // head of a Chinese name is at its end. Words before it (蝴蝶兰为主的花卉…) only narrow it.
          const at = stem.indexOf(name);
          if (at >= 0 && stem.length - (at + name.length) >= 2) continue;
          let s = similarity(stem, name);
          if (name.includes(stem) || stem.includes(name))
            s = Math.max(s, 0.6 + 0.3 * (Math.min(stem.length, name.length) / Math.max(stem.length, name.length)));
          if (s > score) score = s;
        }
      }
      score = Math.min(score, 0.99);
      if (score >= 0.7 && fits(indicator, unit, measure) && agreesOnMeaning(q, keys) && (!best || score > best.score))
        best = { indicator, match: "similar", score };
    }
    return best;
  }
}
