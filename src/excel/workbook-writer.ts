/**
 * The workbook writer: copies the tables built in tables.ts into ranges, inserts formulas, formula
 * blocks and charts, and reads the selection. Every operation uses a fixed number of context.sync()
 * calls whatever the number of rows (writes are queued, then synced once per phase), and never writes
 * to a sheet it does not own.
 */
import { cellAddress, splitAddress } from "./address";
import { SHEET_NAME, TABLE_NAME, type Lang, type SheetRole } from "./labels";
import { freeTableName, OWNER_KEY, planSheets, type ExistingSheet, type SheetPlan } from "./ownership";
import { text, type Cell, type SheetBlock } from "./tables";

/** Excel.run, or a mock of it in tests. */
export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export const excelRun: Run = (batch) => Excel.run(batch);

type Area = (row: number, column: number, rows: number, columns: number) => Excel.Range;

const column = <T>(n: number, value: T): T[][] => Array.from({ length: n }, () => [value]);

/** Queues a block: text formats first (so text stays text), then content, number formats, widths. */
function queueBlock(area: Area, block: SheetBlock, options: { widths: boolean }): Excel.Range {
  const n = block.rows.length;
  const width = block.header.length;
  for (const c of block.textColumns) area(0, c, n + 1, 1).numberFormat = column(n + 1, "@");
  if (n > 0) {
    for (const f of block.columnFormats) area(1, f.column, n, 1).numberFormat = column(n, f.format);
    for (const f of block.rowFormats) area(1, f.column, n, 1).numberFormat = f.formats.map((x) => [x]);
  }
  const range = area(0, 0, n + 1, width);
  const content: Cell[][] = [block.header.map(text), ...block.rows];
  if (block.formulas === "A1") range.formulas = content;
  else if (block.formulas === "R1C1") range.formulasR1C1 = content;
  else range.values = content;
  if (options.widths) block.widths.forEach((w, c) => (area(0, c, 1, 1).format.columnWidth = w));
  return range;
}

interface Inspection {
  existing: ExistingSheet[];
  tables: Array<{ name: string; sheet: string }>;
}

/** Two syncs: sheet and table names, then each sheet's owner mark and each table's sheet. */
async function inspect(context: Excel.RequestContext, withTables: boolean): Promise<Inspection> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tables = context.workbook.tables;
  if (withTables) tables.load("items/name");
  await context.sync();
  const marks = sheets.items.map((sheet) => {
    const mark = sheet.customProperties.getItemOrNullObject(OWNER_KEY);
    mark.load("value");
    return mark;
  });
  const tableSheets = withTables
    ? tables.items.map((table) => {
        const ws = table.worksheet;
        ws.load("name");
        return { table, ws };
      })
    : [];
  await context.sync();
  return {
    existing: sheets.items.map((sheet, i) => ({
      name: sheet.name,
      role: marks[i].isNullObject ? null : String(marks[i].value),
    })),
    tables: tableSheets.map(({ table, ws }) => ({ name: table.name, sheet: ws.name })),
  };
}

/** The owned sheet for a plan: created and marked, or cleared for a refresh in place. */
function prepareSheet(context: Excel.RequestContext, plan: SheetPlan, clear: boolean): Excel.Worksheet {
  if (plan.create) {
    const sheet = context.workbook.worksheets.add(plan.name);
    sheet.customProperties.add(OWNER_KEY, plan.role);
    return sheet;
  }
  const sheet = context.workbook.worksheets.getItem(plan.name);
  if (clear) sheet.getRange().clear();
  return sheet;
}

export type LoadStep = "inspect" | "facts" | "sources" | "done";

export interface LoadRequest {
  lang: Lang;
  facts: SheetBlock;
  sources: SheetBlock;
  targets: SheetBlock;
}

export interface LoadResult {
  sheets: Array<{ role: SheetRole; name: string; created: boolean; avoided?: string; rows: number }>;
  syncs: number;
}

const DATA_ROLES = ["facts", "sources", "targets"] as const;

