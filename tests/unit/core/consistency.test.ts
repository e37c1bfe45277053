import { describe, expect, it } from "@jest/globals";
import { checkGrowth, datasetChecks, writtenDecimals } from "../../../src/core/consistency";
import { store } from "../excel/helpers";

describe("consistency check", () => {
  it("accepts a stated growth that matches the levels at their precision", () => {
    expect(
      checkGrowth({ value: 46.85, decimals: 2 }, { value: 51.6, decimals: 2 }, { value: 0.1014, decimals: 2 })
        .consistent,
    ).toBe(true);
    expect(
      checkGrowth({ value: 46.85, decimals: 2 }, { value: 51.6, decimals: 2 }, { value: 0.12, decimals: 0 }).consistent,
    ).toBe(false);
    // Rounded levels widen the interval: 47 → 52 (≈10.6%) still fits a stated 10%.
    expect(
      checkGrowth({ value: 47, decimals: 0 }, { value: 52, decimals: 0 }, { value: 0.1, decimals: 0 }).consistent,
    ).toBe(true);
  });

  it("reports the computed growth and the difference from the stated one", () => {
    const c = checkGrowth({ value: 100, decimals: 0 }, { value: 110, decimals: 0 }, { value: 0.12, decimals: 0 });
    expect(c.computed).toBeCloseTo(0.1, 12);
    expect(c.difference).toBeCloseTo(0.02, 12);
    expect(c.consistent).toBe(false);
  });

  it("reads the precision a figure was written with", () => {
    expect(writtenDecimals("51.60亿元")).toBe(2);
    expect(writtenDecimals("1,234")).toBe(0);
    expect(writtenDecimals("12,345.5")).toBe(1);
    expect(writtenDecimals("15.3%")).toBe(1);
  });

  it("lists the dataset's growth figures that have a level, with the implied previous value", () => {
    const checks = datasetChecks(store);
    const spending = checks.find((c) => c.growth.indicator === "fiscal_education_expenditure");
    expect(spending?.implied).toBeCloseTo(46.85, 2);
    // Only yearly growths over a year (上年/同比/a year): Jan–Sep and 十三五 bases are not checked.
    for (const c of checks) {
      expect(c.growth.period).toMatch(/^\d{4}$/);
      expect(c.growth.base ?? "上年").toMatch(/^(上年|同比|\d{4})$/);
    }
  });
});
