/**
 * The budget comparison: reported growth rates ranked against each other — but only against growths
 * over a comparable base. "+15% 比上年" and "+100% 比2020年" are different quantities (one year against
 * five), and a Jan–Sep rise is not a full-year rise, so growths are grouped by their base and the
 * kind of period they cover, and ranked within a group only. Everything here is codes; the task pane
 * turns them into words.
 */
import { isActualKind } from "./kinds";
import { normalizePeriod } from "./periods";
import { PERIOD_PATTERN, type Fact } from "./model";
import type { IndicatorStore } from "./store";

/** What a growth is measured against (a fact's `base`). */
export type GrowthBase =
  /** The same period a year earlier: 比上年 or 同比 (the word as reported). */
  | { code: "previous"; word: "上年" | "同比" }
  /** A named year: 比2020年. */
  | { code: "year"; year: string }
  /** A five-year plan period: 较“十三五”, with its years when known (2016-2020). */
  | { code: "plan"; plan: string; span?: string }
  /** A base this module does not know; comparable only with the very same text. */
  | { code: "other"; text: string }
  /** The report does not say: never ranked. */
  | { code: "unstated" };

/** The kind of period a growth covers; growths over the same base compare only within one kind. */
export type PeriodShape =
  | { code: "year" }
  /** A multi-year total (2021-2025): `years` long. */
  | { code: "span"; years: number }
  /** Year to date, January to `month` (2023-YTD09: Jan–Sep). */
  | { code: "ytd"; month: number }
  | { code: "quarter"; quarter: number }
  | { code: "half"; half: number }
  | { code: "month"; month: number };

export function growthBase(base: string | undefined): GrowthBase {
  const text = base?.trim() ?? "";
  if (text === "") return { code: "unstated" };
  if (text === "上年" || text === "同比") return { code: "previous", word: text };
  if (/^\d{4}$/.test(text)) return { code: "year", year: text };
  if (/^十[一二三四五六七八九]五$/.test(text)) {
    try {
      return { code: "plan", plan: text, span: normalizePeriod(text) };
    } catch {
      return { code: "plan", plan: text };
    }
  }
  return { code: "other", text };
}

export function periodShape(period: string): PeriodShape {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) return { code: "year" };
  if (m[2]) return { code: "span", years: Number(m[2]) - Number(m[1]) + 1 };
  if (m[3]) return { code: "ytd", month: Number(m[3]) };
  if (m[4]) return { code: "quarter", quarter: Number(m[4]) };
  if (m[5]) return { code: "half", half: Number(m[5]) };
  if (m[6]) return { code: "month", month: Number(m[6]) };
  return { code: "year" };
}

/** 比上年 and 同比 name the same base; the rest compare only with their own kind. */
function baseKey(base: GrowthBase): string | undefined {
  switch (base.code) {
    case "previous":
      return "previous";
    case "year":
      return `year:${base.year}`;
    case "plan":
      return `plan:${base.plan}`;
    case "other":
      return `other:${base.text}`;
    case "unstated":
      return undefined;
  }
}

/**
 * The kind of period: a year; a total over n years; January to month m (Jan–Sep and Jan–Jun are not
 * comparable); a quarter, a half, a month (any one of them: Q1 and Q3 rises are both quarterly).
 */
function shapeKey(shape: PeriodShape): string {
  switch (shape.code) {
    case "year":
    case "quarter":
    case "half":
    case "month":
      return shape.code;
    case "span":
      return `span${shape.years}`;
    case "ytd":
      return `ytd${shape.month}`;
  }
}

/** The group a growth ranks in, or undefined when its base is not stated (it ranks nowhere). */
export function comparableKey(fact: Pick<Fact, "base" | "period">): string | undefined {
  const base = baseKey(growthBase(fact.base));
  return base === undefined ? undefined : `${base}|${shapeKey(periodShape(fact.period))}`;
}

export interface Described {
  fact: Fact;
  base: GrowthBase;
  shape: PeriodShape;
}

export interface RankedGroup {
  key: string;
  /** Highest growth first. */
  members: Described[];
  /** Rank of each member, 1 = highest; ties share a rank (15%, 15%, 10% → 1, 1, 3), as Excel's RANK. */
  ranks: number[];
}

/**
 * Why a chosen growth was not ranked: its base is not stated; no other chosen growth has its base;
 * others have its base but cover another kind of period (Jan–Sep against full years); or it is the
 * only growth chosen.
 */
export type NotRankedReason = "unstatedBase" | "otherBase" | "otherPeriod" | "alone";

export interface BudgetComparison {
  /** Groups of two or more comparable growths, the largest first. */
  groups: RankedGroup[];
  notRanked: Array<Described & { reason: NotRankedReason }>;
}

type Growth = Pick<Fact, "value" | "indicator">;
/** Highest first; equal growths by indicator id, so the order is stable. */
const byGrowth = (a: Growth, b: Growth) => b.value - a.value || a.indicator.localeCompare(b.indicator);

/** A growth with what it is compared with: its base and the kind of period it covers. */
export function describeGrowth(fact: Fact): Described {
  return { fact, base: growthBase(fact.base), shape: periodShape(fact.period) };
}

/** Groups the chosen growths by comparable base and ranks them within each group. */
export function compareGrowths(facts: readonly Fact[]): BudgetComparison {
  const described = facts.map(describeGrowth);
  const byKey = new Map<string, Described[]>();
  const unstated: Described[] = [];
  for (const d of described) {
    const key = comparableKey(d.fact);
    if (key === undefined) unstated.push(d);
    else byKey.set(key, [...(byKey.get(key) ?? []), d]);
  }
  const groups: RankedGroup[] = [];
  const notRanked: BudgetComparison["notRanked"] = unstated.map((d) => ({ ...d, reason: "unstatedBase" as const }));
  for (const [key, list] of byKey) {
    if (list.length >= 2) {
      const members = [...list].sort((a, b) => byGrowth(a.fact, b.fact));
      const ranks = members.map((m) => 1 + members.filter((o) => o.fact.value > m.fact.value).length);
      groups.push({ key, members, ranks });
      continue;
    }
    const [only] = list;
    const base = baseKey(only.base);
    const others = described.filter((d) => d !== only);
    const reason: NotRankedReason =
      others.length === 0 ? "alone" : others.some((d) => baseKey(d.base) === base) ? "otherPeriod" : "otherBase";
    notRanked.push({ ...only, reason });
  }
  groups.sort((a, b) => b.members.length - a.members.length || a.key.localeCompare(b.key));
  return { groups, notRanked };
}

/* ------------------------------------------------------------------ what can be compared */

/** Growth figures a comparison can use: reported pct changes (actual or estimate), as lookups return them. */
export function budgetCandidates(store: IndicatorStore): Fact[] {
  return store.dataset.facts.filter((f) => f.measure === "pct_change" && isActualKind(f.kind) && store.isChosen(f));
}

/**
 * Pre-selects the largest family of lines reported together (same document, period, category and
 * comparable base), so the first view never mixes bases.
 */
export function defaultBudgetSelection(store: IndicatorStore, candidates: readonly Fact[]): string[] {
  const groups = new Map<string, Fact[]>();
  for (const f of candidates) {
    const comparable = comparableKey(f);
    if (comparable === undefined) continue;
    const key = [f.source, f.period, store.indicators.get(f.indicator)?.category, comparable].join("|");
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const best = [...groups.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return best.length >= 2 ? best.map((f) => f.id) : [];
}
