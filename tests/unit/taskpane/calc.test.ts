import { describe, expect, it } from "vitest";
import {
  budgetBlock,
  budgetCandidates,
  checkGrowth,
  compute,
  datasetChecks,
  defaultBudgetSelection,
  fieldExpr,
  fieldFromCell,
  fieldFromFact,
  typed,
} from "../../../src/taskpane/calc";
import { decimalsOf, figureText, parseNumber, valueText } from "../../../src/taskpane/format";
import { matchIndicators, NO_FILTERS, searchFacts } from "../../../src/taskpane/search";
import { languageFor } from "../../../src/taskpane/i18n";
import { store } from "../excel/helpers";

const ok = (r: ReturnType<typeof compute>) => {
  if (!r.ok) throw new Error(`not ok: ${r.message}`);
  return r.outcomes;
};

describe("calculator modes", () => {
  it("change between two values, percent and absolute", () => {
    const [pct, abs] = ok(compute("change", { previous: typed("46.85"), current: typed("51.60") }));
    expect(pct.value).toBeCloseTo(0.10139, 4);
    expect(pct.formula).toBe("=HH.YOY(51.6,46.85)");
    expect(abs.value).toBeCloseTo(4.75, 10);
    expect(abs.formula).toBe("=51.6-46.85");
  });

  it("CAGR over n years", () => {
    const [r] = ok(compute("cagr", { start: typed("100"), end: typed("133.1"), years: typed("3") }));
    expect(r.value).toBeCloseTo(0.1, 10);
    expect(r.formula).toBe("=HH.CAGR(100,133.1,3)");
  });

  it("base from the current value and reported growth: 51.60 at +10.14% → 46.85", () => {
    const [r] = ok(compute("base", { current: typed("51.60"), growth: typed("10.14", true) }));
    expect(r.value).toBeCloseTo(46.85, 2);
    expect(r.formula).toBe("=HH.BASE(51.6,10.14%)");
  });

  it("required yearly growth to reach a target, compound or in points for shares", () => {
    const fields = {
      current: typed("51.04", true),
      target: typed("60", true),
      currentYear: typed("2023"),
      targetYear: typed("2025"),
    };
    const [share] = ok(compute("required", fields, { share: true }));
    expect(share.value).toBeCloseTo(0.0448, 10);
    expect(share.formula).toBe("=(60%-51.04%)/2");
    const [level] = ok(compute("required", { ...fields, current: typed("100"), target: typed("121") }));
    expect(level.value).toBeCloseTo(0.1, 10);
    expect(level.formula).toBe("=HH.CAGR(100,121,2)");
  });

  it("projection at a rate", () => {
    const [r] = ok(compute("project", { value: typed("100"), rate: typed("10", true), years: typed("2") }));
    expect(r.value).toBeCloseTo(121, 10);
    expect(r.formula).toBe("=HH.PROJECT(100,10%,2)");
  });

  it("reports the growth maths' own errors and waits for missing numbers", () => {
    expect(compute("cagr", { start: typed("0"), end: typed("1"), years: typed("2") })).toMatchObject({
      ok: false,
      message: expect.stringContaining("CAGR"),
    });
    expect(compute("cagr", { start: typed(""), end: typed("1"), years: typed("2") })).toEqual({ ok: false });
  });

  it("uses cell references and live lookups as operands", () => {
    expect(fieldExpr(fieldFromCell("Sheet1", "B2", 100, false), "Sheet1")).toBe("B2");
    expect(fieldExpr(fieldFromCell("My data", "B2", 100, false), "Sheet1")).toBe("'My data'!B2");
    const share = store.dataset.facts.find(
      (f) => f.id === "edu_public_kindergarten_share|呼和浩特市|2023|actual|level|001",
    )!;
    const field = fieldFromFact(store, share, "公办园在园幼儿占比 2023");
    expect(field).toMatchObject({ text: "51.04", percent: true, origin: "data" });
    expect(fieldExpr(field, "Sheet1")).toBe('HH.VALUE("公办园在园幼儿占比",2023)');
  });
});

describe("budget comparison", () => {
  it("pre-selects the per-student spending lines reported together and ranks them with formulas", () => {
    const candidates = budgetCandidates(store);
    const selected = candidates.filter((f) => defaultBudgetSelection(store, candidates).includes(f.id));
    expect(selected.map((f) => f.indicator)).toEqual(
      expect.arrayContaining([
        "fiscal_per_student_edu_exp_kindergarten",
        "fiscal_per_student_edu_exp_senior_secondary",
      ]),
    );
    const block = budgetBlock(store, selected, ["项目", "期间", "增速", "名次"], "zh");
    expect(block.formulas).toBe("R1C1");
    expect(block.rows[0][0]).toBe("普通高中生均一般公共预算教育经费"); // sorted: 27.85% first
    expect(block.rows[0][2]).toBe('=HH.GROWTH("普通高中生均一般公共预算教育经费",2022)');
    const n = selected.length;
    expect(block.rows[0][3]).toBe(`=RANK(RC[-1],R[0]C[-1]:R[${n - 1}]C[-1])`);
    expect(block.rows[n - 1][3]).toBe(`=RANK(RC[-1],R[${-(n - 1)}]C[-1]:R[0]C[-1])`);
  });
});

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

  it("lists the dataset's growth figures that have a level, with the implied previous value", () => {
    const checks = datasetChecks(store);
    const spending = checks.find((c) => c.growth.indicator === "fiscal_education_expenditure");
    expect(spending?.implied).toBeCloseTo(46.85, 2);
  });
});

describe("search and formatting", () => {
  it("matches aliases, English names and ids", () => {
    expect(matchIndicators(store, "公办园占比")[0].id).toBe("edu_public_kindergarten_share");
    expect(matchIndicators(store, "edu_public_kindergarten_share")[0].id).toBe("edu_public_kindergarten_share");
    expect(matchIndicators(store, "kindergarten").map((i) => i.id)).toContain("edu_public_kindergarten_share");
    const facts = searchFacts(store, { ...NO_FILTERS, query: "公办园占比", kind: "target" });
    expect(facts.map((f) => f.period)).toEqual(["2025"]);
  });

  it("formats values with units and qualifiers in both languages", () => {
    const f = { value: 0.2, unit: "%", measure: "pct_change" as const, qualifier: "不低于" };
    expect(figureText(f, "zh")).toBe("不低于+20%");
    expect(figureText(f, "en")).toBe("at least +20%");
    expect(valueText({ value: 12800, unit: "个", measure: "level" }, "zh")).toBe("12,800 个");
    expect(valueText({ value: 12800, unit: "个", measure: "level" }, "en")).toBe("12,800");
    expect(valueText({ value: 51.6, unit: "亿元", measure: "level" }, "en")).toBe("51.6 100M yuan");
    expect(parseNumber("1,234.5")).toBe(1234.5);
    expect(parseNumber("abc")).toBeUndefined();
    expect(decimalsOf("51.60亿元")).toBe(2);
  });

  it("defaults to Chinese and follows Office's display language", () => {
    expect(languageFor(undefined)).toBe("zh");
    expect(languageFor("zh-CN")).toBe("zh");
    expect(languageFor("en-US")).toBe("en");
    expect(languageFor("de-DE")).toBe("en");
  });
});
