/** What the pane shows and the sheets write: reading order, target tracking, series by year, chart lines. */
import { describe, expect, it } from "@jest/globals";
import { seriesLines, seriesPoints, sortFacts, targetRows } from "../../../src/core/analysis";
import type { Dataset, Fact, Kind, Source } from "../../../src/core/schema";
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
  const region = extra.region ?? CITY;
  return {
    id: `${indicator}|${region}|${period}|${kind}|${measure}|${source}|${value}`,
    indicator,
    region,
    period,
    kind,
    measure,
    value,
    unit: "亿元",
    reported: { value, unit: "亿元", text: String(value) },
    source,
    quote: `${indicator} ${period} ${value}`,
    line: 1,
    ...extra,
  };
}

function storeOf(facts: Fact[]): IndicatorStore {
  const source = (id: string, type: Source["type"], date: string): Source => ({
    id,
    file: `${id}.txt`,
    title: id,
    title_en: id,
    issuer: "市政府",
    date,
    region: CITY,
    regions: [CITY],
    type,
  });
  const dataset: Dataset = {
    schemaVersion: 1,
    version: "test",
    hash: "0".repeat(64),
    builtAt: "2026-01-01T00:00:00.000Z",
    sources: [source("000", "政府工作报告", "2024-01-10"), source("001", "新闻报道", "2024-03-01")],
    indicators: [
      { id: "gdp", zh: "产值", en: "Output", aliases: [], category: "经济", unit: "亿元" },
      { id: "roads", zh: "公路", en: "Roads", aliases: [], category: "交通", unit: "亿元" },
    ],
    facts,
    conflicts: [],
  };
  return new IndicatorStore(dataset);
}

const ids = (facts: readonly Fact[]) => facts.map((f) => `${f.indicator} ${f.period} ${f.kind}`);

describe("sortFacts", () => {
  it("reads by category, indicator, region, period, then kind", () => {
    const store = storeOf([]);
    const facts = [
      fact("gdp", "2025", "target", 150),
      fact("gdp", "2022", "actual", 100),
      fact("roads", "2023", "actual", 5),
      fact("gdp", "2022", "estimate", 98),
      fact("gdp", "2021-2025", "target", 700),
    ];
    expect(ids(sortFacts(store, facts))).toEqual([
      "roads 2023 actual", // 交通 before 经济
      "gdp 2022 actual",
      "gdp 2022 estimate",
      "gdp 2025 target",
      "gdp 2021-2025 target", // a span after its last year
    ]);
  });
});

describe("targetRows", () => {
  it("one row per indicator, region and horizon: the target over the plan, measured from the latest actual", () => {
    const store = storeOf([
      fact("gdp", "2021", "actual", 80),
      fact("gdp", "2022", "estimate", 95),
      fact("gdp", "2022", "actual", 100),
      fact("gdp", "2023", "actual", 0.08, { measure: "pct_change", unit: "%" }),
      fact("gdp", "2025", "plan", 140),
      fact("gdp", "2025", "target", 150),
      fact("gdp", "2025", "target", 0.07, { measure: "pct_change", unit: "%" }), // a growth target: no row
      fact("gdp", "2025", "target", 40, { region: "新城区" }),
      fact("gdp", "2030", "plan", 200),
    ]);
    const rows = targetRows(store, store.dataset.facts);
    expect(
      rows.map((r) => [r.fact.region, r.fact.period, r.fact.kind, r.fact.value, r.base?.period, r.base?.value]),
    ).toEqual([
      [CITY, "2025", "target", 150, "2022", 100],
      [CITY, "2030", "plan", 200, "2022", 100],
      ["新城区", "2025", "target", 40, undefined, undefined],
    ]);
  });

  it("shows the figure HH.TARGET returns even when only the plan was among the facts asked for", () => {
    const store = storeOf([fact("gdp", "2025", "plan", 140), fact("gdp", "2025", "target", 150)]);
    const rows = targetRows(store, [store.dataset.facts[0]]);
    expect(rows.map((r) => [r.fact.kind, r.fact.value])).toEqual([["target", 150]]);
  });

  it("in the real dataset: 公办园占比's 2025 target of 60% is tracked from 2023's 51.04%", () => {
    const store = live.store;
    const row = targetRows(store, store.dataset.facts).find((r) => r.indicator.id === "edu_public_kindergarten_share");
    expect(row?.fact).toMatchObject({ period: "2025", kind: "target", value: 0.6 });
    expect(row?.base).toMatchObject({ period: "2023", kind: "actual", value: 0.5104 });
  });
});

