/**
 * The compact wire format of a dataset (data/dist/dataset.hhc.json, and what a publisher may serve):
 * every string stored once in a string table, and each table stored as columns of string indexes,
 * numbers and booleans instead of one object per row with repeated keys. See data/README.md.
 *
 * Decoding validates as strictly as the zod schema (schema.ts) and names problems with the same
 * paths (facts.12.period: …). The few hundred sources, indicators and conflicts are checked by the
 * schema's own row schemas; facts, the bulk, by tight loops over the columns, with the same rules.
 */
import type { z } from "zod";
import { registerFactsOnDemand, type CountedField, type FactsOnDemand } from "./lazy-facts";
import {
  conflictSchema,
  datasetHeaderSchema,
  indicatorSchema,
  invalidDataset,
  KINDS,
  parseDataset,
  MEASURES,
  PERIOD_PATTERN,
  sourceSchema,
  type Conflict,
  type Dataset,
  type DatasetIssue,
  type Fact,
  type Indicator,
  type Source,
} from "./schema";

/** The marker that tells a compact dataset from a plain JSON one. */
export const WIRE_FORMAT = "hh-indicators/compact";
export const WIRE_FORMAT_VERSION = 3;
/**
 * Versions this decoder reads: 1 stored every fact id; 2 may derive them (DERIVED_ID); 3 may pack a
 * fact column of whole numbers into one string (PackedColumn).
 */
const READABLE_VERSIONS: readonly unknown[] = [1, 2, WIRE_FORMAT_VERSION];

/**
 * A fact column of string indexes (or line numbers) packed into one string, `width` characters a
 * cell: JSON.parse reads one string much faster than a list of numbers, and no list is allocated.
 * Each character is a digit, its code minus PACK_FIRST_CODE, in base PACK_RADIX (most significant
 * first); a cell holds its value plus one, and 0 for an absent optional field. The characters
 * U+0100..U+D7FF are neither escaped by JSON nor changed by UTF-8.
 */
export interface PackedColumn {
  packed: 1 | 2;
  cells: string;
}
const PACK_FIRST_CODE = 0x100;
const PACK_RADIX = 0xd800 - PACK_FIRST_CODE;
/** A packed cell read back: an absent field (stored as 0). */
const ABSENT = -1;
/** The largest value a packed cell may hold (cells are read into an Int32Array). */
const MAX_PACKED_VALUE = 0x7fffffff;

/**
 * The fact id the build gives a figure's first statement in a source (scripts/lib/build-dataset.ts).
 * Such ids are left out of the file and rebuilt on decode; only the others are stored.
 */
export const DERIVED_ID = "indicator|region|period|kind|measure|source";
export function derivedFactId(fact: Pick<Fact, "indicator" | "region" | "period" | "kind" | "measure" | "source">) {
  return `${fact.indicator}|${fact.region}|${fact.period}|${fact.kind}|${fact.measure}|${fact.source}`;
}

/** The facts' id column when ids are derived: only the rows whose id differs, and their ids. */
export interface DerivedIds {
  derived: typeof DERIVED_ID;
  rows: number[];
  ids: number[];
}

type Cell = "string" | "strings" | "boolean";
type Spec<Row> = ReadonlyArray<readonly [keyof Row & string, Cell]>;

// Columns in the schema's key order, so decoded rows serialize (and hash) as the build wrote them.
const SOURCE_COLUMNS: Spec<Source> = [
  ["id", "string"],
  ["file", "string"],
  ["title", "string"],
  ["title_en", "string"],
  ["issuer", "string"],
  ["date", "string"],
  ["date_note", "string"],
  ["region", "string"],
  ["regions", "strings"],
  ["type", "string"],
  ["url", "string"],
  ["excerpt", "boolean"],
];
const INDICATOR_COLUMNS: Spec<Indicator> = [
  ["id", "string"],
  ["zh", "string"],
  ["en", "string"],
  ["aliases", "strings"],
  ["phrases", "strings"],
  ["category", "string"],
  ["unit", "string"],
  ["def", "string"],
];
const CONFLICT_COLUMNS: Spec<Conflict> = [
  ["key", "string"],
  ["facts", "strings"],
  ["chosen", "string"],
  ["reason", "string"],
];

/** A table as stored: its row count and one array per column. */
export type WireTable = { rows: number } & Record<string, unknown>;

export interface WireDataset {
  format: typeof WIRE_FORMAT;
  formatVersion: typeof WIRE_FORMAT_VERSION;
  schemaVersion: 1;
  version: string;
  hash: string;
  builtAt: string;
  strings: string[];
  sources: WireTable;
  /** facts.id is a DerivedIds (version 2) or one string index per row. */
  indicators: WireTable;
  facts: WireTable;
  conflicts: WireTable;
}

/** Whether parsed JSON claims to be a compact dataset (it may still be an invalid one). */
export function isWireDataset(json: unknown): boolean {
  return typeof json === "object" && json !== null && (json as { format?: unknown }).format === WIRE_FORMAT;
}

export interface EncodeOptions {
  /** Fact columns of whole numbers as packed strings (the default) or as lists of numbers. */
  packed?: boolean;
}

