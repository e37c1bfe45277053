/**
 * The workbook writer: copies the tables built in tables.ts into ranges, inserts formulas, formula
 * blocks and charts, and reads the selection. Large writes go in row chunks under a request byte
 * budget (requests.ts), so context.sync() calls grow with bytes / budget, never with rows; small
 * ones are queued and synced once per phase. It never writes to a sheet it does not own, and on its
 * own sheets it rewrites only its own table's area (moving aside, and reporting, what a user added in
 * the way).
 */
import { cellAddress, splitAddress } from "./address";
import { SHEET_NAME, TABLE_NAME, type Lang, type SheetRole } from "./labels";
import { growthBands, type Band, type Rect } from "./layout";
import {
  formatMark,
  freeTableName,
  isAddinTableName,
  layoutChange,
  ownedRole,
  OWNER_KEY,
  parseMark,
  planSheets,
  rowPrint,
  type ExistingSheet,
  type LayoutChange,
  type OwnerMark,
  type SheetPlan,
} from "./ownership";
import { jsonBytes, RequestBudget } from "./requests";
import type { Run } from "./run";
import { text, type Cell, type SheetBlock } from "./tables";

export { excelRun, type Run } from "./run";

type Area = (row: number, column: number, rows: number, columns: number) => Excel.Range;

/** Row `i` of a block as written: 0 is the header. */
function contentRow(block: SheetBlock, i: number): Cell[] {
  return i === 0 ? block.header.map(text) : block.rows[i - 1];
}

/** Each row's number formats: text columns "@" (header included, so text stays text), then column and per-row formats. */
function formatRows(block: SheetBlock): (i: number) => string[] {
  const header = block.header.map(() => "General");
  const base = block.header.map(() => "General");
  for (const c of block.textColumns) header[c] = base[c] = "@";
  for (const f of block.columnFormats) base[f.column] = f.format;
  return (i) => {
    if (i === 0) return header;
    if (block.rowFormats.length === 0) return base;
    const row = [...base];
    for (const f of block.rowFormats) row[f.column] = f.formats[i - 1];
    return row;
  };
}

/** Queues rows [from, to) of a block: number formats first (so text stays text), then content. */
function queueRows(area: Area, block: SheetBlock, formats: (i: number) => string[], from: number, to: number) {
  const range = area(from, 0, to - from, block.header.length);
  const rows = Array.from({ length: to - from }, (_, k) => from + k);
  range.numberFormat = rows.map(formats);
  const content = rows.map((i) => contentRow(block, i));
  if (block.formulas === "A1") range.formulas = content;
  else if (block.formulas === "R1C1") range.formulasR1C1 = content;
  else range.values = content;
}

/** Queues a small block whole (charts, formula blocks): one request. */
function queueBlock(area: Area, block: SheetBlock, options: { widths: boolean }): Excel.Range {
  queueRows(area, block, formatRows(block), 0, block.rows.length + 1);
  if (options.widths) block.widths.forEach((w, c) => (area(0, c, 1, 1).format.columnWidth = w));
  return area(0, 0, block.rows.length + 1, block.header.length);
}

/**
 * Writes a block in row chunks under the request budget, syncing after each full chunk; the last
 * chunk stays queued for the caller's next sync. Stops after the chunk in flight once `signal` is
 * aborted. Returns the data rows written (queued).
 */
async function writeChunked(
  requests: RequestBudget,
  area: Area,
  block: SheetBlock,
  onRows: (dataRows: number) => void,
  signal?: AbortSignal,
): Promise<number> {
  const formats = formatRows(block);
  const total = block.rows.length + 1;
  const cost = (i: number) => jsonBytes(contentRow(block, i)) + jsonBytes(formats(i)) + 2;
  for (let start = 0; start < total;) {
    let next = cost(start);
    if (requests.pending > 0 && !requests.fits(next)) await requests.flush();
    let end = start;
    let bytes = 0;
    // At least one row per chunk: a row is never split (a single row over budget goes alone).
    while (end < total && (end === start || requests.fits(bytes + next))) {
      bytes += next;
      end++;
      if (end < total) next = cost(end);
    }
    queueRows(area, block, formats, start, end);
    requests.add(bytes);
    start = end;
    if (start < total) {
      await requests.flush();
      onRows(start - 1);
      if (signal?.aborted) return start - 1;
    }
  }
  return block.rows.length;
}

