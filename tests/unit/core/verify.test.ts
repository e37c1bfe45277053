import { describe, expect, it } from "@jest/globals";
import { scanMentions } from "../../../src/core/extract/mentions";
import { accountMentions, verifyClaim, type FactClaim } from "../../../src/core/extract/verify";

const SOURCE =
  "标题\n2022年,建成投用中小学、幼儿园20所,新增1.28万个公办学位。\n固定资产投资完成115亿元,同比下降2%;惠及全市50%以上的学生。\n";
const claim = (overrides: Partial<FactClaim>): FactClaim => ({
  quote: "新增1.28万个公办学位",
  figure: "1.28万个",
  value: 1.28,
  unit: "万个",
  measure: "level",
  ...overrides,
});

describe("verifyClaim checks a fact against its sentence", () => {
  it("accepts a correct fact and locates it", () => {
    const { problems, located } = verifyClaim(claim({}), SOURCE);
    expect(problems).toEqual([]);
    expect(located?.line).toBe(2);
  });
  it("accepts the same figure in another unit", () => {
    expect(verifyClaim(claim({ value: 12800, unit: "个" }), SOURCE).problems).toEqual([]);
  });
  it("rejects a wrong value, a wrong unit and a missing quote", () => {
    expect(verifyClaim(claim({ value: 1.29 }), SOURCE).problems[0]).toMatch(/value/);
    expect(verifyClaim(claim({ unit: "万元" }), SOURCE).problems[0]).toMatch(/unit/);
    expect(verifyClaim(claim({ quote: "新增1.3万个公办学位" }), SOURCE).problems[0]).toMatch(/not found verbatim/);
  });
  it("requires the qualifier the quote implies", () => {
    const base = { quote: "惠及全市50%以上的学生", figure: "50%", value: 50, unit: "%" };
    expect(verifyClaim(claim(base), SOURCE).problems[0]).toMatch(/qualifier/);
    expect(verifyClaim(claim({ ...base, qualifier: "以上" }), SOURCE).problems).toEqual([]);
  });
  it("allows a negative change only after a decrease word", () => {
    const fall = { quote: "同比下降2%", figure: "2%", value: -2, unit: "%", measure: "pct_change" };
    expect(verifyClaim(claim(fall), SOURCE).problems).toEqual([]);
    expect(
      verifyClaim(
        claim({ ...fall, quote: "固定资产投资完成115亿元", figure: "115亿元", unit: "亿元", value: -115 }),
        SOURCE,
      ).problems[0],
    ).toMatch(/decrease/);
  });
  it("reads a minus sign right before the figure and the traditional 減 as a decrease", () => {
    const minus = { quote: "人口自然增长率为-1.06‰", figure: "1.06‰", value: -1.06, unit: "‰", measure: "level" };
    expect(verifyClaim(claim(minus), minus.quote).problems).toEqual([]);
    const traditional = {
      quote: "比2022年末減少2.25萬人",
      figure: "2.25萬人",
      value: -2.25,
      unit: "萬人",
      measure: "abs_change",
    };
    expect(verifyClaim(claim(traditional), traditional.quote).problems).toEqual([]);
    // a hyphen between two numbers is no sign: "0-14" is not a decrease of 14
    const range = { quote: "0-14岁人口", figure: "14岁", value: -14, unit: "岁", measure: "level" };
    expect(verifyClaim(claim(range), range.quote).problems[0]).toMatch(/decrease/);
  });
});

describe("accounting of numeric mentions", () => {
  it("classifies dates, ordinals and plan names by rule", () => {
    const auto = scanMentions("2023年6月27日在第十八届会议上,“十四五”期间新增3个").map((m) => [m.text, m.auto]);
    expect(auto).toEqual([
      ["2023", "date"],
      ["6", "date"],
      ["27", "date"],
      ["十八", "ordinal"],
      ["十四五", "name"],
      ["3", undefined],
    ]);
  });
  it("finds Chinese numerals with multipliers and counting words", () => {
    expect(scanMentions("新增两万余人,建成三所学校,近9成").map((m) => m.text)).toEqual(["两万", "三", "9"]);
  });
  it("reports what is neither covered nor ignored, with its line", () => {
    const { located } = verifyClaim(claim({}), SOURCE);
    const result = accountMentions(SOURCE, [located!], [{ at: "建成投用中小学、幼儿园20所", why: "test" }]);
    expect(result.uncovered.map((u) => [u.text, u.line])).toEqual([
      ["115", 3],
      ["2", 3],
      ["50", 3],
    ]);
    expect(result.ignored).toEqual({ date: 1, test: 1 });
  });
});