/** A valid dataset in the compact format, as text. */
export function encodeDataset(dataset: Dataset, options?: EncodeOptions): string {
  return JSON.stringify(encodeDatasetObject(dataset, options));
}

/** A valid dataset in the compact format, as a JSON-ready object. */
export function encodeDatasetObject(dataset: Dataset, { packed = true }: EncodeOptions = {}): WireDataset {
  // Strings counted first, so the most used get the shortest indexes (kind, unit, region: one digit).
  const counts = new Map<string, number>();
  encodeTables(dataset, (text) => {
    counts.set(text, (counts.get(text) ?? 0) + 1);
    return 0;
  });
  const strings = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
  const indexes = new Map(strings.map((text, i) => [text, i]));
  const { schemaVersion, version, hash, builtAt } = dataset;
  return {
    format: WIRE_FORMAT,
    formatVersion: WIRE_FORMAT_VERSION,
    schemaVersion,
    version,
    hash,
    builtAt,
    strings,
    ...encodeTables(dataset, (text) => indexes.get(text)!, packed),
  };
}

/** Whole numbers ≥ 0 (null: absent) as a PackedColumn. */
export function packColumn(values: ReadonlyArray<number | null>): PackedColumn {
  let largest = 0;
  for (const value of values) if (value !== null && value > largest) largest = value;
  const width = largest + 1 < PACK_RADIX ? 1 : 2;
  const codes: number[] = [];
  for (const value of values) {
    const cell = value === null ? 0 : value + 1;
    if (width === 2) codes.push(PACK_FIRST_CODE + Math.floor(cell / PACK_RADIX));
    codes.push(PACK_FIRST_CODE + (cell % PACK_RADIX));
  }
  // In slices: String.fromCharCode takes its codes as arguments.
  let cells = "";
  for (let at = 0; at < codes.length; at += 8192) cells += String.fromCharCode(...codes.slice(at, at + 8192));
  return { packed: width, cells };
}

function encodeTables(dataset: Dataset, index: (text: string) => number, packed = false) {
  const table = <Row>(rows: readonly Row[], spec: Spec<Row>): WireTable => {
    const out: Record<string, unknown> = { rows: rows.length };
    for (const [name, cell] of spec) {
      const column = rows.map((row) => {
        const value = row[name] as unknown;
        if (value === undefined) return null;
        if (cell === "string") return index(value as string);
        if (cell === "strings") return (value as string[]).map(index);
        return value;
      });
      if (column.some((value) => value !== null)) out[name] = column;
    }
    return out as WireTable;
  };
  const facts: Record<string, unknown> = { rows: dataset.facts.length };
  const explicit: DerivedIds = { derived: DERIVED_ID, rows: [], ids: [] };
  dataset.facts.forEach((fact, row) => {
    if (fact.id === derivedFactId(fact)) return;
    explicit.rows.push(row);
    explicit.ids.push(index(fact.id));
  });
  facts.id = explicit;
  for (const { name, cell } of FACT_COLUMNS) {
    if (name === "id") continue;
    const [field, nested] = name.split(".");
    const column = dataset.facts.map((fact) => {
      const value = (nested ? fact.reported[nested as keyof Fact["reported"]] : fact[field as keyof Fact]) as unknown;
      if (value === undefined) return null;
      return cell === "string" || cell === "optional" ? index(value as string) : value;
    });
    if (cell !== "optional" || column.some((value) => value !== null))
      facts[name] = packed && cell !== "number" ? packColumn(column as Array<number | null>) : column;
  }
  return {
    sources: table(dataset.sources, SOURCE_COLUMNS),
    indicators: table(dataset.indicators, INDICATOR_COLUMNS),
    facts: facts as WireTable,
    conflicts: table(dataset.conflicts, CONFLICT_COLUMNS),
  };
}

/**
 * Dataset text in either format (compact, or plain JSON) to a validated dataset; throws SyntaxError
 * when it is not JSON and DatasetError when it is not a valid dataset. For a trusted file such as the
 * bundled one; a published dataset goes through acceptDatasetText (live/parse.ts), which also checks
 * its integrity.
 */
export function decodeDatasetText(text: string): Dataset {
  return datasetFromJson(JSON.parse(text));
}

/** Parsed JSON in either format to a validated dataset; throws DatasetError. */
export function datasetFromJson(json: unknown): Dataset {
  return isWireDataset(json) ? decodeDataset(json) : parseDataset(json);
}

/** How zod names a value it did not expect, so both formats word a problem alike. */
function received(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  return typeof value;
}

/** At most this many problems are collected: the error names three, and garbage should fail fast. */
const MAX_ISSUES = 3;

class Issues {
  readonly list: DatasetIssue[] = [];
  add(path: PropertyKey[], message: string): void {
    if (this.list.length < MAX_ISSUES) this.list.push({ path, message });
  }
  get full(): boolean {
    return this.list.length >= MAX_ISSUES;
  }
}

