/**
 * The layout of a report as the extractor reads it: lines, headers (一、 (一) ##), article headlines,
 * paragraphs (hard line breaks inside a sentence are joined), sentences and clauses.
 * Paragraph text is "logical": the trimmed lines of the paragraph concatenated, with a map back to
 * offsets in the source, so 2022\n\n年 reads as 2022年 while every quote still comes from one line.
 */

export type BlockKind = "header1" | "header2" | "headline" | "glossary" | "body";

export interface Paragraph {
  kind: BlockKind;
  /** Logical text: the paragraph's trimmed lines, concatenated. */
  text: string;
  /** Source offset of every logical character (length text.length + 1; the last entry is the end). */
  offsets: Int32Array;
  /** Index of the paragraph's first line (0-based). */
  firstLine: number;
}

export interface Span {
  start: number;
  end: number;
}

/** Line starts of a text, for line numbers by binary search (never text.slice(0, i).split). */
export class LineIndex {
  readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  lineStart(line: number): number {
    return this.starts[line];
  }
  /** End of the line's content (before \r\n or \n). */
  lineEnd(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    if (end > this.starts[line] && this.text[end - 1] === "\r") end--;
    return end;
  }
}

const TERMINAL = /[。！？!?；;：:”"’）)】」』…]$/;
/** Characters that end a clause, and those that end a sentence. */
export const CLAUSE_ENDS = new Set([..."，,。；;：:！？!?"]);
const SENTENCE_ENDS = new Set([..."。！？!?"]);
const CLOSERS = new Set([...'”"’」』)）']);
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const HEADER1 = /^(?:#{1,2}\s*)?[一二三四五六七八九十]+[、.．]/;
const HEADER2 = /^(?:#{1,6}\s*)?[（(][一二三四五六七八九十]+[)）]/;
const GLOSSARY = /^名\s*词\s*解\s*释$|^(?:附[:：]?\s*)?名词解释$/;

function classifyLine(content: string, previousEndsSentence: boolean): BlockKind {
  const short = content.length <= 50 && !/[。；;！？!?]/.test(content);
  if (HEADER1.test(content) && short) return "header1";
  if (HEADER2.test(content) && short) return "header2";
  if (/^#{1,6}\s/.test(content)) return "header1";
  if (/^(?:——|--|●|■)/.test(content) && short) return "headline";
  if (content.length <= 40 && !/[，,。；;：:！？!?]/.test(content) && previousEndsSentence) return "headline";
  return "body";
}

/** Splits a text into paragraphs; hard line breaks inside a sentence are joined into one paragraph. */
export function paragraphs(text: string, lines = new LineIndex(text)): Paragraph[] {
  const out: Paragraph[] = [];
  let glossary = false;
  let previousEndsSentence = true;
  let open: { chars: string[]; offsets: number[]; firstLine: number; end: number } | null = null;
  const close = () => {
    if (!open) return;
    open.offsets.push(open.end);
    out.push({
      kind: glossary ? "glossary" : "body",
      text: open.chars.join(""),
      offsets: Int32Array.from(open.offsets),
      firstLine: open.firstLine,
    });
    open = null;
  };
  for (let line = 0; line < lines.starts.length; line++) {
    const start = lines.lineStart(line);
    const raw = text.slice(start, lines.lineEnd(line));
    const content = raw.trim();
    if (content === "") continue;
    const contentStart = start + (raw.length - raw.trimStart().length);
    let kind = classifyLine(content, previousEndsSentence && !open);
    if (GLOSSARY.test(content)) {
      close();
      glossary = true;
      kind = "header1";
    }
    if (kind !== "body") {
      close();
      const offsets = new Int32Array(content.length + 1);
      for (let i = 0; i <= content.length; i++) offsets[i] = contentStart + i;
      out.push({ kind: glossary ? "glossary" : kind, text: content, offsets, firstLine: line });
      previousEndsSentence = true;
      continue;
    }
    open ??= { chars: [], offsets: [], firstLine: line, end: contentStart };
    for (let i = 0; i < content.length; i++) {
      open.chars.push(content[i]);
      open.offsets.push(contentStart + i);
    }
    open.end = contentStart + content.length;
    previousEndsSentence = TERMINAL.test(content);
    if (previousEndsSentence) close();
  }
  close();
  return out;
}

/** Sentence spans of a paragraph's logical text (ends after 。！？!?). */
export function sentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (SENTENCE_ENDS.has(text[i])) {
      // Keep a closing quote with its sentence: ……。”
      let end = i + 1;
      while (end < text.length && CLOSERS.has(text[end])) end++;
      spans.push({ start, end });
      start = end;
      i = end - 1;
    }
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** Offsets of the clause-ending characters of a line (not the comma of 1,234 or the colon of 18:30). */
export function clauseBoundaries(line: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (!CLAUSE_ENDS.has(c)) continue;
    if ((c === "," || c === ":") && isDigit(line[i - 1]) && isDigit(line[i + 1])) continue;
    out.push(i);
  }
  return out;
}

/** Clause spans within [from, to): split at ，,；;：:! …, but not inside numbers (1,234 / 18:30). */
export function clauses(text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (!CLAUSE_ENDS.has(c)) continue;
    if ((c === "," || c === ":") && isDigit(text[i - 1]) && isDigit(text[i + 1])) continue;
    if (i > start) spans.push({ start, end: i });
    start = i + 1;
  }
  if (start < to) spans.push({ start, end: to });
  return spans;
}