interface TableInfo extends Rect {
  name: string;
  sheetId: string;
}

interface Inspection {
  existing: ExistingSheet[];
  tables: TableInfo[];
  /** Each sheet's mark by sheet id (null: none). */
  marks: Map<string, OwnerMark | null>;
  /**
   * By sheet id, the block of a load that stopped part-way (a request failed) before its table was
   * made: the add-in's rows, at the sheet's top left, while its header is still there as written.
   */
  unfinished: Map<string, Rect>;
}

/**
 * Two syncs: sheets and tables, then each sheet's owner mark and each table's sheet and place; a third
 * only where a load stopped part-way, to read whether its header is still where it was written.
 */
async function inspect(context: Excel.RequestContext, sync: () => Promise<void>): Promise<Inspection> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await sync();
  const marks = sheets.items.map((sheet) => {
    const mark = sheet.customProperties.getItemOrNullObject(OWNER_KEY);
    mark.load("value");
    return mark;
  });
  const placed = tables.items.map((table) => {
    const ws = table.worksheet;
    ws.load("id");
    const range = table.getRange();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return { table, ws, range };
  });
  await sync();
  const tableList: TableInfo[] = placed.map(({ table, ws, range }) => ({
    name: table.name,
    sheetId: ws.id,
    row: range.rowIndex,
    column: range.columnIndex,
    rows: range.rowCount,
    columns: range.columnCount,
  }));
  const marksById = new Map<string, OwnerMark | null>();
  const headers: Array<{ sheetId: string; mark: OwnerMark; header: Excel.Range }> = [];
  const existing = sheets.items.map((sheet, i) => {
    const mark = marks[i].isNullObject ? null : parseMark(String(marks[i].value));
    marksById.set(sheet.id, mark);
    const onSheet = tableList.filter((t) => t.sheetId === sheet.id).map((t) => t.name);
    const role = ownedRole(mark, sheet.id, onSheet);
    if (role && mark && isUnfinished(mark, onSheet)) {
      const header = sheet.getRangeByIndexes(0, 0, 1, mark.columns!).load("formulas");
      headers.push({ sheetId: sheet.id, mark, header });
    }
    return { name: sheet.name, id: sheet.id, role };
  });
  const unfinished = new Map<string, Rect>();
  if (headers.length > 0) {
    await sync();
    for (const { sheetId, mark, header } of headers)
      if (rowPrint(header.formulas[0]) === mark.header)
        unfinished.set(sheetId, { row: 0, column: 0, rows: mark.rows!, columns: mark.columns! });
  }
  return { existing, tables: tableList, marks: marksById, unfinished };
}

/** A mark of a load that stopped before it made its table (the table is added after the rows). */
function isUnfinished(mark: OwnerMark, tablesOnSheet: readonly string[]): boolean {
  return (
    mark.complete === false &&
    mark.table !== undefined &&
    !tablesOnSheet.some((t) => t.toLowerCase() === mark.table!.toLowerCase()) &&
    mark.rows !== undefined &&
    mark.columns !== undefined &&
    mark.header !== undefined
  );
}

export type LoadStep = "inspect" | "facts" | "sources" | "targets" | "done";

export interface LoadProgress {
  step: LoadStep;
  /** Data rows written so far, over all sheets. */
  rows: number;
  totalRows: number;
}

export interface LoadRequest {
  lang: Lang;
  facts: SheetBlock;
  sources: SheetBlock;
  targets: SheetBlock;
}

export interface LoadOptions {
  onProgress?: (progress: LoadProgress) => void;
  /** Aborting stops after the chunk in flight: the table then holds the rows written, and later sheets are left as they were. */
  signal?: AbortSignal;
  /**
   * Table.resize (ExcelApi 1.13) is available (the default). Without it a refreshed table that changes
   * size goes back to a range and is re-created, which turns references to it into fixed ranges.
   */
  resizeTables?: boolean;
}

/** User content the add-in moved out of its block's way: it was at `from` and moved by `by` rows or columns. */
export interface Moved {
  from: string;
  shift: Band["shift"];
  by: number;
}