/** A parsed compact dataset to a validated dataset; throws DatasetError naming the first problems. */
export function decodeDataset(json: unknown): Dataset {
  if (!isWireDataset(json)) throw invalidDataset([{ path: ["format"], message: `expected "${WIRE_FORMAT}"` }]);
  const wire = json as Record<string, unknown>;
  if (!READABLE_VERSIONS.includes(wire.formatVersion))
    throw invalidDataset([
      {
        path: ["formatVersion"],
        message: `unsupported ${JSON.stringify(wire.formatVersion)}: this version reads ${WIRE_FORMAT_VERSION}`,
      },
    ]);
  const issues = new Issues();
  const header = datasetHeaderSchema.safeParse(wire);
  if (!header.success) for (const issue of header.error.issues) issues.add([...issue.path], issue.message);

  const strings = readStrings(wire.strings, issues);
  if (!strings) throw invalidDataset(issues.list);
  const reader = new CellReader(strings, issues);

  const sources = reader.rowsOf(wire.sources, "sources", SOURCE_COLUMNS, sourceSchema, 1);
  const indicators = reader.rowsOf(wire.indicators, "indicators", INDICATOR_COLUMNS, indicatorSchema, 1);
  const facts = decodeFacts(wire.facts, reader, sources, indicators);
  const conflicts = reader.rowsOf(wire.conflicts, "conflicts", CONFLICT_COLUMNS, conflictSchema, 0);
  if (facts && conflicts) checkConflicts(conflicts, facts.ids, strings, issues);

  if (issues.list.length > 0 || !header.success || !sources || !indicators || !facts || !conflicts)
    throw invalidDataset(issues.list);
  const decoded = facts.rows;
  // Keys in the schema's order (the hash is over the text): facts is made on first read
  // (lazy-facts.ts), as an own enumerable property, so JSON.stringify and spreads see it.
  const dataset = { ...header.data, sources: sources.rows, indicators: indicators.rows } as Dataset;
  Object.defineProperty(dataset, "facts", { get: () => decoded.all(), enumerable: true, configurable: true });
  dataset.conflicts = conflicts.rows;
  registerFactsOnDemand(dataset, decoded);
  return dataset;
}

/** The string table: strings only, each once (so equal indexes are equal strings and vice versa). */
function readStrings(value: unknown, issues: Issues): string[] | undefined {
  if (!Array.isArray(value)) {
    issues.add(["strings"], `Invalid input: expected array, received ${received(value)}`);
    return undefined;
  }
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const text: unknown = value[i];
    if (typeof text !== "string") {
      issues.add(["strings", i], `Invalid input: expected string, received ${received(text)}`);
      return undefined;
    }
    if (seen.has(text)) {
      issues.add(["strings", i], `the same string as strings.${value.indexOf(text)}: each string is stored once`);
      return undefined;
    }
    seen.add(text);
  }
  return value as string[];
}

interface Rows<Row> {
  rows: Row[];
  /** Each row's column cells as stored (string indexes), for checks by index. */
  columns: Record<string, ArrayLike<unknown> | undefined>;
}

function isPackedColumn(value: unknown): value is PackedColumn {
  return typeof value === "object" && value !== null && "packed" in value;
}

/** Reads cells of a table's columns; every problem is added to `issues` with its path. */
class CellReader {
  constructor(
    readonly strings: readonly string[],
    readonly issues: Issues,
  ) {}

