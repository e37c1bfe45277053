import { describe, expect, it } from "@jest/globals";
import {
  budgetCandidates,
  compareGrowths,
  comparableKey,
  defaultBudgetSelection,
  growthBase,
  periodShape,
} from "../../../src/core/budget";
import type { Fact } from "../../../src/core/schema";
import { store } from "../excel/helpers";

/** A reported growth: value a fraction, base as in the YAML (undefined when the report does not say). */
function growth(indicator: string, period: string, base: string | undefined, value: number): Fact {
  return {
    id: `${indicator}|${period}|${base ?? "-"}`,
    indicator,
    region: "呼和浩特市",
    period,
    kind: "actual",
    measure: "pct_change",
    base,
    value,
    unit: "%",
    reported: { value: value * 100, unit: "%", text: `${value * 100}%` },
    source: "001",
    quote: "…",
    line: 1,
  };
}

const ids = (facts: Array<{ fact: Fact }>) => facts.map((m) => m.fact.indicator);

describe("growth bases and kinds of period", () => {
  it("reads the base as a code", () => {
    expect(growthBase("上年")).toEqual({ code: "previous", word: "上年" });
    expect(growthBase("同比")).toEqual({ code: "previous", word: "同比" });
    expect(growthBase("2020")).toEqual({ code: "year", year: "2020" });
    expect(growthBase("十三五")).toEqual({ code: "plan", plan: "十三五", span: "2016-2020" });
    expect(growthBase(undefined)).toEqual({ code: "unstated" });
    expect(growthBase(" ")).toEqual({ code: "unstated" });
    expect(growthBase("上年同期")).toEqual({ code: "other", text: "上年同期" });
  });

  it("reads the kind of period", () => {
    expect(periodShape("2022")).toEqual({ code: "year" });
    expect(periodShape("2021-2025")).toEqual({ code: "span", years: 5 });
    expect(periodShape("2023-YTD09")).toEqual({ code: "ytd", month: 9 });
    expect(periodShape("2023-Q1")).toEqual({ code: "quarter", quarter: 1 });
    expect(periodShape("2023-H2")).toEqual({ code: "half", half: 2 });
    expect(periodShape("2023-M06")).toEqual({ code: "month", month: 6 });
  });

  it("比上年 and 同比 over a year compare; other bases and kinds of period do not", () => {
    const key = (period: string, base?: string) => comparableKey({ period, base });
    expect(key("2022", "上年")).toBe(key("2023", "同比"));
    expect(key("2022", "上年")).not.toBe(key("2023-YTD09", "同比"));
    expect(key("2023-YTD09", "同比")).not.toBe(key("2023-YTD06", "同比"));
    expect(key("2023-Q1", "同比")).toBe(key("2023-Q3", "同比"));
    expect(key("2025", "2020")).not.toBe(key("2025", "上年"));
    expect(key("2025", "2020")).not.toBe(key("2025", "2021"));
    expect(key("2025", "十三五")).not.toBe(key("2021-2025", "十三五"));
    expect(key("2022")).toBeUndefined();
  });
});

describe("ranking within comparable groups", () => {
  it("ranks one group highest first, ties sharing a rank as Excel's RANK does", () => {
    const { groups, notRanked } = compareGrowths([
      growth("a", "2022", "上年", 0.1),
      growth("b", "2022", "同比", 0.3),
      growth("c", "2022", "上年", 0.1),
      growth("d", "2022", "上年", -0.05),
    ]);
    expect(notRanked).toEqual([]);
    expect(groups).toHaveLength(1);
    expect(ids(groups[0].members)).toEqual(["b", "a", "c", "d"]);
    expect(groups[0].ranks).toEqual([1, 2, 2, 4]);
  });

  it("never ranks unlike bases against each other, and says why a growth was left out", () => {
    const { groups, notRanked } = compareGrowths([
      growth("kindergarten", "2022", "上年", 0.1529),
      growth("senior", "2022", "上年", 0.2785),
      growth("hightech", "2025", "2020", 1),
      growth("pm25", "2025", "2020", -0.5),
      growth("highway", "2025", "十三五", 0.1524),
      growth("industry", "2023-YTD09", "同比", 0.153),
      growth("mystery", "2022", undefined, 0.5),
    ]);
    expect(groups.map((g) => [g.key, ids(g.members), g.ranks])).toEqual([
      ["previous|year", ["senior", "kindergarten"], [1, 2]],
      ["year:2020|year", ["hightech", "pm25"], [1, 2]],
    ]);
    expect(notRanked.map((m) => [m.fact.indicator, m.reason])).toEqual([
      ["mystery", "unstatedBase"],
      ["highway", "otherBase"],
      ["industry", "otherPeriod"],
    ]);
    // The +100% over five years is not ranked above the one-year rises.
    expect(groups[0].members.map((m) => m.fact.value)).not.toContain(1);
  });

  it("a single growth is left alone", () => {
    const { groups, notRanked } = compareGrowths([growth("a", "2022", "上年", 0.1)]);
    expect(groups).toEqual([]);
    expect(notRanked.map((m) => m.reason)).toEqual(["alone"]);
  });

  it("orders groups largest first", () => {
    const { groups } = compareGrowths([
      growth("x", "2025", "2020", 0.5),
      growth("y", "2025", "2020", 0.4),
      growth("a", "2022", "上年", 0.1),
      growth("b", "2022", "上年", 0.2),
      growth("c", "2022", "上年", 0.3),
    ]);
    expect(groups.map((g) => g.members.length)).toEqual([3, 2]);
  });
});

describe("the dataset's growths", () => {
  it("offers reported growths (actual or estimate) as lookups return them", () => {
    const candidates = budgetCandidates(store);
    expect(candidates.length).toBeGreaterThan(5);
    for (const f of candidates) {
      expect(f.measure).toBe("pct_change");
      expect(["actual", "estimate"]).toContain(f.kind);
    }
  });

  it("pre-selects one comparable family: the per-student spending lines 比上年 in 2022", () => {
    const candidates = budgetCandidates(store);
    const selected = candidates.filter((f) => defaultBudgetSelection(store, candidates).includes(f.id));
    expect(selected.length).toBeGreaterThanOrEqual(2);
    expect(new Set(selected.map((f) => comparableKey(f))).size).toBe(1);
    expect(compareGrowths(selected).notRanked).toEqual([]);
  });

  it("groups every candidate: the 2020, 十三五 and Jan–Sep growths never rank with the yearly ones", () => {
    const { groups, notRanked } = compareGrowths(budgetCandidates(store));
    const yearly = groups.find((g) => g.key === "previous|year");
    expect(yearly?.members.every((m) => /^\d{4}$/.test(m.fact.period) && /^(上年|同比)$/.test(m.fact.base ?? ""))).toBe(
      true,
    );
    const all = [...groups.flatMap((g) => g.members), ...notRanked];
    expect(all).toHaveLength(budgetCandidates(store).length);
    // Jan–Sep growths rank only among themselves (several came with the 2024 Jan–Sep release), or not at all.
    const ytd = all.filter((m) => m.fact.period.includes("YTD"));
    expect(ytd.length).toBeGreaterThan(0);
    for (const m of ytd) {
      const group = groups.find((g) => g.members.includes(m));
      if (group) expect(group.members.every((o) => o.fact.period.includes("YTD"))).toBe(true);
      else expect(notRanked.find((n) => n.fact === m.fact)?.reason).toBe("otherPeriod");
    }
  });
});
