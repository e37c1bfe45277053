/** Parses figures as Chinese reports write them: 1.28万个, 两万余人, 百分之六十, 近9成, 翻了一番, 50%以上. */
import { normalizeQualifier, qualifierSpellings, type Qualifier } from "../qualifiers";
import { simplifiedFigureChar, TRADITIONAL_FIGURE_RE } from "../traditional";
import { roundSignificant } from "../units";

export { normalizeQualifier, QUALIFIERS, type Qualifier } from "../qualifiers";

const PREFIX_QUALIFIERS = qualifierSpellings("before");
const SUFFIX_QUALIFIERS = qualifierSpellings("after");

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CN_NUMERAL_CHARS = "零〇一二三四五六七八九两十百千万亿";

/** Value of a Chinese numeral (三千 → 3000, 两万 → 20000, 十四 → 14, 一点五 → 1.5); NaN if not one. */
export function parseChineseNumeral(text: string): number {
  if (text === "") return NaN;
  const point = text.indexOf("点");
  if (point >= 0) {
    const whole = parseChineseNumeral(text.slice(0, point));
    const decimals = [...text.slice(point + 1)].map((c) => CN_DIGITS[c]);
    if (Number.isNaN(whole) || decimals.some((d) => d === undefined)) return NaN;
    return whole + Number(`0.${decimals.join("")}`);
  }
  // result: everything at 万 and above; section: the part below 万 being read; digit: the pending digit.
  let result = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch];
    } else if (ch in CN_SMALL_UNITS) {
      section += (digit ?? 1) * CN_SMALL_UNITS[ch];
      digit = null;
    } else if (ch === "万") {
      section += digit ?? 0;
      result += (section === 0 && result === 0 ? 1 : section) * 1e4;
      section = 0;
      digit = null;
    } else if (ch === "亿") {
      section += digit ?? 0;
      result = (result + section || 1) * 1e8;
      section = 0;
      digit = null;
    } else {
      return NaN;
    }
  }
  return result + section + (digit ?? 0);
}

export type FigureMeasure = "level" | "change";

export interface ParsedFigure {
  /** Number as written, before the unit's multiplier (1.28 for 1.28万个; 20000 for 两万余人). */
  value: number;
  /** Unit text after the number, multiplier included (万个, 人, %, 亿元; "" for a bare number). */
  unit: string;
  qualifier?: Qualifier;
  /** "change" when the words themselves state a change (翻一番, 基本持平). */
  measure?: FigureMeasure;
  /** Upper end of a range (2012—2021, 3-5个). */
  upper?: number;
  /** Both sides of a ratio (1:1.5). */
  ratio?: readonly [number, number];
}

const WORD_FIGURES: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => ParsedFigure]> = [
  [/^基本持平$/, () => ({ value: 0, unit: "%", qualifier: "基本", measure: "change" })],
  [/^持平$/, () => ({ value: 0, unit: "%", measure: "change" })],
  [
    /^翻(?:了)?([一二两三四五]?)番$/,
    (m) => ({ value: (2 ** (m[1] ? parseChineseNumeral(m[1]) : 1) - 1) * 100, unit: "%", measure: "change" }),
  ],
  [/^(近|超|约)?(一半|半数)$/, (m) => ({ value: 50, unit: "%", qualifier: normalizeQualifier(m[1]) })],
  [/^过半$/, () => ({ value: 50, unit: "%", qualifier: "超" })],
  [/^倍增$/, () => ({ value: 100, unit: "%", measure: "change" })],
  // Rankings: 首位, 第一, 第3位, 第二名
  [/^(?:首位|最多|最高)$/, () => ({ value: 1, unit: "名次" })],
  [
    new RegExp(`^第(\\d+|[${"零〇一二三四五六七八九两十百"}]+)(?:位|名)?$`),
    (m) => ({ value: /^\d/.test(m[1]) ? Number(m[1]) : parseChineseNumeral(m[1]), unit: "名次" }),
  ],
];

const ARABIC = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
const CHINESE = `[${CN_NUMERAL_CHARS}点]+`;
const NUMBER_RE = new RegExp(`^(${ARABIC}|${CHINESE})`);
const RANGE_SEPARATORS = /^[-—–~～至到]+/;

