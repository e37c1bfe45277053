/**
 * Proposes one entry per figure of a plain-text report: the clause that states it, the figure as
 * written (value, unit, qualifier), the words that name it, the indicator they read as, and the
 * measure, period, kind and region the words around it say — relative to the report's date.
 * Numbers come from the shared scanner (mentions.ts) and parser (numbers.ts); names are read by the
 * shared IndicatorResolver. Mentions judged not to be figures are returned with the reason.
 */
import { endYear } from "../periods";
import { qualifierSpellings } from "../qualifiers";
import { REGIONS } from "../regions";
import type { IndicatorResolver } from "../resolve";
import type { Indicator, Kind, Measure } from "../schema";
import { isPercentUnit, parseUnit } from "../units";
import {
  findBaseCues,
  findKindCues,
  findPeriodCues,
  reviewYear,
  type DocDate,
  type KindCue,
  type KindCueKind,
  type PeriodCue,
} from "./cues";
import { scanMentions, type Mention } from "./mentions";
import { isClassDescriptor, nonFigureReason, type NonFigureReason } from "./nonfigures";
import { NameReader, VERB_HEAD, type NameReading } from "./names";
import { FigureError, parseFigure, type ParsedFigure } from "./numbers";
import { clauseBoundaries, clauses, LineIndex, paragraphs, sentences, type Paragraph, type Span } from "./segment";

export interface ExtractOptions {
  /** The report's date, YYYY-MM-DD: 今年, 去年, 年内 and "a January report reviews last year" hang on it. */
  date: string;
  /** The default region of the figures. */
  region: string;
  /** Regions the text may switch to (in a headline, or naming the subject of a clause); default: every
   *  known region except the autonomous region, whose names (自治区, 全区) mostly qualify things. */
  regions?: readonly string[];
  /** The catalog to read names against (without it, every entry proposes a new indicator). */
  indicators?: readonly Indicator[];
  /** A resolver already built on `indicators` (the CLI's live store has one). */
  resolver?: IndicatorResolver;
}

/** Name readers by catalog, so repeated runs (eval, bench, tests) build the index once. */
const READERS = new WeakMap<readonly Indicator[], NameReader>();

function readerFor(options: ExtractOptions): NameReader | undefined {
  if (!options.indicators) return undefined;
  let reader = READERS.get(options.indicators);
  if (!reader) {
    reader = new NameReader(options.indicators, options.resolver);
    READERS.set(options.indicators, reader);
  }
  return reader;
}

export interface ProposedIndicator {
  zh: string;
  en?: string;
  /** Canonical unit: no multiplier (个 not 万个); money keeps 亿元/万元/元. */
  unit: string;
}

export interface ExtractedFigure {
  /** The clause of the text that states the figure, verbatim, on one line, unique in the text. */
  quote: string;
  /** The figure as written inside the quote (with its unit and qualifier). */
  figure: string;
  /** Which occurrence of `figure` inside `quote` (1-based), when it occurs more than once. */
  nth?: number;
  /** Number in the reported unit (1.28万个 → 1.28, unit 万个); negative for a decrease. */
  value: number;
  unit: string;
  /** 以上, 左右, 近, 超, 不低于 … or "" */
  qualifier: string;
  /** The words that name the figure in the text. */
  subject: string;
  /** The catalog id it matches, or null (then `proposed` suggests a new indicator). */
  indicator: string | null;
  /** How the indicator was found: an exact reading of the subject, or only a similar name. */
  match?: "id" | "name" | "alias" | "phrase" | "similar";
  proposed?: ProposedIndicator;
  measure: Measure;
  /** For changes: 上年, 同比, 十三五 or a year. */
  base?: string;
  /** 年均: an average yearly change. */
  annual?: boolean;
  period: string;
  kind: Kind;
  region: string;
  /** 1-based line of the quote. */
  line: number;
  /** Offsets of the figure in the text. */
  start: number;
  end: number;
  /** 0..1: how sure the extractor is of the whole entry (figure, name, period, kind). */
  confidence: number;
  /** The words that decided period, kind, measure and region. */
  cues: string[];
}

export interface IgnoredMention {
  /** The number as scanned. */
  text: string;
  start: number;
  end: number;
  line: number;
  why: NonFigureReason;
  /** A verbatim snippet around the number, on its line, for an ignore list. */
  at: string;
  /** The scanner's own rules (dates, ordinals, list numbers, 十四五) already account for it. */
  auto: boolean;
}

export interface Extraction {
  entries: ExtractedFigure[];
  ignored: IgnoredMention[];
}

const BEFORE_QUALIFIERS = qualifierSpellings("before");
const AFTER_QUALIFIERS = qualifierSpellings("after");

/** Units as reports write them after a number, longest first. */
const UNITS = [
  "个百分点",
  "百分点",
  "平方公里",
  "平方千米",
  "平方米",
  "立方米",
  "千瓦时",
  "兆瓦时",
  "千瓦",
  "兆瓦",
  "吉瓦",
  "标准箱",
  "公里",
  "千米",
  "公顷",
  "公斤",
  "千克",
  "亿元",
  "万元",
  "千元",
  "人次",
  "户次",
  "车次",
  "架次",
  "场次",
  "车道",
  "学时",
  "课时",
  "小时",
  "分钟",
  "个",
  "元",
  "%",
  "‰",
  "成",
  ..."所家项座条名位支批处户人倍栋套台辆艘架件本份册篇部次场期轮种只头匹株棵亩米吨斤克天日岁年月周间张床块片段组对门宗起例首集级层幅枚颗口眼盏根类".split(
    "",
  ),
];

