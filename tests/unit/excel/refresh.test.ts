import { describe, expect, it } from "@jest/globals";
import type { Fact } from "../../../src/core/schema";
import type { IndicatorStore } from "../../../src/core/store";
import { PANE_MESSAGES } from "../../../src/core/messages/pane";
import { growthBands } from "../../../src/excel/layout";
import { describeLoad } from "../../../src/excel/load-summary";
import { OWNER_KEY, formatMark, layoutChange, ownedRole, parseMark, rowPrint } from "../../../src/excel/ownership";
import { factsBlock, sourcesBlock, targetsBlock } from "../../../src/excel/tables";
import { loadIntoSheets } from "../../../src/excel/workbook-writer";
import { fakeExcel, SheetModel, type TableModel, type WorkbookModel } from "./fakeExcel";
import { store, syntheticStore } from "./helpers";

function request(s: IndicatorStore, facts: readonly Fact[] = s.dataset.facts) {
  return {
    lang: "zh" as const,
    facts: factsBlock(s, facts, "zh"),
    sources: sourcesBlock(s, facts, "zh"),
    targets: targetsBlock(s, facts, "zh"),
  };
}

/** A rectangle's cells (values, formulas, formats), to compare before and after. */
function snapshot(sheet: SheetModel, r0: number, c0: number, rows: number, cols: number): string {
  const out: unknown[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.push(sheet.cell(r0 + r, c0 + c));
  return JSON.stringify(out);
}

const FACT_COLUMNS = 20;

/** What a user adds on the add-in's facts sheet: a column right of the table, a note, a chart, a table. */
function addUserThings(model: WorkbookModel, sheet: SheetModel) {
  const tableRows = model.tables.find((t) => t.name === "HH_Facts")!.rows;
  // Their own column next to the table (U), with a formula reading the table.
  sheet.set(0, FACT_COLUMNS, { value: "我的判断" });
  for (let r = 1; r <= 12; r++) sheet.set(r, FACT_COLUMNS, { value: "#CALC", formula: `=I${r + 1}*2` });
  // A note two rows under the table.
  const noteRow = tableRows + 1;
  sheet.set(noteRow, 0, { value: "备注:数字待核实" });
  sheet.set(noteRow, 1, { value: null, formula: '=IF(1,"")' });
  // A chart floating below the note, and a table of their own under it.
  sheet.charts.push({ name: "我的图表", title: "趋势", data: "user", at: { r: noteRow + 2, c: 3 } });
  const tableRow = noteRow + 3;
  const userTable: TableModel = { name: "我的表", sheet, r0: tableRow, c0: 0, rows: 3, cols: 3 };
  model.tables.push(userTable);
  sheet.set(tableRow, 0, { value: "项目" });
  sheet.set(tableRow, 1, { value: "金额" });
  sheet.set(tableRow, 2, { value: "说明" });
  sheet.set(tableRow + 1, 0, { value: "甲" });
  sheet.set(tableRow + 1, 1, { value: 12.5 });
  sheet.set(tableRow + 2, 0, { value: "乙" });
  sheet.set(tableRow + 2, 1, { value: 7 });
  return { noteRow, tableRow, userTable };
}

describe("refresh keeps what a user added on an owned sheet", () => {
  it("moves their note, chart and table down when the table grows, says so, and leaves them when it shrinks", async () => {
    const excel = fakeExcel();
    await loadIntoSheets(excel.run, request(store));
    const sheet = excel.model.sheet("HH 数据");
    const { noteRow, tableRow, userTable } = addUserThings(excel.model, sheet);
    const column = snapshot(sheet, 0, FACT_COLUMNS, 14, 1);
    const note = snapshot(sheet, noteRow, 0, 1, 2);
    const table = snapshot(sheet, tableRow, 0, 3, 3);

    // More rows: 134 more facts than the bundled dataset has.
    const MORE = store.dataset.facts.length + 134;
    const more = syntheticStore(MORE);
    const moreRequest = request(more);
    const grown = await loadIntoSheets(excel.run, moreRequest);
    const by = MORE - store.dataset.facts.length;
    expect(grown.sheets[0].moved).toEqual([{ from: `A${noteRow + 1}:C${tableRow + 3}`, shift: "down", by }]);
    expect(describeLoad(grown, "zh")).toContain(
      PANE_MESSAGES.zh.movedAside("HH 数据", `A${noteRow + 1}:C${tableRow + 3}`, by, "down"),
    );
    expect(snapshot(sheet, 0, FACT_COLUMNS, 14, 1)).toBe(column);
    expect(snapshot(sheet, noteRow + by, 0, 1, 2)).toBe(note);
    expect(snapshot(sheet, tableRow + by, 0, 3, 3)).toBe(table);
    expect(userTable).toMatchObject({ r0: tableRow + by, c0: 0, rows: 3, cols: 3 });
    expect(sheet.charts.find((c) => c.name === "我的图表")).toEqual({
      name: "我的图表",
      title: "趋势",
      data: "user",
      at: { r: noteRow + 2 + by, c: 3 },
    });
    expect(excel.model.tables.find((t) => t.name === "HH_Facts")).toMatchObject({
      r0: 0,
      c0: 0,
      rows: MORE + 1,
      cols: FACT_COLUMNS,
    });
    expect(sheet.cell(MORE, 0).value).toBe(moreRequest.facts.rows[MORE - 1][0]);
    // The note is not adjacent to the table: the blank row between them stays.
    expect(sheet.cell(MORE + 1, 0).value).toBeNull();

    // Fewer rows: 10 facts. Nothing of theirs moves; only the add-in's old rows go.
    const few = await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 10)));
    expect(few.sheets[0].moved).toEqual([]);
    expect(describeLoad(few, "en")).not.toMatch(/moved/);
    expect(snapshot(sheet, 0, FACT_COLUMNS, 14, 1)).toBe(column);
    expect(snapshot(sheet, noteRow + by, 0, 1, 2)).toBe(note);
    expect(snapshot(sheet, tableRow + by, 0, 3, 3)).toBe(table);
    expect(sheet.charts.map((c) => c.name)).toEqual(["我的图表"]);
    expect(excel.model.tables.find((t) => t.name === "HH_Facts")).toMatchObject({ r0: 0, c0: 0, rows: 11 });
    expect(
      sheet
        .grid(11, 0, noteRow + by - 11, FACT_COLUMNS)
        .flat()
        .every((v) => v === null),
    ).toBe(true);
    expect(excel.model.tables.map((t) => t.name).sort()).toEqual(["HH_Facts", "HH_Sources", "HH_Targets", "我的表"]);
  });

  it("keeps what a user typed into the table's next row and column when Excel grew the table over them", async () => {
    const excel = fakeExcel();
    await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 10)));
    const sheet = excel.model.sheet("HH 数据");
    // Typing next to a table makes Excel grow it: one more column (U) and one more row (12).
    const facts = excel.model.tables.find((t) => t.name === "HH_Facts")!;
    facts.cols += 1;
    facts.rows += 1;
    sheet.set(0, FACT_COLUMNS, { value: "我的列" });
    sheet.set(3, FACT_COLUMNS, { value: 99 });
    sheet.set(11, 0, { value: "我加的一行" });
    const result = await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 20)));
    expect(result.sheets[0].moved).toEqual([{ from: "A12", shift: "down", by: 10 }]);
    expect(sheet.cell(21, 0).value).toBe("我加的一行");
    expect(sheet.cell(0, FACT_COLUMNS).value).toBe("我的列");
    expect(sheet.cell(3, FACT_COLUMNS).value).toBe(99);
    expect(excel.model.tables.find((t) => t.name === "HH_Facts")).toMatchObject({ rows: 21, cols: FACT_COLUMNS });
  });

  it("moves a user's content aside when the add-in's table is gone from its sheet", async () => {
    const excel = fakeExcel();
    await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 5)));
    const sheet = excel.model.sheet("HH 数据");
    // The user deleted the add-in's table and its rows, and typed in A1.
    excel.model.tables = excel.model.tables.filter((t) => t.name !== "HH_Facts");
    for (let r = 0; r < 6; r++) for (let c = 0; c < FACT_COLUMNS; c++) sheet.put(r, c, undefined);
    sheet.set(0, 0, { value: "我的标题" });
    const result = await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 5)));
    expect(result.sheets[0].moved).toEqual([{ from: "A1", shift: "down", by: 7 }]);
    expect(sheet.cell(7, 0).value).toBe("我的标题");
    expect(sheet.cell(0, 0).value).toBe("指标ID");
  });
});

