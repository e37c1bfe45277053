import { describe, expect, it } from "@jest/globals";
import { PANE_MESSAGES } from "../../../src/core/messages/pane";
import type { Fact } from "../../../src/core/schema";
import type { IndicatorStore } from "../../../src/core/store";
import { OWNER_KEY, freeName, parseMark, planSheets, rowPrint } from "../../../src/excel/ownership";
import {
  insertBlockAtSelection,
  insertChart,
  insertFormula,
  loadIntoSheets,
  readSelection,
} from "../../../src/excel/workbook-writer";
import { chartBlock, factsBlock, sourcesBlock, targetsBlock, type SheetBlock } from "../../../src/excel/tables";
import { fakeExcel, SheetModel, WorkbookModel } from "./fakeExcel";
import { store, syntheticStore } from "./helpers";

function request(s: IndicatorStore, facts: readonly Fact[] = s.dataset.facts, lang: "zh" | "en" = "zh") {
  return {
    lang,
    facts: factsBlock(s, facts, lang),
    sources: sourcesBlock(s, facts, lang),
    targets: targetsBlock(s, facts, lang),
  };
}

function formulasIn(sheet: SheetModel): string[] {
  return [...sheet.cells.values()].filter((c) => c.formula).map((c) => c.formula as string);
}

describe("planSheets", () => {
  it("reuses the owned sheet of a role whatever its name, and never takes a user's sheet's name", () => {
    const plans = planSheets(
      [
        { name: "HH 数据", role: null },
        { name: "My sources", role: "sources" },
      ],
      [
        { role: "facts", preferred: "HH 数据" },
        { role: "sources", preferred: "HH 来源" },
      ],
    );
    expect(plans).toEqual([
      { role: "facts", name: "HH 数据 (2)", create: true, avoided: "HH 数据" },
      { role: "sources", name: "My sources", create: false },
    ]);
  });

  it("keeps names within 31 characters and ignores case", () => {
    expect(freeName("hh facts", ["HH FACTS", "hh facts (2)"])).toBe("hh facts (3)");
    expect(freeName("x".repeat(31), ["x".repeat(31)])).toHaveLength(31);
  });
});

