import fc from "fast-check";
import { describe, expect, it } from "@jest/globals";
import { FigureError, parseChineseNumeral, parseFigure } from "../../../src/core/extract/numbers";

describe("parseFigure reads Chinese report notation", () => {
  it.each([
    ["1.28万个", { value: 1.28, unit: "万个" }],
    ["84.41%", { value: 84.41, unit: "%" }],
    ["50%以上", { value: 50, unit: "%", qualifier: "以上" }],
    ["约1.7万个", { value: 1.7, unit: "万个", qualifier: "约" }],
    ["两万余人", { value: 20000, unit: "人", qualifier: "余" }],
    ["三千", { value: 3000, unit: "" }],
    ["百分之六十", { value: 60, unit: "%" }],
    ["近9成", { value: 90, unit: "%", qualifier: "近" }],
    ["近一半", { value: 50, unit: "%", qualifier: "近" }],
    ["翻了一番", { value: 100, unit: "%", measure: "change" }],
    ["基本持平", { value: 0, unit: "%", qualifier: "基本", measure: "change" }],
    ["665亿元", { value: 665, unit: "亿元" }],
    ["300多家", { value: 300, unit: "家", qualifier: "余" }],
    ["1万余个", { value: 1, unit: "万个", qualifier: "余" }],
    ["不低于90%", { value: 90, unit: "%", qualifier: "不低于" }],
    ["突破46万户", { value: 46, unit: "万户", qualifier: "超" }],
    ["0.5个百分点", { value: 0.5, unit: "个百分点" }],
    ["第一", { value: 1, unit: "名次" }],
  ])("%s", (text, expected) => {
    expect(parseFigure(text)).toEqual(expected);
  });

  it("reads traditional characters as copied pages write them", () => {
    expect(parseFigure("344.61萬人")).toEqual({ value: 344.61, unit: "万人" });
    expect(parseFigure("突破703萬人次")).toEqual({ value: 703, unit: "万人次", qualifier: "超" });
    expect(parseFigure("1.5萬億元")).toEqual({ value: 1.5, unit: "万亿元" });
    expect(parseFigure("348個")).toEqual({ value: 348, unit: "个" });
    expect(parseFigure("近14萬名")).toEqual({ value: 14, unit: "万名", qualifier: "近" });
    expect(parseFigure("3%以內")).toEqual(parseFigure("3%以内"));
    expect(parseFigure("兩萬餘人")).toEqual(parseFigure("两万余人"));
  });

  it("reads ranges and ratios", () => {
    expect(parseFigure("2012—2021")).toEqual({ value: 2012, unit: "", upper: 2021 });
    expect(parseFigure("1:1.5")).toMatchObject({ value: 1.5, unit: "比", ratio: [1, 1.5] });
  });

  it("says why text is not a figure", () => {
    expect(() => parseFigure("若干")).toThrow(FigureError);
    expect(() => parseFigure("")).toThrow(/empty/);
  });
});

/** Writes an integer the way a report would, for the round-trip property. */
function toChinese(n: number): string {
  const digits = "零一二三四五六七八九";
  const section = (x: number): string => {
    const units = ["", "十", "百", "千"];
    let out = "";
    let zero = false;
    for (let i = 3; i >= 0; i--) {
      const d = Math.floor(x / 10 ** i) % 10;
      if (d === 0) {
        if (out) zero = true;
        continue;
      }
      if (zero) out += "零";
      zero = false;
      out += digits[d] + units[i];
    }
    return out;
  };
  if (n === 0) return "零";
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor((n % 1e8) / 1e4);
  const rest = n % 1e4;
  let out = "";
  if (yi) out += section(yi) + "亿";
  if (wan) out += (yi && wan < 1000 ? "零" : "") + section(wan) + "万";
  if (rest) out += ((yi || wan) && rest < 1000 ? "零" : "") + section(rest);
  return out;
}

describe("Chinese numerals", () => {
  it("round-trips every integer below a trillion", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        expect(parseChineseNumeral(toChinese(n))).toBe(n);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads colloquial forms", () => {
    expect(parseChineseNumeral("两万")).toBe(20000);
    expect(parseChineseNumeral("十四")).toBe(14);
    expect(parseChineseNumeral("一点五")).toBe(1.5);
    expect(parseChineseNumeral("三十万")).toBe(300000);
    expect(Number.isNaN(parseChineseNumeral("abc"))).toBe(true);
  });
});
