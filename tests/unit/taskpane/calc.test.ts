import { describe, expect, it } from "@jest/globals";
import { evaluateFormulas } from "../../../src/cli/engine";
import { budgetCandidates, defaultBudgetSelection, describeGrowth } from "../../../src/core/budget";
import { budgetBlock, comparisonText } from "../../../src/taskpane/calculator/budget-sheet";
import { compute } from "../../../src/taskpane/calculator/modes";
import {
  fieldExpr,
  fieldFromCell,
  fieldFromFact,
  typed,
  withScale,
} from "../../../src/taskpane/calculator/number-field";
import { decimalsOf, figureText, parseNumber, valueText } from "../../../src/taskpane/format";
import { matchIndicators, NO_FILTERS, searchFacts } from "../../../src/taskpane/search";
import type { Fact } from "../../../src/core/schema";
import { languageFor, STRINGS } from "../../../src/taskpane/i18n";
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

  it("share mode takes shares as percents: 51.04 and 60 over 2 years → +4.48 points a year, formula returns 0.0448", () => {
    // Typed as the pane types them when the share box is ticked, and typed plain: both mean percent.
    for (const percent of [true, false]) {
      const fields = {
        current: typed("51.04", percent),
        target: typed("60", percent),
        currentYear: typed("2023"),
        targetYear: typed("2025"),
      };
      const [r] = ok(compute("required", fields, { share: true }));
      expect(r.value).toBe(0.0448);
      expect(r.points).toBe(true);
      expect(r.percent).toBe(true);
      expect(r.formula).toBe("=(60%-51.04%)/2"); // Excel: (0.6 − 0.5104) / 2 = 0.0448
    }
  });

  it("share mode's formulas return the fraction 0.0448 in a real engine", async () => {
    const results = await evaluateFormulas([
      "=(60%-51.04%)/2",
      '=(HH.TARGET("公办园在园幼儿占比",2025)-HH.VALUE("公办园在园幼儿占比",2023))/2',
    ]);
    for (const r of results) {
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value).toBeCloseTo(0.0448, 12);
    }
  }, 60000);

  it("share mode: live lookups and cells as operands, cells already fractions", () => {
    const actual = store.dataset.facts.find(
      (f) => f.id === "edu_public_kindergarten_share|呼和浩特市|2023|actual|level|001",
    )!;
    const fields = {
      current: fieldFromFact(store, actual, "公办园 2023"),
      target: fieldFromCell("Sheet1", "C2", 0.6, true),
      currentYear: typed("2023"),
      targetYear: fieldFromCell("Sheet1", "C1", 2025, false),
    };
    const [r] = ok(compute("required", fields, { share: true, sheet: "Sheet1" }));
    expect(r.value).toBe(0.0448);
    expect(r.formula).toBe('=(C2-HH.VALUE("公办园在园幼儿占比",2023))/(C1-2023)');
  });

  it("share mode rejects a share outside 0–100%, a non-share figure and a target year not after the current", () => {
    const base = { currentYear: typed("2023"), targetYear: typed("2025") };
    expect(compute("required", { ...base, current: typed("51.04"), target: typed("120") }, { share: true })).toEqual({
      ok: false,
      problem: { code: "share", field: "target", issue: "over100", value: 1.2, origin: "typed" },
    });
    expect(compute("required", { ...base, current: typed("-1"), target: typed("60") }, { share: true })).toMatchObject({
      ok: false,
      problem: { code: "share", field: "current", issue: "negative" },
    });
    // A cell holding 51.04 instead of 51.04% reads as 5104%.
    expect(
      compute(
        "required",
        { ...base, current: fieldFromCell("Sheet1", "B2", 51.04, true), target: typed("60") },
        { share: true },
      ),
    ).toMatchObject({ ok: false, problem: { code: "share", field: "current", issue: "over100", origin: "cell" } });
    const gdp = store.dataset.facts.find((f) => f.indicator === "econ_gdp" && f.measure === "level")!;
    expect(
      compute("required", { ...base, current: fieldFromFact(store, gdp, "GDP"), target: typed("60") }, { share: true }),
    ).toEqual({ ok: false, problem: { code: "notShare", field: "current" } });
    expect(
      compute(
        "required",
        { current: typed("51"), target: typed("60"), currentYear: typed("2025"), targetYear: typed("2025") },
        { share: true },
      ),
    ).toEqual({ ok: false, problem: { code: "years", years: 0 } });
  });

  it("never mixes a share in percent with a plain number", () => {
    const share = store.dataset.facts.find(
      (f) => f.id === "edu_public_kindergarten_share|呼和浩特市|2023|actual|level|001",
    )!;
    const picked = fieldFromFact(store, share, "公办园 2023");
    expect(compute("change", { previous: picked, current: typed("60") })).toEqual({
      ok: false,
      problem: { code: "mixedScale", percent: "previous", plain: "current" },
    });
    expect(
      compute("required", {
        current: picked,
        target: typed("60"),
        currentYear: typed("2023"),
        targetYear: typed("2025"),
      }),
    ).toMatchObject({ ok: false, problem: { code: "mixedScale" } });
    // Both in percent: fine.
    const [r] = ok(compute("change", { previous: picked, current: typed("60", true) }));
    expect(r.value).toBeCloseTo(0.6 / 0.5104 - 1, 10);
  });

  it("switching the unit keeps typed digits, rescales cells and leaves dataset figures alone", () => {
    expect(withScale(typed("51.04"), true)).toEqual(typed("51.04", true));
    expect(withScale(fieldFromCell("S", "B2", 0.5104, false), true)).toMatchObject({ text: "51.04", percent: true });
    expect(withScale(fieldFromCell("S", "B2", 0.5104, true), false)).toMatchObject({ text: "0.5104", percent: false });
    const gdp = store.dataset.facts.find((f) => f.indicator === "econ_gdp" && f.measure === "level")!;
    const field = fieldFromFact(store, gdp, "GDP");
    expect(withScale(field, true)).toBe(field);
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
    const block = budgetBlock(store, selected, STRINGS.zh, "zh");
    expect(block.formulas).toBe("R1C1");
    expect(block.rows[0][0]).toBe("普通高中生均一般公共预算教育经费"); // sorted: 27.85% first
    expect(block.rows[0][2]).toBe('=HH.GROWTH("普通高中生均一般公共预算教育经费",2022)');
    const n = selected.length;
    expect(block.rows[0][3]).toBe(`=RANK(RC[-1],R[0]C[-1]:R[${n - 1}]C[-1])`);
    expect(block.rows[n - 1][3]).toBe(`=RANK(RC[-1],R[${-(n - 1)}]C[-1]:R[0]C[-1])`);
  });
});

