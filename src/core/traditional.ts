/** Traditional characters in figures and units, read as their simplified forms (one table for parser and units). */
/**
 * Traditional forms of the characters a figure is written with (multipliers, counting words, qualifiers):
 * pages copied through traditional-character converters write 344.61萬人, 348個, 以內.
 */
export const TRADITIONAL_FIGURE_CHARS: Record<string, string> = {
  萬: "万",
  億: "亿",
  兩: "两",
  個: "个",
  條: "条",
  項: "项",
  處: "处",
  臺: "台",
  輛: "辆",
  張: "张",
  種: "种",
  間: "间",
  棟: "栋",
  餘: "余",
  約: "约",
  過: "过",
  內: "内",
  噸: "吨",
  點: "点",
};
export const TRADITIONAL_FIGURE_RE = new RegExp(`[${Object.keys(TRADITIONAL_FIGURE_CHARS).join("")}]`, "g");

export const simplifiedFigureChar = (ch: string): string => TRADITIONAL_FIGURE_CHARS[ch] ?? ch;

/** A figure's or unit's text with its traditional characters simplified (萬人 → 万人, 個百分點 → 个百分点). */
export const simplifyFigureText = (text: string): string => text.replace(TRADITIONAL_FIGURE_RE, simplifiedFigureChar);