  /** The table's row count and columns, or undefined (with the problem added) when its shape is wrong. */
  table(
    value: unknown,
    name: string,
    min: number,
  ): { rows: number; column: (c: string) => ArrayLike<unknown> | undefined } | undefined {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.issues.add([name], `Invalid input: expected object, received ${received(value)}`);
      return undefined;
    }
    const table = value as Record<string, unknown>;
    const rows = table.rows;
    if (typeof rows !== "number" || !Number.isInteger(rows) || rows < 0) {
      this.issues.add([name, "rows"], `Invalid input: expected a row count, received ${received(rows)}`);
      return undefined;
    }
    if (rows < min) {
      this.issues.add([name], `Too small: expected array to have >=${min} items`);
      return undefined;
    }
    let broken = false;
    const column = (c: string): ArrayLike<unknown> | undefined => {
      const cells = table[c];
      if (cells === undefined || cells === null) return undefined;
      if (name === "facts" && isPackedColumn(cells)) {
        const unpacked = this.unpack(cells, rows, [name, c]);
        if (!unpacked) broken = true;
        return unpacked;
      }
      if (!Array.isArray(cells) || cells.length !== rows) {
        this.issues.add(
          [name, c],
          `column of ${Array.isArray(cells) ? cells.length : received(cells)} cells, expected ${rows}`,
        );
        broken = true;
        return undefined;
      }
      return cells;
    };
    return { rows, column: (c) => (broken ? undefined : column(c)) };
  }

  /** A packed column's cells (ABSENT where it stores 0), or undefined with the problem added. */
  unpack(column: PackedColumn, rows: number, path: PropertyKey[]): Int32Array | undefined {
    const { packed: width, cells } = column;
    if ((width !== 1 && width !== 2) || typeof cells !== "string" || cells.length !== rows * width) {
      const length = typeof cells === "string" ? `${cells.length} characters` : received(cells);
      this.issues.add(path, `packed column of ${length} at ${cellText(width)} a cell, expected ${rows} cells`);
      return undefined;
    }
    const out = new Int32Array(rows);
    if (width === 1) {
      let r = 0;
      // Digit + 1 below PACK_RADIX + 1, as one unsigned comparison.
      for (; r < rows; r++) {
        const cell = cells.charCodeAt(r) - PACK_FIRST_CODE;
        if (cell >>> 0 >= PACK_RADIX) break;
        out[r] = cell - 1;
      }
      if (r === rows) return out;
    }
    for (let r = 0, at = 0; r < rows; r++) {
      let cell = 0;
      for (let end = at + width; at < end; at++) {
        const digit = cells.charCodeAt(at) - PACK_FIRST_CODE;
        // >>> 0 turns a negative digit into a large one: one comparison for both ends.
        if (digit >>> 0 >= PACK_RADIX) {
          const code = cells.charCodeAt(at).toString(16).toUpperCase().padStart(4, "0");
          this.issues.add([path[0], r, path[1]], `Invalid input: expected a packed cell, received U+${code}`);
          return undefined;
        }
        cell = cell * PACK_RADIX + digit;
      }
      // Two digits reach 3·10⁹, past what an Int32Array cell holds; no index or line is that large.
      if (cell - 1 > MAX_PACKED_VALUE) {
        this.issues.add([path[0], r, path[1]], `Invalid input: packed cell ${cell - 1} is above ${MAX_PACKED_VALUE}`);
        return undefined;
      }
      out[r] = cell - 1;
    }
    return out;
  }

  /** The string at a cell's index, or undefined with the problem added. */
  string(cell: unknown, path: PropertyKey[]): string | undefined {
    if (typeof cell === "number" && cell >= 0 && cell < this.strings.length && Number.isInteger(cell))
      return this.strings[cell];
    this.issues.add(
      path,
      `Invalid input: expected a string index below ${this.strings.length}, received ${cellText(cell)}`,
    );
    return undefined;
  }

  /**
   * A small table (sources, indicators, conflicts): columns back to row objects, each checked by the
   * schema's own row schema, so their rules live in one place.
   */
  rowsOf<Row>(
    value: unknown,
    name: string,
    spec: Spec<Row>,
    schema: z.ZodType<Row>,
    min: number,
  ): Rows<Row> | undefined {
    const table = this.table(value, name, min);
    if (!table) return undefined;
    const columns: Record<string, ArrayLike<unknown> | undefined> = {};
    for (const [column] of spec) columns[column] = table.column(column);
    const rows: Row[] = [];
    let ok = true;
    for (let r = 0; r < table.rows; r++) {
      const raw: Record<string, unknown> = {};
      for (const [column, cell] of spec) {
        const stored = columns[column]?.[r];
        if (stored === undefined || stored === null) continue;
        const path = [name, r, column];
        if (cell === "boolean") raw[column] = stored;
        else if (cell === "string") raw[column] = this.string(stored, path);
        else if (Array.isArray(stored)) raw[column] = stored.map((item, i) => this.string(item, [...path, i]));
        else this.issues.add(path, `Invalid input: expected array, received ${received(stored)}`);
      }
      const parsed = schema.safeParse(raw);
      if (parsed.success) rows.push(parsed.data);
      else {
        ok = false;
        for (const issue of parsed.error.issues) this.issues.add([name, r, ...issue.path], issue.message);
      }
      if (this.issues.full) return undefined;
    }
    return ok && this.issues.list.length === 0 ? { rows, columns } : undefined;
  }
}

function cellText(cell: unknown): string {
  return typeof cell === "number" ? String(cell) : received(cell);
}

const PERIOD_MESSAGE = "period: 2022, 2021-2025, 2023-YTD09, 2023-Q1, 2023-H1 or 2023-M06";
const TOO_SHORT = "Too small: expected string to have >=1 characters";
const optionMessage = (values: readonly string[]) =>
  `Invalid option: expected one of ${values.map((v) => JSON.stringify(v)).join("|")}`;

/** A rule over a string, judged once per string index: undefined when it holds, else the message. */
type StringRule = (text: string) => string | undefined;
const nonEmpty: StringRule = (text) => (text.length > 0 ? undefined : TOO_SHORT);
const oneOf =
  (values: readonly string[]): StringRule =>
  (text) =>
    values.includes(text) ? undefined : optionMessage(values);

type FactCell = "string" | "optional" | "number" | "line";
/** The fact schema (factSchema in schema.ts) column by column, in its key order; reported.* nested. */
const FACT_COLUMNS: ReadonlyArray<{ name: string; cell: FactCell; rule?: StringRule }> = [
  { name: "id", cell: "string", rule: nonEmpty },
  { name: "indicator", cell: "string", rule: nonEmpty },
  { name: "region", cell: "string", rule: nonEmpty },
  { name: "period", cell: "string", rule: (text) => (PERIOD_PATTERN.test(text) ? undefined : PERIOD_MESSAGE) },
  { name: "kind", cell: "string", rule: oneOf(KINDS) },
  { name: "measure", cell: "string", rule: oneOf(MEASURES) },
  { name: "base", cell: "optional" },
  { name: "value", cell: "number" },
  { name: "unit", cell: "string" },
  { name: "reported.value", cell: "number" },
  { name: "reported.unit", cell: "string" },
  { name: "reported.text", cell: "string", rule: nonEmpty },
  { name: "qualifier", cell: "optional" },
  { name: "source", cell: "string", rule: nonEmpty },
  { name: "quote", cell: "string", rule: nonEmpty },
  { name: "line", cell: "line" },
  { name: "note", cell: "optional" },
];