describe("loadIntoSheets", () => {
  it("creates three owned sheets with tables, frozen headers, widths and formats", async () => {
    const excel = fakeExcel();
    const result = await loadIntoSheets(excel.run, request(store));
    expect(result.syncs).toBe(4);
    expect(excel.syncs()).toBe(4);
    expect(result.sheets.map((s) => [s.role, s.name, s.created])).toEqual([
      ["facts", "HH 数据", true],
      ["sources", "HH 来源", true],
      ["targets", "HH 目标跟踪", true],
    ]);
    const facts = excel.model.sheet("HH 数据");
    expect(parseMark(facts.props.get(OWNER_KEY))).toEqual({
      role: "facts",
      sheetId: facts.id,
      table: "HH_Facts",
      complete: true,
      rows: store.dataset.facts.length + 1,
      columns: 20,
      // Prints of the header and last row, as a refresh reads them back.
      header: rowPrint(facts.grid(0, 0, 1, 20)[0]),
      last: rowPrint(facts.grid(store.dataset.facts.length, 0, 1, 20)[0]),
    });
    expect(facts.frozenRows).toBe(1);
    expect(facts.widths.size).toBe(20);
    expect(excel.model.tables.map((t) => [t.name, t.sheet.name, t.rows])).toEqual([
      ["HH_Facts", "HH 数据", store.dataset.facts.length + 1],
      ["HH_Sources", "HH 来源", store.dataset.sources.length + 1],
      ["HH_Targets", "HH 目标跟踪", expect.any(Number)],
    ]);
    expect(facts.cell(0, 0).value).toBe("指标ID");
    // Percentages as %, money with separators.
    const rows = facts.grid(1, 0, store.dataset.facts.length, 10);
    const share = rows.findIndex((r) => r[0] === "edu_public_kindergarten_share");
    expect(facts.cell(share + 1, 8).format).toBe("0.00%");
    const money = rows.findIndex((r) => r[9] === "亿元");
    expect(facts.cell(money + 1, 8).format).toBe("#,##0.00");
    // Source ids stay text ("000" is not the number 0).
    const sources = excel.model.sheet("HH 来源");
    expect(sources.cell(1, 0).value).toBe("000");
    expect(formulasIn(facts)).toEqual([]);
    expect(excel.model.active).toBe("HH 数据");
  });

  it("writes target tracking as live HH formulas", async () => {
    const excel = fakeExcel();
    await loadIntoSheets(excel.run, request(store));
    const formulas = formulasIn(excel.model.sheet("HH 目标跟踪"));
    expect(formulas).toContain('=HH.TARGET("公办园在园幼儿占比",2025)');
    expect(formulas).toContain('=HH.VALUE("公办园在园幼儿占比",2023)');
    expect(formulas).toContain('=HH.TARGETGAP("公办园在园幼儿占比",2025)');
    expect(formulas).toContain('=HH.TARGETRATE("公办园在园幼儿占比",2025)');
  });

  it("never changes a sheet it did not create, even with the same name, and says so", async () => {
    const model = new WorkbookModel();
    const mine = model.addSheet("HH 数据");
    mine.set(0, 0, { value: "my own numbers" });
    mine.set(5, 3, { value: 42 });
    const before = JSON.stringify([...mine.cells]);
    const excel = fakeExcel(model);
    const result = await loadIntoSheets(excel.run, request(store));
    expect(JSON.stringify([...mine.cells])).toBe(before);
    expect(mine.props.size).toBe(0);
    expect(result.sheets[0]).toMatchObject({ role: "facts", name: "HH 数据 (2)", created: true, avoided: "HH 数据" });
    expect(model.sheet("HH 数据 (2)").cell(0, 0).value).toBe("指标ID");
  });

  it("refreshes its own sheets in place, even after the user renamed them", async () => {
    const excel = fakeExcel();
    await loadIntoSheets(excel.run, request(store));
    excel.model.sheet("HH 数据").name = "My facts";
    const count = excel.model.sheets.length;
    const few = store.dataset.facts.slice(0, 10);
    const result = await loadIntoSheets(excel.run, request(store, few, "en"));
    expect(excel.model.sheets.length).toBe(count);
    expect(result.sheets.map((s) => [s.name, s.created])).toEqual([
      ["My facts", false],
      ["HH 来源", false],
      ["HH 目标跟踪", false],
    ]);
    const facts = excel.model.sheet("My facts");
    expect(facts.cell(0, 0).value).toBe("Indicator ID");
    expect(facts.usedRows()).toBe(11); // old rows are gone
    expect(excel.model.tables.map((t) => t.name).sort()).toEqual(["HH_Facts", "HH_Sources", "HH_Targets"]);
    expect(excel.model.tables.find((t) => t.name === "HH_Facts")?.rows).toBe(11);
  });

  it("picks another table name when a user's table already uses ours", async () => {
    const excel = fakeExcel();
    excel.model.tables.push({ name: "HH_Facts", sheet: excel.model.sheet("Sheet1"), r0: 0, c0: 0, rows: 2, cols: 2 });
    await loadIntoSheets(excel.run, request(store));
    expect(excel.model.tables.filter((t) => t.sheet.name === "HH 数据").map((t) => t.name)).toEqual(["HH_Facts_2"]);
    expect(excel.model.tables.find((t) => t.name === "HH_Facts")?.sheet.name).toBe("Sheet1");
  });

  it("writes text that starts with = + - @ as text, never as a formula", async () => {
    const s = syntheticStore(20, true);
    const excel = fakeExcel();
    await loadIntoSheets(excel.run, request(s));
    const facts = excel.model.sheet("HH 数据");
    expect(formulasIn(facts)).toEqual([]);
    expect(formulasIn(excel.model.sheet("HH 来源"))).toEqual([]);
    const texts = [...facts.cells.values()].map((c) => c.value);
    expect(texts).toContain('=HYPERLINK("http://example.invalid","x")');
    expect(texts).toContain("@SUM(A1:A2)");
    expect(texts).toContain("@危险指标");
    expect(texts).toContain("=1+1");
    // In the target sheet only the HH formulas are formulas; the hostile name stays text.
    const targets = excel.model.sheet("HH 目标跟踪");
    expect(formulasIn(targets).every((f) => f.startsWith("=HH."))).toBe(true);
    // Text columns are formatted as text before any value is written.
    const firstValues = excel.log.findIndex((l) => l.startsWith("values 'HH 数据'"));
    const firstText = excel.log.findIndex((l) => l.startsWith("numberFormat 'HH 数据'!A1:"));
    expect(firstText).toBeGreaterThanOrEqual(0);
    expect(firstText).toBeLessThan(firstValues);
  });
});

describe("insertFormula", () => {
  it("writes the formula into the selected cell and formats a share as %", async () => {
    const excel = fakeExcel();
    excel.model.selection = { sheet: "Sheet1", r: 1, c: 1, rows: 1, cols: 1 };
    const result = await insertFormula(excel.run, {
      build: () => '=HH.TARGET("公办园在园幼儿占比",2025)',
      percent: true,
    });
    expect(result.address).toBe("Sheet1!B2");
    expect(excel.model.sheet("Sheet1").cell(1, 1)).toMatchObject({
      formula: '=HH.TARGET("公办园在园幼儿占比",2025)',
      format: "0.00%",
    });
    expect(excel.syncs()).toBe(2);
  });

  it("does not overwrite the cells a calculator formula reads: writes next to the selection", async () => {
    const excel = fakeExcel();
    const sheet = excel.model.sheet("Sheet1");
    sheet.set(1, 1, { value: 100 });
    sheet.set(1, 2, { value: 133.1 });
    excel.model.selection = { sheet: "Sheet1", r: 1, c: 1, rows: 1, cols: 2 };
    const read = await readSelection(excel.run);
    expect(read.cells).toEqual([
      { cell: "B2", value: 100 },
      { cell: "C2", value: 133.1 },
    ]);
    const result = await insertFormula(excel.run, {
      build: () => "=HH.CAGR(B2,C2,3)",
      avoid: { sheet: read.sheet, cells: ["B2", "C2"] },
    });
    expect(result.address).toBe("Sheet1!D2");
    expect(sheet.cell(1, 1).value).toBe(100);
    expect(sheet.cell(1, 3).formula).toBe("=HH.CAGR(B2,C2,3)");
  });
});

