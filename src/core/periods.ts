/**
 * Period arguments: 2025, "2025", "2025年", "2021-2025", "2021—2025", 十三五/十四五/十五五; full-width
 * digits and dashes ("２０２３", "２０２１－２０２５") read like half-width ones.
 */
import { checkLength, ownValue } from "./args";
import { badValue } from "./errors";
import { PERIOD_PATTERN } from "./model";

const FIVE_YEAR_PLANS: Record<string, string> = {
  十二五: "2011-2015",
  十三五: "2016-2020",
  十四五: "2021-2025",
  十五五: "2026-2030",
};

export function normalizePeriod(input: unknown): string {
  if (typeof input === "number") {
    if (Number.isInteger(input) && input >= 1900 && input <= 2100) return String(input);
    throw badValue("periodNotYear", { period: String(input) });
  }
  if (typeof input !== "string" || input.trim() === "") {
    throw badValue("periodEmpty");
  }
  const text = checkLength("period", input)
    .normalize("NFKC")
    .trim()
    .replace(/[“”"「」]/g, "")
    .replace(/时期|期间|规划|年$/g, "");
  const plan = ownValue(FIVE_YEAR_PLANS, text);
  if (plan) return plan;
  const span = text.match(/^(\d{4})\s*年?\s*[-—–~～至到]\s*(\d{4})$/);
  if (span) {
    if (Number(span[1]) > Number(span[2])) throw badValue("periodReversed", { period: String(input) });
    return span[1] === span[2] ? span[1] : `${span[1]}-${span[2]}`;
  }
  const upper = text.toUpperCase();
  if (PERIOD_PATTERN.test(upper)) return upper;
  throw badValue("periodUnknown", { period: String(input) });
}

/** The year a period ends in (2021-2025 → 2025, 2023-YTD09 → 2023). */
export function endYear(period: string): number {
  const span = period.match(/^\d{4}-(\d{4})$/);
  return Number(span ? span[1] : period.slice(0, 4));
}

/** Sort key: by end year, then whole years before sub-year periods, then spans last. */
export function periodSortKey(period: string): string {
  const span = /^\d{4}-\d{4}$/.test(period);
  return `${endYear(period)}|${span ? "2" : period.length === 4 ? "1" : "0"}|${period}`;
}

export function comparePeriods(a: string, b: string): number {
  return periodSortKey(a).localeCompare(periodSortKey(b));
}

export function isYear(period: string): boolean {
  return /^\d{4}$/.test(period);
}

/** A span of whole years: 2021-2025. */
export function isSpan(period: string): boolean {
  return /^\d{4}-\d{4}$/.test(period);
}