interface FoundIssue extends DatasetIssue {
  row: number;
  column: number;
}

/**
 * One fact column checked in a tight loop: string indexes in range, each string rule judged once per
 * distinct string, numbers finite, lines positive integers. Stops at the column's first few problems.
 */
function checkFactColumn(
  cells: ArrayLike<unknown> | undefined,
  rows: number,
  c: number,
  strings: readonly string[],
): FoundIssue[] {
  const { name, cell: kind, rule } = FACT_COLUMNS[c];
  const found: FoundIssue[] = [];
  const add = (row: number, message: string) =>
    found.push({ row, column: c, path: ["facts", row, ...name.split(".")], message });
  if (!cells) {
    if (kind !== "optional" && rows > 0)
      add(0, `Invalid input: expected ${kind === "string" ? "string" : "number"}, received undefined`);
    return found;
  }
  const size = strings.length;
  // A packed column's cells are whole numbers, ABSENT where a field is left out.
  const packed = cells instanceof Int32Array;
  if (kind === "number" || kind === "line") {
    for (let r = 0; r < rows && found.length < MAX_ISSUES; r++) {
      const cell = cells[r];
      if (packed && cell === ABSENT) add(r, "Invalid input: expected number, received undefined");
      // x - x is 0 only for a finite number.
      else if (typeof cell !== "number" || cell - cell !== 0)
        add(r, `Invalid input: expected number, received ${received(cell)}`);
      else if (kind === "line" && !Number.isInteger(cell)) add(r, "Invalid input: expected int, received number");
      else if (kind === "line" && cell <= 0) add(r, "Too small: expected number to be >0");
    }
    return found;
  }
  // 0 = not judged yet, 1 = holds, 2 = broken.
  const verdicts = rule ? new Uint8Array(size) : undefined;
  for (let r = 0; r < rows && found.length < MAX_ISSUES; r++) {
    const cell = cells[r];
    if (cell === null || (packed && cell === ABSENT)) {
      if (kind === "optional") continue;
      if (packed) {
        add(r, "Invalid input: expected string, received undefined");
        continue;
      }
    }
    // >>> 0 leaves exactly the non-negative integers below 2^32 unchanged.
    if (typeof cell !== "number" || cell >>> 0 !== cell || cell >= size) {
      add(r, `Invalid input: expected a string index below ${size}, received ${cellText(cell)}`);
      continue;
    }
    if (!verdicts || !rule) continue;
    let verdict = verdicts[cell];
    if (verdict === 0) verdict = verdicts[cell] = rule(strings[cell]) === undefined ? 1 : 2;
    if (verdict === 2) add(r, rule(strings[cell])!);
  }
  return found;
}

/** The facts: each column checked on its own, then the dataset-wide rules by string index; facts are made on demand. */
function decodeFacts(
  value: unknown,
  reader: CellReader,
  sources: Rows<Source> | undefined,
  indicators: Rows<Indicator> | undefined,
): { rows: DecodedFacts; ids: FactIds } | undefined {
  const { strings, issues } = reader;
  const table = reader.table(value, "facts", 0);
  if (!table) return undefined;
  const rows = table.rows;
  const idCell = (value as Record<string, unknown>).id;
  const derived = typeof idCell === "object" && idCell !== null && !Array.isArray(idCell);
  const stored = derived ? readStoredIds(idCell as Record<string, unknown>, rows, strings, issues) : undefined;
  const columns = FACT_COLUMNS.map(({ name }) => (derived && name === "id" ? undefined : table.column(name)));
  if (issues.list.length > 0) return undefined;
  // Problems in row order, as zod lists them: any of the first three is among its column's first three.
  const found = FACT_COLUMNS.flatMap((_, c) =>
    derived && c === 0 ? stored!.found : checkFactColumn(columns[c], rows, c, strings),
  );
  if (found.length > 0) {
    found.sort((x, y) => x.row - y.row || x.column - y.column);
    for (const { path, message } of found) issues.add([...path], message);
    return undefined;
  }

  // Checked: string indexes, numbers; null (a list) or ABSENT (packed) where an optional field is left out.
  const factColumns = columns as Array<ArrayLike<number> | undefined> as FactColumnCells;
  const [idColumn, indicator, region, period, kind, measure] = factColumns;
  const source = factColumns[SOURCE_COLUMN]!;
  // A stored id by row (-1: derived), when only some ids are stored.
  let storedIdAt: Int32Array | undefined;
  if (!idColumn && stored && stored.rows.length > 0) {
    storedIdAt = new Int32Array(rows).fill(-1);
    for (let i = 0; i < stored.rows.length; i++) storedIdAt[stored.rows[i]] = stored.ids[i];
  }
  const decoded = new DecodedFacts(rows, strings, factColumns, storedIdAt);
  const size = strings.length;
  // The dataset-wide rules (datasetSchema's superRefine), by string index: known indicator and
  // source, unique ids. A table that did not decode has its own problem already.
  const known = (table: Rows<{ id: string }> | undefined) => {
    if (!table) return undefined;
    const marks = new Uint8Array(size);
    const ids = table.columns.id ?? [];
    for (let r = 0; r < ids.length; r++) marks[ids[r] as number] = 1;
    return marks;
  };
  const knownIndicators = known(indicators);
  const knownSources = known(sources);
  const ids = new FactIds(rows + (stored?.ids.length ?? 0), strings, [
    indicator!,
    region!,
    period!,
    kind!,
    measure!,
    source,
  ]);
  for (let r = 0; r < rows; r++) {
    let added: boolean;
    if (idColumn) added = ids.addStored(idColumn[r]);
    else if (storedIdAt && storedIdAt[r] >= 0) added = ids.addStored(storedIdAt[r]);
    else added = ids.addKey(indicator![r], region![r], period![r], kind![r], measure![r], source[r]);
    if (knownIndicators && !knownIndicators[indicator![r]])
      issues.add(["facts", r, "indicator"], `unknown indicator ${strings[indicator![r]]}`);
    if (knownSources && !knownSources[source[r]])
      issues.add(["facts", r, "source"], `unknown source ${strings[source[r]]}`);
    if (!added) issues.add(["facts", r, "id"], `duplicate fact id ${decoded.idOf(r)}`);
    if (issues.full) break;
  }
  return issues.list.length > 0 ? undefined : { rows: decoded, ids };
}