export interface SheetOutcome {
  role: SheetRole;
  name: string;
  created: boolean;
  avoided?: string;
  /** Data rows asked for, and written (fewer only when cancelled). */
  rows: number;
  written: number;
  moved: Moved[];
  /**
   * The add-in's table that had to be converted to a range and re-created (Excel without Table.resize):
   * formulas and pivots that referred to it by name now refer to fixed cells.
   */
  recreatedTable?: string;
}

/** An owned sheet left as it was: a user inserted a column or row inside the add-in's table. */
export interface RefusedSheet {
  role: SheetRole;
  name: string;
  table: string;
  change: LayoutChange;
}

export interface LoadResult {
  /** The sheets written, in order; after a cancel the later ones are missing (left as they were). */
  sheets: SheetOutcome[];
  /** Sheets not refreshed, and not changed at all, because the add-in's block is no longer where it wrote it. */
  refused: RefusedSheet[];
  cancelled: boolean;
  syncs: number;
}

const DATA_ROLES = ["facts", "sources", "targets"] as const;
type DataRole = (typeof DATA_ROLES)[number];

/** A used range loaded at the prepare sync: what a user has in a band the block grows into. */
interface BandCheck {
  band: Band;
  used: Excel.Range;
}

/** "加载到工作表": facts, sources and target tracking as tables in owned sheets, in chunks under the request budget. */
export async function loadIntoSheets(run: Run, request: LoadRequest, options: LoadOptions = {}): Promise<LoadResult> {
  const { onProgress, signal, resizeTables = true } = options;
  return run(async (context) => {
    let inspectSyncs = 0;
    const requests = new RequestBudget(() => context.sync());
    const totalRows = DATA_ROLES.reduce((n, role) => n + request[role].rows.length, 0);
    onProgress?.({ step: "inspect", rows: 0, totalRows });
    const { existing, tables, marks, unfinished } = await inspect(context, async () => {
      inspectSyncs++;
      await context.sync();
    });
    const plans = planSheets(
      existing,
      DATA_ROLES.map((role) => ({ role, preferred: SHEET_NAME[request.lang][role] })),
    );

    // Prepare (one sync): create missing sheets (their ids go into the marks) and look at what a
    // user has where each refreshed block will grow. Nothing is changed on existing sheets yet.
    const prepared = plans.map((plan, i) => {
      const block = request[DATA_ROLES[i]];
      const sheet = plan.create
        ? context.workbook.worksheets.add(plan.name)
        : context.workbook.worksheets.getItem(plan.id ?? plan.name);
      sheet.load("id");
      const own = plan.create ? undefined : ownTable(plan, tables, marks.get(plan.id ?? ""));
      // Without its table, an unfinished load's rows are the add-in's to clear (inspect checked its header).
      const previous = own ? writtenArea(own, marks.get(own.sheetId)) : plan.id ? unfinished.get(plan.id) : undefined;
      const at = own ?? { row: 0, column: 0 };
      const next: Rect = { ...at, rows: Math.max(2, block.rows.length + 1), columns: block.header.length };
      const layout = queueLayoutCheck(sheet, own, own && marks.get(own.sheetId));
      const userTables = tables.filter((t) => t.sheetId === plan.id && t !== own);
      const checks: BandCheck[] = plan.create
        ? []
        : growthBands(previous ?? null, next, userTables).map((band) => {
            const used = sheet
              .getRangeByIndexes(band.row, band.column, band.rows, band.columns)
              .getUsedRangeOrNullObject(false);
            used.load("address");
            return { band, used };
          });
      return { plan, block, sheet, own, previous, next, checks, layout };
    });
    await requests.flush();

    const outcomes: SheetOutcome[] = [];
    const refused: RefusedSheet[] = [];
    let rowsBefore = 0;
    let cancelled = false;
    for (const { plan, block, sheet, own, previous, next, checks, layout } of prepared) {
      const role = plan.role as DataRole;
      // Aborted between sheets (during the last chunk of the one before) counts as cancelled too.
      if (cancelled || signal?.aborted) {
        cancelled = true;
        // Never reached: a sheet created for this load goes again; an existing one keeps its old table.
        if (plan.create) sheet.delete();
        continue;
      }
      // A column or row the user inserted inside the table: clearing the block's old rectangle would
      // erase their cells and miss the add-in's own, so the sheet is left exactly as it is.
      const change = layout();
      if (change && own) {
        refused.push({ role, name: plan.name, table: own.name, change });
        continue;
      }
      onProgress?.({ step: role, rows: rowsBefore, totalRows });
      const at = (rect: Rect) => sheet.getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns);
      // The add-in's table stays the same table: converting it to a range would turn users' references
      // to it (=SUM(HH_Facts[数值]), pivots) into fixed ranges that miss the rows of a larger load.
      // Without Table.resize only a refresh of the same size can keep it.
      const keep = own && previous && (resizeTables || (sameSize(own, previous) && sameSize(own, next)));
      const table = keep ? context.workbook.tables.getItem(own.name) : undefined;
      // Shrunk to what the add-in wrote first: what Excel grew the table over as the user typed next to
      // it is theirs, and then nothing moved below or right of the block shifts part of the table.
      if (keep && table && !sameSize(own, previous)) table.resize(at(previous));
      // Otherwise the table goes back to a range first: Excel refuses to shift part of a table.
      if (own && !keep) context.workbook.tables.getItem(own.name).convertToRange();
      const moved: Moved[] = [];
      for (const { band, used } of checks) {
        if (used.isNullObject) continue;
        const range = sheet.getRangeByIndexes(band.row, band.column, band.rows, band.columns);
        range.insert(band.shift === "down" ? "Down" : "Right");
        moved.push({
          from: splitAddress(used.address).cell,
          shift: band.shift,
          by: band.shift === "down" ? band.rows : band.columns,
        });
      }
      const tableName =
        own?.name ??
        freeTableName(
          TABLE_NAME[role],
          tables.map((t) => t.name),
        );
      const header = rowPrint(contentRow(block, 0));
      // `rows` of the table hold the block's first rows - 1 data rows: its last is row `filled`, or blank.
      const lastRow = (rows: number, filled: number) =>
        rowPrint(rows - 1 <= filled ? contentRow(block, rows - 1) : block.header.map(() => ""));
      const mark = (complete: boolean, rows: number, filled: number) =>
        sheet.customProperties.add(
          OWNER_KEY,
          formatMark({
            role,
            sheetId: sheet.id,
            table: tableName,
            complete,
            rows,
            columns: next.columns,
            header,
            last: lastRow(rows, filled),
          }),
        );
      mark(false, next.rows, block.rows.length);
      // Only what the add-in wrote is cleared; a kept table is first set to the new block, and keeps its
      // header cells (clearing one would rename its column).
      if (table && previous) {
        if (!sameSize(previous, next)) table.resize(at(next));
        if (previous.rows > 1) at({ ...previous, row: previous.row + 1, rows: previous.rows - 1 }).clear();
        if (previous.columns > next.columns)
          at({
            ...previous,
            column: previous.column + next.columns,
            rows: 1,
            columns: previous.columns - next.columns,
          }).clear();
      } else if (previous) at(previous).clear();
      const area: Area = (r, c, h, w) => sheet.getRangeByIndexes(next.row + r, next.column + c, h, w);
      const written = await writeChunked(
        requests,
        area,
        block,
        (rows) => onProgress?.({ step: role, rows: rowsBefore + rows, totalRows }),
        signal,
      );
      cancelled = written < block.rows.length;
      rowsBefore += written;
      // A table needs a data row: an empty block (or a cancel before any row) keeps one blank row.
      // Without Table.resize a kept table keeps its size (rows a cancel left unwritten stay blank).
      const tableRows = table && !resizeTables ? next.rows : Math.max(2, written + 1);
      if (table) {
        if (tableRows !== next.rows) table.resize(area(0, 0, tableRows, block.header.length));
      } else {
        const added = sheet.tables.add(area(0, 0, tableRows, block.header.length), true);
        added.name = tableName;
        added.style = "TableStyleMedium2";
      }
      sheet.freezePanes.freezeRows(next.row + 1);
      if (plan.create) block.widths.forEach((w, c) => (area(0, c, 1, 1).format.columnWidth = w));
      mark(!cancelled, tableRows, written);
      outcomes.push({
        role,
        name: plan.name,
        created: plan.create,
        avoided: plan.avoided,
        rows: block.rows.length,
        written,
        moved,
        ...(own && !keep ? { recreatedTable: tableName } : {}),
      });
    }
    const shown = prepared.find((p) => outcomes.some((o) => o.role === p.plan.role));
    if (shown) {
      shown.sheet.activate();
      shown.sheet.getRange("A1").select();
    }
    await requests.flush();
    onProgress?.({ step: "done", rows: rowsBefore, totalRows });
    return { sheets: outcomes, refused, cancelled, syncs: inspectSyncs + requests.syncs };
  });
}

