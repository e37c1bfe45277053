/** Every HH function, evaluated as a formula in a real engine (HyperFormula), including every error path. */
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";
import { evaluateFormulas } from "../../../src/cli/engine";
import { formulaRunner } from "../../jest/engine";

const { run, value, error } = formulaRunner();

beforeAll(async () => {
  await evaluateFormulas(["=1"]);
}, 60000);

describe("lookups", () => {
  it("HH.TARGET returns the 2025 target of 公办园占比 as a fraction", async () => {
    expect(await value('=HH.TARGET("公办园占比",2025)')).toBe(0.6);
    expect(await value('=HH.TARGET("edu_public_kindergarten_share","2025")')).toBe(0.6);
    expect(await value('=HH.TARGET("Share of kindergarten children enrolled in public kindergartens",2025)')).toBe(0.6);
  });
  it("HH.VALUE returns actuals, falls back to estimates, converts units, skips empty arguments", async () => {
    expect(await value('=HH.VALUE("一般公共预算教育支出",2022)')).toBe(51.6);
    expect(await value('=HH.VALUE("教育支出",2022,,"万元")')).toBe(516000);
    // 新城区's 2022 GDP is an estimate (预计) in its January 2023 report.
    expect(await value('=HH.VALUE("地区生产总值",2022,"新城区","亿元")')).toBe(665);
    // Three documents state it; the progress report of 2023-06-27 (1.21万个) revised the 2022-12-30 work report (1.28万个).
    expect(await value('=HH.VALUE("新增学位",2022)')).toBe(12100);
    expect(await value('=HH.VALUE("新增学位",2022,,"万个")')).toBe(1.21);
  });
  it("HH.GET picks one kind, in English or Chinese", async () => {
    expect(await value('=HH.GET("地区生产总值",2022,"estimate","新城区")')).toBe(665);
    expect(await value('=HH.GET("地区生产总值",2022,"预计","新城区")')).toBe(665);
    expect(await value('=HH.GET("公办园占比",2025,"目标")')).toBe(0.6);
  });
  it("HH.GROWTH returns reported growth, a growth target, or growth computed from levels", async () => {
    expect(await value('=HH.GROWTH("教育支出",2022)')).toBe(0.1014);
    expect(await value('=HH.GROWTH("地区生产总值",2023,"新城区","target")')).toBe(0.06);
    expect(await value('=HH.GROWTH("地区生产总值",2022,"新城区")')).toBe(0.02);
  });
  it("HH.SERIES spills a table, oldest first", async () => {
    const series = (await value('=HH.SERIES("公办园占比")')) as unknown[][];
    expect(series[0]).toEqual(["period", "kind", "measure", "value", "unit"]);
    expect(series.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ["2023", "actual", "level", 0.5104],
      ["2025", "target", "level", 0.6],
    ]);
  });
  it("HH.SOURCE cites the document, its date and the sentence", async () => {
    const text = String(await value('=HH.SOURCE("公办园占比",2025)'));
    expect(text).toContain("2023-06-27");
    expect(text).toContain("到2025年达到60%");
  });
  it("HH.UNIT, HH.FIND and HH.INFO", async () => {
    expect(await value('=HH.UNIT("教育支出")')).toBe("亿元");
    const found = (await value('=HH.FIND("公办园",3)')) as unknown[][];
    expect(found[0]).toEqual(["id", "名称", "name", "unit", "category"]);
    expect(found[1][0]).toBe("edu_public_kindergarten_share");
    expect(String(await value("=HH.INFO()"))).toMatch(/facts/);
    expect(await value('=HH.INFO("origin")')).toBe("embedded");
    expect(Number(await value('=HH.INFO("facts")'))).toBeGreaterThan(300);
  });
  it("HH.FIND takes a single Chinese character, and a long spill next to another formula reads whole", async () => {
    const [find, series] = await evaluateFormulas(['=HH.FIND("学",500)', '=HH.SERIES("公办园占比")']);
    expect(find.ok && Array.isArray(find.value) && find.value.length).toBeGreaterThan(20);
    expect(series).toMatchObject({
      ok: true,
      value: [
        ["period", "kind", "measure", "value", "unit"],
        ["2023", "actual", "level", 0.5104, "%"],
        ["2025", "target", "level", 0.6, "%"],
      ],
    });
  });
  it("HH.TARGETGAP and HH.TARGETRATE track targets against the latest actual", async () => {
    expect(await value('=HH.TARGETGAP("公办园占比",2025)')).toBeCloseTo(0.6 - 0.5104, 12);
    // A share: percentage points a year, as a fraction: (60% − 51.04%) / 2 years.
    expect(await value('=HH.TARGETRATE("公办园占比",2025)')).toBeCloseTo(0.0448, 12);
  });
  it("period accepts spans and five-year-plan names", async () => {
    const a = await run('=HH.SERIES("公办园占比")');
    expect(a.ok).toBe(true);
    const byName = await run('=HH.TARGET("公办园占比","十四五")');
    expect(byName).toEqual({ ok: true, value: 0.6 });
  });
});