describe("a column or row a user inserted inside the add-in's table", () => {
  /** Every cell, mark and table of a sheet, to show nothing changed. */
  const state = (model: WorkbookModel, sheet: SheetModel) =>
    JSON.stringify([
      [...sheet.cells],
      [...sheet.props],
      model.tables.filter((t) => t.sheet === sheet).map((t) => ({ ...t, sheet: t.sheet.name })),
    ]);

  it("refuses to refresh the sheet when a column was inserted among the add-in's (before D), losing nothing", async () => {
    const excel = fakeExcel();
    await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 10)));
    const sheet = excel.model.sheet("HH 数据");
    const table = excel.model.tables.find((t) => t.name === "HH_Facts")!;
    // Insert > Table Columns to the Left at D: D…T move right and the table grows by one column.
    for (let r = 0; r < table.rows; r++) {
      for (let c = table.cols - 1; c >= 3; c--) sheet.put(r, c + 1, sheet.cell(r, c));
      sheet.put(r, 3, undefined);
    }
    table.cols += 1;
    sheet.set(0, 3, { value: "我的备注" });
    for (let r = 1; r < table.rows; r++) sheet.set(r, 3, { value: `note ${r}` });
    const before = state(excel.model, sheet);

    const result = await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 12)));
    expect(state(excel.model, sheet)).toBe(before);
    expect(result.refused).toEqual([{ role: "facts", name: "HH 数据", table: "HH_Facts", change: "columns" }]);
    expect(result.sheets.map((s) => s.role)).toEqual(["sources", "targets"]);
    const zh = describeLoad(result, "zh");
    expect(zh).toContain(PANE_MESSAGES.zh.refreshRefused("HH 数据", "HH_Facts", "columns"));
    expect(zh).not.toContain("「HH 数据」(已原位刷新)");
    expect(describeLoad(result, "en")).toContain(PANE_MESSAGES.en.refreshRefused("HH 数据", "HH_Facts", "columns"));
  });

  it("refuses when a row was inserted inside the table, but not when the user typed below it", async () => {
    const excel = fakeExcel();
    await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 10)));
    const sheet = excel.model.sheet("HH 数据");
    const table = excel.model.tables.find((t) => t.name === "HH_Facts")!;
    // Insert > Table Rows Above on sheet row 4: rows 4…11 move down, the table grows by one row.
    for (let r = table.rows - 1; r >= 3; r--)
      for (let c = 0; c < table.cols; c++) sheet.put(r + 1, c, sheet.cell(r, c));
    for (let c = 0; c < table.cols; c++) sheet.put(3, c, undefined);
    table.rows += 1;
    sheet.set(3, 0, { value: "我的小计" });
    const before = state(excel.model, sheet);
    const result = await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 12)));
    expect(state(excel.model, sheet)).toBe(before);
    expect(result.refused).toEqual([{ role: "facts", name: "HH 数据", table: "HH_Facts", change: "rows" }]);
    expect(describeLoad(result, "en")).toContain(PANE_MESSAGES.en.refreshRefused("HH 数据", "HH_Facts", "rows"));

    // Once their row is out of the table (moved below it), the refresh goes ahead and keeps it.
    for (let c = 0; c < table.cols; c++) sheet.put(3, c, undefined);
    for (let r = 4; r < table.rows; r++) for (let c = 0; c < table.cols; c++) sheet.put(r - 1, c, sheet.cell(r, c));
    for (let c = 0; c < table.cols; c++) sheet.put(table.rows - 1, c, undefined);
    sheet.set(table.rows - 1, 0, { value: "我的小计" }); // typed right under the table: Excel keeps it inside
    const again = await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 12)));
    expect(again.refused).toEqual([]);
    expect(again.sheets[0].moved).toEqual([{ from: "A12", shift: "down", by: 2 }]);
    expect(sheet.cell(13, 0).value).toBe("我的小计");
    expect(excel.model.tables.find((t) => t.name === "HH_Facts")).toMatchObject({ rows: 13, cols: FACT_COLUMNS });
  });

  it("refuses when an add-in column was deleted and one of the user's inserted in its place (same width)", async () => {
    const excel = fakeExcel();
    await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 10)));
    const sheet = excel.model.sheet("HH 数据");
    // Column D (类别) deleted, their column inserted at D: the table is as wide as the mark says.
    for (let r = 0; r < 11; r++) sheet.put(r, 3, { value: r === 0 ? "我的列" : r, format: "General" });
    const before = state(excel.model, sheet);
    const result = await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 10)));
    expect(state(excel.model, sheet)).toBe(before);
    expect(result.refused.map((r) => r.change)).toEqual(["columns"]);
  });

  it("prints a row as written and as Excel reads it back alike, and neighbouring rows apart", () => {
    const written = ["'=HYPERLINK(1)", "2023", 0.1 + 0.2, true, '=HH.VALUE("gdp",2023)', ""];
    const readBack = ["=HYPERLINK(1)", "2023", 0.3, "TRUE", '=HH.VALUE("GDP", 2023)', null];
    expect(rowPrint(readBack)).toBe(rowPrint(written));
    expect(rowPrint(["gdp", "2023", 1])).not.toBe(rowPrint(["gdp", "2023", 2]));
    expect(rowPrint(["gdp", "2023"])).not.toBe(rowPrint(["gdp2", "023"]));
    const mark = {
      role: "facts" as const,
      rows: 11,
      columns: 2,
      header: rowPrint(["a", "b"]),
      last: rowPrint(["x", 1]),
    };
    expect(layoutChange({ rows: 11, columns: 2 }, mark, ["a", "b"], undefined)).toBeNull();
    expect(layoutChange({ rows: 11, columns: 3 }, mark, ["a", "b"], undefined)).toBeNull();
    expect(layoutChange({ rows: 11, columns: 3 }, mark, ["a", "mine"], undefined)).toBe("columns");
    expect(layoutChange({ rows: 12, columns: 2 }, mark, ["a", "b"], ["x", 1])).toBeNull();
    expect(layoutChange({ rows: 12, columns: 2 }, mark, ["a", "b"], ["w", 0])).toBe("rows");
    expect(layoutChange({ rows: 12, columns: 2 }, { role: "facts" }, undefined, undefined)).toBeNull();
  });

  it("with a mark written before header and row prints: refuses a table wider or longer than the mark says", async () => {
    const excel = fakeExcel();
    await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 10)));
    const sheet = excel.model.sheet("HH 数据");
    const { header, last, ...older } = parseMark(sheet.props.get(OWNER_KEY))!;
    expect([typeof header, typeof last]).toEqual(["string", "string"]);
    sheet.props.set(OWNER_KEY, formatMark(older));
    excel.model.tables.find((t) => t.name === "HH_Facts")!.rows += 1;
    sheet.set(11, 0, { value: "我的一行" });
    const result = await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 10)));
    expect(result.refused.map((r) => r.change)).toEqual(["rows"]);
    expect(sheet.cell(11, 0).value).toBe("我的一行");
  });
});

