/** Revisions and as_of through the real formula engine (HyperFormula, as `hh eval` runs it), over a dataset with a revised figure. */
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";
import { evaluateFormulas, loadFunctionsMetadata } from "../../../src/cli/engine";
import { formulaRunner } from "../../jest/engine";
import { LiveDataset } from "../../../src/core/live/dataset";
import { REVISED, withPublications } from "../../jest/vintage-datasets";

const live = new LiveDataset();
live.swap(withPublications(REVISED), { kind: "file", location: "revisions test" });

const { value, error } = formulaRunner(live);

beforeAll(async () => {
  await evaluateFormulas(["=1"]);
}, 60000);

describe("the as_of argument", () => {
  it("is the last, optional parameter of every lookup by period in the generated metadata", async () => {
    const { functions } = await loadFunctionsMetadata();
    for (const name of ["VALUE", "TARGET", "GET", "GROWTH", "SERIES", "SOURCE", "TARGETGAP", "TARGETRATE"]) {
      const parameters = functions.find((f) => f.name === name)!.parameters;
      expect(parameters.at(-1), name).toMatchObject({ name: "as_of", optional: true, type: "any" });
    }
  });

  it("makes HH.VALUE return the figure as known on a date, by text or by DATE()", async () => {
    expect(await value('=HH.VALUE("地区生产总值",2022,"新城区")')).toBe(672.5);
    expect(await value('=HH.VALUE("地区生产总值",2022,"新城区",,"2023-02-01")')).toBe(665);
    expect(await value('=HH.VALUE("地区生产总值",2022,"新城区",,DATE(2023,6,1))')).toBe(670.2);
    expect(await value('=HH.VALUE("地区生产总值",2022,"新城区","万元",DATE(2024,1,8))')).toBe(6725000);
    expect(await value('=HH.GET("地区生产总值",2022,"estimate","新城区",,"2024-06-30")')).toBe(665);
  });

  it("applies to HH.GROWTH, reported or computed from levels as known then", async () => {
    // 新城区's 2022 GDP growth is only an estimate in its January 2023 report, published with the level.
    const reported = await value('=HH.GROWTH("地区生产总值",2022,"新城区")');
    expect(await value('=HH.GROWTH("地区生产总值",2022,"新城区",,"2023-01-05")')).toBe(reported);
    const before = await error('=HH.GROWTH("地区生产总值",2022,"新城区",,"2023-01-04")');
    expect(before.message).toContain("first published 2023-01-05");
  });

  it("reads DATE() in a 1904-system workbook as the same day, not four years earlier", async () => {
    const formulas = [
      '=HH.VALUE("地区生产总值",2022,"新城区",,DATE(2023,2,1))',
      '=HH.VALUE("地区生产总值",2022,"新城区",,DATE(2023,6,1))',
      '=HH.GET("地区生产总值",2022,"estimate","新城区",,DATE(2024,6,30))',
    ];
    const in1900 = await evaluateFormulas(formulas, { live });
    const in1904 = await evaluateFormulas(formulas, { live, dateSystem: 1904 });
    expect(in1904).toEqual(in1900);
    expect(in1904.map((r) => (r.ok ? r.value : r.error))).toEqual([665, 670.2, 665]);
    // The same serial is another day in each system: 1904's DATE(2023,6,1) read as 1900 is in 2019.
    const [serial] = await evaluateFormulas(["=DATE(2023,6,1)"], { dateSystem: 1904 });
    const [misread] = await evaluateFormulas(
      [`=HH.VALUE("地区生产总值",2022,"新城区",,${(serial as { value: number }).value})`],
      { live },
    );
    expect(misread).toMatchObject({ ok: false, error: "#N/A", message: expect.stringContaining("2019-05-31") });
  });

  it("gives #N/A saying when the figure was first published for a date before it", async () => {
    const result = await error('=HH.VALUE("地区生产总值",2022,"新城区",,"2022-12-31")');
    expect(result.error).toBe("#N/A");
    expect(result.message).toContain("nothing had been published by 2022-12-31");
    expect(result.message).toContain("first published 2023-01-05");
  });

  it("gives #VALUE! for something that is not a date", async () => {
    const result = await error('=HH.VALUE("地区生产总值",2022,"新城区",,"last spring")');
    expect(result.error).toBe("#VALUE!");
    expect(result.message).toContain("as_of must be a date");
  });

  it("spills HH.SERIES as known then", async () => {
    const rows = (await value('=HH.SERIES("地区生产总值","新城区",,"2023-06-01")')) as unknown[][];
    expect(rows.filter((r) => r[0] === "2022")).toEqual([["2022", "actual", "level", 670.2, "亿元"]]);
  });

  it("makes HH.SOURCE name the publication used and what it revised, in one line", async () => {
    const now = String(await value('=HH.SOURCE("地区生产总值",2022,,"新城区")'));
    expect(now).toContain("《测试来源 102》");
    expect(now).toContain("revised from 670.2 亿元 (source 101, 2023-04-10)");
    expect(now).not.toContain("\n");
    const then = String(await value('=HH.SOURCE("地区生产总值",2022,,"新城区","2023-02-01")'));
    expect(then).toContain("《2023年呼和浩特市新城区政府工作报告》");
    expect(then).toContain("estimate, actual not yet published");
  });

  it("makes HH.TARGETGAP and HH.TARGETRATE take their base only from what was published by then", async () => {
    // 教师引进's 2023 target is in the 2023-06-27 progress report; its base first appeared on 2023-10-25.
    const [now, gapThen, rateThen, gapLater] = await evaluateFormulas([
      '=HH.TARGETGAP("教师引进",2023)',
      '=HH.TARGETGAP("教师引进",2023,,,"2023-07-01")',
      '=HH.TARGETRATE("教师引进",2023,,"2023-07-01")',
      '=HH.TARGETGAP("教师引进",2023,,,DATE(2024,1,1))',
    ]);
    expect(now).toMatchObject({ ok: true, value: 11 });
    expect(gapThen).toMatchObject({ ok: false, error: "#N/A" });
    expect(rateThen).toMatchObject({ ok: false, error: "#N/A" });
    expect(gapLater).toMatchObject({ ok: true, value: 11 });
  });

  it("says when a figure needed came out, where it came out after as_of", async () => {
    const [base, level, series] = await evaluateFormulas([
      '=HH.TARGETGAP("教师引进",2023,,,"2023-07-01")',
      // The growth computed from two levels: the 2021 level came out on 2023-10-25.
      '=HH.GROWTH("edu_school_construction_projects",2022,,,"2023-07-01")',
      '=HH.SERIES("中小学幼儿园建设项目数增速",,,"2023-01-01")',
    ]);
    expect(base).toMatchObject({ ok: false, error: "#N/A" });
    expect((base as { message: string }).message).toContain("2022 (actual/estimate); first published 2023-10-25");
    expect((level as { message: string }).message).toContain("2021 (actual/estimate); first published 2023-10-25");
    // The hints name only what had been published by then: nothing.
    expect((series as { message: string }).message).not.toMatch(/2021实际|2022实际|2023计划/);
  });

  it("leaves formulas without it unchanged on the bundled dataset", async () => {
    const [places, gdp] = await evaluateFormulas([
      '=HH.VALUE("新增学位",2022)',
      '=HH.VALUE("地区生产总值",2022,"新城区")',
    ]);
    expect(places).toMatchObject({ ok: true, value: 12100 });
    expect(gdp).toMatchObject({ ok: true, value: 665 });
  });
});