describe("periods mean what they say", () => {
  it("never answers a quarter, half or months with the year's figure", async () => {
    for (const formula of [
      '=HH.VALUE("GDP","2021-Q4")',
      '=HH.VALUE("社零","2021-H1")',
      '=HH.VALUE("常住人口","2023-YTD06")',
      '=HH.VALUE("新增学位","2022-H1")',
      '=HH.TARGET("GDP增速","2023-Q2","新城区")',
    ])
      expect((await error(formula)).error, formula).toBe("#N/A");
  });

  it("answers a half's or nine months' growth with its own 同比 figure, never as a yearly average", async () => {
    expect(await value('=HH.GROWTH("GDP","2024-H1")')).toBe(0.062);
    expect(await value('=HH.GROWTH("GDP","2024-YTD09")')).toBe(0.062);
    expect(await value('=HH.GROWTH("社零","2024-H1")')).toBe(0.034);
    expect(await value('=HH.VALUE("固定资产投资增速","2024-H1")')).toBe(0.149);
    expect((await error('=HH.VALUE("固定资产投资年均增长","2024-H1")')).error).toBe("#N/A");
    const rows = (await value('=HH.SERIES("GDP增速")')) as unknown[][];
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(["2024-H1", "2024-YTD09", "2024"]));
  });

  it("never answers a span with its end year's figure, except a share's target at a plan's horizon", async () => {
    for (const formula of [
      '=HH.VALUE("地区生产总值","2013-2017")',
      '=HH.GROWTH("地区生产总值","2017-2021")',
      '=HH.VALUE("地区生产总值年均增长","2019-2021")',
      '=HH.TARGET("地区生产总值增速","2021-2023","新城区")',
      '=HH.TARGET("新增学位","2021-2023","新城区")',
      '=HH.TARGETGAP("新增学位","2021-2023","新城区")',
    ])
      expect((await error(formula)).error, formula).toBe("#N/A");
    expect(await value('=HH.TARGET("公办园占比","十四五")')).toBe(0.6);
  });
});

