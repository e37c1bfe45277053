/**
 * A small Excel workbook for tests. Objects whose properties must be loaded (worksheets, custom
 * properties, tables, charts) are office-addin-mock OfficeMockObjects, so reading a property without
 * load() + context.sync() yields the mock's error text; ranges are emulated here with the same rule.
 * Writes follow Excel's input rules that matter for us: a string starting with = + - becomes a formula
 * unless the cell is formatted as text ("@") or the string starts with an apostrophe.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface CellState {
  value: string | number | boolean | null;
  formula?: string;
  format: string;
  /** Stored with a leading apostrophe (Excel's quote prefix). */
  quotePrefix?: boolean;
}

let sheetIds = 0;

export class SheetModel {
  /** worksheet.id: a copy of a sheet gets a new one. */
  id = `{sheet-${++sheetIds}}`;
  props = new Map<string, string>();
  /** Cells row by row (arrays, not a map: fast at 100,000 rows). */
  private grid2d: Array<Array<CellState | undefined> | undefined> = [];
  widths = new Map<number, number>();
  frozenRows = 0;
  /** `at` is the top-left cell a chart floats over; Excel moves it with inserted cells. */
  charts: Array<{ name: string; title: string; data: string; at?: { r: number; c: number } }> = [];
  conditionalFormats: string[] = [];
  constructor(public name: string) {}

  cell(r: number, c: number): CellState {
    return this.grid2d[r]?.[c] ?? { value: null, format: "General" };
  }
  set(r: number, c: number, patch: Partial<CellState>) {
    const row = (this.grid2d[r] ??= []);
    const cell = row[c];
    if (cell) Object.assign(cell, patch);
    else row[c] = { value: null, format: "General", ...patch };
  }
  put(r: number, c: number, cell: CellState | undefined) {
    const row = (this.grid2d[r] ??= []);
    row[c] = cell;
  }
  /** Every stored cell as [row, column, state], rows from `fromRow` on. */
  *entries(fromRow = 0): Generator<[number, number, CellState]> {
    for (let r = fromRow; r < this.grid2d.length; r++) {
      const row = this.grid2d[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) if (row[c]) yield [r, c, row[c] as CellState];
    }
  }
  /** A snapshot keyed "row,column", for comparisons. */
  get cells(): Map<string, CellState> {
    const map = new Map<string, CellState>();
    for (const [r, c, cell] of this.entries()) map.set(`${r},${c}`, { ...cell });
    return map;
  }
  /** Values of a rectangle (null for empty). */
  grid(r0: number, c0: number, rows: number, cols: number): Array<Array<CellState["value"]>> {
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => this.cell(r0 + r, c0 + c).value),
    );
  }
  usedRows(): number {
    for (let r = this.grid2d.length - 1; r >= 0; r--)
      if (this.grid2d[r]?.some((cell) => cell && (cell.value !== null || cell.formula))) return r + 1;
    return 0;
  }
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  r0: number;
  c0: number;
  rows: number;
  cols: number;
  style?: string;
}

export class WorkbookModel {
  sheets: SheetModel[] = [new SheetModel("Sheet1")];
  tables: TableModel[] = [];
  selection = { sheet: "Sheet1", r: 0, c: 0, rows: 1, cols: 1 };
  active = "Sheet1";
  /** By name or id, as worksheets.getItem. */
  sheet(name: string): SheetModel {
    const sheet = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase() || s.id === name);
    if (!sheet) throw new Error(`ItemNotFound: sheet ${name}`);
    return sheet;
  }
  /**
   * The cells the first reference in a formula covers now: a structured reference (HH_Facts[数值] is
   * that column's data rows, HH_Facts all of them) follows its table, a fixed range ('HH 数据'!$I$2:$I$11)
   * does not.
   */
  resolve(formula: string): { sheet: SheetModel; r0: number; c0: number; rows: number; cols: number } | null {
    for (const table of this.tables) {
      const m = structuredRef(table.name).exec(formula);
      if (!m) continue;
      if (m[1] === undefined)
        return { sheet: table.sheet, r0: table.r0 + 1, c0: table.c0, rows: table.rows - 1, cols: table.cols };
      const column = tableColumn(table, m[1]);
      return column < 0
        ? null
        : { sheet: table.sheet, r0: table.r0 + 1, c0: table.c0 + column, rows: table.rows - 1, cols: 1 };
    }
    const m = /('(?:[^']|'')+'|[A-Za-z0-9_]+)!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)/.exec(formula);
    if (!m) return null;
    const name = m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
    const [c0, c1] = [columnIndex(m[2]), columnIndex(m[4])];
    const [r0, r1] = [Number(m[3]) - 1, Number(m[5]) - 1];
    return { sheet: this.sheet(name), r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
  addSheet(name: string): SheetModel {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`ItemAlreadyExists: sheet ${name}`);
    const sheet = new SheetModel(name);
    this.sheets.push(sheet);
    return sheet;
  }
}

