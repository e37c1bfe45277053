import { describe, expect, it } from "@jest/globals";
import { live } from "../../../src/runtime/dataset";
import {
  canonicalConverter,
  convertUnit,
  isPercentUnit,
  parseUnit,
  toBase,
  toCanonical,
  unitsCompatible,
  UnitError,
} from "../../../src/core/units";

describe("units", () => {
  it("splits multipliers from base units", () => {
    expect(parseUnit("万个")).toEqual({ text: "万个", multiplier: 1e4, base: "个" });
    expect(parseUnit("亿元")).toMatchObject({ multiplier: 1e8, base: "元" });
    expect(parseUnit("千瓦")).toMatchObject({ multiplier: 1, base: "千瓦" });
    expect(parseUnit("万千瓦")).toMatchObject({ multiplier: 1e4, base: "千瓦" });
    // traditional characters, as on pages converted by the copying site
    expect(parseUnit("萬人")).toMatchObject({ multiplier: 1e4, base: "人" });
    expect(parseUnit("億元")).toMatchObject({ multiplier: 1e8, base: "元" });
    expect(convertUnit(360.41, "萬人", "人")).toBe(3604100);
    expect(isPercentUnit("個百分點")).toBe(true);
  });

  it("normalizes 1.28万个 to 12800 个 and converts money", () => {
    expect(toBase(1.28, "万个")).toEqual({ value: 12800, base: "个" });
    expect(convertUnit(51.6, "亿元", "万元")).toBe(516000);
    expect(convertUnit(516000, "万元", "亿元")).toBe(51.6);
    expect(convertUnit(3, "万亩", "亩")).toBe(30000);
    expect(convertUnit(2, "万户", "户")).toBe(20000);
    expect(convertUnit(1.5, "公里", "米")).toBe(1500);
  });

  it("treats counting words as one dimension, people as another", () => {
    expect(unitsCompatible("所", "个")).toBe(true);
    expect(unitsCompatible("名", "人")).toBe(true);
    expect(unitsCompatible("人", "个")).toBe(false);
    expect(() => convertUnit(1, "亿元", "人")).toThrow(UnitError);
  });

  it("stores percentages as fractions", () => {
    expect(toCanonical(60, "%", "%")).toBe(0.6);
    expect(toCanonical(10.14, "%", "%")).toBe(0.1014);
    expect(toCanonical(3, "个百分点", "%")).toBe(0.03);
  });

  it("converts a pair of units read once exactly as toCanonical does, for every figure of the dataset", () => {
    for (const fact of live.store.dataset.facts) {
      const { value, unit } = fact.reported;
      expect(canonicalConverter(unit, fact.unit)(value)).toBe(toCanonical(value, unit, fact.unit));
      expect(canonicalConverter(unit, fact.unit)(value * 1.37)).toBe(toCanonical(value * 1.37, unit, fact.unit));
    }
    expect(canonicalConverter("万平方米", "平方米")(1.5)).toBe(15000);
    expect(canonicalConverter("个百分点", "%")(0.3)).toBe(0.003);
    expect(() => canonicalConverter("亿元", "平方米")).toThrow(UnitError);
  });
});