describe("insertBlockAtSelection", () => {
  const block: SheetBlock = {
    header: ["项目", "增速"],
    rows: [
      ["=not a formula", '=HH.GROWTH("x",2022)'],
      ["b", "=RC[-1]"],
    ],
    formulas: "R1C1",
    textColumns: [0],
    rowFormats: [],
    columnFormats: [{ column: 1, format: "0.00%" }],
    widths: [],
  };

  it("writes a table of formulas at the selection", async () => {
    const excel = fakeExcel();
    excel.model.selection = { sheet: "Sheet1", r: 2, c: 2, rows: 1, cols: 1 };
    const result = await insertBlockAtSelection(
      excel.run,
      { ...block, rows: [["'=not a formula", block.rows[0][1]], block.rows[1]] },
      { dataBarColumn: 1 },
    );
    expect(result).toEqual({ ok: true, address: "Sheet1!C3:D5" });
    const sheet = excel.model.sheet("Sheet1");
    expect(sheet.cell(3, 2)).toMatchObject({ value: "=not a formula", formula: undefined });
    expect(sheet.cell(3, 3).formula).toBe('=HH.GROWTH("x",2022)');
    expect(sheet.conditionalFormats).toEqual(["DataBar Sheet1!D4:D5"]);
    expect(excel.syncs()).toBe(2);
  });

  it("treats a formula that shows an empty string as occupied, and says where", async () => {
    const excel = fakeExcel();
    const sheet = excel.model.sheet("Sheet1");
    sheet.set(3, 3, { value: null, formula: '=IF(1,"")' });
    excel.model.selection = { sheet: "Sheet1", r: 2, c: 2, rows: 1, cols: 1 };
    const result = await insertBlockAtSelection(excel.run, block);
    expect(result).toEqual({ ok: false, address: "Sheet1!C3:D5" });
    expect(PANE_MESSAGES.zh.occupied(result.address)).toContain("Sheet1!C3:D5"); // what the pane says
    expect(sheet.cell(3, 3)).toMatchObject({ value: null, formula: '=IF(1,"")' });
    expect(sheet.cells.size).toBe(1);
  });

  it("refuses to write over anything", async () => {
    const excel = fakeExcel();
    excel.model.sheet("Sheet1").set(4, 3, { value: "keep me" });
    excel.model.selection = { sheet: "Sheet1", r: 2, c: 2, rows: 1, cols: 1 };
    const result = await insertBlockAtSelection(excel.run, block);
    expect(result.ok).toBe(false);
    expect(excel.model.sheet("Sheet1").cells.size).toBe(1);
  });
});

describe("insertChart", () => {
  const indicator = store.indicators.get("edu_public_kindergarten_share")!;
  const chart = () => ({
    lang: "zh" as const,
    chartName: "HH edu_public_kindergarten_share 呼和浩特市",
    title: "公办园在园幼儿占比",
    block: chartBlock(store, indicator, "呼和浩特市", "zh"),
  });

  it("adds live series data and a native chart on its own sheet, once", async () => {
    const model = new WorkbookModel();
    model.addSheet("HH 图表").set(0, 0, { value: "user" });
    const excel = fakeExcel(model);
    const first = await insertChart(excel.run, chart());
    expect(first).toMatchObject({ sheet: "HH 图表 (2)", existed: false, avoided: "HH 图表", syncs: 4 });
    const sheet = model.sheet("HH 图表 (2)");
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.cell(2, 0).value).toBe("2023"); // a category, not a number
    expect(sheet.cell(2, 1).formula).toBe('=HH.VALUE("公办园在园幼儿占比",2023)');
    expect(sheet.cell(3, 2).formula).toBe('=HH.TARGET("公办园在园幼儿占比",2025)');
    expect(model.sheet("HH 图表").cells.size).toBe(1);
    const again = await insertChart(excel.run, chart());
    expect(again.existed).toBe(true);
    expect(sheet.charts).toHaveLength(1);
    const other = await insertChart(excel.run, { ...chart(), chartName: "HH other" });
    expect(other.syncs).toBe(4);
    expect(sheet.charts).toHaveLength(2);
  });
});
