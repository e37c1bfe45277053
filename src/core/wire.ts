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
export const WIRE_FORMAT_VERSION = 1;

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
/** Fact columns; reported.* are the nested object's fields. Optional ones may be left out entirely. */
const FACT_STRINGS = ["id", "indicator", "region", "period", "kind", "measure", "unit", "source", "quote"] as const;
const FACT_OPTIONAL_STRINGS = ["base", "qualifier", "note"] as const;

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
  indicators: WireTable;
  facts: WireTable;
  conflicts: WireTable;
}

/** Whether parsed JSON claims to be a compact dataset (it may still be an invalid one). */
export function isWireDataset(json: unknown): boolean {
  return typeof json === "object" && json !== null && (json as { format?: unknown }).format === WIRE_FORMAT;
}

/** A valid dataset in the compact format, as text. */
export function encodeDataset(dataset: Dataset): string {
  return JSON.stringify(encodeDatasetObject(dataset));
}

/** A valid dataset in the compact format, as a JSON-ready object. */
export function encodeDatasetObject(dataset: Dataset): WireDataset {
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  const index = (text: string) => {
    let at = indexes.get(text);
    if (at === undefined) {
      at = strings.push(text) - 1;
      indexes.set(text, at);
    }
    return at;
  };
  const table = <Row>(rows: readonly Row[], spec: Spec<Row>): WireTable => {
    const out: WireTable = { rows: rows.length };
    for (const [name, cell] of spec) {
      const column = rows.map((row) => {
        const value = row[name] as unknown;
        if (value === undefined) return null;
        if (cell === "string") return index(value as string);
        if (cell === "strings") return (value as string[]).map(index);
        return value;
      });
      if (column.some((value) => value !== null)) (out as Record<string, unknown>)[name] = column;
    }
    return out;
  };
  const sources = table(dataset.sources, SOURCE_COLUMNS);
  const indicators = table(dataset.indicators, INDICATOR_COLUMNS);
  const { facts } = dataset;
  const factTable: WireTable = { rows: facts.length };
  for (const name of FACT_STRINGS) factTable[name] = facts.map((fact) => index(fact[name]));
  factTable.value = facts.map((fact) => fact.value);
  factTable["reported.value"] = facts.map((fact) => fact.reported.value);
  factTable["reported.unit"] = facts.map((fact) => index(fact.reported.unit));
  factTable["reported.text"] = facts.map((fact) => index(fact.reported.text));
  factTable.line = facts.map((fact) => fact.line);
  for (const name of FACT_OPTIONAL_STRINGS)
    if (facts.some((fact) => fact[name] !== undefined))
      factTable[name] = facts.map((fact) => (fact[name] === undefined ? null : index(fact[name])));
  const conflicts = table(dataset.conflicts, CONFLICT_COLUMNS);
  const { schemaVersion, version, hash, builtAt } = dataset;
  return {
    format: WIRE_FORMAT,
    formatVersion: WIRE_FORMAT_VERSION,
    schemaVersion,
    version,
    hash,
    builtAt,
    strings,
    sources,
    indicators,
    facts: factTable,
    conflicts,
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
  if (wire.formatVersion !== WIRE_FORMAT_VERSION)
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
  return {
    ...header.data,
    sources: sources.rows,
    indicators: indicators.rows,
    facts: facts.rows,
    conflicts: conflicts.rows,
  };
}

/** The string table: strings only, each once (so equal indexes are equal strings and vice versa). */
function readStrings(value: unknown, issues: Issues): string[] | undefined {
  if (!Array.isArray(value)) {
    issues.add(["strings"], `Invalid input: expected array, received ${received(value)}`);
    return undefined;
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < value.length; i++) {
    const text: unknown = value[i];
    if (typeof text !== "string") {
      issues.add(["strings", i], `Invalid input: expected string, received ${received(text)}`);
      return undefined;
    }
    const first = seen.get(text);
    if (first !== undefined) {
      issues.add(["strings", i], `the same string as strings.${first}: each string is stored once`);
      return undefined;
    }
    seen.set(text, i);
  }
  return value as string[];
}

interface Rows<Row> {
  rows: Row[];
  /** Each row's column cells as stored (string indexes), for checks by index. */
  columns: Record<string, unknown[] | undefined>;
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
  ): { rows: number; column: (c: string) => unknown[] | undefined } | undefined {
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
    const column = (c: string) => {
      const cells = table[c];
      if (cells === undefined || cells === null) return undefined;
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
    const columns: Record<string, unknown[] | undefined> = {};
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
const anyString: StringRule = () => undefined;
const oneOf =
  (values: readonly string[]): StringRule =>
  (text) =>
    values.includes(text) ? undefined : optionMessage(values);

/** The fact schema's rule for each string column (factSchema in schema.ts). */
const FACT_STRING_RULES: Record<(typeof FACT_STRINGS)[number] | "reported.unit" | "reported.text", StringRule> = {
  id: nonEmpty,
  indicator: nonEmpty,
  region: nonEmpty,
  period: (text) => (PERIOD_PATTERN.test(text) ? undefined : PERIOD_MESSAGE),
  kind: oneOf(KINDS),
  measure: oneOf(MEASURES),
  unit: anyString,
  "reported.unit": anyString,
  "reported.text": nonEmpty,
  source: nonEmpty,
  quote: nonEmpty,
};

/** The facts: columns checked cell by cell, with each string rule judged once per distinct string. */
function decodeFacts(
  value: unknown,
  reader: CellReader,
  sources: Rows<Source> | undefined,
  indicators: Rows<Indicator> | undefined,
): { rows: Fact[]; ids: Uint8Array } | undefined {
  const { strings, issues } = reader;
  const table = reader.table(value, "facts", 0);
  if (!table) return undefined;
  const need = (name: string) => {
    const cells = table.column(name);
    if (!cells && table.rows === 0) return [];
    if (!cells && !issues.full)
      issues.add(
        ["facts", 0, name],
        `Invalid input: expected ${/value|line/.test(name) ? "number" : "string"}, received undefined`,
      );
    return cells;
  };
  const id = need("id"),
    indicator = need("indicator"),
    region = need("region"),
    period = need("period");
  const kind = need("kind"),
    measure = need("measure"),
    unit = need("unit"),
    source = need("source");
  const quote = need("quote"),
    amount = need("value"),
    reportedValue = need("reported.value");
  const reportedUnit = need("reported.unit"),
    reportedText = need("reported.text"),
    line = need("line");
  const base = table.column("base"),
    qualifier = table.column("qualifier"),
    note = table.column("note");
  if (!id || !indicator || !region || !period || !kind || !measure || !unit || !source || !quote) return undefined;
  if (!amount || !reportedValue || !reportedUnit || !reportedText || !line) return undefined;

  // 0 = not judged yet, 1 = holds, 2 = broken; one array per rule.
  const verdicts = new Map<StringRule, Uint8Array>();
  const size = strings.length;
  const text = (cells: unknown[], r: number, name: string, rule: StringRule): string => {
    const cell = cells[r];
    if (typeof cell !== "number" || !(cell >= 0 && cell < size) || !Number.isInteger(cell)) {
      issues.add(
        ["facts", r, ...name.split(".")],
        `Invalid input: expected a string index below ${size}, received ${cellText(cell)}`,
      );
      return "";
    }
    let verdict = verdicts.get(rule);
    if (!verdict) verdicts.set(rule, (verdict = new Uint8Array(size)));
    const string = strings[cell];
    if (verdict[cell] === 0) verdict[cell] = rule(string) === undefined ? 1 : 2;
    if (verdict[cell] === 2) issues.add(["facts", r, ...name.split(".")], rule(string)!);
    return string;
  };
  const optional = (cells: unknown[] | undefined, r: number, name: string): string | undefined => {
    if (!cells || cells[r] === null) return undefined;
    return text(cells, r, name, anyString);
  };
  const number = (cells: unknown[], r: number, name: string): number => {
    const cell = cells[r];
    if (typeof cell === "number" && Number.isFinite(cell)) return cell;
    issues.add(["facts", r, ...name.split(".")], `Invalid input: expected number, received ${received(cell)}`);
    return 0;
  };

  const rows: Fact[] = new Array<Fact>(table.rows);
  for (let r = 0; r < table.rows && !issues.full; r++) {
    const fact: Record<string, unknown> = {
      id: text(id, r, "id", FACT_STRING_RULES.id),
      indicator: text(indicator, r, "indicator", FACT_STRING_RULES.indicator),
      region: text(region, r, "region", FACT_STRING_RULES.region),
      period: text(period, r, "period", FACT_STRING_RULES.period),
      kind: text(kind, r, "kind", FACT_STRING_RULES.kind),
      measure: text(measure, r, "measure", FACT_STRING_RULES.measure),
    };
    const baseText = optional(base, r, "base");
    if (baseText !== undefined) fact.base = baseText;
    fact.value = number(amount, r, "value");
    fact.unit = text(unit, r, "unit", FACT_STRING_RULES.unit);
    fact.reported = {
      value: number(reportedValue, r, "reported.value"),
      unit: text(reportedUnit, r, "reported.unit", FACT_STRING_RULES["reported.unit"]),
      text: text(reportedText, r, "reported.text", FACT_STRING_RULES["reported.text"]),
    };
    const qualifierText = optional(qualifier, r, "qualifier");
    if (qualifierText !== undefined) fact.qualifier = qualifierText;
    fact.source = text(source, r, "source", FACT_STRING_RULES.source);
    fact.quote = text(quote, r, "quote", FACT_STRING_RULES.quote);
    const lineCell = line[r];
    if (typeof lineCell !== "number" || !Number.isFinite(lineCell))
      issues.add(["facts", r, "line"], `Invalid input: expected number, received ${received(lineCell)}`);
    else if (!Number.isInteger(lineCell))
      issues.add(["facts", r, "line"], "Invalid input: expected int, received number");
    else if (lineCell <= 0) issues.add(["facts", r, "line"], "Too small: expected number to be >0");
    fact.line = lineCell;
    const noteText = optional(note, r, "note");
    if (noteText !== undefined) fact.note = noteText;
    rows[r] = fact as Fact;
  }
  if (issues.list.length > 0) return undefined;

  // The dataset-wide rules (datasetSchema's superRefine): known indicator and source, unique ids.
  // A table that did not decode has its own problem already; its ids are not known either way.
  const known = (rows: Rows<{ id: string }> | undefined) => {
    if (!rows) return undefined;
    const marks = new Uint8Array(size);
    for (const cell of rows.columns.id ?? []) marks[cell as number] = 1;
    return marks;
  };
  const knownIndicators = known(indicators);
  const knownSources = known(sources);
  const ids = new Uint8Array(size);
  for (let r = 0; r < table.rows && !issues.full; r++) {
    if (knownIndicators && !knownIndicators[indicator[r] as number])
      issues.add(["facts", r, "indicator"], `unknown indicator ${strings[indicator[r] as number]}`);
    if (knownSources && !knownSources[source[r] as number])
      issues.add(["facts", r, "source"], `unknown source ${strings[source[r] as number]}`);
    const at = id[r] as number;
    if (ids[at]) issues.add(["facts", r, "id"], `duplicate fact id ${strings[at]}`);
    ids[at] = 1;
  }
  return issues.list.length > 0 ? undefined : { rows, ids };
}

/** Every fact a conflict names exists (by string index: the string table holds each string once). */
function checkConflicts(conflicts: Rows<Conflict>, factIds: Uint8Array, strings: readonly string[], issues: Issues) {
  const facts = conflicts.columns.facts ?? [];
  const chosen = conflicts.columns.chosen ?? [];
  for (let r = 0; r < conflicts.rows.length; r++)
    for (const at of [...(facts[r] as number[]), chosen[r] as number])
      if (!factIds[at]) issues.add(["conflicts", r], `conflict names a missing fact ${strings[at]}`);
}