describe("budget comparison over different bases", () => {
  const find = (indicator: string, period?: string) =>
    budgetCandidates(store).find((f) => f.indicator === indicator && (!period || f.period === period))!;

  it("ranks only within a group of the same base and writes the base beside each line", () => {
    const chosen: Fact[] = [
      find("fiscal_per_student_edu_exp_kindergarten"),
      find("fiscal_per_student_edu_exp_senior_secondary"),
      find("sci_high_tech_enterprises"),
      find("eco_pm25_concentration"),
      find("industry_gross_output_above_scale"),
    ];
    const block = budgetBlock(store, chosen, STRINGS.zh, "zh");
    expect(block.header).toEqual(["项目", "期间", "增速", "名次", "比较基数"]);
    expect(block.rows.map((r) => [r[0], r[3], r[4]])).toEqual([
      ["普通高中生均一般公共预算教育经费", "=RANK(RC[-1],R[0]C[-1]:R[1]C[-1])", "比上年"],
      ["幼儿园生均一般公共预算教育经费", "=RANK(RC[-1],R[-1]C[-1]:R[0]C[-1])", "比上年"],
      [expect.stringContaining("高新技术企业"), "=RANK(RC[-1],R[0]C[-1]:R[1]C[-1])", "比2020年"],
      [expect.stringContaining("PM2.5"), "=RANK(RC[-1],R[-1]C[-1]:R[0]C[-1])", "比2020年"],
      [expect.stringContaining("规模以上工业总产值"), "—", "前三季度同比"],
    ]);
    const en = budgetBlock(store, chosen, STRINGS.en, "en");
    expect(en.header[4]).toBe("Compared with");
    expect(en.rows.map((r) => r[4])).toEqual(["y/y", "y/y", "vs 2020", "vs 2020", "Jan–Sep y/y"]);
  });

  it("words every base in both languages", () => {
    const text = (base: string | undefined, period: string, lang: "zh" | "en") =>
      comparisonText(describeGrowth({ ...find("econ_gdp"), base, period }), STRINGS[lang]);
    expect(text("上年", "2022", "zh")).toBe("比上年");
    expect(text("同比", "2022", "zh")).toBe("同比");
    expect(text("同比", "2022", "en")).toBe("y/y");
    expect(text("同比", "2023-YTD09", "zh")).toBe("前三季度同比");
    expect(text("同比", "2023-YTD09", "en")).toBe("Jan–Sep y/y");
    expect(text("同比", "2023-YTD07", "zh")).toBe("1–7月同比");
    expect(text("同比", "2023-Q1", "en")).toBe("Q1 y/y");
    expect(text("2020", "2025", "zh")).toBe("比2020年");
    expect(text("2020", "2025", "en")).toBe("vs 2020");
    expect(text("十三五", "2025", "zh")).toBe("较“十三五”");
    expect(text("十三五", "2025", "en")).toBe("vs 十三五 (2016–2020)");
    expect(text("十三五", "2021-2025", "zh")).toBe("较“十三五”(5年合计)");
    expect(text("十三五", "2021-2025", "en")).toBe("vs 十三五 (2016–2020), 5-year total");
    expect(text(undefined, "2022", "zh")).toBe("基数未说明");
    expect(text(undefined, "2022", "en")).toBe("base not stated");
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