describe("seriesPoints", () => {
  it("whole years only, one region, the actual over the estimate and the target over the plan", () => {
    const store = storeOf([
      fact("gdp", "2021-2025", "actual", 700),
      fact("gdp", "2024-YTD09", "actual", 95),
      fact("gdp", "2022", "estimate", 95),
      fact("gdp", "2022", "actual", 100),
      fact("gdp", "2023", "estimate", 110),
      fact("gdp", "2023", "actual", 0.08, { measure: "pct_change", unit: "%" }),
      fact("gdp", "2025", "plan", 140),
      fact("gdp", "2025", "target", 150),
      fact("gdp", "2024", "actual", 999, { region: "新城区" }),
    ]);
    const points = seriesPoints(store, "gdp", CITY);
    expect(points.map((p) => [p.year, p.actual?.kind, p.actual?.value, p.target?.kind, p.target?.value])).toEqual([
      [2022, "actual", 100, undefined, undefined],
      [2023, "estimate", 110, undefined, undefined],
      [2025, undefined, undefined, "target", 150],
    ]);
  });

  it("of conflicting figures, the one lookups return", () => {
    const store = storeOf([fact("gdp", "2022", "actual", 120, { source: "001" }), fact("gdp", "2022", "actual", 100)]);
    expect(seriesPoints(store, "gdp", CITY)[0].actual?.value).toBe(100);
  });

  it("in the real dataset: 公办园占比 by year", () => {
    expect(
      seriesPoints(live.store, "edu_public_kindergarten_share", CITY).map((p) => [
        p.year,
        p.actual?.value,
        p.target?.value,
      ]),
    ).toEqual([
      [2023, 0.5104, undefined],
      [2025, undefined, 0.6],
    ]);
  });
});

describe("seriesLines", () => {
  const store = storeOf([
    fact("gdp", "2021", "actual", 80),
    fact("gdp", "2022", "actual", 100),
    fact("gdp", "2024", "target", 130),
    fact("gdp", "2025", "target", 150),
  ]);

  it("splits the series into actual and target lines, with the way still to go between them", () => {
    const lines = seriesLines(seriesPoints(store, "gdp", CITY));
    expect(lines.actual).toEqual([
      { year: 2021, value: 80 },
      { year: 2022, value: 100 },
    ]);
    expect(lines.target).toEqual([
      { year: 2024, value: 130 },
      { year: 2025, value: 150 },
    ]);
    expect(lines.bridge).toEqual([
      { year: 2022, value: 100 },
      { year: 2024, value: 130 },
    ]);
  });

  it("draws no bridge when actuals and targets overlap in time, or either is missing", () => {
    const overlap = storeOf([...store.dataset.facts, fact("gdp", "2024", "actual", 120)]);
    expect(seriesLines(seriesPoints(overlap, "gdp", CITY)).bridge).toBeUndefined();
    const actualsOnly = storeOf(store.dataset.facts.filter((f) => f.kind === "actual"));
    expect(seriesLines(seriesPoints(actualsOnly, "gdp", CITY))).toMatchObject({ target: [], bridge: undefined });
    expect(seriesLines([])).toEqual({ actual: [], target: [], bridge: undefined });
  });
});
