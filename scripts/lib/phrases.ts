/**
 * Report phrases: the words a report puts right before a figure (新增中小学学位3330个 → 新增中小学学位)
 * become names of the figure's indicator, so the reports' own words find their figures. Build-time only.
 */
import { ACTION_WORDS, CLASS_WORDS, MEANING_WORDS } from "../../src/core/extract/meaning";
import { bigrams, CHANGE_WORDS, type IndicatorResolver } from "../../src/core/resolve";
import type { Fact, Indicator } from "../../src/core/schema";
import { normalizeName } from "../../src/core/text";

/** Words that frame a figure rather than name it: time, place, and hedges at the start of a phrase. */
const LEADING =
  /^(?:截至目前|截至\d+月底?|截至|目前|其中|同时|并且?|还|已经|已|共计|共|累计|先后|全年|今年|去年|年内|年底前|上半年|前三季度|力争|预计|计划|确保|持续|进一步|将|到\d{4}年底?|\d{4}年(?:底|末|前)?|全市|我市|全区|新城区|在全市|在)+/;
/** Verbs and hedges that link a name to its figure at the end of a phrase (预计 … are the figure's kind, not its name). */
const TRAILING =
  /(?:预计|计划|力争|预期|达到|达|为|是|突破|超过|超|完成|实现|增至|提高到|提高至|提升到|提升至|增长到|增加到|保持在|控制在|稳定在|不低于|不少于|以上|约|近|共计|共|累计|分别|持续|将|了|总计|合计|仅为|只有|已达|已经达到|的|年)+$/;
/** Base words of a change: 比上年, 同比, 较"十三五" … */
const BASE = /(?:比上年?|同比|相比去年?|较上年?|与上年?|较“十三五”|较"十三五"|较十三五|比\d{4}年?)$/;

/** Verbs of a change that the change words do not strip. */
const CHANGE_VERB = /(?:上涨|上升|下跌|下滑|回落|提高|提升|降低|增加|减少|增长|下降)$/;

const MIN_LENGTH = 5;
const MAX_LENGTH = 20;

