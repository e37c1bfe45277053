/**
 * Numbers that are not figures, beyond the scanner's own rules (dates like 2023年, ordinals 第二,
 * list numbers, 十四五): phone numbers, mailboxes, addresses, road and programme names (S43, “8090计划”,
 * 三十万大学生留呼工程), durations (利用3年时间), class descriptors (500万元以上重点项目, 3岁以下婴幼儿)
 * and rhetoric (三个方面, 两手抓). Each rule says why, in the words of the fact files' ignore lists.
 */
import type { Mention } from "./mentions";

export type NonFigureReason =
  | "date"
  | "ordinal"
  | "list"
  | "name"
  | "time"
  | "phone"
  | "mailbox"
  | "address"
  | "rhetoric"
  | "glossary"
  | "duplicate";

const CN_ONLY = /^[零〇一二三四五六七八九十两百千万亿]+$/;
const SMALL_CN = /^[一二三四五六七八九十两]$|^十[一二三四五六七八九]?$/;

/** The quoted stretch (“…”, "…", 「…」, 《…》) around an offset on its line, if any. */
function quotedAround(text: string, start: number, end: number): string | undefined {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = text.indexOf("\n", end);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  const at = start - lineStart;
  for (const [open, close] of [
    ["“", "”"],
    ["「", "」"],
    ["《", "》"],
    ["‘", "’"],
  ]) {
    const o = line.lastIndexOf(open, at);
    if (o < 0) continue;
    const c = line.indexOf(close, o + 1);
    if (c >= at + (end - start)) return line.slice(o + 1, c);
  }
  // Straight quotes pair up left to right.
  let inside = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '"') continue;
    if (inside < 0) inside = i;
    else {
      if (inside < at && i >= at + (end - start)) return line.slice(inside + 1, i);
      inside = -1;
    }
  }
  return undefined;
}

/** Whether a match of the pattern near the mention covers it. */
function covered(text: string, m: Mention, re: RegExp): boolean {
  const from = Math.max(0, m.start - 40);
  const nearby = text.slice(from, m.end + 40);
  for (const hit of nearby.matchAll(re)) {
    const a = from + (hit.index ?? 0);
    if (a <= m.start && m.end <= a + hit[0].length) return true;
  }
  return false;
}

/** Why a scanned mention is not a figure, judged from the text around it; undefined if it may be one. */
export function nonFigureReason(text: string, m: Mention): NonFigureReason | undefined {
  if (m.auto) return m.auto;
  const before = text.slice(Math.max(0, m.start - 12), m.start);
  const after = text.slice(m.end, m.end + 12);
  const afterTight = after.replace(/^\s+/, "");

  // Phones, hotlines, mailboxes, e-mail, chainage and road names.
  if (covered(text, m, /\d{3,4}\s*[-—–]\s*\d{7,8}/g) || /^1[3-9]\d{9}$/.test(m.text)) return "phone";
  if (
    /^\d{5,}$/.test(m.text) &&
    (/^(?:为民服务)?(?:热线|电话|服务热线)/.test(afterTight) || /(?:电话|热线)[:：]?\s*$/.test(before))
  )
    return "phone";
  if (/^信箱/.test(afterTight)) return "mailbox";
  if (covered(text, m, /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g)) return "mailbox";
  if (/[Kk]$/.test(before) && /^\+\d/.test(after)) return "address";
  if (/[Kk]\d+\+$/.test(before)) return "address";
  if (/^号(?!线|楼|院)/.test(afterTight) && /[路街巷道]$/.test(before)) return "address";
  if (/[A-Za-z]$/.test(before) || /^[A-Za-z]/.test(after)) return "name";
  if (/^\d+\.0$/.test(m.text) && (/[”"」]$/.test(before) || /^(?:版|建设|时代|工程)/.test(after))) return "name";
  if (/^\+\d|^\d*\+/.test(after) || /\d\+$/.test(before)) return "name";

  // Years and durations.
  if (/^(?:19|20)\d{2}$/.test(m.text) && /^(?:\s*年|[、和及]\s*(?:19|20)\d{2}\s*年)/.test(after)) return "date";
  if (/^\d{1,3}$/.test(m.text) && /^(?:多|余)?年前/.test(after)) return "date";
  if (
    /^(?:[-—–~～至到][\d一二三四五六七八九十]{1,2})?(?:多|余)?(?:年时间|个?月内|个多?月|分钟|小时|秒钟?|周内|个工作日)/.test(
      after,
    )
  )
    return "time";

  // Inside quotation marks: the name of a programme, a slogan, a title.
  const quoted = quotedAround(text, m.start, m.end);
  if (
    quoted !== undefined &&
    quoted.length <= 24 &&
    !/%|达到|增长|提高|到\s*\d{4}\s*年|\d+(?:\.\d+)?\s*(?:亿元|万元|万人)/.test(quoted)
  )
    return "name";

  // Chinese numerals: 二十大, 三十万大学生 (no counting word), 三个方面, 两条体育拓展带.
  if (CN_ONLY.test(m.text)) {
    if (/^大/.test(after)) return "name";
    if (SMALL_CN.test(m.text)) return "rhetoric";
    if (
      !/^(?:余|多)?[万亿]?(?:余|多)?[\u4e00-\u9fff]/.test(after) ||
      /^(?:余|多)?[万亿]?(?:大学生|人才|青年)/.test(after)
    )
      return "name";
  }
  // 7类重点人群: a number of categories names a group.
  if (/^类/.test(after)) return "name";
  return undefined;
}

/** After a figure: 以上/以下 followed by a noun makes a class (500万元以上重点项目, 70年以上的杏树), not a qualifier. */
export function isClassDescriptor(unit: string, following: string): boolean {
  if (unit === "%" || unit === "个百分点") return false;
  return (
    /^(?:以上|以下)(?:的)?[\u4e00-\u9fff“"]/.test(following) && !/^(?:以上|以下)(?:的)?(?:目标|水平)/.test(following)
  );
}