/** Figures the scanner does not see: 倍增, and ranks (稳居自治区首位, 位居全区第一, 全区最多). */
const EXTRA_FIGURES: ReadonlyArray<readonly [RegExp, number]> = [
  [/(?<=实现|数量|规模|总量)倍增/g, 0],
  [
    /(?:位居|稳居|居于|居|位列|排名|排在)(?:全国|全区|自治区|全市|全省|全盟)?(?:同类城市)?(首位|第[一二三四五六七八九十\d]+(?:位|名)?)/g,
    1,
  ],
  [/(?:是|为|居)(?:全国|全区|自治区|全市)(最多)/g, 1],
];

const CHANGE_BEFORE_PCT =
  /(?:增长|增加|提高|提升|上升|上涨|增幅|增速|涨幅|下降|下跌|减少|降低|回落|下滑|降幅|跌幅|缩减|减|降|增|涨|跌)了?$/;
const CHANGE_BEFORE_ABS = /(?:增加|增长|减少|下降|净增|净减|扩大|缩小|降低|提高)了?$/;
const LEVEL_BEFORE = /(?:增至|增加到|增长到|提高到|提升到|上升到|下降到|降低到|减少到|降至|达到|达|为)$/;
const DECLINE_BEFORE = /(?:下降|下跌|减少|降低|回落|下滑|降幅|跌幅|缩减|减|降|跌)了?$/;

const LEAD_WORDS = new RegExp(
  "^(?:" +
    [
      "[、和及与并且还又]",
      "其中",
      "同时",
      "此外",
      "另外",
      "特别是",
      "尤其是",
      "截至目前",
      "截止目前",
      "截至\\d+月(?:\\d+日)?",
      "(?:截至|截止)(?:到)?\\d{4}年(?:底|末)?",
      "(?:截至|截止)(?:到)?(?:去年|今年|上年|本年)(?:底|末)?",
      "据了解",
      "据悉",
      "据介绍",
      "据统计",
      "目前",
      "当前",
      "已经",
      "已",
      "共计",
      "共有",
      "共",
      "累计",
      "先后",
      "全年",
      "今年",
      "去年",
      "明年",
      "年内",
      "年底前",
      "年底",
      "年末",
      "本年度",
      "上半年",
      "下半年",
      "前三季度",
      "第?[一二三四]季度",
      "预计",
      "计划",
      "力争",
      "确保",
      "争取",
      "努力",
      "将",
      "可",
      "拟",
      "到\\d{4}年底?",
      "\\d{4}年以来",
      "以来",
      "\\d{4}年(?:底|末|度)?",
      "\\d{4}[、和]\\d{4}年",
      "十[一二三四五六]五(?:时期|期间)?",
      "全市",
      "我市",
      "全区",
      "我区",
      "全县",
      "在全市",
      "首府",
      "特别",
      "每年",
      "\\d{4}\\s*(?:——|[-—–~～至到])\\s*\\d{4}年",
      "按照",
      "依照",
      "根据",
      "为",
      "以",
    ].join("|") +
    ")+",
);
const TRAIL_WORDS =
  /(?:达到|达|为|是|突破|超过|完成|实现|增至|提高到|提高至|提升到|提升至|增长到|增加到|保持在|控制在|稳定在|不低于|不少于|不超过|至少|将近|接近|共计|共|累计|分别|持续|将|了|总计|合计|仅为|只有|已达|的|有|在|至|到|由|从|和|与|、|等|据估测|据估算|据统计)+$/;
const BASE_WORDS =
  /(?:比|较|与|同|相比|相较|比起)(?:上年末|上年底|上年|去年末|去年底|去年|上一年|“?十[一二三四五六]五”?(?:时期|期间|末)?|\d{4}年(?:底|末)?)(?:同期)?|同比|年均|年平均|平均每年/g;
const CHANGE_WORDS_TAIL =
  /(?:增长|增加|提高|提升|上升|上涨|增幅|增速|涨幅|下降|下跌|减少|降低|回落|下滑|降幅|跌幅|缩减|基本持平|持平|净增|扩大|缩小|减|降|增|涨|跌)了?$/;

/** Regions the text may name, with the spellings to look for (longest first). */
function regionSpellings(allowed?: readonly string[]): Array<[string, string]> {
  const generic = new Set(["市", "全市", "首府", "青城", "city", "citywide"]);
  const out: Array<[string, string]> = [];
  for (const r of REGIONS) {
    if (allowed ? !allowed.includes(r.name) : r.name === "内蒙古自治区") continue;
    for (const s of [r.name, ...r.aliases]) {
      if (/^[\u4e00-\u9fff]{2,}$/.test(s) && !generic.has(s)) out.push([s, r.name]);
    }
  }
  return out.sort((a, b) => b[0].length - a[0].length);
}

function lastRegionIn(text: string, spellings: Array<[string, string]>): string | undefined {
  let best: { at: number; region: string } | undefined;
  for (const [s, region] of spellings) {
    const at = text.lastIndexOf(s);
    if (at >= 0 && (!best || at > best.at)) best = { at, region };
  }
  return best?.region;
}

interface Figure {
  start: number;
  end: number;
  text: string;
  parsed: ParsedFigure;
  /** Mentions the figure covers (a range 1至2所 covers two). */
  mentions: Mention[];
}