/** The phrase right before the nth occurrence of a figure in its quote, cleaned; undefined if none fits. */
export function phraseBefore(
  quote: string,
  figure: string,
  nth = 1,
  measure: Fact["measure"] = "level",
): string | undefined {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = quote.indexOf(figure, at + 1);
    if (at < 0) return undefined;
  }
  // The clause the figure closes: back to the last punctuation mark.
  let phrase =
    quote
      .slice(0, at)
      .split(/[,,;;。::、()()!!??]/)
      .pop() ?? "";
  phrase = phrase.replace(/[“”"'‘’「」《》\s]/g, "");
  let before;
  do {
    before = phrase;
    phrase = phrase.replace(LEADING, "").replace(TRAILING, "");
    if (measure !== "level") phrase = stripChangeWords(phrase.replace(BASE, "")).replace(BASE, "");
  } while (phrase !== before);
  // A change verb left over (居民消费价格上涨) would read as the level of what changed.
  if (measure !== "level" && CHANGE_VERB.test(phrase)) return undefined;
  const chars = [...phrase];
  if (chars.length < MIN_LENGTH || chars.length > MAX_LENGTH) return undefined;
  // Digits in a phrase are another figure (实施500万元以上重点项目), except a name such as PM2.5.
  if (/\d/.test(phrase.replace(/PM2\.5/gi, ""))) return undefined;
  if (!/\p{Script=Han}{2}/u.test(phrase)) return undefined;
  // A list of examples (荣丰产业园二期等) or a clause cut mid-way (各中职学校与) is no name.
  if (/[等各]|[与和及每的]$/.test(phrase)) return undefined;
  // Ordinals and session numbers (十三届, 第四轮) belong to a name of an event, not of a figure.
  if (/第[一二三四五六七八九十]|[一二三四五六七八九十]+[届轮次批]/.test(phrase)) return undefined;
  return phrase;
}

/** Strips the longest change word, so 年均增长 goes whole rather than leaving 年均 behind. */
function stripChangeWords(phrase: string): string {
  let best: (typeof CHANGE_WORDS)[number] | undefined;
  for (const word of CHANGE_WORDS) {
    if (!/\p{Script=Han}/u.test(word.text)) continue;
    const fits = word.at === "suffix" ? phrase.endsWith(word.text) : phrase.startsWith(word.text);
    if (fits && word.text.length > (best?.text.length ?? 0)) best = word;
  }
  if (!best) return phrase;
  return best.at === "suffix" ? phrase.slice(0, -best.text.length) : phrase.slice(best.text.length);
}

export interface PhraseResult {
  /** Indicator id → its phrases. */
  phrases: Map<string, string[]>;
  /** Phrases left out, with why: they collide with a name or with another indicator's phrase. */
  dropped: Array<{ phrase: string; indicators: string[]; why: string }>;
}

interface PhraseSource {
  fact: Pick<Fact, "indicator" | "measure">;
  quote: string;
  figure: string;
  nth?: number;
}

/**
 * Phrases for every fact, kept only when they are unambiguous: a phrase that is already a name or alias,
 * reads as another indicator's name with measure words, belongs to two indicators, or shares nothing with
 * its indicator's own names (it named a neighbouring figure) is dropped.
 */
export function derivePhrases(
  sources: readonly PhraseSource[],
  indicators: ReadonlyMap<string, Indicator>,
  resolver: IndicatorResolver,
): PhraseResult {
  const owners = new Map<string, { text: string; indicators: Set<string> }>();
  for (const { fact, quote, figure, nth } of sources) {
    const phrase = phraseBefore(quote, figure, nth, fact.measure);
    if (!phrase) continue;
    const key = normalizeName(phrase);
    const entry = owners.get(key) ?? { text: phrase, indicators: new Set<string>() };
    entry.indicators.add(fact.indicator);
    owners.set(key, entry);
  }
  const phrases = new Map<string, string[]>();
  const dropped: PhraseResult["dropped"] = [];
  for (const [key, { text, indicators: ids }] of owners) {
    const list = [...ids];
    const drop = (why: string) => dropped.push({ phrase: text, indicators: list, why });
    if (list.length > 1) {
      drop("several indicators");
      continue;
    }
    const indicator = indicators.get(list[0])!;
    const readings = resolver.readings(text);
    if (readings.length > 0) {
      if (readings.some((r) => r.indicator.id !== indicator.id || r.measure !== "level" || r.region))
        drop(`reads as ${readings.map((r) => `${r.indicator.id} ${r.measure}`).join(", ")}`);
      continue; // already a name of this indicator
    }
    const lost = lostMeaning(text, indicator.zh);
    if (lost) {
      drop(`loses ${lost} of ${indicator.zh}`);
      continue;
    }
    const narrower = addedMeaning(text, indicator.zh);
    if (narrower) {
      drop(`adds ${narrower}, which ${indicator.zh} does not have`);
      continue;
    }
    // The phrase must carry most of what the indicator's name says (实现营业收入 is any revenue, not 科技城's).
    const coverage = bigramCoverage(key, normalizeName(indicator.zh));
    if (coverage < 0.5) {
      drop(`covers ${Math.round(coverage * 100)}% of the indicator's name`);
      continue;
    }
    const rival = indistinctFrom(key, indicator, indicators);
    if (rival) {
      drop(`names ${rival.id} as well (${rival.zh})`);
      continue;
    }
    const own = phrases.get(indicator.id) ?? [];
    own.push(text);
    phrases.set(indicator.id, own);
  }
  return { phrases, dropped };
}

/**
 * What of an indicator's meaning a phrase leaves out, if anything: a meaning or action word of its name
 * (铁合金产能 for 淘汰铁合金产能 is the capacity, not the capacity eliminated), or for a share
 * (A占B比重) most of its subject A (占全市规模以上工业产值比重 is anything's share of that output).
 */
export function lostMeaning(phrase: string, name: string): string | undefined {
  const word = [...MEANING_WORDS, ...ACTION_WORDS].find((w) => name.includes(w) && !phrase.includes(w));
  if (word) return `the word ${word}`;
  const kind = CLASS_WORDS.find(
    ([full, ...short]) => name.includes(full) && ![full, ...short].some((w) => phrase.includes(w)),
  );
  if (kind) return `the word ${kind[0]}`;
  if (/^新/.test(name) && !phrase.includes("新")) return "the word 新";
  const share = /^(.+?)占(?!用|地|有)/.exec(name);
  if (share) {
    const subject = normalizeName(share[1]);
    const said = normalizeName(phrase.split("占")[0]);
    if (bigramCoverage(said, subject) < 0.5) return `the subject ${share[1]} of the share`;
  }
  return undefined;
}

/**
 * Another indicator a phrase names as well as its own: one whose name it mostly covers, without any
 * of the words that tell its own indicator from that one (实施棚户区改造 is the area, 棚户区改造面积, or the
 * count, 棚户区改造项目数: the report's unit told them apart, the phrase does not).
 */
export function indistinctFrom(
  phrase: string,
  indicator: Indicator,
  indicators: ReadonlyMap<string, Indicator>,
): Indicator | undefined {
  const said = new Set(bigrams(phrase));
  const ownName = bigrams(normalizeName(indicator.zh));
  for (const other of indicators.values()) {
    if (other.id === indicator.id) continue;
    const otherName = normalizeName(other.zh);
    if (bigramCoverage(phrase, otherName) < 0.5) continue;
    const theirs = new Set(bigrams(otherName));
    const distinct = ownName.filter((pair) => !theirs.has(pair));
    // A name the other's holds whole (地区生产总值 in 地区生产总值增速) is the general one: said whole, it is ours.
    if (distinct.length > 0 && !distinct.some((pair) => said.has(pair))) return other;
  }
  return undefined;
}

/** Who or what a figure covers: a phrase naming one the indicator's name does not names a narrower figure. */
const SCOPE_WORDS = ["中小学", "幼儿园", "小学", "初中", "高中", "中职", "高校"] as const;

/**
 * What a phrase says that its indicator's name does not, if anything: a meaning word or a scope
 * (新增中小学学位 is primary and secondary places only, where 新增学位数 counts kindergartens too).
 */
export function addedMeaning(phrase: string, name: string): string | undefined {
  const word = [...MEANING_WORDS, ...SCOPE_WORDS].find((w) => phrase.includes(w) && !name.includes(w));
  return word && `the word ${word}`;
}

/** The share of a name's character pairs that a phrase contains. */
function bigramCoverage(phrase: string, name: string): number {
  const own = new Set(bigrams(phrase));
  const wanted = bigrams(name);
  return wanted.length === 0 ? 0 : wanted.filter((p) => own.has(p)).length / wanted.length;
}