/** Parses one figure. Throws FigureError with the reason when the text is not a figure. */
export function parseFigure(input: string): ParsedFigure {
  let text = input.trim().replace(/\s+/g, "").replace(TRADITIONAL_FIGURE_RE, simplifiedFigureChar);
  if (text === "") throw new FigureError("空文本 empty figure");

  for (const [re, make] of WORD_FIGURES) {
    const m = text.match(re);
    if (m) return make(m);
  }

  let qualifier: Qualifier | undefined;
  for (const q of PREFIX_QUALIFIERS) {
    if (text.startsWith(q) && text.length > q.length) {
      qualifier = normalizeQualifier(q);
      text = text.slice(q.length);
      break;
    }
  }
  for (const q of SUFFIX_QUALIFIERS) {
    if (text.endsWith(q) && text.length > q.length) {
      qualifier = normalizeQualifier(q);
      text = text.slice(0, -q.length);
      break;
    }
  }

  // 百分之六十, 百分之15
  const percentOf = text.match(new RegExp(`^百分之(${ARABIC}|${CHINESE})$`));
  if (percentOf) return { value: numberValue(percentOf[1], input), unit: "%", qualifier };

  // 近9成, 八成
  const tenths = text.match(new RegExp(`^(${ARABIC}|[${CN_NUMERAL_CHARS}点]+)成$`));
  if (tenths) return { value: roundSignificant(numberValue(tenths[1], input) * 10), unit: "%", qualifier };

  // 1:1.5
  const ratio = text.match(new RegExp(`^(${ARABIC}):(${ARABIC})$`));
  if (ratio) {
    const a = numberValue(ratio[1], input);
    const b = numberValue(ratio[2], input);
    // "1:1.5" reads as 1.5 per one; "15:1" as 15; otherwise the quotient a/b.
    const perOne = a === 1 ? b : b === 1 ? a : roundSignificant(a / b);
    return { value: perOne, unit: "比", qualifier, ratio: [a, b] };
  }

  const head = text.match(NUMBER_RE);
  if (!head) throw new FigureError(`找不到数字 no number in "${input}"`);
  let rest = text.slice(head[0].length);
  let numberText = head[0];
  // Arabic digits followed by Chinese multipliers (1.28万, 3千) keep the multiplier in the unit.
  const isArabic = /^\d/.test(numberText);
  if (!isArabic) {
    // 两万余人: the numeral swallowed 万; fine. 三十余万: keep trailing 万 after 余 in the unit.
    const trimmed = numberText.replace(/点$/, "");
    rest = numberText.slice(trimmed.length) + rest;
    numberText = trimmed;
  }
  const value = numberValue(numberText, input);

  let upper: number | undefined;
  const sep = rest.match(RANGE_SEPARATORS);
  if (sep) {
    const second = rest.slice(sep[0].length).match(NUMBER_RE);
    if (second) {
      upper = numberValue(second[0], input);
      rest = rest.slice(sep[0].length + second[0].length);
    }
  }

  // 1万余个 / 2000余人 / 300多家: 余 and 多 may sit before or after a multiplier.
  const approx = rest.match(/^([十百千万亿]*)(余|多)/);
  if (approx) {
    qualifier = qualifier ?? normalizeQualifier(approx[2]);
    rest = approx[1] + rest.slice(approx[0].length);
  }
  if (/[\d]/.test(rest)) throw new FigureError(`多个数字 more than one number in "${input}"`);
  const unit = rest;
  const parsed: ParsedFigure = { value, unit };
  if (qualifier) parsed.qualifier = qualifier;
  if (upper !== undefined) parsed.upper = upper;
  return parsed;
}

function numberValue(text: string, input: string): number {
  const value = /^\d/.test(text) ? Number(text.replace(/,/g, "")) : parseChineseNumeral(text);
  if (!Number.isFinite(value)) throw new FigureError(`无法读取数字 cannot read the number "${text}" in "${input}"`);
  return value;
}

export class FigureError extends Error {}
