/** Argument checking: the length limit, full-width periods, and names that are also Object.prototype's. */
import { describe, expect, it } from "@jest/globals";
import {
  checkLength,
  checkNumber,
  checkText,
  isBlank,
  MAX_ARGUMENT_LENGTH,
  optionalNumber,
  optionalText,
  ownValue,
} from "../../../src/core/args";
import { HHError } from "../../../src/core/errors";
import { normalizePeriod } from "../../../src/core/periods";
import * as query from "../../../src/core/query";
import { normalizeKind } from "../../../src/core/store";
import { convertUnit, isPercentUnit, parseUnit, UnitError } from "../../../src/core/units";
import { live } from "../../../src/runtime/dataset";

const OBJECT_KEYS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype"];
const VALUE = expect.objectContaining({ code: "VALUE" });

describe("argument checks", () => {
  it("limits text to MAX_ARGUMENT_LENGTH (200) characters", () => {
    expect(MAX_ARGUMENT_LENGTH).toBe(200);
    const limit = "字".repeat(200);
    expect(checkLength("unit", limit)).toBe(limit);
    expect(() => checkLength("unit", `${limit}x`)).toThrow(
      expect.objectContaining({ code: "VALUE", message: expect.stringMatching(/unit is too long: 201 characters/) }),
    );
    expect(checkLength("x", 5)).toBe(5);
    expect(checkLength("x", null)).toBe(null);
  });
  it("text, numbers, optional ones and blanks", () => {
    expect(checkText("query", "  学位 ")).toBe("学位");
    for (const bad of ["", "  ", 5, null, undefined, true]) expect(() => checkText("query", bad)).toThrow(VALUE);
    expect(() => checkText("query", "a".repeat(5000))).toThrow(/too long/);
    expect(optionalText("region", " ")).toBeUndefined();
    expect(optionalText("region", "新城区")).toBe("新城区");
    expect(checkNumber("years", 3)).toBe(3);
    for (const bad of ["3", null, undefined, NaN, Infinity, -Infinity, true])
      expect(() => checkNumber("years", bad)).toThrow(VALUE);
    expect(optionalNumber("limit", null)).toBeUndefined();
    expect(optionalNumber("limit", 7)).toBe(7);
    expect([undefined, null, "", " \t"].every(isBlank)).toBe(true);
    expect([0, "0", false].some(isBlank)).toBe(false);
  });
  it("ownValue sees a table's own keys only", () => {
    const table = { a: 1 };
    for (const key of OBJECT_KEYS) expect(ownValue(table, key)).toBeUndefined();
    expect(ownValue(table, "a")).toBe(1);
  });
});

describe("periods", () => {
  it("read full-width digits and dashes like half-width ones", () => {
    expect(normalizePeriod("２０２３")).toBe("2023");
    expect(normalizePeriod("２０２３年")).toBe("2023");
    expect(normalizePeriod("２０２１－２０２５")).toBe("2021-2025");
    expect(normalizePeriod("２０２１年～２０２５年")).toBe("2021-2025");
    expect(normalizePeriod("２０２３－ＹＴＤ０９")).toBe("2023-YTD09");
    expect(normalizePeriod("\u3000２０２５\u3000")).toBe("2025");
  });
  it("refuse text over the limit at once, and object keys as unknown periods", () => {
    expect(() => normalizePeriod("2".repeat(5000))).toThrow(/too long/);
    expect(() => normalizePeriod("2".repeat(200))).toThrow(/unknown period/);
    for (const key of OBJECT_KEYS) expect(() => normalizePeriod(key)).toThrow(/unknown period/);
  });
});

describe("kinds, units and INFO fields are plain text", () => {
  it("normalizeKind: an object key is an unknown kind", () => {
    for (const key of OBJECT_KEYS) expect(() => normalizeKind(key)).toThrow(/kind must be/);
    expect(() => normalizeKind("a".repeat(201))).toThrow(/too long/);
    expect(normalizeKind(" 目标 ")).toBe("target");
    expect(normalizeKind("ＡＣＴＵＡＬ")).toBe("actual");
  });
  it("units: an object key is a unit of its own, compatible with nothing else", () => {
    for (const key of OBJECT_KEYS) {
      expect(parseUnit(key)).toEqual({ text: key, multiplier: 1, base: key });
      expect(isPercentUnit(key)).toBe(false);
      expect(() => convertUnit(1, "亿元", key)).toThrow(UnitError);
      expect(() => convertUnit(1, key, "米")).toThrow(UnitError);
    }
    expect(new UnitError("unitIncompatible", { from: "x", to: "y" })).toBeInstanceOf(HHError);
  });
  it("units: text over the limit is refused, not parsed character by character", () => {
    const long = "万".repeat(5000);
    expect(parseUnit(long).multiplier).toBe(1);
    expect(() => convertUnit(1, "万元", long)).toThrow(/unit is too long/);
    expect(() => convertUnit(1, long, "万元")).toThrow(/unit is too long/);
  });
  it("INFO: an object key is an unknown field; a long one is too long", () => {
    for (const key of OBJECT_KEYS) expect(() => query.info(live.store, key)).toThrow(/unknown field/);
    expect(() => query.info(live.store, "v".repeat(201))).toThrow(/too long/);
    expect(query.info(live.store, " ＶＥＲＳＩＯＮ ")).toBe(live.store.dataset.version);
  });
  it("lookups: object keys as kind or unit are #VALUE! with a plain message", () => {
    for (const key of OBJECT_KEYS) {
      expect(() => query.get(live.store, { indicator: "教育支出", period: 2022, kind: key })).toThrow(/kind must be/);
      expect(() => query.value(live.store, { indicator: "教育支出", period: 2022, unit: key })).toThrow(
        expect.objectContaining({ code: "VALUE", message: expect.stringMatching(/incompatible/) }),
      );
    }
  });
});