describe("a figure is what its name says, over the whole period", () => {
  it("gives no figure whose sentence is broader, narrower, cumulative or part of the year", async () => {
    for (const formula of [
      // 1.21万 (共新增学位) does not say 公办; 新增中小学学位 was 新城区's primary and secondary places only.
      '=HH.VALUE("新增公办学位",2022)',
      '=HH.VALUE("新增中小学学位",2022)',
      // 8 recognized by 2023-06-27 is no whole year to compare with 2022's 12.
      '=HH.GROWTH("新认定市级示范幼儿园数",2023)',
      // 38 handed over since the programme began is no year's handovers.
      '=HH.VALUE("配套园移交",2023)',
      '=HH.VALUE("栽植苗木",2022,"新城区")',
      // 新城区's 2023 plan of 5040 places includes kindergartens; its 2022 3330 were primary and secondary only.
      '=HH.GROWTH("新增学位",2023,"新城区","plan")',
      '=HH.TARGETGAP("新增学位",2023,"新城区")',
    ])
      expect((await error(formula)).error, formula).toBe("#N/A");
    expect(await value('=HH.VALUE("新认定市级示范园","2023-YTD06")')).toBe(8);
    expect(await value('=HH.VALUE("配套园累计移交",2023)')).toBe(38);
    expect(await value('=HH.VALUE("新增中小学学位",2022,"新城区")')).toBe(3330);
  });

  it("computes no growth or gap from a bound, and compares no figures of different scopes", async () => {
    for (const formula of [
      // 2017's share was 超过28%: a growth on it is no reported or exact growth.
      '=HH.GROWTH("战略性新兴产业产值占规模以上工业产值比重",2018)',
      // The base 10余万平方米 is a bound.
      '=HH.TARGETGAP("裸露山体修复面积",2023,"新城区")',
      // 300 counts community gardens too; 4611 posts are to be deployed, not newly made available.
      '=HH.TARGET("新建口袋公园",2023)',
      '=HH.TARGET("新增可用教师编制数",2023)',
      // 86% was film collected; the plan's 90% is film collected and put to use.
      '=HH.TARGETGAP("废旧地膜回收利用率",2023,"新城区")',
      // 63 groups in October and 4.86亿元 by late October are no whole year.
      '=HH.GROWTH("教育集团数",2023)',
      '=HH.VALUE("助保贷融资金额",2023)',
      // 增长8.61% of a share, relative or in points not stated: no figure rather than a guess.
      '=HH.GROWTH("公共交通出行分担率","十四五")',
      '=HH.GROWTH("绿色交通出行比例","十四五")',
    ])
      expect((await error(formula)).error, formula).toBe("#N/A");
    expect((await error('=HH.TARGETGAP("裸露山体修复面积",2023,"新城区")')).message).toContain(
      "is a bound (10余万平方米)",
    );
    expect(await value('=HH.VALUE("助保贷融资金额","2023-YTD10")')).toBe(4.86);
    expect(await value('=HH.TARGET("口袋公园和社区游园",2023)')).toBe(300);
  });
});

describe("what exists, in an #N/A", () => {
  it("names the latest periods, and how many earlier ones there are", async () => {
    const { message } = await error('=HH.VALUE("GDP",2022)');
    expect(message).toMatch(/已有:\(\+\d+\) … .*2024-YTD09实际增速, 2024实际增速/);
    expect(message).toMatch(/available: \(\+\d+\) … .*2024实际增速/);
  });

  it("suggests a name that finds the other measure's figure", async () => {
    const span = (await error('=HH.VALUE("地区生产总值","2013-2017")')).message;
    expect(span).toContain('请用 "地区生产总值年均增速"');
    expect(await value('=HH.VALUE("地区生产总值年均增速","2013-2017")')).toBe(0.08);
    const level = (await error('=HH.GROWTH("新增学位",2023,"新城区","plan")')).message;
    expect(level).toContain('请用 HH.VALUE("新增学位数")');
    expect(await value('=HH.GET("新增学位数",2023,"plan","新城区")')).toBe(5040);
  });
});

describe("a change's unit", () => {
  it("gives a growth in % only and a change of a share in percentage points only", async () => {
    expect(await value('=HH.VALUE("GDP增速",2021,,"%")')).toBe(0.065);
    expect((await error('=HH.VALUE("GDP增速",2021,,"个百分点")')).error).toBe("#VALUE!");
    const points = '=HH.VALUE("industry_strategic_emerging_output_share个百分点",2018,,';
    expect(await value(`${points}"个百分点")`)).toBe(0.017);
    expect((await error(`${points}"%")`)).message).toContain("a pp change is in percentage points");
    // A share's level in points was the level: 80.72% as "80.72 points".
    expect((await error('=HH.VALUE("常住人口城镇化率",2023,,"个百分点")')).error).toBe("#VALUE!");
    expect(await value('=HH.VALUE("常住人口城镇化率",2023,,"%")')).toBe(0.8072);
  });
});

