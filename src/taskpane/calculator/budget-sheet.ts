/** The budget comparison in words and as a block of formulas for the sheet. */
import { indicatorName } from "../format";
import { compareGrowths, type Described, type GrowthBase, type PeriodShape } from "../../core/budget";
import type { Fact } from "../../core/schema";
import type { IndicatorStore } from "../../core/store";
import { factFormula } from "../../excel/formulas";
import { FORMULA, sheetBlock, type Cell, type Column, type SheetBlock } from "../../excel/tables";
import type { Lang, Strings } from "../i18n";

/** What a growth is compared with, in words: 比上年, 前三季度同比, 比2020年, 较“十三五” / y/y, Jan–Sep y/y, vs 2020. */
export function comparisonText(d: { base: GrowthBase; shape: PeriodShape }, t: Strings): string {
  const { base, shape } = d;
  const period = (() => {
    switch (shape.code) {
      case "year":
        return undefined;
      case "span":
        // A change since a stated year (比2020年) is of the span's last value, not a total over it.
        return base.code === "year" ? undefined : t.periodSpan(shape.years);
      case "ytd":
        return t.periodYtd(shape.month);
      case "quarter":
        return t.periodQuarter(shape.quarter);
      case "half":
        return t.periodHalf(shape.half);
      case "month":
        return t.periodMonth(shape.month);
    }
  })();
  if (base.code === "previous") return period ? t.yoyOf(period) : t.baseYoy(base.word);
  const words =
    base.code === "year"
      ? t.baseYear(base.year)
      : base.code === "plan"
        ? t.basePlan(base.plan, base.span)
        : base.code === "other"
          ? t.baseOther(base.text)
          : t.baseUnstated;
  return period ? t.withPeriod(words, period) : words;
}

interface BudgetLine {
  fact: Fact;
  /** A RANK formula within the line's group, or "—". */
  rank: Cell;
  /** What the growth is compared with, in words. */
  base: string;
}

/** The growth column (增速 / Growth): data bars compare it, and each rank reads the cell before it (RC[-1]). */
export const BUDGET_GROWTH_COLUMN = 2;

function budgetColumns(store: IndicatorStore, t: Strings): Array<Column<BudgetLine>> {
  const [line, period, growth, rank, base] = t.budgetHeader;
  return [
    {
      header: line,
      text: true,
      value: ({ fact }, lang) => {
        const indicator = store.indicators.get(fact.indicator);
        return indicatorName(indicator, lang) || fact.indicator;
      },
    },
    { header: period, text: true, value: ({ fact }) => fact.period },
    { header: growth, ...FORMULA, format: "0.00%", value: ({ fact }) => growthFormula(store, fact) },
    { header: rank, ...FORMULA, value: (r) => r.rank },
    { header: base, text: true, value: (r) => r.base },
  ];
}

/** The live formula of a reported growth, built as everywhere else (factFormula). */
function growthFormula(store: IndicatorStore, f: Fact): string {
  const built = factFormula(store, f);
  if (!built.ok) throw new Error(`no formula for growth ${f.id}`);
  return built.formula;
}

/**
 * The comparison as formulas: GROWTH per line, ranked with RANK only within its group of comparable
 * growths (same base, same kind of period), and the base in words. Lines that rank against nothing
 * get "—". Groups follow each other, largest first; unranked lines come last.
 */
export function budgetBlock(store: IndicatorStore, facts: readonly Fact[], t: Strings, lang: Lang): SheetBlock {
  const comparison = compareGrowths(facts);
  const lines: BudgetLine[] = [];
  const add = (m: Described, rank: (index: number) => Cell) =>
    lines.push({ fact: m.fact, rank: rank(lines.length), base: comparisonText(m, t) });
  for (const group of comparison.groups) {
    const first = lines.length;
    const last = first + group.members.length - 1;
    for (const m of group.members) add(m, (i) => `=RANK(RC[-1],R[${first - i}]C[-1]:R[${last - i}]C[-1])`);
  }
  for (const m of comparison.notRanked) add(m, () => "—");
  return sheetBlock(budgetColumns(store, t), lines, lang, "R1C1");
}