/** "加载到工作表": facts, sources and target tracking as tables in owned sheets; four syncs in all. */
export async function loadIntoSheets(
  run: Run,
  request: LoadRequest,
  onProgress?: (fraction: number, step: LoadStep) => void,
): Promise<LoadResult> {
  return run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    onProgress?.(0.05, "inspect");
    const { existing, tables: tableList } = await inspect(context, true);
    syncs += 2;
    const plans = planSheets(
      existing,
      DATA_ROLES.map((role) => ({ role, preferred: SHEET_NAME[request.lang][role] })),
    );
    const refreshed = plans.filter((p) => !p.create).map((p) => p.name);
    // Our old tables go first, so their names are free again and the sheets can be cleared.
    for (const t of tableList) {
      if (refreshed.includes(t.sheet)) context.workbook.tables.getItem(t.name).delete();
    }
    onProgress?.(0.25, "facts");

    const write = (plan: SheetPlan, block: SheetBlock) => {
      const sheet = prepareSheet(context, plan, true);
      const range = queueBlock((r, c, h, w) => sheet.getRangeByIndexes(r, c, h, w), block, { widths: true });
      const role = plan.role as keyof typeof TABLE_NAME;
      // A table needs a data row; an empty selection still gets a header and one blank row.
      const tableRange = block.rows.length > 0 ? range : sheet.getRangeByIndexes(0, 0, 2, block.header.length);
      const table = sheet.tables.add(tableRange, true);
      table.name = freeTableName(TABLE_NAME[role], tableList, refreshed);
      table.style = "TableStyleMedium2";
      sheet.freezePanes.freezeRows(1);
      return sheet;
    };

    const [factsPlan, sourcesPlan, targetsPlan] = plans;
    const factsSheet = write(factsPlan, request.facts);
    await sync();
    onProgress?.(0.7, "sources");
    write(sourcesPlan, request.sources);
    write(targetsPlan, request.targets);
    factsSheet.activate();
    factsSheet.getRange("A1").select();
    await sync();
    onProgress?.(1, "done");
    const rows = {
      facts: request.facts.rows.length,
      sources: request.sources.rows.length,
      targets: request.targets.rows.length,
    };
    return {
      sheets: plans.map((p) => ({
        role: p.role,
        name: p.name,
        created: p.create,
        avoided: p.avoided,
        rows: rows[p.role as keyof typeof rows],
      })),
      syncs,
    };
  });
}

export interface ChartRequest {
  lang: Lang;
  /** Unique per indicator and region: inserting the same chart twice shows the existing one. */
  chartName: string;
  title: string;
  block: SheetBlock;
}

export interface ChartResult {
  sheet: string;
  existed: boolean;
  avoided?: string;
  syncs: number;
}

/** "插入图表": the series as live HH formulas plus a native line chart, on the add-in's chart sheet. */
export async function insertChart(run: Run, request: ChartRequest): Promise<ChartResult> {
  return run(async (context) => {
    let syncs = 2;
    const { existing } = await inspect(context, false);
    const [plan] = planSheets(existing, [{ role: "charts", preferred: SHEET_NAME[request.lang].charts }]);
    const sheet = prepareSheet(context, plan, false);
    let startRow = 0;
    if (!plan.create) {
      const chart = sheet.charts.getItemOrNullObject(request.chartName);
      chart.load("name");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,rowCount");
      await context.sync();
      syncs++;
      if (!chart.isNullObject) {
        sheet.activate();
        chart.activate();
        await context.sync();
        return { sheet: plan.name, existed: true, syncs: syncs + 1 };
      }
      startRow = used.isNullObject ? 0 : used.rowIndex + used.rowCount + 2;
    }
    const title = sheet.getRangeByIndexes(startRow, 0, 1, 1);
    title.numberFormat = [["@"]];
    title.values = [[text(request.title)]];
    title.format.font.bold = true;
    const area: Area = (r, c, h, w) => sheet.getRangeByIndexes(startRow + 1 + r, c, h, w);
    const data = queueBlock(area, request.block, { widths: plan.create });
    const chart = sheet.charts.add("LineMarkers", data, "Columns");
    chart.name = request.chartName;
    chart.title.text = request.title;
    chart.setPosition(sheet.getRangeByIndexes(startRow, 4, 1, 1), sheet.getRangeByIndexes(startRow + 15, 10, 1, 1));
    sheet.activate();
    title.select();
    await context.sync();
    return { sheet: plan.name, existed: false, avoided: plan.avoided, syncs: syncs + 1 };
  });
}