/** The figure around a scanned number: leading qualifier, number (or range, ratio), multiplier, unit, trailing qualifier. */
function figureAt(text: string, m: Mention, next: Mention | undefined): Figure | { reason: NonFigureReason } {
  let start = m.start;
  let end = m.end;
  const covered = [m];
  const isWord = !/^[\d一二三四五六七八九十两零〇百千万亿百分之近超]/.test(m.text) || /[番半持平成]$/.test(m.text);
  if (!isWord) {
    // A range (1至2所, 3-5个) or a ratio (1:1.5) joins the next number.
    if (next && next.start > end && next.start - end <= 2) {
      const between = text.slice(end, next.start);
      const chain =
        /^[:：]\d/.test(text.slice(next.end, next.end + 2)) || /\d[:：]$/.test(text.slice(m.start - 2, m.start));
      if (/^(?:[-—–~～至到]|——)$/.test(between) || (/^[:：]$/.test(between) && /^\d/.test(m.text) && !chain)) {
        covered.push(next);
        end = next.end;
      }
    }
    const rest = text.slice(end, end + 12);
    const tail = rest.match(/^(?:余|多)?[万亿千百]*(?:余|多)?/);
    let j = tail ? tail[0].length : 0;
    const unitText = rest.slice(j);
    const unit = UNITS.find((u) => unitText.startsWith(u));
    if (unit) {
      j += unit.length;
      const per = rest.slice(j).match(/^\/[日天年月人时次]/);
      if (per) j += per[0].length;
    }
    end += j;
    const following = text.slice(end, end + 6);
    if (unit && isClassDescriptor(unit, following)) return { reason: "name" };
    if (!unit && /^[万亿千百]*$/.test(text.slice(m.end, end)) && isClassDescriptor("", following))
      return { reason: "name" };
    const after = AFTER_QUALIFIERS.find((q) => following.startsWith(q));
    if (after) end += after.length;
  }
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const before = BEFORE_QUALIFIERS.find((q) => text.slice(Math.max(lineStart, start - q.length), start) === q);
  if (before && !/^[近超]/.test(m.text)) start -= before.length;
  const figureText = text.slice(start, end);
  try {
    return { start, end, text: figureText, parsed: parseFigure(figureText), mentions: covered };
  } catch (error) {
    if (error instanceof FigureError) return { reason: "name" };
    throw error;
  }
}

/** A verbatim snippet around a mention, within its line, for an ignore list. */
function snippet(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = text.indexOf("\n", end);
  if (lineEnd < 0) lineEnd = text.length;
  let a = start;
  let b = end;
  // Widen to the surrounding words (up to 6 characters either side, not past punctuation).
  for (let i = 0; i < 6 && a > lineStart && !/[，,。；;：:！？!?\s]/.test(text[a - 1]); i++) a--;
  for (let i = 0; i < 6 && b < lineEnd && !/[，,。；;：:！？!?\s\r]/.test(text[b]); i++) b++;
  return text.slice(a, b);
}

interface KindState {
  cue?: KindCue;
  kind: KindCueKind | undefined;
}

interface PeriodState {
  /** Whole-year or span period. */
  period: string;
  span?: [number, number];
  horizon?: boolean;
  years?: string[];
  /** Sub-year part of the current year (-H1 …). */
  sub?: string;
  cue?: string;
}

/** An entry being made: what the words around the figure say, before the name is read. */
interface Draft {
  fig: Figure & { pos: number; posEnd: number };
  pos: number;
  sentence: Span;
  clauseText: string;
  segment: string;
  value: number;
  unit: string;
  qualifier: string;
  subject: string;
  measure: Measure;
  base?: string;
  annual: boolean;
  pstate: PeriodState;
  kstate: KindState;
  forwardDefault: boolean;
  region: string;
  cues: string[];
  /** The name comes from the figure before (同比增长2% after 固定资产投资115亿元): quote that clause too. */
  inherited: boolean;
  /** Set when the words fix the period (由…到, 每年). */
  period?: string;
}