/** The checked fact columns in FACT_COLUMNS' order; id is undefined when ids are derived. */
type FactColumnCells = Array<ArrayLike<number> | undefined>;
const SOURCE_COLUMN = 13;

/**
 * Checked fact columns, each Fact made on first read and kept (lazy-facts.ts): `fact(row)` for one,
 * `all()` for the list, `factsOf(indicator)` for one indicator's, all from one cache.
 */
class DecodedFacts implements FactsOnDemand {
  private readonly cache: Array<Fact | undefined> = [];
  private everything?: Fact[];
  private groups?: Map<string, Int32Array>;
  // The parts of derived ids are cached by their string indexes, while the keys stay exact integers.
  private readonly prefixes = new Map<number, string>();
  private readonly suffixes = new Map<number, string>();
  private kindOrder?: Uint8Array;
  private measureOrder?: Uint8Array;
  // The columns by name (FACT_COLUMNS' order); only id and the optional ones may be undefined.
  private readonly idColumn?: ArrayLike<number>;
  private readonly indicator: ArrayLike<number>;
  private readonly region: ArrayLike<number>;
  private readonly period: ArrayLike<number>;
  private readonly kind: ArrayLike<number>;
  private readonly measure: ArrayLike<number>;
  private readonly base?: ArrayLike<number>;
  private readonly amount: ArrayLike<number>;
  private readonly unit: ArrayLike<number>;
  private readonly reportedValue: ArrayLike<number>;
  private readonly reportedUnit: ArrayLike<number>;
  private readonly reportedText: ArrayLike<number>;
  private readonly qualifier?: ArrayLike<number>;
  private readonly source: ArrayLike<number>;
  private readonly quote: ArrayLike<number>;
  private readonly line: ArrayLike<number>;
  private readonly note?: ArrayLike<number>;

  constructor(
    readonly count: number,
    private readonly strings: readonly string[],
    columns: FactColumnCells,
    private readonly storedIdAt: Int32Array | undefined,
  ) {
    [
      this.idColumn,
      this.indicator,
      this.region,
      this.period,
      this.kind,
      this.measure,
      this.base,
      this.amount,
      this.unit,
      this.reportedValue,
      this.reportedUnit,
      this.reportedText,
      this.qualifier,
      this.source,
      this.quote,
      this.line,
      this.note,
    ] = columns as Array<ArrayLike<number>>;
    // Filled, not preallocated: V8 keeps `new Array(n)` of 100,000 or more as a slow dictionary.
    for (let r = 0; r < count; r++) this.cache.push(undefined);
  }

  fact(r: number): Fact {
    return this.cache[r] ?? (this.cache[r] = this.make(r));
  }

  all(): Fact[] {
    if (!this.everything) {
      for (let r = 0; r < this.count; r++) if (this.cache[r] === undefined) this.cache[r] = this.make(r);
      // A copy: the cache is read by row, so a caller sorting or splicing the list must not move its rows.
      this.everything = (this.cache as Fact[]).slice();
    }
    return this.everything;
  }

  factsOf(indicator: string): Fact[] {
    const rows = this.groupRows().get(indicator);
    const facts: Fact[] = [];
    if (rows) for (let i = 0; i < rows.length; i++) facts.push(this.fact(rows[i]));
    return facts;
  }

  counts(field: CountedField): Map<string, number> {
    const column = field === "region" ? this.region : this.period;
    const { strings } = this;
    const perString = new Int32Array(strings.length);
    const order: number[] = [];
    for (let r = 0; r < this.count; r++) if (perString[column[r]]++ === 0) order.push(column[r]);
    return new Map(order.map((at) => [strings[at], perString[at]]));
  }

  /** Each indicator's rows ascending: a counting sort of the indicator column. */
  private groupRows(): Map<string, Int32Array> {
    if (this.groups) return this.groups;
    const { indicator, strings } = this;
    const counts = new Int32Array(strings.length);
    for (let r = 0; r < this.count; r++) counts[indicator[r]]++;
    const lists = new Map<number, Int32Array>();
    const groups = new Map<string, Int32Array>();
    counts.forEach((n, at) => {
      if (n === 0) return;
      const list = new Int32Array(n);
      lists.set(at, list);
      groups.set(strings[at], list);
    });
    const filled = new Int32Array(strings.length);
    for (let r = 0; r < this.count; r++) {
      const at = indicator[r];
      lists.get(at)![filled[at]++] = r;
    }
    return (this.groups = groups);
  }