describe("a user's references to the add-in's table", () => {
  /** A total on the user's own sheet over the table's 数值 column, as they would type it. */
  const TOTAL = "=SUM(HH_Facts[数值])";

  it("keep following the table through refreshes: the table is resized in place, never converted", async () => {
    const excel = fakeExcel();
    await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 10)));
    const sheet = excel.model.sheet("HH 数据");
    const table = excel.model.tables.find((t) => t.name === "HH_Facts")!;
    const mine = excel.model.sheet("Sheet1");
    mine.set(0, 0, { value: "#CALC", formula: TOTAL });
    // A note under the table, so the larger load has to move something.
    sheet.set(13, 0, { value: "备注" });

    // Same size, then larger (the note moves), then smaller.
    for (const n of [10, 30, 5]) {
      const result = await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, n)));
      expect(excel.converted).toEqual([]);
      expect(excel.model.tables.find((t) => t.name === "HH_Facts")).toBe(table);
      expect(mine.cell(0, 0).formula).toBe(TOTAL);
      // The total covers every data row written: the 数值 column (I) of rows 2 … n + 1.
      expect(excel.model.resolve(TOTAL)).toMatchObject({ sheet, r0: 1, c0: 8, rows: n, cols: 1 });
      expect(describeLoad(result, "en")).not.toMatch(/ExcelApi/);
    }
    expect(sheet.cell(33, 0).value).toBe("备注");
  });

  it("on Excel without Table.resize: a same-size refresh keeps the table, a resize re-creates it and says so", async () => {
    const excel = fakeExcel(undefined, { tableResize: false });
    const options = { resizeTables: false };
    await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 10)), options);
    const mine = excel.model.sheet("Sheet1");
    mine.set(0, 0, { value: "#CALC", formula: TOTAL });

    const same = await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 10)), options);
    expect(excel.converted).toEqual([]);
    expect(mine.cell(0, 0).formula).toBe(TOTAL);
    expect(same.sheets.map((s) => s.recreatedTable)).toEqual([undefined, undefined, undefined]);

    const larger = await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 30)), options);
    expect(excel.converted).toContain("HH_Facts");
    // What Excel does to the user's formula: a fixed range that misses the new rows. The pane says so.
    expect(mine.cell(0, 0).formula).toBe("=SUM('HH 数据'!$I$2:$I$11)");
    expect(larger.sheets[0].recreatedTable).toBe("HH_Facts");
    expect(describeLoad(larger, "zh")).toContain(PANE_MESSAGES.zh.tableRecreated("HH 数据", "HH_Facts"));
    expect(describeLoad(larger, "en")).toContain(PANE_MESSAGES.en.tableRecreated("HH 数据", "HH_Facts"));
    expect(excel.model.tables.find((t) => t.name === "HH_Facts")).toMatchObject({ rows: 31, cols: FACT_COLUMNS });
  });
});