/** Extracts the figures of a report. Pure: the same text and options give the same entries. */
export function extractFigures(text: string, options: ExtractOptions): Extraction {
  const dateMatch = options.date.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!dateMatch) throw new Error(`date must be YYYY-MM-DD, got "${options.date}"`);
  const date: DocDate = { year: Number(dateMatch[1]), month: Number(dateMatch[2]) };
  const reader = readerFor(options);
  const regions = regionSpellings(options.regions);
  const regionBySpelling = new Map(regions);
  const regionAtClauseStart =
    regions.length > 0
      ? new RegExp(`(?:本年度|今年|去年|目前|同时|其中|\\d{4}年)?(${regions.map(([sp]) => sp).join("|")})`, "y")
      : undefined;

  const lines = new LineIndex(text);
  const paras = paragraphs(text, lines);
  const mentions = allMentions(text);
  const index = new MentionIndex(text, mentions);
  const boundaryCache = new Map<number, number[]>();

  const entries: ExtractedFigure[] = [];
  const ignored: IgnoredMention[] = [];
  const ignore = (m: Mention, why: NonFigureReason) =>
    ignored.push({
      text: m.text,
      start: m.start,
      end: m.end,
      line: lines.lineOf(m.start) + 1,
      why,
      at: snippet(text, m.start, m.end),
      auto: m.auto !== undefined,
    });

  // Which paragraph each mention belongs to.
  const byParagraph = new Map<Paragraph, Mention[]>();
  {
    let p = 0;
    for (const m of mentions) {
      while (p < paras.length && paras[p].offsets[paras[p].offsets.length - 1] <= m.start) p++;
      const para = paras[p];
      if (!para || para.offsets[0] > m.start) {
        ignore(m, m.auto ?? "name");
        continue;
      }
      const list = byParagraph.get(para) ?? [];
      list.push(m);
      byParagraph.set(para, list);
    }
  }

  // Document, section and article context.
  let section: { period?: PeriodCue; plan: boolean } = { plan: false };
  let article: { period?: PeriodCue; forward: boolean } = { forward: false };
  let articleRegion: string | undefined;
  /** The year a document or article title names (2023年…统计公报): the default for its figures. */
  let titlePeriod: PeriodCue | undefined;
  let previousKind: Paragraph["kind"] | undefined;

  for (const para of paras) {
    const ptext = para.text;
    const periodCues = findPeriodCues(ptext, date);
    const kindCues = findKindCues(ptext);
    if (para.kind === "header1") {
      article = { forward: false };
      const headerPeriod = periodCues.find((c) => c.period);
      section = {
        period: headerPeriod,
        plan: /安排|计划|打算/.test(ptext) && !!headerPeriod && endYear(headerPeriod.period!) >= date.year,
      };
      const region = lastRegionIn(ptext, regions);
      if (region) articleRegion = region;
    } else if (para.kind === "headline") {
      const first = previousKind === undefined || previousKind === "body" || previousKind === "glossary";
      if (first) {
        article = { forward: false };
        articleRegion = undefined;
        titlePeriod = undefined;
      }
      const region = lastRegionIn(ptext, regions);
      if (region) articleRegion = region;
      const named = periodCues.find((c) => c.period && !c.horizon && /^\d{4}$/.test(c.period));
      if (named && !titlePeriod) titlePeriod = { ...named, scope: "article" };
    }
    previousKind = para.kind;

    const sents = sentences(ptext);
    const sentenceOf = (i: number) => {
      let lo = 0;
      let hi = sents.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (sents[mid].start <= i) lo = mid;
        else hi = mid - 1;
      }
      return sents[lo] ?? { start: 0, end: ptext.length };
    };
    const clauseCache = new Map<Span, Span[]>();
    const clausesOf = (sentence: Span) => {
      let list = clauseCache.get(sentence);
      if (!list) {
        list = clauses(ptext, sentence.start, sentence.end);
        clauseCache.set(sentence, list);
      }
      return list;
    };
    const toLogical = (offset: number) => {
      let lo = 0;
      let hi = para.offsets.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (para.offsets[mid] < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };

    // Paragraph-level region: a clause that begins with a region's name.
    let paragraphRegion: { at: number; region: string } | undefined;
    if (para.kind !== "header1" && regionAtClauseStart) {
      for (const c of clauses(ptext, 0, ptext.length)) {
        regionAtClauseStart.lastIndex = c.start;
        const hit = regionAtClauseStart.exec(ptext);
        if (hit) {
          paragraphRegion = { at: c.start, region: regionBySpelling.get(hit[1])! };
          break;
        }
      }
    }

    // Figures of this paragraph.
    const list = byParagraph.get(para) ?? [];
    const figures: Array<Figure & { pos: number; posEnd: number }> = [];
    for (let i = 0; i < list.length; i++) {
      const m = list[i];
      if (para.kind === "glossary") {
        ignore(m, m.auto ?? "glossary");
        continue;
      }
      const why = nonFigureReason(text, m);
      if (why) {
        ignore(m, why);
        continue;
      }
      const fig = figureAt(text, m, list[i + 1]);
      if ("reason" in fig) {
        ignore(m, fig.reason);
        continue;
      }
      if (fig.mentions.length > 1) i += fig.mentions.length - 1;
      figures.push({ ...fig, pos: toLogical(fig.start), posEnd: toLogical(fig.end) });
    }

    const made: Draft[] = [];
    let consumed = -1;
    for (let fi = 0; fi < figures.length; fi++) {
      const fig = figures[fi];
      const pos = fig.pos;
      const sentence = sentenceOf(pos);
      const clause = clausesOf(sentence).find((c) => c.start <= pos && pos < c.end) ?? sentence;
      const prev = figures[fi - 1];
      // The words around the figure, within its clause (a joined line break does not end them).
      const from = clause.start;
      const segStart =
        prev && prev.posEnd <= pos && Math.max(prev.posEnd, consumed) > from ? Math.max(prev.posEnd, consumed) : from;
      const segment = ptext.slice(Math.min(segStart, pos), pos);
      const nextFig = figures[fi + 1];
      const postEnd = nextFig && nextFig.pos < clause.end ? nextFig.pos : clause.end;
      const post = ptext.slice(fig.posEnd, Math.max(fig.posEnd, postEnd));

      const cues: string[] = [];
      const pstate = periodAt(pos, sentence, periodCues, article.period ?? section.period ?? titlePeriod, date);
      if (pstate.cue) cues.push(pstate.cue);
      const kstate = kindAt(pos, sentence, kindCues, periodCues);
      if (kstate.cue) cues.push(kstate.cue.text);

      const { measure, decline, words } = measureOf(fig, segment);
      if (words) cues.push(words);
      const baseCues = findBaseCues(ptext.slice(clause.start, pos));
      const base = baseCues.filter((b) => b.base).pop()?.base;
      const annual = baseCues.some((b) => b.annual);

      const named = subjectOf(segment, post, measure);
      if (fig.parsed.unit === "名次") named.subject = rankSubject(named.subject);
      consumed = named.usedPost ? fig.posEnd + post.length : fig.posEnd;
      const inSentence = made.filter((e) => e.sentence === sentence);
      let subject = withTopic(
        named.subject,
        inSentence[inSentence.length - 1]?.subject ?? topicOf(ptext.slice(sentence.start, clause.start)),
      );
      let inherited = false;
      if (!subject && (measure !== "level" || /^(?:比|较|与|同比|相比|[:：])/.test(segment.trim()))) {
        subject = inSentence.reverse().find((e) => e.subject)?.subject ?? "";
        inherited = subject !== "";
      }

      let region = articleRegion ?? options.region;
      if (paragraphRegion && paragraphRegion.at <= pos) region = paragraphRegion.region;
      if (region !== options.region) cues.push(region);

      const draft: Draft = {
        fig,
        pos,
        sentence,
        clauseText: ptext.slice(clause.start, clause.end),
        segment,
        value: decline && measure !== "level" ? -fig.parsed.value : fig.parsed.value,
        unit: impliedUnit(fig.parsed.unit, post, subject),
        qualifier: fig.parsed.qualifier ?? "",
        subject,
        measure,
        base,
        annual,
        pstate,
        kstate,
        forwardDefault: section.plan || article.forward,
        region,
        cues,
        inherited,
      };
      // 2024、2025年…每年增加3000人: one entry per year.
      if (pstate.years && /每年|均/.test(ptext.slice(sentence.start, pos))) {
        for (const y of pstate.years) made.push({ ...draft, period: y, cues: [...cues, "每年"] });
        continue;
      }
      made.push(draft);
    }

    // 140户304名脱贫人口: a figure right before another shares its name.
    for (let i = made.length - 2; i >= 0; i--) {
      if (!made[i].subject && made[i + 1].sentence === made[i].sentence && made[i + 1].pos - made[i].fig.posEnd <= 1)
        made[i].subject = made[i + 1].subject;
    }
    pairFigures(made, ptext);
    splitSharedSubjects(made);

    for (const d of made) {
      const located = quoteOf(
        text,
        lines,
        index,
        boundaryCache,
        d.fig,
        d.inherited || (d.measure !== "level" && !d.subject),
      );
      if (!located) {
        for (const m of d.fig.mentions) ignore(m, "duplicate");
        continue;
      }
      const reading: NameReading | null = reader?.read(d.subject, d.unit, d.measure) ?? null;
      let measure = d.measure;
      if (reading?.measure && measure === "level") measure = reading.measure;
      const period =
        d.period ?? periodOf(d.pstate, measure, d.segment, d.clauseText, d.unit, made, d.sentence, d.annual);
      d.period = period;
      d.measure = measure;
      const kind = kindOf(d.kstate, period, d.pstate, date, d.forwardDefault);
      const out: ExtractedFigure = {
        quote: located.quote,
        figure: d.fig.text,
        value: d.value,
        unit: d.unit,
        qualifier: d.qualifier,
        subject: d.subject,
        indicator: reading?.indicator.id ?? null,
        measure,
        period,
        kind,
        region: d.region,
        line: located.line,
        start: d.fig.start,
        end: d.fig.end,
        confidence: 0,
        cues: d.cues,
      };
      if (located.nth > 1) out.nth = located.nth;
      if (reading) out.match = reading.match;
      if (measure !== "level") {
        out.base = d.base ?? (d.annual ? "上年" : defaultBase(d.pstate, period));
        if (d.annual) out.annual = true;
      }
      if (!out.indicator) out.proposed = { zh: d.subject || "待命名指标", unit: canonicalUnit(d.unit, measure) };
      out.confidence = confidenceOf(out, d.pstate.cue !== undefined, d.kstate.kind !== undefined || d.forwardDefault);
      entries.push(out);
    }

    // Carry into the next paragraphs of the article: era cues (今年, "十四五"时期 …) and a forward-looking lead.
    const carried = [...periodCues].reverse().find((c) => c.scope === "article");
    if (carried) article.period = carried;
    const first = sents[0];
    if (first && para.kind === "body") {
      const firstText = ptext.slice(first.start, first.end);
      if (
        kindCues.some((c) => c.kind === "forward" && c.start < first.end) &&
        /今年|明年|下一步|将重点|年内/.test(firstText)
      )
        article.forward = true;
      if (
        /^(?:今年|[\d]{4}年)?[，,]?(?:我们|我市|全区|全市)?将重点做好以下工作[:：]/.test(firstText) ||
        /以下工作[:：]$/.test(firstText)
      )
        section.plan = true;
    }
  }

  entries.sort((a, b) => a.start - b.start || a.subject.localeCompare(b.subject));
  ignored.sort((a, b) => a.start - b.start);
  return { entries, ignored };
}