/**
 * Queues the reads layoutChange needs (the prepare sync sends them): the add-in's header cells and,
 * when the table is longer than the block, the row where the add-in's last row was. Call the result
 * after that sync.
 */
function queueLayoutCheck(
  sheet: Excel.Worksheet,
  own: TableInfo | undefined,
  mark: OwnerMark | null | undefined,
): () => LayoutChange | null {
  if (!own || !mark || mark.rows === undefined || mark.columns === undefined) return () => null;
  const columns = mark.columns;
  const row = (at: number) => sheet.getRangeByIndexes(own.row + at, own.column, 1, columns).load("formulas");
  const header = row(0);
  const last = own.rows > mark.rows ? row(mark.rows - 1) : undefined;
  return () => layoutChange(own, mark, header.formulas[0], last?.formulas[0]);
}

const sameSize = (a: Rect, b: Rect) => a.rows === b.rows && a.columns === b.columns;

/** The part of the add-in's table it wrote (the mark says; older marks: the whole table). */
function writtenArea(table: TableInfo, mark: OwnerMark | null | undefined): Rect {
  return {
    row: table.row,
    column: table.column,
    rows: Math.min(table.rows, mark?.rows ?? table.rows),
    columns: Math.min(table.columns, mark?.columns ?? table.columns),
  };
}

