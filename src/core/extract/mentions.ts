/** Finds every numeric mention in a text, and which ones are dates, ordinals or names by rule. */
import { CN_NUMERAL_CHARS } from "./numbers";

export interface Mention {
  start: number;
  end: number;
  text: string;
  /** Set when a rule classifies the mention as not a figure. */
  auto?: "date" | "ordinal" | "list" | "name" | "time";
}

const CN = CN_NUMERAL_CHARS;
const MEASURE_WORDS = "所个家项座条名位支批处户人倍";
const MENTION_RE = new RegExp(
  [
    String.raw`\d+(?:\.\d+)?`,
    `百分之[${CN}点]+`,
    `[近超]?[${CN}]+成(?![为立员果就功熟本])`,
    `翻了?[一二两三四五]?番`,
    `基本持平`,
    `[近过超]?半数|近一半|过半`,
    // Chinese numerals that carry a multiplier: 三千, 两万余, 十四
    `[一二三四五六七八九两]+[十百千万亿][${CN}]*|十[一二三四五六七八九][${CN}]*`,
    // A Chinese digit with a counting word: 三所, 两个
    `[二三四五六七八九十两](?=[${MEASURE_WORDS}])`,
  ].join("|"),
  "g",
);

export function scanMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const m of text.matchAll(MENTION_RE)) {
    const start = m.index ?? 0;
    const mention: Mention = { start, end: start + m[0].length, text: m[0] };
    const auto = classify(text, mention);
    if (auto) mention.auto = auto;
    mentions.push(mention);
  }
  return mentions;
}

function classify(text: string, m: Mention): Mention["auto"] {
  const before = text.slice(Math.max(0, m.start - 2), m.start);
  const after = text.slice(m.end, m.end + 8);
  const lineStart = text.lastIndexOf("\n", m.start - 1) + 1;
  const linePrefix = text.slice(lineStart, m.start);
  if (/^\d{4}$/.test(m.text) && Number(m.text) >= 1900 && Number(m.text) <= 2100) {
    if (/^(年|[-—–~～至到]\d{4}|[-—–~～至到]\d{2}年|-\d{1,2}-)/.test(after)) return "date";
    if (/[-—–~～至到]$/.test(before) && /\d{4}[-—–~～至到]$/.test(text.slice(m.start - 5, m.start))) return "date";
  }
  if (/^\d{1,2}$/.test(m.text) || /^[一二三四五六七八九十]+$/.test(m.text)) {
    if (/^(月|日|号(?!楼|线)|时|点(?!\d))/.test(after) && !/^月(?:均|度)/.test(after)) return "date";
    // Month and day of 2023-4-25.
    if (/\d{4}-(?:\d{1,2}-)?$/.test(text.slice(Math.max(0, m.start - 8), m.start))) return "date";
  }
  if (/^\d{1,2}$/.test(m.text) && /^:\d{2}/.test(after)) return "time";
  if (/:$/.test(before) && /^\d{2}$/.test(m.text)) return "time";
  if (/第$/.test(before)) return "ordinal";
  if (/^[十][二三四五]五$/.test(m.text) || (/^十[二三四五]$/.test(m.text) && /^五/.test(after))) return "name";
  if (/^(届|次全会|次党代会|次会议)/.test(after)) return "ordinal";
  if (/^\s*[((]?$/.test(linePrefix) && /^[.、)).]/.test(after)) return "list";
  if (/[((]$/.test(before) && /^[))]/.test(after)) return "list";
  return undefined;
}
