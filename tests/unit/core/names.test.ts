/** How names are read, directly on the resolver, the store and the period parser (not through formulas). */
import { describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";
import { normalizePeriod } from "../../../src/core/periods";
import * as query from "../../../src/core/query";
import { regionByName } from "../../../src/core/regions";
import { IndicatorResolver, normalizeName, type Resolution } from "../../../src/core/resolve";
import type { Indicator } from "../../../src/core/schema";
import { CITY, IndicatorStore } from "../../../src/core/store";
import { live } from "../../../src/runtime/dataset";

const indicator = (id: string, zh: string, en: string, aliases: string[] = [], phrases?: string[]): Indicator => ({
  id,
  zh,
  en,
  aliases,
  phrases,
  category: "测试",
  unit: "个",
});

const resolver = new IndicatorResolver([
  indicator("gdp", "地区生产总值", "Gross regional product (GDP)", ["GDP", "生产总值"]),
  indicator("highway", "公路总里程", "Total highway mileage", ["公路里程", "highway mileage"]),
  indicator("new_jobs", "城镇新增就业", "New urban jobs", ["new urban jobs"]),
  indicator("value_added", "规模以上工业增加值", "Industrial value added", ["工业增加值", "industrial value added"]),
  indicator("public_share", "公办园在园幼儿占比", "Public kindergarten share", ["公办园占比"]),
  indicator("places", "新增学位数", "New school places", ["新增学位"], ["新增中小学学位"]),
]);

function read(name: string) {
  const result: Resolution = resolver.resolve(name);
  if (!("reading" in result)) throw new Error(`${name}: ${result.error}`);
  const r = result.reading;
  return {
    id: r.indicator.id,
    measure: r.measure,
    annual: r.annual,
    decline: r.decline,
    region: r.region,
    match: r.match,
  };
}
const fails = (name: string) => {
  const result = resolver.resolve(name);
  return "error" in result ? result.error : `read as ${result.reading.indicator.id} ${result.reading.measure}`;
};

describe("normalizeName", () => {
  it("ignores case, width, spacing, punctuation, 的, English stopwords and plurals", () => {
    expect(normalizeName("ＧＤＰ")).toBe("gdp");
    expect(normalizeName(" Gross  Regional-Product ")).toBe(normalizeName("gross regional product"));
    expect(normalizeName("呼和浩特市的GDP")).toBe(normalizeName("呼和浩特市GDP"));
    expect(normalizeName("growth of the GDP")).toBe(normalizeName("growth GDP"));
    expect(normalizeName("retail sales")).toBe(normalizeName("retail sale"));
    expect(normalizeName("gross")).toBe("gross");
  });
});

describe("IndicatorResolver", () => {
  it("reads a plain name as the level, whatever it contains (城镇新增就业, 工业增加值)", () => {
    expect(read("地区生产总值")).toMatchObject({ id: "gdp", measure: "level", region: undefined, match: "name" });
    expect(read("城镇新增就业")).toMatchObject({ id: "new_jobs", measure: "level" });
    expect(read("工业增加值")).toMatchObject({ id: "value_added", measure: "level", match: "alias" });
    expect(read("新增学位")).toMatchObject({ id: "places", measure: "level" });
  });

  it("reads change words as the measure they name", () => {
    for (const name of [
      "地区生产总值增长率",
      "GDP增速",
      "GDP增幅",
      "GDP增长",
      "GDP同比增长",
      "GDP growth",
      "gdp growth rate",
      "growth of GDP",
    ])
      expect(read(name), name).toMatchObject({ id: "gdp", measure: "pct_change", annual: false, decline: false });
    expect(read("GDP年均增长")).toMatchObject({ measure: "pct_change", annual: true });
    expect(read("GDP降幅")).toMatchObject({ measure: "pct_change", decline: true });
    expect(read("GDP个百分点")).toMatchObject({ measure: "pp_change" });
    for (const name of ["新增公路里程", "公路里程增量", "new highway mileage", "highway mileage increase"])
      expect(read(name), name).toMatchObject({ id: "highway", measure: "abs_change" });
    expect(read("工业增加值增速")).toMatchObject({ id: "value_added", measure: "pct_change" });
    expect(read("industrial value added growth")).toMatchObject({ id: "value_added", measure: "pct_change" });
  });

  it("reads region words in a name: 全市, a district, English before or after", () => {
    expect(read("全市GDP")).toMatchObject({ id: "gdp", measure: "level", region: CITY });
    expect(read("呼和浩特市地区生产总值增速")).toMatchObject({ measure: "pct_change", region: CITY });
    expect(read("新城区GDP")).toMatchObject({ region: "新城区" });
    expect(read("Hohhot GDP growth")).toMatchObject({ measure: "pct_change", region: CITY });
    expect(read("GDP growth Xincheng")).toMatchObject({ measure: "pct_change", region: "新城区" });
    // A district named with its city is the district, not the city.
    expect(read("呼和浩特市新城区GDP")).toMatchObject({ region: "新城区" });
    expect(read("Tuzuoqi GDP")).toMatchObject({ region: "土默特左旗" });
  });

  it("finds a figure by the report's own phrase", () => {
    expect(read("新增中小学学位")).toMatchObject({ id: "places", measure: "level", match: "phrase" });
  });

  it("never turns a near miss into a reading: similarity only suggests", () => {
    expect(fails("民办园占比")).toBe("not_found");
    expect(fails("private kindergarten share")).toBe("not_found");
    expect(fails("公办园")).toBe("not_found");
    expect(fails("地区生产总直")).toBe("not_found");
    const result = resolver.resolve("民办园占比");
    expect("error" in result && result.candidates[0].indicator.id).toBe("public_share");
  });

  it("refuses names longer than any indicator's at once, and treats object keys as text", () => {
    expect(fails("增".repeat(5000))).toBe("too_long");
    // At once: the best of three runs (one run can be delayed by the other test workers).
    const times = [0, 1, 2].map(() => {
      const started = performance.now();
      fails("增".repeat(5000));
      return performance.now() - started;
    });
    expect(Math.min(...times)).toBeLessThan(50);
    expect(fails("constructor")).toBe("not_found");
    expect(fails("__proto__")).toBe("not_found");
  });

  it("ranks exact readings alone, else similar names", () => {
    expect(resolver.rank("GDP增速").map((c) => c.indicator.id)).toEqual(["gdp"]);
    expect(resolver.rank("公办园").map((c) => c.indicator.id)).toContain("public_share");
  });
});

describe("regions", () => {
  it("know Chinese, short, English and pinyin names, ignoring case and width", () => {
    expect(regionByName("Xincheng District")).toBe("新城区");
    expect(regionByName("xincheng")).toBe("新城区");
    expect(regionByName("ＨＯＨＨＯＴ")).toBe(CITY);
    expect(regionByName("全市")).toBe(CITY);
    expect(regionByName("Saihan")).toBe("赛罕区");
    expect(regionByName("Horinger New Area")).toBe("和林格尔新区");
    expect(regionByName("Hohhot Economic and Technological Development Zone")).toBe("呼和浩特经济技术开发区");
    expect(regionByName("Inner Mongolia")).toBe("内蒙古自治区");
    expect(regionByName("constructor")).toBeUndefined();
  });
});

describe("IndicatorStore", () => {
  const store: IndicatorStore = live.store;
  it("defaults an omitted region to the city, always; a region in the name counts", () => {
    const gdp = store.read("GDP");
    expect(store.region(undefined, gdp)).toBe(CITY);
    expect(store.region("", gdp)).toBe(CITY);
    expect(store.region(undefined, store.read("新城区GDP"))).toBe("新城区");
    expect(store.region("Xincheng District", gdp)).toBe("新城区");
  });
  it("refuses a region argument that contradicts the name, and an unknown region", () => {
    expect(() => store.region("新城区", store.read("全市GDP"))).toThrow(/name says 呼和浩特市/);
    expect(() => store.region("Atlantis")).toThrow(/unknown region/);
  });
  it("returns #N/A for the city when only a district has the figure, naming the district", () => {
    expect(() => query.value(store, { indicator: "GDP", period: 2022 })).toThrow(
      /figures exist for: (?:[^;]*, )?新城区/,
    );
    expect(query.value(store, { indicator: "GDP", period: 2022, region: "新城区" })).toBe(665);
  });
  it("returns the named measure, never the level for a change or a change for a level", () => {
    expect(query.value(store, { indicator: "GDP增速", period: 2022, region: "新城区" })).toBe(0.02);
    expect(query.value(store, { indicator: "社会消费品零售总额降幅", period: 2022, region: "新城区" })).toBe(0.02);
    expect(query.value(store, { indicator: "社会消费品零售总额增速", period: 2022, region: "新城区" })).toBe(-0.02);
    expect(() => query.value(store, { indicator: "GDP降幅", period: 2022, region: "新城区" })).toThrow(/increase/);
    expect(() => query.value(store, { indicator: "GDP增量", period: 2022, region: "新城区" })).toThrow(/available/);
    expect(() => query.target(store, { indicator: "地区生产总值", period: 2023, region: "新城区" })).toThrow(/增速/);
    expect(() => query.growth(store, { indicator: "新增公路里程", period: 2025 })).toThrow(/HH.VALUE/);
  });
  it("keeps a yearly average over a span apart from the change across it", () => {
    const args = { indicator: "财政科技支出年均增长", period: "十五五", kind: "target" };
    expect(query.growth(store, args)).toBe(0.2);
    expect(() => query.growth(store, { ...args, indicator: "财政科技支出" })).toThrow(/年均增速/);
    expect(query.value(store, { indicator: "交通运输完成投资增长率", period: "十四五" })).toBeCloseTo(1.8887, 12);
  });
  it("never gives a change since an earlier year as a year's growth (2025 较2020: 减少近9成)", () => {
    // The reported figures are changes over the five years to 2025, not 2025's change on 2024.
    for (const name of ["重污染天数增速", "高新技术企业数增速"]) {
      expect(() => query.value(store, { indicator: name, period: 2025 }), name).toThrow(/较2020/);
      expect(() => query.growth(store, { indicator: name.replace(/增速$/, ""), period: 2025 }), name).toThrow(/较2020/);
    }
    // A change on the year before, stated with its year, is a year's change.
    expect(query.value(store, { indicator: "常住人口增量", period: 2023 })).toBe(53000);
    expect(() => query.value(store, { indicator: "优良天数增量", period: 2025 })).toThrow(/较2020/);
  });
});

describe("normalizePeriod", () => {
  it("reads years, spans, plan names and full-width digits", () => {
    expect(normalizePeriod(2025)).toBe("2025");
    expect(normalizePeriod("２０２３")).toBe("2023");
    expect(normalizePeriod("2021—2025")).toBe("2021-2025");
    expect(normalizePeriod("十四五")).toBe("2021-2025");
    expect(normalizePeriod("2023-ytd09")).toBe("2023-YTD09");
    expect(() => normalizePeriod("1234567")).toThrow(/unknown period/);
    expect(() => normalizePeriod("2025-2021")).toThrow(/reversed/);
  });
});
