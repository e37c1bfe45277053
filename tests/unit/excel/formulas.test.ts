import { inDateSystem } from "../../../src/runtime/date-system";
import { describe, expect, it } from "@jest/globals";
import { referenceFrom, splitAddress } from "../../../src/excel/address";
import { call, factFormula, numberLiteral, quoteArg } from "../../../src/excel/formulas";
import {
  chartBlock,
  columnWidths,
  excelDate,
  factsBlock,
  numberFormatFor,
  sheetBlock,
  type Column,
} from "../../../src/excel/tables";
import { store } from "./helpers";

const fact = (id: string) => {
  const f = store.dataset.facts.find((x) => x.id === id);
  if (!f) throw new Error(`no fact ${id}`);
  return f;
};

describe("factFormula", () => {
  it("uses HH.VALUE for actuals and HH.TARGET for targets, with the Chinese name", () => {
    expect(factFormula(store, fact("edu_public_kindergarten_share|呼和浩特市|2023|actual|level|001"))).toEqual({
      ok: true,
      formula: '=HH.VALUE("公办园在园幼儿占比",2023)',
      returnsChosen: false,
    });
    expect(factFormula(store, fact("edu_public_kindergarten_share|呼和浩特市|2025|target|level|001"))).toMatchObject({
      formula: '=HH.TARGET("公办园在园幼儿占比",2025)',
    });
  });

  it("names the region only when it is not the default", () => {
    const xc = store.dataset.facts.find(
      (f) => f.indicator === "edu_new_school_places" && f.region === "新城区" && f.kind === "plan",
    );
    expect(factFormula(store, xc!)).toMatchObject({ formula: '=HH.TARGET("新增学位数",2023,"新城区")' });
  });

  it("uses HH.GROWTH for growth figures and flags a figure that lookups do not choose", () => {
    expect(
      factFormula(store, fact("fiscal_education_expenditure|呼和浩特市|2022|actual|pct_change|001")),
    ).toMatchObject({
      formula: '=HH.GROWTH("一般公共预算教育支出",2022)',
    });
    expect(factFormula(store, fact("edu_new_school_places|呼和浩特市|2022|actual|level|000"))).toMatchObject({
      returnsChosen: true,
    });
  });

  it("names an absolute change with 增量 and a yearly average over a span with 年均增长", () => {
    // Highway mileage added over the 14th five-year plan: the change across 2021-2025, not 2025's on 2024.
    expect(
      factFormula(store, fact("transport_highway_mileage|呼和浩特市|2021-2025|actual|abs_change|003")),
    ).toMatchObject({
      ok: true,
      formula: '=HH.VALUE("公路总里程增量","2021-2025")',
    });
    expect(
      factFormula(store, fact("fiscal_sci_tech_expenditure|呼和浩特市|2026-2030|target|pct_change|003")),
    ).toMatchObject({
      ok: true,
      formula: '=HH.GROWTH("财政科学技术支出年均增长","2026-2030",,"target")',
    });
  });

  it("quotes text and trims optional arguments", () => {
    expect(quoteArg('a"b')).toBe('"a""b"');
    expect(call("GROWTH", ['"x"', "2022", "", ""])).toBe('HH.GROWTH("x",2022)');
    expect(call("GROWTH", ['"x"', "2022", "", '"target"'])).toBe('HH.GROWTH("x",2022,,"target")');
    expect(numberLiteral(0.1014, true)).toBe("10.14%");
    expect(numberLiteral(51.6)).toBe("51.6");
  });
});

describe("addresses", () => {
  it("splits and qualifies sheet references", () => {
    expect(splitAddress("'HH 数据'!B2")).toEqual({ sheet: "HH 数据", cell: "B2" });
    expect(referenceFrom("Sheet1", "Sheet1", "B2")).toBe("B2");
    expect(referenceFrom("Sheet1", "My data", "B2")).toBe("'My data'!B2");
  });
});

describe("tables", () => {
  it("formats by unit", () => {
    expect(numberFormatFor("%")).toBe("0.00%");
    expect(numberFormatFor("个百分点")).toBe("0.00%");
    expect(numberFormatFor("亿元", 51.6)).toBe("#,##0.00");
    expect(numberFormatFor("个", 12800)).toBe("#,##0");
    expect(numberFormatFor("公里", 12.5)).toBe("#,##0.0##");
  });

  it("builds a table from column specs: text neutralized and formatted as text, formats by column or row", () => {
    const columns: Array<Column<{ name: string; value: number; unit: string }>> = [
      { header: { zh: "名称", en: "Name" }, text: true, value: (r) => r.name },
      { header: "值", format: (r) => numberFormatFor(r.unit, r.value), value: (r) => r.value },
      { header: { zh: "率", en: "Rate" }, format: "0.00%", width: 50, value: () => undefined },
    ];
    const block = sheetBlock(
      columns,
      [
        { name: "=1+1", value: 0.6, unit: "%" },
        { name: "学位", value: 12800, unit: "个" },
      ],
      "en",
    );
    expect(block.header).toEqual(["Name", "值", "Rate"]);
    expect(block.rows).toEqual([
      ["'=1+1", 0.6, ""],
      ["学位", 12800, ""],
    ]);
    expect(block.textColumns).toEqual([0]);
    expect(block.rowFormats).toEqual([{ column: 1, formats: ["0.00%", "#,##0"] }]);
    expect(block.columnFormats).toEqual([{ column: 2, format: "0.00%" }]);
    expect(block.widths[2]).toBe(50);
  });

  it("writes dates as Excel dates, in the workbook's date system", () => {
    expect(excelDate("1900-03-01")).toBe(61);
    expect(excelDate("2023-06-27")).toBe(45104);
    expect(inDateSystem(1904, () => excelDate("2023-06-27"))).toBe(45104 - 1462);
  });

  it("sizes columns to their content, CJK wider", () => {
    const [a, b] = columnWidths(["id", "名称"], [["abc", "公办园在园幼儿占比"]]);
    expect(b).toBeGreaterThan(a);
    expect(columnWidths(["q"], [["x".repeat(500)]])[0]).toBe(320);
  });

  it("marks which figure lookups return", () => {
    const block = factsBlock(store, store.dataset.facts, "en");
    const chosen = block.rows
      .filter((r) => r[0] === "edu_new_school_places" && r[4] === "呼和浩特市" && r[5] === "2022")
      .map((r) => [r[14], r[13]]);
    expect(chosen).toEqual(
      expect.arrayContaining([
        ["001", true],
        ["013", false],
        ["000", false],
      ]),
    );
  });

  it("writes the chart series by year as live formulas", () => {
    const block = chartBlock(store, store.indicators.get("edu_public_kindergarten_share")!, "呼和浩特市", "en");
    expect(block.header).toEqual(["Period", "Actual", "Target"]);
    expect(block.rows).toEqual([
      ["2023", '=HH.VALUE("公办园在园幼儿占比",2023)', ""],
      ["2025", "", '=HH.TARGET("公办园在园幼儿占比",2025)'],
    ]);
  });
});