export interface FormulaRequest {
  /** The formula for the sheet it lands on (references to other sheets get qualified). */
  build: (targetSheet: string) => string;
  /** Format the cell as % when it still has the General format. */
  percent?: boolean;
  /** Cells the formula reads: never overwrite them (write next to the selection instead). */
  avoid?: { sheet: string; cells: string[] };
}

/** "插入公式": into the selected cell, or next to the selection when that cell is one of the inputs. */
export async function insertFormula(run: Run, request: FormulaRequest): Promise<{ address: string; formula: string }> {
  return run(async (context) => {
    const selection = context.workbook.getSelectedRange();
    selection.load("address,columnCount");
    const cell = selection.getCell(0, 0);
    cell.load("address,numberFormat");
    await context.sync();
    const here = splitAddress(cell.address);
    const blocked =
      request.avoid && request.avoid.sheet === here.sheet && request.avoid.cells.includes(here.cell.replace(/\$/g, ""));
    const target = blocked ? selection.getCell(0, selection.columnCount - 1).getOffsetRange(0, 1) : cell;
    const formula = request.build(here.sheet);
    if (request.percent && (blocked || String(cell.numberFormat[0][0]) === "General"))
      target.numberFormat = [["0.00%"]];
    target.formulas = [[formula]];
    target.select();
    target.load("address");
    await context.sync();
    return { address: target.address, formula };
  });
}

export interface SelectedNumbers {
  sheet: string;
  address: string;
  cells: Array<{ cell: string; value: number }>;
}

/** "读取所选单元格": the numbers in the selection, row by row (only its top-left 50 × 26 cells: a whole column selected is a million rows). */
export async function readSelection(run: Run): Promise<SelectedNumbers> {
  return run(async (context) => {
    const selection = context.workbook.getSelectedRange();
    selection.load("address,rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    const area = selection
      .getCell(0, 0)
      .getResizedRange(Math.min(selection.rowCount, 50) - 1, Math.min(selection.columnCount, 26) - 1);
    area.load("values");
    await context.sync();
    const { sheet } = splitAddress(selection.address);
    const cells: SelectedNumbers["cells"] = [];
    (area.values as unknown[][]).forEach((row, r) =>
      row.forEach((value, c) => {
        if (typeof value === "number" && cells.length < 12) {
          cells.push({ cell: cellAddress(selection.rowIndex + r, selection.columnIndex + c), value });
        }
      }),
    );
    return { sheet, address: selection.address, cells };
  });
}

export type BlockResult = { ok: true; address: string } | { ok: false; address: string };

/** A small table of formulas at the selected cell; refuses (and says where) if the area is not empty. */
export async function insertBlockAtSelection(
  run: Run,
  block: SheetBlock,
  options: { dataBarColumn?: number } = {},
): Promise<BlockResult> {
  return run(async (context) => {
    const anchor = context.workbook.getSelectedRange().getCell(0, 0);
    const target = anchor.getResizedRange(block.rows.length, block.header.length - 1);
    target.load("address,values");
    await context.sync();
    const occupied = (target.values as unknown[][]).some((row) => row.some((v) => v !== "" && v !== null));
    if (occupied) return { ok: false, address: target.address };
    const area: Area = (r, c, h, w) => anchor.getOffsetRange(r, c).getResizedRange(h - 1, w - 1);
    queueBlock(area, block, { widths: false });
    area(0, 0, 1, block.header.length).format.font.bold = true;
    if (options.dataBarColumn !== undefined && block.rows.length > 0) {
      area(1, options.dataBarColumn, block.rows.length, 1).conditionalFormats.add("DataBar");
    }
    target.select();
    await context.sync();
    return { ok: true, address: target.address };
  });
}