describe("growth maths", () => {
  it("CAGR, YOY, BASE and PROJECT", async () => {
    expect(await value("=HH.CAGR(100,121,2)")).toBeCloseTo(0.1, 12);
    expect(await value("=HH.YOY(110,100)")).toBeCloseTo(0.1, 12);
    expect(await value("=HH.BASE(51.6,0.1014)")).toBeCloseTo(46.85, 2);
    expect(await value("=HH.PROJECT(100,0.1,2)")).toBeCloseTo(121, 10);
  });
  it("nests HH functions and composes with native ones", async () => {
    expect(await value('=ROUND(HH.TARGET("公办园占比",2025)*100,0)')).toBe(60);
    expect(
      await value(
        '=HH.CAGR(HH.BASE(HH.VALUE("一般公共预算教育支出",2022),HH.GROWTH("一般公共预算教育支出",2022)),HH.VALUE("一般公共预算教育支出",2022),1)',
      ),
    ).toBeCloseTo(0.1014, 12);
    expect(await value('=TEXT(HH.VALUE("教育支出",2022),"0.00")&HH.UNIT("教育支出")')).toBe("51.60亿元");
  });
});

describe("errors are Excel errors with messages", () => {
  it("#N/A for an unknown indicator, with the closest candidates", async () => {
    const e = await error('=HH.VALUE("不存在的指标XYZ",2022)');
    expect(e.error).toBe("#N/A");
    expect(e.message).toMatch(/no indicator matches/);
  });
  it("#N/A naming every candidate for a name two indicators share, never one of them", async () => {
    // 051 (玉泉区, 2013-2017) divides by 公共财政总支出, 006 (全市, 2018) by 财政总支出: kept apart.
    for (const formula of [
      '=HH.VALUE("民生支出占比","2013-2017","玉泉区")',
      '=HH.VALUE("民生支出占比",2018)',
      '=HH.VALUE("livelihood spending share",2018)',
    ]) {
      const e = await error(formula);
      expect([formula, e.error]).toEqual([formula, "#N/A"]);
      expect(e.message).toMatch(/ambiguous/);
      expect(e.message).toMatch(/fiscal_livelihood_spending_share/);
      expect(e.message).toMatch(/fiscal_livelihood_expenditure_share/);
    }
    expect(await value('=HH.VALUE("民生支出占公共财政支出比重","2013-2017","玉泉区")')).toBe(0.723);
    expect(await value('=HH.VALUE("民生支出占财政总支出比重",2018)')).toBe(0.7);
  });
  it("#N/A for no figure in that period, naming what exists", async () => {
    const e = await error('=HH.VALUE("公办园占比",2019)');
    expect(e.error).toBe("#N/A");
    expect(e.message).toMatch(/available: .*2023/);
  });
  it("#N/A when only a growth figure exists, pointing at HH.GROWTH", async () => {
    const e = await error('=HH.TARGET("地区生产总值",2023,"新城区")');
    expect(e.error).toBe("#N/A");
    expect(e.message).toMatch(/HH.GROWTH/);
  });
  it("#N/A when the 2021 level was never reported", async () => {
    const e = await error('=HH.CAGR(HH.VALUE("一般公共预算教育支出",2021),HH.VALUE("一般公共预算教育支出",2022),1)');
    expect(e.error).toBe("#N/A");
  });
  it("#VALUE! for arguments of the wrong type or an incompatible unit", async () => {
    expect((await error('=HH.VALUE("教育支出",2022,,"人")')).message).toMatch(/incompatible|不兼容/);
    expect((await error('=HH.VALUE("教育支出","明年")')).error).toBe("#VALUE!");
    expect((await error('=HH.GET("教育支出",2022,"someday")')).error).toBe("#VALUE!");
    expect((await error('=HH.VALUE("",2022)')).error).toBe("#VALUE!");
    expect((await error('=HH.INFO("colour")')).error).toBe("#VALUE!");
    expect((await error('=HH.FIND("学位",0)')).error).toBe("#VALUE!");
  });
  it("#N/A for an unknown region", async () => {
    expect((await error('=HH.VALUE("教育支出",2022,"火星区")')).error).toBe("#N/A");
  });
  it("#NUM! and #DIV/0! for impossible maths", async () => {
    expect((await error("=HH.CAGR(0,10,2)")).error).toBe("#NUM!");
    expect((await error("=HH.CAGR(-5,10,2)")).error).toBe("#NUM!");
    expect((await error("=HH.CAGR(5,10,0)")).error).toBe("#NUM!");
    // −100% divides by zero (#DIV/0!); below −100% is impossible (#NUM!).
    expect((await error("=HH.BASE(5,-1)")).error).toBe("#DIV/0!");
    expect((await error("=HH.BASE(5,-1.5)")).error).toBe("#NUM!");
    expect((await error("=HH.YOY(5,0)")).error).toBe("#DIV/0!");
  });
});

