/** How figures read in the pane: canonical value, unit and qualifier, in the UI language. */
import { WORDS } from "../core/messages/words";
import { LOCALE } from "../core/messages/lang";
import { normalizeQualifier, QUALIFIER_WORDS } from "../core/qualifiers";
import type { Fact, Indicator, Source } from "../core/schema";
import { isPercentUnit } from "../core/units";
import type { Lang } from "../excel/labels";

const UNIT_EN: Record<string, string> = {
  亿元: "100M yuan",
  万元: "10k yuan",
  元: "yuan",
  人: "people",
  人次: "person-times",
  户: "households",
  公里: "km",
  米: "m",
  平方米: "m²",
  亩: "mu",
  吨: "t",
  "吨/日": "t/day",
  天: "days",
  年: "years",
  个百分点: "pp",
  "微克/立方米": "µg/m³",
};

/** Counting words carry no meaning in English ("12 所" → "12"). */
const COUNTERS = new Set([..."个所家座项条处支栋套间台辆张件种只块片批本株段宗期"]);

export function unitText(unit: string, lang: Lang): string {
  if (lang === "zh" || unit === "%") return unit;
  if (COUNTERS.has(unit)) return "";
  return UNIT_EN[unit] ?? unit;
}

/** Building an Intl.NumberFormat costs far more than using one: one per language and digits. */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${lang}|${minDigits}|${maxDigits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    });
    formatters.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, lang: Lang, maxDigits = 2): string {
  return numberFormat(lang, 0, maxDigits).format(value);
}

/** "51.04%", "12,800 个", "+10.14%", "−3 个百分点": the canonical value with its unit. */
export function valueText(fact: Pick<Fact, "value" | "unit" | "measure">, lang: Lang): string {
  const signed = fact.measure !== "level";
  const sign = signed && fact.value > 0 ? "+" : fact.value < 0 ? "−" : "";
  const abs = Math.abs(fact.value);
  if (fact.measure === "pp_change") return `${sign}${formatNumber(abs * 100, lang)} ${unitText("个百分点", lang)}`;
  if (isPercentUnit(fact.unit)) return `${sign}${formatNumber(abs * 100, lang)}%`;
  const unit = unitText(fact.unit, lang);
  return `${sign}${formatNumber(abs, lang)}${unit ? ` ${unit}` : ""}`;
}

/** The value with its qualifier: "60%以上", "over 60%". */
export function figureText(fact: Pick<Fact, "value" | "unit" | "measure" | "qualifier">, lang: Lang): string {
  // 基本持平: a change of "basically zero" reads as words, not "基本0%".
  if (fact.qualifier === "基本" && fact.value === 0 && fact.measure !== "level") return WORDS[lang].flat;
  const text = valueText(fact, lang);
  if (!fact.qualifier) return text;
  const q = normalizeQualifier(fact.qualifier);
  if (!q) return lang === "zh" ? `${fact.qualifier}${text}` : text;
  if (lang === "en") return `${QUALIFIER_WORDS[q].en} ${text}`;
  return QUALIFIER_WORDS[q].at === "before" ? `${q}${text}` : `${text}${q}`;
}

export function indicatorName(indicator: Indicator | undefined, lang: Lang): string {
  if (!indicator) return "";
  return indicator[lang];
}

export function sourceTitle(source: Source | undefined, lang: Lang): string {
  if (!source) return "";
  return lang === "zh" ? `《${source.title}》` : source.title_en;
}

/** A number typed by the user: "1,234.5", " 10.14 % " → 1234.5, 10.14. */
export function parseNumber(text: string): number | undefined {
  const cleaned = text.replace(/[,,\s%]/g, "").replace(/^−/, "-");
  if (cleaned === "" || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

/** Decimal places as written ("51.60" → 2), for precision-aware checks. */
export function decimalsOf(text: string): number {
  const m = /\.(\d+)/.exec(text.replace(/[,,]/g, ""));
  return m ? m[1].length : 0;
}

/** A computed rate with fixed decimals (10.00%), so results line up and never look rounded away. */
export function percentText(fraction: number, lang: Lang, digits = 2): string {
  const text = numberFormat(lang, digits, digits).format(Math.abs(fraction) * 100);
  return `${fraction < 0 ? "−" : ""}${text}%`;
}
