/** The base HH.TARGETGAP and HH.TARGETRATE measure a target from: which facts may be one, and which not. */
import { describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";
import { endYear, isYear } from "../../../src/core/periods";
import * as query from "../../../src/core/query";
import type { Dataset, Fact, Kind } from "../../../src/core/schema";
import { IndicatorStore } from "../../../src/core/store";
import { live } from "../../../src/runtime/dataset";

const CITY = "呼和浩特市";

function fact(
  indicator: string,
  period: string,
  kind: Kind,
  value: number,
  extra: Partial<Fact> & { source?: string } = {},
): Fact {
  const measure = extra.measure ?? "level";
  const source = extra.source ?? "000";
  const unit = extra.unit ?? (indicator === "share" ? "%" : "亿元");
  return {
    id: `${indicator}|${extra.region ?? CITY}|${period}|${kind}|${measure}|${source}|${value}`,
    indicator,
    region: CITY,
    period,
    kind,
    measure,
    value,
    unit,
    reported: { value, unit, text: String(value) },
    source,
    quote: `${indicator} ${period} ${value}`,
    line: 1 + Math.round(value),
    ...extra,
  };
}

function storeOf(facts: Fact[]): IndicatorStore {
  const dataset: Dataset = {
    schemaVersion: 1,
    version: "test",
    hash: "0".repeat(64),
    builtAt: "2026-01-01T00:00:00.000Z",
    sources: [
      {
        id: "000",
        file: "a.txt",
        title: "报告",
        title_en: "Report",
        issuer: "市政府",
        date: "2024-01-10",
        region: CITY,
        regions: [CITY],
        type: "政府工作报告",
      },
      {
        id: "001",
        file: "b.txt",
        title: "新闻",
        title_en: "News",
        issuer: "日报",
        date: "2024-03-01",
        region: CITY,
        regions: [CITY],
        type: "新闻报道",
      },
    ],
    indicators: [
      { id: "gdp", zh: "产值", en: "Output", aliases: [], category: "经济", unit: "亿元" },
      { id: "share", zh: "占比", en: "Share", aliases: [], category: "教育", unit: "%" },
      {
        id: "places",
        zh: "可新增学位",
        en: "Places a handover can add",
        aliases: [],
        category: "教育",
        unit: "亿元",
        def: "A potential, not places opened.",
      },
    ],
    facts,
    conflicts: [],
  };
  return new IndicatorStore(dataset);
}

/** Every kind of fact that must never be a base, around a 2025 target of 150. */
const DISTRACTORS = [
  fact("gdp", "2021-2025", "actual", 700), // a span total
  fact("gdp", "2016-2020", "actual", 500),
  fact("gdp", "2024-YTD09", "actual", 95), // year to date
  fact("gdp", "2024-Q1", "actual", 30),
  fact("gdp", "2024-H1", "estimate", 60),
  fact("gdp", "2024-M06", "actual", 10),
  fact("gdp", "2025", "actual", 140), // the horizon year itself
  fact("gdp", "2026", "actual", 160),
  fact("gdp", "2024", "estimate", 130, { note: "潜力: what the new park could add" }), // a potential
  fact("gdp", "2024", "actual", 0.08, { measure: "pct_change", unit: "%" }), // a growth rate
  fact("gdp", "2024", "plan", 120),
  fact("gdp", "2024", "actual", 999, { region: "新城区" }), // another region
];

const TARGET = fact("gdp", "2025", "target", 150);
const args = { indicator: "gdp", period: 2025 };

describe("the base of a target", () => {
  it("is the latest whole-year actual before the horizon; nothing else qualifies", () => {
    const store = storeOf([
      ...DISTRACTORS,
      TARGET,
      fact("gdp", "2021", "actual", 80),
      fact("gdp", "2022", "actual", 100),
    ]);
    const base = query.targetBase(store, TARGET)!;
    expect([base.period, base.kind, base.value]).toEqual(["2022", "actual", 100]);
    expect(query.targetGap(store, args)).toBe(50);
    expect(query.targetRate(store, args)).toBeCloseTo(1.5 ** (1 / 3) - 1, 14);
  });

  it("for the latest year: the actual over the estimate; an estimate when that year has no actual", () => {
    const both = storeOf([TARGET, fact("gdp", "2022", "estimate", 90), fact("gdp", "2022", "actual", 100)]);
    expect(query.targetGap(both, args)).toBe(50);
    const estimate = storeOf([TARGET, fact("gdp", "2021", "actual", 80), fact("gdp", "2022", "estimate", 90)]);
    expect(query.targetGap(estimate, args)).toBe(60);
    expect(query.targetRate(estimate, args)).toBeCloseTo((150 / 90) ** (1 / 3) - 1, 14);
  });

  it("of conflicting figures, the one HH.VALUE returns for that year", () => {
    // The news figure comes first in the data; the official report outranks it.
    const store = storeOf([
      TARGET,
      fact("gdp", "2022", "actual", 120, { source: "001" }),
      fact("gdp", "2022", "actual", 100, { source: "000" }),
    ]);
    expect(query.value(store, { indicator: "gdp", period: 2022 })).toBe(100);
    expect(query.targetBase(store, TARGET)!.value).toBe(100);
    expect(query.targetGap(store, args)).toBe(50);
  });

  it("is #N/A, naming what exists, when only spans, part-years, horizon-year figures or potentials exist", () => {
    const store = storeOf([...DISTRACTORS, TARGET]);
    expect(query.targetBase(store, TARGET)).toBeUndefined();
    for (const fn of [query.targetGap, query.targetRate]) {
      expect(() => fn(store, args)).toThrow(
        expect.objectContaining({
          code: "N/A",
          message: expect.stringMatching(/no base.*before 2025.*available: .*2016-2020实际.*2024-YTD09实际.*2024预计/),
        }),
      );
    }
  });

  it("never comes from an indicator defined as a potential", () => {
    const target = fact("places", "2025", "target", 3);
    const store = storeOf([target, fact("places", "2023", "actual", 2)]);
    expect(query.targetBase(store, target)).toBeUndefined();
    expect(() => query.targetGap(store, { indicator: "places", period: 2025 })).toThrow(
      expect.objectContaining({ code: "N/A" }),
    );
  });

  it("a span target (十四五) is measured from the latest whole year before its end year", () => {
    const target = fact("gdp", "2021-2025", "target", 150);
    const store = storeOf([target, fact("gdp", "2020", "actual", 100), fact("gdp", "2016-2020", "actual", 480)]);
    expect(query.targetGap(store, { indicator: "gdp", period: "十四五" })).toBe(50);
    expect(query.targetRate(store, { indicator: "gdp", period: "2021-2025" })).toBeCloseTo(1.5 ** (1 / 5) - 1, 14);
  });

  it("for a share: percentage points a year from the base", () => {
    const target = fact("share", "2025", "target", 0.6);
    const store = storeOf([target, fact("share", "2023", "actual", 0.5104), fact("share", "2024-H1", "actual", 0.55)]);
    expect(query.targetRate(store, { indicator: "share", period: 2025 })).toBeCloseTo((0.6 - 0.5104) / 2, 14);
  });

  it("in the real dataset: every target's base obeys the rule; 公办园占比 starts from 2023's 51.04%", () => {
    const store = live.store;
    const share = store.facts("edu_public_kindergarten_share", CITY, "2025", "target", "level")[0];
    expect(query.targetBase(store, share)).toMatchObject({ period: "2023", kind: "actual", value: 0.5104 });
    let checked = 0;
    for (const f of store.dataset.facts) {
      if (f.measure !== "level" || (f.kind !== "target" && f.kind !== "plan")) continue;
      const base = query.targetBase(store, f);
      if (!base) continue;
      checked++;
      expect(isYear(base.period), base.id).toBe(true);
      expect(Number(base.period)).toBeLessThan(endYear(f.period));
      expect(["actual", "estimate"]).toContain(base.kind);
      expect(base.measure).toBe("level");
      expect(`${base.note ?? ""}`).not.toMatch(/潜力|potential/i);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("in the real dataset: the handover places (a potential, and a 2012-2021 span) are never a base", () => {
    const store = live.store;
    const plan = store.facts("edu_community_kindergarten_handover_places", CITY, "2023", "plan", "level")[0];
    expect(plan.note).toMatch(/potential/);
    expect(query.targetBase(store, plan)).toBeUndefined();
    expect(() =>
      query.targetGap(store, { indicator: "edu_community_kindergarten_handover_places", period: 2023 }),
    ).toThrow(expect.objectContaining({ code: "N/A", message: expect.stringMatching(/2012-2021预计/) }));
  });
});