describe("growth over negative bases and at −100%", () => {
  it("HH.YOY over a negative previous value is #NUM!, over zero #DIV/0!", async () => {
    const negative = await error("=HH.YOY(5,-10)");
    expect(negative.error).toBe("#NUM!");
    expect(negative.message).toMatch(/negative base is not meaningful/);
    expect((await error("=HH.YOY(-5,-10)")).error).toBe("#NUM!");
    expect((await error("=HH.YOY(5,0)")).error).toBe("#DIV/0!");
    expect(await value("=HH.YOY(-5,10)")).toBe(-1.5);
  });
  it("HH.BASE undoes HH.YOY for positive values", async () => {
    for (const [c, p] of [
      [51.6, 46.85],
      [7, 3],
      [3, 7],
      [0.5, 250],
    ]) {
      expect(await value(`=HH.BASE(${c},HH.YOY(${c},${p}))`)).toBeCloseTo(p, 9);
    }
  });
  it("HH.PROJECT at −100% is 0; below it #NUM!", async () => {
    expect(await value("=HH.PROJECT(100,-1,3)")).toBe(0);
    expect(await value("=HH.PROJECT(100,-100%,1)")).toBe(0);
    expect((await error("=HH.PROJECT(100,-1.01,3)")).error).toBe("#NUM!");
  });
});

describe("arguments", () => {
  it("a number argument left empty is #VALUE!, as in Excel, not 0", async () => {
    for (const formula of [
      "=HH.CAGR(,2,3)",
      "=HH.CAGR(1,,3)",
      "=HH.CAGR(1,2,)",
      "=HH.YOY(1,)",
      "=HH.YOY(,1)",
      "=HH.BASE(,0.1)",
      "=HH.BASE(1,)",
      "=HH.PROJECT(1,0.1,)",
    ]) {
      const e = await error(formula);
      expect(e.error, formula).toBe("#VALUE!");
      expect(e.message, formula).toMatch(/must be a number/);
    }
  });
  it("an optional argument left empty takes its default", async () => {
    const found = (await value('=HH.FIND("学位",)')) as unknown[][];
    expect(found[0]).toEqual(["id", "名称", "name", "unit", "category"]);
    expect(found.length).toBeGreaterThan(1);
    expect(await value('=HH.VALUE("教育支出",2022,,)')).toBe(51.6);
    expect(await value('=HH.GROWTH("教育支出",2022,,)')).toBe(0.1014);
    expect(await value('=HH.TARGETGAP("公办园占比",2025,,)')).toBe(0.6 - 0.5104);
    expect(String(await value("=HH.INFO()"))).toMatch(/facts/);
  });
  it("a required text argument left empty is #VALUE!", async () => {
    expect((await error("=HH.VALUE(,2022)")).error).toBe("#VALUE!");
    expect((await error('=HH.VALUE("教育支出",)')).error).toBe("#VALUE!");
    expect((await error('=HH.GET("教育支出",2022,)')).error).toBe("#VALUE!");
  });
  it("periods in full-width digits work like half-width ones", async () => {
    expect(await value('=HH.VALUE("教育支出","２０２２")')).toBe(51.6);
    expect(await value('=HH.TARGET("公办园占比","２０２５年")')).toBe(0.6);
    expect(await value('=HH.TARGET("公办园占比","２０２１－２０２５")')).toBe(0.6);
  });
  it("text longer than 200 characters is #VALUE! at once: period, unit, kind, field, query", async () => {
    for (const formula of [
      '=HH.VALUE("教育支出",REPT("2",5000))',
      '=HH.VALUE("教育支出",2022,,REPT("万",5000))',
      '=HH.TARGET("公办园占比",2025,,REPT("%",201))',
      '=HH.GET("教育支出",2022,REPT("a",5000))',
      '=HH.GROWTH("教育支出",2022,,REPT("a",5000))',
      '=HH.INFO(REPT("a",201))',
      '=HH.FIND(REPT("学",5000))',
      '=HH.TARGETGAP("公办园占比",2025,,REPT("万",5000))',
    ]) {
      const e = await error(formula);
      expect(e.error, formula).toBe("#VALUE!");
      expect(e.message, formula).toMatch(/too long/);
    }
    // 200 characters are not "too long": the period is then simply unknown.
    expect((await error('=HH.VALUE("教育支出",REPT("2",200))')).message).toMatch(/unknown period/);
  });
  it("object-key names as kind, unit, field or period are plain unknown text", async () => {
    for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const kind = await error(`=HH.GET("教育支出",2022,"${key}")`);
      expect([kind.error, kind.message]).toEqual(["#VALUE!", expect.stringMatching(/kind must be/)]);
      const unit = await error(`=HH.VALUE("教育支出",2022,,"${key}")`);
      expect([unit.error, unit.message]).toEqual(["#VALUE!", expect.stringMatching(/incompatible units/)]);
      expect(unit.message).not.toMatch(/internal/);
      const field = await error(`=HH.INFO("${key}")`);
      expect([field.error, field.message]).toEqual(["#VALUE!", expect.stringMatching(/unknown field/)]);
      const period = await error(`=HH.VALUE("教育支出","${key}")`);
      expect([period.error, period.message]).toEqual(["#VALUE!", expect.stringMatching(/unknown period/)]);
    }
  });
});