/**
 * The add-in's table on an owned sheet: the one its mark names; for older marks without a name, the
 * one with the add-in's table name. A user's table on the sheet (even one named HH_Facts_2) is never it.
 */
function ownTable(
  plan: SheetPlan,
  tables: readonly TableInfo[],
  mark: OwnerMark | null | undefined,
): TableInfo | undefined {
  const onSheet = tables.filter((t) => t.sheetId === plan.id);
  if (mark?.table) return onSheet.find((t) => t.name.toLowerCase() === mark.table!.toLowerCase());
  return onSheet.find((t) => isAddinTableName(plan.role, t.name));
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
    let syncs = 0;
    const { existing } = await inspect(context, async () => {
      syncs++;
      await context.sync();
    });
    const [plan] = planSheets(existing, [{ role: "charts", preferred: SHEET_NAME[request.lang].charts }]);
    let startRow = 0;
    let sheet: Excel.Worksheet;
    if (plan.create) {
      // The mark records the new sheet's id, known after a sync.
      sheet = context.workbook.worksheets.add(plan.name);
      sheet.load("id");
      syncs++;
      await context.sync();
      sheet.customProperties.add(OWNER_KEY, formatMark({ role: "charts", sheetId: sheet.id }));
    } else {
      sheet = context.workbook.worksheets.getItem(plan.id ?? plan.name);
      const chart = sheet.charts.getItemOrNullObject(request.chartName);
      chart.load("name");
      // Formats and formulas showing "" count as used: the chart goes below anything there.
      const used = sheet.getUsedRangeOrNullObject(false);
      used.load("rowIndex,rowCount");
      syncs++;
      await context.sync();
      if (!chart.isNullObject) {
        sheet.activate();
        chart.activate();
        syncs++;
        await context.sync();
        return { sheet: plan.name, existed: true, syncs };
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
    syncs++;
    await context.sync();
    return { sheet: plan.name, existed: false, avoided: plan.avoided, syncs };
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

/** A small table of formulas at the selected cell; refuses (and says where) if any cell there has a value or formula. */
export async function insertBlockAtSelection(
  run: Run,
  block: SheetBlock,
  options: { dataBarColumn?: number } = {},
): Promise<BlockResult> {
  return run(async (context) => {
    const anchor = context.workbook.getSelectedRange().getCell(0, 0);
    const target = anchor.getResizedRange(block.rows.length, block.header.length - 1);
    // Formulas, not values: a formula showing "" (=IF(1,"")) is the user's cell all the same.
    target.load("address,formulas");
    await context.sync();
    const occupied = (target.formulas as unknown[][]).some((row) => row.some((v) => v !== "" && v !== null));
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