  /** A row's fact id: stored, or derived from its parts (DERIVED_ID). */
  idOf(r: number): string {
    const { strings, indicator, region, period, kind, measure, source } = this;
    if (this.idColumn) return strings[this.idColumn[r]];
    const stored = this.storedIdAt ? this.storedIdAt[r] : -1;
    if (stored >= 0) return strings[stored];
    const size = strings.length;
    const periodText = strings[period[r]];
    if (size >= 200_000)
      return `${strings[indicator[r]]}|${strings[region[r]]}|${periodText}|${strings[kind[r]]}|${strings[measure[r]]}|${strings[source[r]]}`;
    // indicator|region| + period + |kind|measure|source: two joins per id, the parts made once.
    const head = indicator[r] * size + region[r];
    let prefix = this.prefixes.get(head);
    if (prefix === undefined) this.prefixes.set(head, (prefix = `${strings[indicator[r]]}|${strings[region[r]]}|`));
    // Kind and measure are one of a few words each (checked): their string indexes' order among those
    // words keeps the key a small integer.
    this.kindOrder ??= wordOrder(strings, KINDS);
    this.measureOrder ??= wordOrder(strings, MEASURES);
    const tail = (this.kindOrder[kind[r]] * MEASURES.length + this.measureOrder[measure[r]]) * size + source[r];
    let suffix = this.suffixes.get(tail);
    if (suffix === undefined)
      this.suffixes.set(tail, (suffix = `|${strings[kind[r]]}|${strings[measure[r]]}|${strings[source[r]]}`));
    return prefix + periodText + suffix;
  }

  private make(r: number): Fact {
    const { strings } = this;
    // One literal, one object shape for every fact: an absent optional field is an undefined
    // property, which JSON.stringify leaves out, so a decoded dataset serializes (and hashes) as the
    // build wrote it, in the schema's key order.
    return {
      id: this.idOf(r),
      indicator: strings[this.indicator[r]],
      region: strings[this.region[r]],
      period: strings[this.period[r]],
      kind: strings[this.kind[r]] as Fact["kind"],
      measure: strings[this.measure[r]] as Fact["measure"],
      base: optionalCell(strings, this.base, r),
      value: this.amount[r],
      unit: strings[this.unit[r]],
      reported: {
        value: this.reportedValue[r],
        unit: strings[this.reportedUnit[r]],
        text: strings[this.reportedText[r]],
      },
      qualifier: optionalCell(strings, this.qualifier, r),
      source: strings[this.source[r]],
      quote: strings[this.quote[r]],
      line: this.line[r],
      note: optionalCell(strings, this.note, r),
    };
  }
}

/** An optional field's string: null (a list) or ABSENT (packed) where it is left out. */
function optionalCell(
  strings: readonly string[],
  column: ArrayLike<number> | undefined,
  r: number,
): string | undefined {
  const cell = column?.[r];
  return cell === undefined || cell === null || cell === ABSENT ? undefined : strings[cell];
}

/** Each string's place among `words` (0 when it is none of them), by string index. */
function wordOrder(strings: readonly string[], words: readonly string[]): Uint8Array {
  const at = new Uint8Array(strings.length);
  strings.forEach((text, i) => (at[i] = Math.max(words.indexOf(text), 0)));
  return at;
}

/**
 * A DerivedIds column: the marker, then rows ascending each with its stored id. Problems of the
 * column's shape are added to `issues`; a stored id's own problems are returned to be sorted in
 * with the other columns' (zod lists them in row order).
 */
function readStoredIds(
  column: Record<string, unknown>,
  rows: number,
  strings: readonly string[],
  issues: Issues,
): { rows: number[]; ids: number[]; found: FoundIssue[] } | undefined {
  if (column.derived !== DERIVED_ID) {
    issues.add(["facts", "id", "derived"], `expected "${DERIVED_ID}", received ${cellText(column.derived)}`);
    return undefined;
  }
  const at = column.rows;
  const ids = column.ids;
  if (!Array.isArray(at) || !Array.isArray(ids) || at.length !== ids.length) {
    issues.add(["facts", "id"], "expected two lists of the same length, rows and ids");
    return undefined;
  }
  const found: FoundIssue[] = [];
  let previous = -1;
  for (let i = 0; i < at.length && found.length < MAX_ISSUES; i++) {
    const row: unknown = at[i];
    if (typeof row !== "number" || row >>> 0 !== row || row <= previous || row >= rows) {
      issues.add(
        ["facts", "id", "rows", i],
        `expected a row above ${previous} and below ${rows}, received ${cellText(row)}`,
      );
      return undefined;
    }
    previous = row;
    const id: unknown = ids[i];
    const path = ["facts", row, "id"];
    if (typeof id !== "number" || id >>> 0 !== id || id >= strings.length)
      found.push({
        row,
        column: 0,
        path,
        message: `Invalid input: expected a string index below ${strings.length}, received ${cellText(id)}`,
      });
    else if (strings[id].length === 0) found.push({ row, column: 0, path, message: TOO_SHORT });
  }
  return { rows: at as number[], ids: ids as number[], found };
}