function allMentions(text: string): Mention[] {
  const mentions = scanMentions(text);
  for (const [re, group] of EXTRA_FIGURES) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const word = m[group];
      const start = (m.index ?? 0) + m[0].length - word.length;
      if (mentions.some((x) => x.start < start + word.length && start < x.end)) continue;
      mentions.push({ start, end: start + word.length, text: word });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function periodAt(
  pos: number,
  sentence: Span,
  cues: PeriodCue[],
  carried: PeriodCue | undefined,
  date: DocDate,
): PeriodState {
  let state: PeriodState = { period: String(date.year) };
  const apply = (c: PeriodCue) => {
    if (c.period) {
      state = { period: c.period, span: c.span, horizon: c.horizon, years: c.years, cue: c.text };
    } else if (c.sub) {
      state = { ...state, sub: c.sub, cue: c.text };
    } else if (c.wholeYear) {
      state = { ...state, sub: undefined, cue: state.cue ?? c.text };
    }
  };
  if (carried) apply(carried);
  for (const c of cues) {
    if (c.end > pos) break;
    if (c.scope === "sentence" && (c.start < sentence.start || c.start >= sentence.end)) continue;
    apply(c);
  }
  return state;
}

function kindAt(pos: number, sentence: Span, cues: KindCue[], periodCues: PeriodCue[]): KindState {
  let state: KindState = { kind: undefined };
  for (const c of cues) {
    if (c.start >= pos) break;
    if (c.start < sentence.start) continue;
    state = { cue: c, kind: c.kind };
  }
  // A horizon in the sentence before the figure (到2025年, 利用三年时间) makes a goal.
  const horizon = periodCues.find((c) => c.horizon && c.start >= sentence.start && c.end <= pos);
  if (horizon && state.kind !== "actual" && state.kind !== "estimate")
    state = { cue: { start: horizon.start, end: horizon.end, text: horizon.text, kind: "target" }, kind: "target" };
  return state;
}

/** Changes and stocks are read at the end of a span ("十四五"末); flows (完成, 实施 …) over the span. */
function periodOf(
  state: PeriodState,
  measure: Measure,
  segment: string,
  clauseText: string,
  unit: string,
  made: Draft[],
  sentence: Span,
  annual = false,
): string {
  const year = (p: string) => String(endYear(p));
  let period = state.period;
  if (state.sub) period = `${/^\d{4}$/.test(period) ? period : year(period)}${state.sub}`;
  if (!state.span || state.horizon) return period;
  if (measure !== "level") {
    if (annual) return period;
    const sibling = made.filter((e) => e.sentence === sentence && e.measure === "level" && e.period).pop();
    if (sibling?.period && /^(?:比|较|与|同比|相比)/.test(segment.replace(/^[，,\s]+/, ""))) return sibling.period;
    return year(period);
  }
  if (unit === "年" || unit === "名次") return year(period);
  if (/持续|连续/.test(clauseText)) return period;
  if (isPercentUnit(unit)) return year(period);
  if (/(?:总量|总里程|总规模|能力|保有量|规模|达到|达|突破|增至|提高到|提升到|位居|稳居)[^，,]{0,4}$/.test(segment))
    return year(period);
  return period;
}

function defaultBase(state: PeriodState, period: string): string {
  if (state.span && period === String(state.span[1])) return String(state.span[0] - 1);
  return /^\d{4}-(?:Q|H|YTD|M)/.test(period) ? "同比" : "上年";
}

function kindOf(kstate: KindState, period: string, state: PeriodState, date: DocDate, forwardDefault: boolean): Kind {
  const cue = kstate.kind;
  const end = endYear(period);
  const start = Number(period.slice(0, 4));
  if (cue === "estimate") return "estimate";
  if (cue === "actual") return "actual";
  if (cue === "target") return "target";
  const future = end > date.year || start > date.year || state.horizon === true;
  if (cue === "forward" || (cue === undefined && forwardDefault)) {
    if (future) return "target";
    // 可新增 on a past period: what it would add.
    if (end < date.year) return kstate.cue?.text === "可" ? "estimate" : "actual";
    return "plan";
  }
  if (future) return state.horizon ? "target" : "estimate";
  return "actual";
}

function measureOf(fig: Figure, segment: string): { measure: Measure; decline: boolean; words?: string } {
  const unit = fig.parsed.unit;
  const tail = segment.replace(/\s+$/, "");
  const decline = DECLINE_BEFORE.test(tail);
  if (fig.parsed.measure === "change") return { measure: "pct_change", decline, words: fig.text };
  if (unit === "个百分点" || unit === "百分点") return { measure: "pp_change", decline, words: unit };
  if (LEVEL_BEFORE.test(tail)) return { measure: "level", decline: false };
  if (unit === "%") {
    const m = tail.match(CHANGE_BEFORE_PCT);
    if (m) return { measure: "pct_change", decline, words: m[0] };
    return { measure: "level", decline: false };
  }
  const m = tail.match(CHANGE_BEFORE_ABS);
  if (m && !/新增$/.test(tail)) return { measure: "abs_change", decline, words: m[0] };
  return { measure: "level", decline: false };
}

/** Region names at the start of a name (呼和浩特将完成…, 新城区…) frame it; they are read separately. */
const LEADING_REGION = new RegExp(
  `^(?:${REGIONS.flatMap((r) => [r.name, ...r.aliases])
    .filter((a) => /^[\u4e00-\u9fff]{2,}$/.test(a))
    .sort((a, b) => b.length - a.length)
    .join("|")})`,
);

function clean(text: string): string {
  let s = text.replace(/[“”"'‘’「」《》\s:：]/g, "");
  let before;
  do {
    before = s;
    s = s.replace(LEAD_WORDS, "").replace(LEADING_REGION, "").replace(TRAIL_WORDS, "");
  } while (s !== before);
  return s;
}

/** Words that name a measure of something rather than a thing: they need the topic of the sentence. */
const GENERIC =
  /^(?:实现|完成|累计)?(?:营业收入|收入|总投资|投资|完成投资|年产值|产值|资金|市场占有率|占有率|占比|比例|比重|覆盖率|总量|规模|面积|总面积|总占地|占地|长度|全长|线路全长|里程|产能|年产)$/;
/** Where a topic ends: the verb of the clause that introduces it. */
const GENERIC_TAIL =
  /(?:营业收入|收入|总投资|投资|完成投资|年产值|产值|资金|市场占有率|占有率|占比|比例|比重|覆盖率|总量|规模|面积|总面积|占地|长度|全长|里程|产能)$/;
const TOPIC_END = /(?:实现|持续|通过|完成|达到|达|建成|稳步|不断|加快|入驻|签约|实施)/;

/** The words that name a figure: the words before it in its clause, or the noun after a counted figure. */
function subjectOf(segment: string, post: string, measure: Measure): { subject: string; usedPost: boolean } {
  let pre = segment.replace(/[“”"'‘’「」《》\s]/g, "");
  if (/^(?:“[^”]*”[、和及]?)+$/.test(segment.trim())) pre = "";
  if (measure !== "level") {
    pre = pre.replace(BASE_WORDS, "");
    let before;
    do {
      before = pre;
      pre = pre.replace(CHANGE_WORDS_TAIL, "").replace(TRAIL_WORDS, "");
    } while (pre !== before);
  }
  const endsWithDe = /的$/.test(pre);
  // Examples (讨思浩、小井沟等10个节点, “新城草莓”“新城玉米”2个): keep the verb, drop the examples.
  if (/(?:[”"]|、[^、]*)等|等$/.test(pre)) {
    const afterList = pre.slice(pre.lastIndexOf("等") + 1);
    const verb = pre.match(VERB_HEAD)?.[0] ?? "";
    pre = afterList.length >= 2 ? afterList : verb;
  }
  if (/^(?:“[^”]*”[、和及]?)+$/.test(segment.trim())) pre = "";
  pre = clean(pre);
  const rawPost = post.replace(/[“”"'‘’「」《》\s]/g, "");
  const noun = clean(rawPost.replace(/^的/, "")).replace(/[和及与、等]+$/, "");
  const verbOnly =
    pre === "" || (VERB_HEAD.test(pre) && pre.replace(VERB_HEAD, "").length <= 0) || /^(?:新增|净增|增加)$/.test(pre);
  if (
    noun &&
    /^[\u4e00-\u9fff]/.test(noun) &&
    !/^[、和及与]/.test(rawPost) &&
    (verbOnly || endsWithDe || /^的/.test(rawPost))
  )
    return { subject: `${pre}${noun}`.slice(0, 40), usedPost: true };
  return { subject: pre.slice(-40), usedPost: false };
}

/** The thing a sentence is about, from its first clause without figures (草莓产业实现标准化生产 → 草莓产业). */
function topicOf(lead: string): string | undefined {
  const first = lead.split(/[，,；;：:]/)[0] ?? "";
  const t = clean(first.replace(/[“”"'‘’「」《》\s]/g, ""));
  return t && !/\d/.test(t) && t.length <= 16 ? t : undefined;
}

/** 实现营业收入27.4亿元 after 科技城入驻企业达230家: a measure word takes the sentence's topic. */
function withTopic(subject: string, topic: string | undefined): string {
  const modifier = /(?:级|类|型)$|^(?:城镇|农村|城市|乡村|男性|女性)$/.test(subject);
  if (!topic || !subject || !(GENERIC.test(subject) || subject.length <= 2 || modifier)) return subject;
  const head = topic
    .replace(VERB_HEAD, "")
    .replace(/^(?:新增|净增|累计)/, "")
    .split(TOPIC_END)[0]
    .replace(GENERIC_TAIL, "")
    .replace(/(?:连续|持续)$/, "");
  if (head.length < 2) return subject;
  // 其中国家级12家 after 龙头企业185家: a modifier goes first.
  return modifier ? `${subject}${head}` : `${head}${subject.replace(/^(?:实现|完成|累计)/, "")}`;
}

/** A rank (稳居自治区首位, 位居全区第一) names what is ranked before the ranking words. */
function rankSubject(subject: string): string {
  return subject.replace(/(?:也)?(?:位居|稳居|居于|居|位列|排名|排在|是|为)?(?:全国|全区|自治区|全市|全省)?$/, "");
}

/** 6.7万老年人, 覆盖学生20.16万: a bare number takes its unit from the people it counts. */
function impliedUnit(unit: string, post: string, subject: string): string {
  const parsed = parseUnit(unit);
  if (parsed.base !== "") return unit;
  if (
    /^[\u4e00-\u9fff]{0,4}(?:人|学生|幼儿|居民|群众|老年人|职工|教师|患者|儿童)/.test(post) ||
    /(?:人|学生|幼儿|居民|群众|职工|教师)$/.test(subject)
  )
    return `${unit}人`;
  return unit;
}

/** 由4.1万元增加到5.4万元 (two levels: the start and the end), 分别增长6.1%和10.4% (one subject each). */
function pairFigures(made: Draft[], ptext: string): void {
  for (let i = 0; i + 1 < made.length; i++) {
    const a = made[i];
    const b = made[i + 1];
    if (a.sentence !== b.sentence || a.fig === b.fig) continue;
    const between = ptext.slice(a.fig.posEnd, b.pos);
    if (!/(?:由|从)$/.test(ptext.slice(Math.max(0, a.pos - 2), a.pos))) continue;
    if (!/^(?:[增减提降扩缩上回升][\u4e00-\u9fff]?)?(?:到|至|为)$/.test(between)) continue;
    const p = b.pstate.sub ? `${endYear(b.pstate.period)}${b.pstate.sub}` : b.pstate.period;
    const end = endYear(p);
    a.period = String(b.pstate.span && !b.pstate.horizon ? b.pstate.span[0] - 1 : end - 1);
    b.period = String(end);
    for (const e of [a, b]) {
      e.measure = "level";
      e.value = Math.abs(e.value);
      e.cues.push("由…到");
    }
    if (!b.subject || b.subject !== a.subject) b.subject = a.subject;
    i++;
  }
  // 分别: the figures right after it (joined by 和、与及) take the listed names in order; a second 分别 in
  // the sentence without names of its own (分别达到6.1万元和2.4万元,分别增长5.2%和7.8%) takes the same.
  let lastNames: { sentence: Span; names: string[] } | undefined;
  for (let i = 0; i < made.length; i++) {
    const first = made[i];
    const before = ptext.slice(first.sentence.start, first.pos);
    const at = before.lastIndexOf("分别");
    if (
      at < 0 ||
      /[，,；;：:]/.test(before.slice(at)) ||
      (i > 0 && made[i - 1].sentence === first.sentence && made[i - 1].pos > first.sentence.start + at)
    )
      continue;
    const group = [first];
    for (let j = i + 1; j < made.length; j++) {
      const prev = group[group.length - 1];
      if (made[j].fig === prev.fig) continue;
      if (made[j].sentence !== first.sentence || !/^[和、与及,，]$/.test(ptext.slice(prev.fig.posEnd, made[j].pos)))
        break;
      group.push(made[j]);
    }
    if (group.length < 2) continue;
    const s = before;
    const clauseStart = Math.max(...["，", ",", "；", ";", "：", ":"].map((p) => s.lastIndexOf(p, at))) + 1;
    let names = splitNames(clean(s.slice(clauseStart, at)), group.length);
    if (!names && lastNames?.sentence === first.sentence && lastNames.names.length === group.length)
      names = lastNames.names;
    if (names) lastNames = { sentence: first.sentence, names };
    const lead = group[0];
    group.forEach((e, k) => {
      if (names) e.subject = names[k];
      e.cues.push("分别");
      if (k > 0 && e.measure === "level" && lead.measure !== "level") {
        e.measure = lead.measure;
        e.value = Math.sign(lead.value) * Math.abs(e.value);
        e.base ??= lead.base;
        e.annual = lead.annual;
      }
    });
  }
}

/** 城乡居民人均可支配收入 (2) → 城镇…, 农村…; 城镇和农村居民… → 城镇居民…, 农村居民…; A、B和C → A, B, C. */
export function splitNames(subject: string, k: number): string[] | undefined {
  if (k === 2 && subject.startsWith("城乡")) {
    const rest = subject.slice(2);
    return [`城镇${rest}`, `农村${rest}`];
  }
  const items = subject.split(/[、和及与]/).filter((x) => x !== "");
  if (items.length !== k) return undefined;
  const last = items[k - 1];
  const short = items.slice(0, -1).every((x) => x.length <= 4) && last.length > items[0].length + 1;
  if (short && items.slice(0, -1).every((x) => x.length === items[0].length)) {
    const head = last.slice(items[0].length);
    return [...items.slice(0, -1).map((x) => `${x}${head}`), last];
  }
  return items;
}

/** 地膜回收利用率、畜禽粪污资源化利用率达到90%以上: one figure for each listed rate. */
function splitShared(made: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const e of made) {
    const items = e.subject.split(/[、和及]/).filter((x) => x !== "");
    if (
      (e.unit === "%" || e.unit === "个百分点") &&
      items.length >= 2 &&
      items.every((x) => x.length >= 3 && /(?:率|比例|占比|比重|指数)$/.test(x))
    ) {
      for (const item of items) out.push({ ...e, subject: item, cues: [...e.cues, "、"] });
    } else out.push(e);
  }
  return out;
}

function splitSharedSubjects(made: Draft[]): void {
  const split = splitShared(made);
  made.splice(0, made.length, ...split);
}

/**
 * Where else a stretch of text could occur: every occurrence of a figure's first number ends a scanned
 * mention, so the mentions ending with the same characters are the only places to compare.
 */
class MentionIndex {
  private readonly bySuffix = new Map<string, number[]>();
  constructor(
    private readonly text: string,
    mentions: readonly Mention[],
  ) {
    for (const m of mentions) {
      for (let k = Math.max(0, m.text.length - 12); k < m.text.length; k++) {
        const key = m.text.slice(k);
        const list = this.bySuffix.get(key);
        if (list) list.push(m.end);
        else this.bySuffix.set(key, [m.end]);
      }
    }
  }
  /** Whether `quote` occurs before `at`, given that `mention` sits at `offset` inside it. */
  occursBefore(quote: string, at: number, mention: Mention, offset: number): boolean {
    for (const end of this.bySuffix.get(mention.text) ?? []) {
      const start = end - mention.text.length - offset;
      if (start >= at) break;
      if (start >= 0 && this.text.startsWith(quote, start)) return true;
    }
    return false;
  }
}

/** The clause quoting a figure, on its line, widened until it is the first occurrence in the text. */
function quoteOf(
  text: string,
  lines: LineIndex,
  index: MentionIndex,
  boundaryCache: Map<number, number[]>,
  fig: Figure,
  withPrevious: boolean,
): { quote: string; line: number; nth: number } | undefined {
  const { start, end } = fig;
  const line = lines.lineOf(start);
  const ls = lines.lineStart(line);
  const content = text.slice(ls, lines.lineEnd(line));
  let boundaries = boundaryCache.get(line);
  if (!boundaries) {
    boundaries = clauseBoundaries(content);
    boundaryCache.set(line, boundaries);
  }
  const fs = start - ls;
  let left = boundaries.filter((b) => b < fs);
  let right = boundaries.filter((b) => b >= end - ls);
  let a = left.length > 0 ? left[left.length - 1] + 1 : 0;
  let b = right.length > 0 ? right[0] : content.length;
  if (withPrevious && left.length > 0) {
    left = left.slice(0, -1);
    a = left.length > 0 ? left[left.length - 1] + 1 : 0;
  }
  const first = fig.mentions[0];
  for (;;) {
    while (a < fs && /\s/.test(content[a])) a++;
    const quote = content.slice(a, b).replace(/\s+$/, "");
    if (!index.occursBefore(quote, ls + a, first, first.start - ls - a)) {
      let nth = 0;
      const figure = text.slice(start, end);
      for (let from = 0, at = quote.indexOf(figure); at >= 0; at = quote.indexOf(figure, from)) {
        nth++;
        if (at === fs - a) break;
        from = at + figure.length;
      }
      return { quote, line: line + 1, nth };
    }
    if (left.length > 0) {
      left = left.slice(0, -1);
      a = left.length > 0 ? left[left.length - 1] + 1 : 0;
    } else if (right.length > 0) {
      right = right.slice(1);
      b = right.length > 0 ? right[0] : content.length;
    } else if (a > 0) a = 0;
    else return undefined;
  }
}

/** An indicator's unit: no multiplier (万个 → 个), money keeps 亿元/万元/元, changes are in % or 个百分点. */
export function canonicalUnit(unit: string, measure: Measure): string {
  if (measure === "pct_change") return "%";
  if (measure === "pp_change") return "%";
  if (/^(?:亿元|万元|元|千元)$/.test(unit)) return unit;
  const parsed = parseUnit(unit);
  if (isPercentUnit(unit)) return "%";
  return parsed.base || "个";
}

function confidenceOf(e: ExtractedFigure, explicitPeriod: boolean, explicitKind: boolean): number {
  let c = 0.95;
  if (!explicitPeriod) c -= 0.15;
  if (!explicitKind && e.kind !== "actual") c -= 0.1;
  if (!e.subject) c -= 0.2;
  if (!e.indicator) c -= 0.25;
  else if (e.match === "similar") c = Math.min(c - 0.3, 0.5);
  else if (e.match === "phrase") c -= 0.05;
  if (parseUnit(e.unit).base === "") c -= 0.15;
  return Math.round(Math.max(0.05, Math.min(0.99, c)) * 100) / 100;
}

export { reviewYear };