function letters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** A reference to a table by name, optionally to one column: HH_Facts, HH_Facts[数值] (not HH_Facts_2). */
function structuredRef(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\w.])${escaped}(?![\\w.])(?:\\[([^\\]]*)\\])?`, "i");
}

/** A table column's index by its header, or -1. */
function tableColumn(table: TableModel, header: string): number {
  for (let c = 0; c < table.cols; c++)
    if (String(table.sheet.cell(table.r0, table.c0 + c).value ?? "").toLowerCase() === header.toLowerCase()) return c;
  return -1;
}

/**
 * Excel's convertToRange: every formula in the workbook that refers to the table by name now refers to
 * the cells it covered, as a fixed range, so it misses rows added later.
 */
function unlinkReferences(model: WorkbookModel, table: TableModel) {
  const pattern = new RegExp(structuredRef(table.name).source, "gi");
  const fixed = (r0: number, c0: number, rows: number, cols: number) =>
    `${quoteSheet(table.sheet.name)}!$${letters(c0)}$${r0 + 1}:$${letters(c0 + cols - 1)}$${r0 + rows}`;
  for (const sheet of model.sheets)
    for (const [, , cell] of sheet.entries()) {
      if (!cell.formula) continue;
      cell.formula = cell.formula.replace(pattern, (_, header: string | undefined) => {
        if (header === undefined) return fixed(table.r0 + 1, table.c0, table.rows - 1, table.cols);
        const column = tableColumn(table, header);
        return column < 0 ? "#REF!" : fixed(table.r0 + 1, table.c0 + column, table.rows - 1, 1);
      });
    }
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

type Loadable = { flush(): void };

/** Excel's reading of typed input. */
function input(sheet: SheetModel, r: number, c: number, raw: unknown, asFormula: boolean) {
  const format = sheet.cell(r, c).format;
  if (typeof raw !== "string") {
    sheet.set(r, c, { value: raw as number | boolean | null, formula: undefined, quotePrefix: false });
    return;
  }
  if (raw === "") {
    sheet.set(r, c, { value: null, formula: undefined, quotePrefix: false });
    return;
  }
  if (raw.startsWith("'")) {
    sheet.set(r, c, { value: raw.slice(1), formula: undefined, quotePrefix: true });
    return;
  }
  if (format === "@") {
    sheet.set(r, c, { value: raw, formula: undefined, quotePrefix: false });
    return;
  }
  if (/^[=+-]/.test(raw) && (asFormula || raw.length > 1)) {
    sheet.set(r, c, { value: "#CALC", formula: raw.startsWith("=") ? raw : `=${raw}`, quotePrefix: false });
    return;
  }
  if (/^-?\d+(\.\d+)?$/.test(raw)) {
    sheet.set(r, c, { value: Number(raw), formula: undefined, quotePrefix: false });
    return;
  }
  sheet.set(r, c, { value: raw, formula: undefined, quotePrefix: false });
}

export interface FakeExcel {
  model: WorkbookModel;
  /** Excel.run over the model; every call gets fresh proxies, like Office.js. */
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** context.sync() calls made so far. */
  syncs: () => number;
  /** Range writes (values/formulas/numberFormat) in order, for ordering checks. */
  log: string[];
  /** Bytes of the range writes each context.sync() sent (their JSON, UTF-8), one entry per sync. */
  requestBytes: number[];
  /** Tables converted to ranges, by name, in order. */
  converted: string[];
}

export interface FakeOptions {
  /** Table.resize (ExcelApi 1.13) exists; false: an older Excel, where calling it throws. */
  tableResize?: boolean;
}

export function fakeExcel(model = new WorkbookModel(), { tableResize = true }: FakeOptions = {}): FakeExcel {
  let syncCount = 0;
  const log: string[] = [];
  const converted: string[] = [];
  const requestBytes: number[] = [];
  let pendingBytes = 0;
  const measure = (grid: unknown) => (pendingBytes += Buffer.byteLength(JSON.stringify(grid), "utf8"));

  function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const pending: Loadable[] = [];
    const mocks: OfficeMockObject[] = [];
    const mock = (data: Record<string, unknown>) => {
      const m = new OfficeMockObject(data as never);
      mocks.push(m);
      return m;
    };

    class FakeRange {
      private loaded = new Set<string>();
      private requested = new Set<string>();
      private snapshot: Record<string, unknown> = {};
      constructor(
        readonly sheet: SheetModel,
        readonly r0: number,
        readonly c0: number,
        readonly rows: number,
        readonly cols: number,
      ) {
        if (rows < 1 || cols < 1) throw new Error(`InvalidArgument: empty range ${rows}x${cols}`);
      }
      private check(grid: unknown, what: string): unknown[][] {
        if (
          !Array.isArray(grid) ||
          grid.length !== this.rows ||
          grid.some((row) => !Array.isArray(row) || row.length !== this.cols)
        ) {
          throw new Error(`InvalidArgument: ${what} must be ${this.rows}x${this.cols}`);
        }
        return grid as unknown[][];
      }
      private get a1(): string {
        const start = `${letters(this.c0)}${this.r0 + 1}`;
        const end = `${letters(this.c0 + this.cols - 1)}${this.r0 + this.rows}`;
        return `${quoteSheet(this.sheet.name)}!${start === end ? start : `${start}:${end}`}`;
      }
      set values(grid: unknown) {
        log.push(`values ${this.a1}`);
        measure(grid);
        this.check(grid, "values").forEach((row, r) =>
          row.forEach((v, c) => input(this.sheet, this.r0 + r, this.c0 + c, v, false)),
        );
      }
      set formulas(grid: unknown) {
        log.push(`formulas ${this.a1}`);
        measure(grid);
        this.check(grid, "formulas").forEach((row, r) =>
          row.forEach((v, c) => input(this.sheet, this.r0 + r, this.c0 + c, v, true)),
        );
      }
      set formulasR1C1(grid: unknown) {
        log.push(`formulasR1C1 ${this.a1}`);
        measure(grid);
        this.check(grid, "formulasR1C1").forEach((row, r) =>
          row.forEach((v, c) => input(this.sheet, this.r0 + r, this.c0 + c, v, true)),
        );
      }
      set numberFormat(grid: unknown) {
        log.push(`numberFormat ${this.a1}`);
        measure(grid);
        this.check(grid, "numberFormat").forEach((row, r) =>
          row.forEach((f, c) => this.sheet.set(this.r0 + r, this.c0 + c, { format: String(f) })),
        );
      }
      get numberFormat(): unknown {
        return this.read("numberFormat");
      }
      get values(): unknown {
        return this.read("values");
      }
      get formulas(): unknown {
        return this.read("formulas");
      }
      get address(): unknown {
        return this.read("address");
      }
      get columnCount(): unknown {
        return this.read("columnCount");
      }
      get rowCount(): unknown {
        return this.read("rowCount");
      }
      get rowIndex(): unknown {
        return this.read("rowIndex");
      }
      get columnIndex(): unknown {
        return this.read("columnIndex");
      }
      private read(name: string): unknown {
        if (!this.loaded.has(name)) throw new Error(`PropertyNotLoaded: ${name}`);
        return this.snapshot[name];
      }
      load(props: string) {
        for (const p of props.split(",")) this.requested.add(p.trim());
        pending.push(this);
        return this;
      }
      flush() {
        const read: Record<string, () => unknown> = {
          values: () => this.sheet.grid(this.r0, this.c0, this.rows, this.cols).map((row) => row.map((v) => v ?? "")),
          formulas: () =>
            Array.from({ length: this.rows }, (_, r) =>
              Array.from({ length: this.cols }, (_, c) => {
                const cell = this.sheet.cell(this.r0 + r, this.c0 + c);
                return cell.formula ?? cell.value ?? "";
              }),
            ),
          numberFormat: () =>
            Array.from({ length: this.rows }, (_, r) =>
              Array.from({ length: this.cols }, (_, c) => this.sheet.cell(this.r0 + r, this.c0 + c).format),
            ),
          address: () => this.a1,
          columnCount: () => this.cols,
          rowCount: () => this.rows,
          rowIndex: () => this.r0,
          columnIndex: () => this.c0,
        };
        for (const p of this.requested) {
          if (!read[p]) throw new Error(`fake range cannot load ${p}`);
          this.snapshot[p] = read[p]();
          this.loaded.add(p);
        }
      }
      getCell(r: number, c: number) {
        return new FakeRange(this.sheet, this.r0 + r, this.c0 + c, 1, 1);
      }
      getOffsetRange(dr: number, dc: number) {
        return new FakeRange(this.sheet, this.r0 + dr, this.c0 + dc, this.rows, this.cols);
      }
      getResizedRange(dr: number, dc: number) {
        return new FakeRange(this.sheet, this.r0, this.c0, this.rows + dr, this.cols + dc);
      }
      get format() {
        const range = this;
        return {
          set columnWidth(w: number) {
            for (let c = 0; c < range.cols; c++) range.sheet.widths.set(range.c0 + c, w);
          },
          font: {
            set bold(_: boolean) {
              /* formatting only */
            },
          },
        };
      }
      get conditionalFormats() {
        return { add: (type: string) => this.sheet.conditionalFormats.push(`${type} ${this.a1}`) };
      }
      private contains(r: number, c: number): boolean {
        return r >= this.r0 && r < this.r0 + this.rows && c >= this.c0 && c < this.c0 + this.cols;
      }
      /** The smallest range holding every used cell (a value, a formula, or with valuesOnly false a format) here. */
      getUsedRangeOrNullObject(valuesOnly = false) {
        let top = Infinity;
        let left = Infinity;
        let bottom = -1;
        let right = -1;
        for (const [r, c, cell] of this.sheet.entries(this.r0)) {
          const used = cell.value !== null || cell.formula || (!valuesOnly && cell.format !== "General");
          if (!used || !this.contains(r, c)) continue;
          top = Math.min(top, r);
          left = Math.min(left, c);
          bottom = Math.max(bottom, r);
          right = Math.max(right, c);
        }
        if (bottom < 0) {
          const none = mock({ address: "", rowIndex: 0, rowCount: 0 });
          Object.defineProperty(none, "isNullObject", { value: true });
          return none;
        }
        const used = new FakeRange(this.sheet, top, left, bottom - top + 1, right - left + 1);
        Object.defineProperty(used, "isNullObject", { value: false });
        return used;
      }
      /** Excel's insert: cells at and after this range (in its columns, or rows) move down (or right) by its size, with tables and charts. */
      insert(shift: "Down" | "Right") {
        const down = shift === "Down";
        const moves = (r: number, c: number) =>
          down
            ? c >= this.c0 && c < this.c0 + this.cols && r >= this.r0
            : r >= this.r0 && r < this.r0 + this.rows && c >= this.c0;
        for (const t of model.tables.filter((t) => t.sheet === this.sheet)) {
          const corners = [
            moves(t.r0, t.c0),
            moves(t.r0 + t.rows - 1, t.c0 + t.cols - 1),
            moves(t.r0 + t.rows - 1, t.c0),
            moves(t.r0, t.c0 + t.cols - 1),
          ];
          if (corners.some(Boolean) && !corners.every(Boolean))
            throw new Error(`InvalidOperation: cannot shift part of table ${t.name}`);
        }
        const cells = [...this.sheet.entries(this.r0)].filter(([r, c]) => moves(r, c));
        for (const [r, c] of cells) this.sheet.put(r, c, undefined);
        for (const [r, c, cell] of cells) this.sheet.put(down ? r + this.rows : r, down ? c : c + this.cols, cell);
        for (const t of model.tables.filter((t) => t.sheet === this.sheet && moves(t.r0, t.c0))) {
          if (down) t.r0 += this.rows;
          else t.c0 += this.cols;
        }
        for (const chart of this.sheet.charts.filter((ch) => ch.at && moves(ch.at.r, ch.at.c))) {
          if (down) chart.at!.r += this.rows;
          else chart.at!.c += this.cols;
        }
      }
      clear() {
        for (const [r, c] of [...this.sheet.entries(this.r0)]) if (this.contains(r, c)) this.sheet.put(r, c, undefined);
      }
      select() {
        model.selection = { sheet: this.sheet.name, r: this.r0, c: this.c0, rows: this.rows, cols: this.cols };
        model.active = this.sheet.name;
      }
    }

    const tableProxy = (table: TableModel) => {
      const proxy = mock({ name: table.name });
      proxy.worksheet = mock({ name: table.sheet.name, id: table.sheet.id });
      proxy.getRange = () => new FakeRange(table.sheet, table.r0, table.c0, table.rows, table.cols);
      proxy.convertToRange = () => {
        converted.push(table.name);
        unlinkReferences(model, table);
        model.tables = model.tables.filter((t) => t !== table);
      };
      // Table.resize (ExcelApi 1.13): the same table (name, style, references to it) over another range.
      proxy.resize = (range: FakeRange) => {
        if (!tableResize) throw new Error("ApiNotFound: Table.resize needs ExcelApi 1.13");
        if (range.sheet !== table.sheet || range.r0 !== table.r0)
          throw new Error("InvalidArgument: the header row must stay where it is");
        if (range.rows < 2) throw new Error("InvalidArgument: a table needs a data row");
        const overlapsSelf = table.c0 < range.c0 + range.cols && range.c0 < table.c0 + table.cols;
        if (!overlapsSelf) throw new Error("InvalidArgument: the new range must overlap the table");
        const other = model.tables.find(
          (t) =>
            t !== table &&
            t.sheet === table.sheet &&
            t.r0 < range.r0 + range.rows &&
            range.r0 < t.r0 + t.rows &&
            t.c0 < range.c0 + range.cols &&
            range.c0 < t.c0 + t.cols,
        );
        if (other) throw new Error(`InvalidOperation: overlaps table ${other.name}`);
        table.c0 = range.c0;
        table.rows = range.rows;
        table.cols = range.cols;
      };
      proxy.delete = () => {
        model.tables = model.tables.filter((t) => t !== table);
        new FakeRange(table.sheet, table.r0, table.c0, table.rows, table.cols).clear();
      };
      return proxy;
    };

    const worksheetProxy = (sheet: SheetModel) => {
      const proxy = mock({ name: sheet.name, id: sheet.id });
      proxy.delete = () => {
        model.sheets = model.sheets.filter((s) => s !== sheet);
        model.tables = model.tables.filter((t) => t.sheet !== sheet);
      };
      proxy.customProperties = {
        add: (key: string, value: string) => sheet.props.set(key, value),
        getItemOrNullObject: (key: string) => {
          const item = mock({ key, value: sheet.props.get(key) ?? "" });
          Object.defineProperty(item, "isNullObject", { value: !sheet.props.has(key) });
          return item;
        },
      };
      proxy.getRange = (address?: string) => {
        if (!address) return new FakeRange(sheet, 0, 0, 1_048_576, 16_384);
        const m = /^([A-Z]+)(\d+)$/.exec(address);
        if (!m) throw new Error(`unsupported address ${address}`);
        return new FakeRange(sheet, Number(m[2]) - 1, columnIndex(m[1]), 1, 1);
      };
      proxy.getRangeByIndexes = (r: number, c: number, h: number, w: number) => new FakeRange(sheet, r, c, h, w);
      proxy.activate = () => (model.active = sheet.name);
      proxy.freezePanes = { freezeRows: (n: number) => (sheet.frozenRows = n) };
      proxy.tables = {
        add: (range: FakeRange, hasHeaders: boolean) => {
          if (!hasHeaders) throw new Error("tables must have headers here");
          const overlap = model.tables.find(
            (t) =>
              t.sheet === sheet &&
              t.r0 < range.r0 + range.rows &&
              range.r0 < t.r0 + t.rows &&
              t.c0 < range.c0 + range.cols &&
              range.c0 < t.c0 + t.cols,
          );
          if (overlap) throw new Error(`InvalidOperation: overlaps table ${overlap.name}`);
          const table: TableModel = {
            name: `Table${model.tables.length + 1}`,
            sheet,
            r0: range.r0,
            c0: range.c0,
            rows: range.rows,
            cols: range.cols,
          };
          model.tables.push(table);
          return {
            set name(name: string) {
              if (model.tables.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase()))
                throw new Error(`InvalidArgument: table name ${name} exists`);
              table.name = name;
            },
            set style(style: string) {
              table.style = style;
            },
          };
        },
      };
      proxy.charts = {
        add: (type: string, range: FakeRange) => {
          const chart = {
            name: `Chart ${sheet.charts.length + 1}`,
            title: "",
            data: `${type} ${range.r0},${range.c0},${range.rows}x${range.cols}`,
          };
          sheet.charts.push(chart);
          return {
            set name(name: string) {
              chart.name = name;
            },
            title: {
              set text(t: string) {
                chart.title = t;
              },
            },
            setPosition: () => undefined,
          };
        },
        getItemOrNullObject: (name: string) => {
          const chart = sheet.charts.find((c) => c.name === name);
          const item = mock({ name: chart?.name ?? "" });
          Object.defineProperty(item, "isNullObject", { value: !chart });
          item.activate = () => undefined;
          return item;
        },
      };
      proxy.getUsedRangeOrNullObject = (valuesOnly = false) =>
        new FakeRange(sheet, 0, 0, 1_048_576, 16_384).getUsedRangeOrNullObject(valuesOnly);
      return proxy;
    };

    const collection = <T>(list: () => T[]) => {
      let requested: string[] | null = null;
      let items: T[] | null = null;
      const self = {
        load(props: string) {
          requested = props.split(",").map((p) => p.trim().replace(/^items\//, ""));
          pending.push({
            flush: () => {
              items = list();
              for (const item of items as unknown as OfficeMockObject[]) for (const p of requested ?? []) item.load(p);
            },
          });
          return self;
        },
        get items(): T[] {
          if (!items) throw new Error("PropertyNotLoaded: items");
          return items;
        },
      };
      return self;
    };

    const worksheets = Object.assign(
      collection(() => model.sheets.map(worksheetProxy)),
      {
        getItem: (name: string) => worksheetProxy(model.sheet(name)),
        add: (name: string) => worksheetProxy(model.addSheet(name)),
      },
    );
    const tables = Object.assign(
      collection(() => model.tables.map(tableProxy)),
      {
        getItem: (name: string) => {
          const table = model.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
          if (!table) throw new Error(`ItemNotFound: table ${name}`);
          return tableProxy(table);
        },
      },
    );

    // The context is a mock too, but not one of the synced leaves (its sync is the counter).
    const context = new OfficeMockObject({
      sync: async () => {
        syncCount++;
        requestBytes.push(pendingBytes);
        pendingBytes = 0;
        for (const p of pending.splice(0)) p.flush();
        for (const m of [...mocks]) await m.sync();
        // office-addin-mock updates parent properties a few microtasks after sync() resolves.
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    } as never);
    context.workbook = {
      worksheets,
      tables,
      getSelectedRange: () => {
        const s = model.selection;
        return new FakeRange(model.sheet(s.sheet), s.r, s.c, s.rows, s.cols);
      },
    };
    return batch(context as unknown as Excel.RequestContext);
  }

  return { model, run, syncs: () => syncCount, log, requestBytes, converted };
}