describe("the add-in's table on its sheet is the one its mark names", () => {
  it("leaves a user's table alone even when it is named like the add-in's (HH_Facts_2)", async () => {
    const excel = fakeExcel();
    await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 5)));
    const sheet = excel.model.sheet("HH 数据");
    // The user's own table far below, named like a numbered add-in table, listed first.
    const row = 40;
    sheet.set(row, 0, { value: "项目" });
    sheet.set(row, 1, { value: "金额" });
    sheet.set(row + 1, 0, { value: "甲" });
    sheet.set(row + 1, 1, { value: 12.5 });
    excel.model.tables.unshift({ name: "HH_Facts_2", sheet, r0: row, c0: 0, rows: 2, cols: 2 });
    const before = snapshot(sheet, row, 0, 2, 2);
    await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 8)));
    expect(snapshot(sheet, row, 0, 2, 2)).toBe(before);
    expect(excel.model.tables.find((t) => t.name === "HH_Facts_2")).toMatchObject({ sheet, r0: row, rows: 2 });
    expect(excel.model.tables.find((t) => t.name === "HH_Facts")).toMatchObject({ sheet, r0: 0, rows: 9 });
  });
});

describe("a copy of an owned sheet is the user's", () => {
  function copySheet(model: WorkbookModel, original: SheetModel, name: string): SheetModel {
    const copy = new SheetModel(name);
    for (const [r, c, cell] of original.entries()) copy.set(r, c, { ...cell });
    for (const [k, v] of original.props) copy.props.set(k, v); // Excel copies custom properties
    model.sheets.unshift(copy); // first, so order cannot be what tells them apart
    const table = model.tables.find((t) => t.sheet === original && t.name === "HH_Facts")!;
    model.tables.push({ ...table, sheet: copy, name: "HH_Facts3" });
    return copy;
  }

  it("refreshes the original and never touches the copy", async () => {
    const excel = fakeExcel();
    await loadIntoSheets(excel.run, request(store));
    const original = excel.model.sheet("HH 数据");
    const copy = copySheet(excel.model, original, "HH 数据 (2)");
    copy.set(2, 0, { value: "我改过的" });
    const before = JSON.stringify([...copy.cells]);
    const result = await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 10)));
    expect(result.sheets[0]).toMatchObject({ name: "HH 数据", created: false });
    expect(JSON.stringify([...copy.cells])).toBe(before);
    expect(excel.model.tables.find((t) => t.sheet === copy)).toMatchObject({
      name: "HH_Facts3",
      rows: store.dataset.facts.length + 1,
    });
    expect(original.usedRows()).toBe(11);
  });

  it("reads marks written before ids: owned only with the add-in's table on the sheet, then upgraded", () => {
    expect(parseMark("facts")).toEqual({ role: "facts" });
    expect(parseMark("nonsense")).toBeNull();
    expect(parseMark('{"role":"x"}')).toBeNull();
    expect(ownedRole(parseMark("facts"), "{a}", ["HH_Facts"])).toBe("facts");
    expect(ownedRole(parseMark("facts"), "{a}", ["Table1"])).toBeNull();
    const mark = parseMark(formatMark({ role: "facts", sheetId: "{a}", table: "HH_Facts", complete: true }));
    expect(ownedRole(mark, "{a}", [])).toBe("facts");
    expect(ownedRole(mark, "{b}", ["HH_Facts"])).toBeNull();
  });

  it("treats an old-mark sheet without the add-in's table as the user's, and upgrades a genuine old mark", async () => {
    const excel = fakeExcel();
    await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 10)));
    const genuine = excel.model.sheet("HH 数据");
    genuine.props.set(OWNER_KEY, "facts"); // as an older version wrote it
    const lookalike = excel.model.addSheet("Copied facts");
    lookalike.props.set(OWNER_KEY, "facts");
    lookalike.set(0, 0, { value: "mine" });
    excel.model.sheets.unshift(excel.model.sheets.pop()!);
    const result = await loadIntoSheets(excel.run, request(store, store.dataset.facts.slice(0, 10)));
    expect(result.sheets[0]).toMatchObject({ name: "HH 数据", created: false });
    expect(lookalike.cell(0, 0).value).toBe("mine");
    expect(lookalike.usedRows()).toBe(1);
    expect(parseMark(genuine.props.get(OWNER_KEY))).toMatchObject({ role: "facts", sheetId: genuine.id });
  });
});

describe("growthBands", () => {
  it("is the rows the block grows into, widened to a user table it meets", () => {
    const previous = { row: 0, column: 0, rows: 10, columns: 4 };
    expect(growthBands(previous, { ...previous, rows: 8 })).toEqual([]);
    expect(growthBands(previous, { ...previous, rows: 15 }, [{ row: 12, column: 2, rows: 3, columns: 5 }])).toEqual([
      { row: 10, column: 0, rows: 5, columns: 7, shift: "down" },
    ]);
    expect(growthBands(previous, { ...previous, columns: 6 })).toEqual([
      { row: 0, column: 4, rows: 10, columns: 2, shift: "right" },
    ]);
    expect(growthBands(null, { row: 0, column: 0, rows: 3, columns: 2 })).toEqual([
      { row: 0, column: 0, rows: 4, columns: 2, shift: "down" },
    ]);
  });
});