describe("targets start from a whole-year base", () => {
  it("HH.TARGETGAP and HH.TARGETRATE are #N/A with no whole-year actual before the horizon", async () => {
    // 移交新增学位 has only a 2012-2021 estimate (a span, and a potential) and a 2023 plan.
    for (const fn of ["TARGETGAP", "TARGETRATE"]) {
      const e = await error(`=HH.${fn}("edu_community_kindergarten_handover_places",2023)`);
      expect(e.error).toBe("#N/A");
      expect(e.message).toMatch(/no base.*before 2023.*2012-2021预计/);
    }
  });
});

describe("results as the engine gives them", () => {
  it("keep full double precision", async () => {
    expect(await value('=HH.TARGETGAP("公办园占比",2025)')).toBe(0.6 - 0.5104);
    expect(await value("=1/3")).toBe(1 / 3);
    expect(await value("=HH.CAGR(100,121,2)")).toBe((121 / 100) ** (1 / 2) - 1);
    expect(await value("=HH.YOY(51.6,46.85)")).toBe((51.6 - 46.85) / 46.85);
  });
  it("a non-finite result is #NUM!", async () => {
    expect((await error("=HH.PROJECT(10^300,10,300)")).error).toBe("#NUM!");
    expect((await error("=10^400")).error).toBe("#NUM!");
  });
  it("any number of formulas in one call, spills included", async () => {
    const formulas = Array.from({ length: 500 }, (_, i) => `=HH.YOY(${i + 2},1)`);
    formulas.splice(250, 0, '=HH.FIND("学",500)', '=HH.SERIES("公办园占比")');
    const results = await evaluateFormulas(formulas);
    expect(results).toHaveLength(502);
    const scalars = [...results.slice(0, 250), ...results.slice(252)];
    expect(scalars).toEqual(Array.from({ length: 500 }, (_, i) => ({ ok: true, value: i + 1 })));
    const find = results[250];
    expect(find.ok && Array.isArray(find.value) && find.value.length).toBeGreaterThan(20);
    expect(results[251]).toEqual({
      ok: true,
      value: [
        ["period", "kind", "measure", "value", "unit"],
        ["2023", "actual", "level", 0.5104, "%"],
        ["2025", "target", "level", 0.6, "%"],
      ],
    });
  });
});