/** The string indexes of a derived id's six parts, in DERIVED_ID's order. */
type IdKey = [number, number, number, number, number, number];

/**
 * Fact ids seen, without building a string per id: a derived id is the six string indexes it is
 * made of; a stored id that reads as one (the same text) is filed under the same six; any other
 * stored id under its own string index (the table holds each string once).
 */
class FactIds {
  private readonly keys: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private count = 0;
  private readonly storedMarks: Uint8Array;
  private partIndexes?: Map<string, number>;

  constructor(
    capacity: number,
    private readonly strings: readonly string[],
    /** indicator, region, period, kind, measure and source columns. */
    private readonly keyColumns: ReadonlyArray<ArrayLike<number>>,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.keys = new Int32Array(Math.max(capacity, 1) * 6);
    this.storedMarks = new Uint8Array(strings.length);
  }

  /** Files a derived id; false when it was there already. */
  addKey(a: number, b: number, c: number, d: number, e: number, f: number): boolean {
    return this.find(a, b, c, d, e, f, true);
  }

  /** Files a stored id (a string index); false when it was there already. */
  addStored(index: number): boolean {
    const key = this.keyOf(index);
    if (key) return this.find(key[0], key[1], key[2], key[3], key[4], key[5], true);
    if (this.storedMarks[index]) return false;
    this.storedMarks[index] = 1;
    return true;
  }

  /** Whether a fact has the id at this string index. */
  has(index: number): boolean {
    const key = this.keyOf(index);
    return key ? this.find(key[0], key[1], key[2], key[3], key[4], key[5], false) : this.storedMarks[index] === 1;
  }

  /** The parts of a text that reads as a derived id (only the region may hold "|"), else undefined. */
  private keyOf(index: number): IdKey | undefined {
    const text = this.strings[index];
    // Cheap refusal first: an id that reads as derived ends in a source id, one of the parts' strings.
    const last = text.lastIndexOf("|");
    if (last < 0) return undefined;
    if (!this.partIndexes) {
      // Marks first: a few distinct strings among hundreds of thousands of cells.
      const marks = new Uint8Array(this.strings.length);
      for (const column of this.keyColumns) for (let r = 0; r < column.length; r++) marks[column[r]] = 1;
      this.partIndexes = new Map();
      for (let at = 0; at < marks.length; at++) if (marks[at]) this.partIndexes.set(this.strings[at], at);
    }
    if (!this.partIndexes.has(text.slice(last + 1))) return undefined;
    const parts = text.split("|");
    if (parts.length < 6) return undefined;
    const n = parts.length;
    const texts = [parts[0], parts.slice(1, n - 4).join("|"), parts[n - 4], parts[n - 3], parts[n - 2], parts[n - 1]];
    const key: number[] = [];
    for (const text of texts) {
      const at = this.partIndexes.get(text);
      if (at === undefined) return undefined;
      key.push(at);
    }
    return key as IdKey;
  }

  /** Open addressing over the six indexes; `add` files the key when absent. True when added or found. */
  private find(a: number, b: number, c: number, d: number, e: number, f: number, add: boolean): boolean {
    // Each index stirred in, then murmur3's finalizer, so the low bits the mask keeps depend on all bits.
    let hash = Math.imul(a ^ 0x2545f491, 0x5bd1e995);
    hash = Math.imul(hash ^ (hash >>> 13) ^ b, 0x5bd1e995);
    hash = Math.imul(hash ^ (hash >>> 13) ^ c, 0x5bd1e995);
    hash = Math.imul(hash ^ (hash >>> 13) ^ d, 0x5bd1e995);
    hash = Math.imul(hash ^ (hash >>> 13) ^ e, 0x5bd1e995);
    hash = Math.imul(hash ^ (hash >>> 13) ^ f, 0x5bd1e995);
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
    hash ^= hash >>> 16;
    const { keys, slots, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot] - 1;
      if (entry < 0) {
        if (!add) return false;
        const at = this.count * 6;
        keys[at] = a;
        keys[at + 1] = b;
        keys[at + 2] = c;
        keys[at + 3] = d;
        keys[at + 4] = e;
        keys[at + 5] = f;
        slots[slot] = ++this.count;
        return true;
      }
      const at = entry * 6;
      if (
        keys[at] === a &&
        keys[at + 1] === b &&
        keys[at + 2] === c &&
        keys[at + 3] === d &&
        keys[at + 4] === e &&
        keys[at + 5] === f
      )
        return !add;
    }
  }
}

/** Every fact a conflict names exists. */
function checkConflicts(conflicts: Rows<Conflict>, factIds: FactIds, strings: readonly string[], issues: Issues) {
  const facts = conflicts.columns.facts ?? [];
  const chosen = conflicts.columns.chosen ?? [];
  for (let r = 0; r < conflicts.rows.length; r++)
    for (const at of [...(facts[r] as number[]), chosen[r] as number])
      if (!factIds.has(at)) issues.add(["conflicts", r], `conflict names a missing fact ${strings[at]}`);
}
