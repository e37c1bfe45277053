/**
 * The compact wire format: what is encoded comes back identical (key order too, so the hash holds),
 * and what the zod schema refuses in plain JSON the compact decoder refuses with the same words.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, it, jest } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../../jest/expect";
import { contentText } from "../../../src/core/integrity";
import { factCount, factsOnDemand } from "../../../src/core/lazy-facts";
import { IndicatorStore } from "../../../src/core/store";
import { acceptDatasetText, parseDatasetText } from "../../../src/core/live/parse";
import {
  DatasetError,
  KINDS,
  MEASURES,
  parseDataset,
  PERIOD_PATTERN,
  type Dataset,
  type Fact,
} from "../../../src/core/schema";
import {
  decodeDataset,
  decodeDatasetText,
  DERIVED_ID,
  derivedFactId,
  type DerivedIds,
  encodeDataset,
  encodeDatasetObject,
  packColumn,
  type PackedColumn,
  WIRE_FORMAT,
  WIRE_FORMAT_VERSION,
  type WireDataset,
} from "../../../src/core/wire";

const sha256 = (text: string) => Promise.resolve(createHash("sha256").update(text).digest("hex"));
const sha256Now = (text: string) => createHash("sha256").update(text).digest("hex");
const built = (): Dataset =>
  JSON.parse(readFileSync(resolve(__dirname, "../../../data/dist/dataset.json"), "utf8")) as Dataset;
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof DatasetError) return error.message;
    throw error;
  }
  return "accepted";
};
const firstProblem = (message: string) => message.replace(/^.*?invalid dataset: /, "").split("; ")[0];

describe("compact wire format", () => {
  it("round-trips the built dataset exactly, smaller, under the same hash", () => {
    const dataset = parseDataset(built());
    const text = encodeDataset(dataset);
    const decoded = decodeDatasetText(text);
    expect(decoded).toEqual(dataset);
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(dataset));
    expect(sha256Now(contentText(decoded))).toBe(dataset.hash);
    expect(text.length).toBeLessThan(JSON.stringify(dataset).length);
    const wire = JSON.parse(text) as WireDataset;
    expect(wire).toMatchObject({ format: WIRE_FORMAT, formatVersion: WIRE_FORMAT_VERSION, schemaVersion: 1 });
    // Fact columns of string indexes and lines are packed strings; values stay numbers.
    expect(wire.facts.period).toMatchObject({ packed: 1, cells: expect.any(String) });
    expect(wire.facts.line).toMatchObject({ packed: 1 });
    expect(Array.isArray(wire.facts.value)).toBe(true);
    // Lists of numbers (what version 2 wrote) are read too, and give the same dataset.
    expect(JSON.stringify(decodeDataset(encodeDatasetObject(dataset, { packed: false })))).toBe(
      JSON.stringify(dataset),
    );
    expect(new Set(wire.strings).size).toBe(wire.strings.length);
    // Every built id is derived, so none is stored (the one conflict names its facts by id, though).
    expect(wire.facts.id).toEqual({ derived: DERIVED_ID, rows: [], ids: [] });
    const named = new Set(dataset.conflicts.flatMap((c) => [...c.facts, c.chosen]));
    expect(dataset.facts.filter((f) => wire.strings.includes(f.id)).every((f) => named.has(f.id))).toBe(true);
  });

  it("reads the file the build writes next to dataset.json", () => {
    const compact = readFileSync(resolve(__dirname, "../../../data/dist/dataset.hhc.json"), "utf8");
    expect(decodeDatasetText(compact)).toEqual(parseDataset(built()));
  });

  it("accepts both formats in parseDatasetText and acceptDatasetText, with the same hash", async () => {
    const dataset = built();
    const tools = { now: new Date(), sha256Hex: sha256 };
    for (const text of [JSON.stringify(dataset), encodeDataset(parseDataset(dataset))]) {
      expect(parseDatasetText(text)).toMatchObject({ ok: true, dataset: { hash: dataset.hash } });
      expect(await acceptDatasetText(text, tools)).toMatchObject({ ok: true });
    }
  });

  it("keeps refusing a forged hash, a value against its figure and a future builtAt in the compact format", async () => {
    const tools = { now: new Date(), sha256Hex: sha256 };
    const compact = (edit: (d: Dataset) => void, rehash = false) => {
      const dataset = parseDataset(built());
      edit(dataset);
      if (rehash) dataset.hash = sha256Now(contentText(dataset));
      return acceptDatasetText(encodeDataset(dataset), tools);
    };
    await expect(compact((d) => void (d.facts[0].quote += "。"))).resolves.toMatchObject({
      ok: false,
      code: "forged",
      detail: { problem: "hash" },
    });
    const money = (d: Dataset) => d.facts.find((f) => f.unit === "亿元")!;
    await expect(compact((d) => void (money(d).value *= 10), true)).resolves.toMatchObject({
      ok: false,
      code: "forged",
      detail: { problem: "value" },
    });
    await expect(compact((d) => void (d.builtAt = "2099-01-01T00:00:00.000Z"), true)).resolves.toMatchObject({
      ok: false,
      code: "future",
    });
  });

  it("tells a compact file it cannot read apart: another format version, a string stored twice, a short column", () => {
    const wire = () =>
      encodeDatasetObject(parseDataset(built()), { packed: false }) as unknown as Record<string, unknown> & WireDataset;
    const newer = { ...wire(), formatVersion: WIRE_FORMAT_VERSION + 1 };
    expect(parseDatasetText(JSON.stringify(newer))).toMatchObject({
      ok: false,
      code: "invalid",
      detail: { problem: expect.stringMatching(/^formatVersion: unsupported 4/) },
    });
    const twice = wire();
    twice.strings.push(twice.strings[0]);
    expect(firstProblem(refusal(() => decodeDataset(twice)))).toMatch(/^strings\.\d+: the same string as strings\.0/);
    const short = wire();
    (short.facts.period as number[]).pop();
    expect(firstProblem(refusal(() => decodeDataset(short)))).toMatch(/^facts\.period: column of \d+ cells/);
    const outOfRange = wire();
    (outOfRange.facts.kind as number[])[5] = outOfRange.strings.length;
    expect(firstProblem(refusal(() => decodeDataset(outOfRange)))).toMatch(/^facts\.5\.kind: .*string index/);
    expect(parseDatasetText(JSON.stringify({ format: WIRE_FORMAT }))).toMatchObject({ ok: false, code: "invalid" });
  });

  it("refuses a packed column it cannot read: wrong length or width, a character outside the digits, an absent required cell", () => {
    const dataset = parseDataset(built());
    const withColumn = (name: string, column: unknown) => {
      const wire = encodeDatasetObject(dataset);
      (wire.facts as Record<string, unknown>)[name] = column;
      return firstProblem(refusal(() => decodeDataset(wire)));
    };
    const period = encodeDatasetObject(dataset).facts.period as PackedColumn;
    expect(withColumn("period", { ...period, cells: period.cells.slice(1) })).toMatch(
      /^facts\.period: packed column of \d+ characters at 1 a cell, expected \d+ cells/,
    );
    expect(withColumn("period", { ...period, packed: 3 })).toMatch(/^facts\.period: packed column .* at 3 a cell/);
    expect(withColumn("period", { ...period, cells: 7 })).toMatch(/^facts\.period: packed column of number/);
    const quoteMark = `${period.cells.slice(0, 4)}"${period.cells.slice(5)}`;
    expect(withColumn("period", { ...period, cells: quoteMark })).toBe(
      "facts.4.period: Invalid input: expected a packed cell, received U+0022",
    );
    // 0 is an absent field: allowed where the field is optional, refused as zod refuses a missing one elsewhere.
    const lists = encodeDatasetObject(dataset, { packed: false }).facts as Record<string, Array<number | null>>;
    const absent = (name: string, at: number) => packColumn(lists[name].map((cell, r) => (r === at ? null : cell)));
    expect(withColumn("kind", absent("kind", 6))).toBe(
      "facts.6.kind: Invalid input: expected string, received undefined",
    );
    expect(withColumn("line", absent("line", 6))).toBe(
      "facts.6.line: Invalid input: expected number, received undefined",
    );
    // Two characters can spell more than a cell holds: refused, not wrapped round to another index.
    const huge = String.fromCharCode(0xd7ff, 0xd7ff);
    // The same column two characters a cell (a leading zero digit each) reads as before.
    const widened = {
      packed: 2,
      cells: [...packColumn(lists.kind).cells].map((c) => String.fromCharCode(0x100) + c).join(""),
    };
    expect(withColumn("kind", widened)).toBe("accepted");
    expect(withColumn("kind", { packed: 2, cells: huge + widened.cells.slice(2) })).toBe(
      "facts.0.kind: Invalid input: packed cell 3029401598 is above 2147483647",
    );
    // Only facts are packed.
    const wire = encodeDatasetObject(dataset);
    (wire.sources as Record<string, unknown>).id = packColumn([0]);
    expect(firstProblem(refusal(() => decodeDataset(wire)))).toMatch(/^sources\.id: column of/);
  });

  it("packs wide string tables two characters a cell", () => {
    const column = packColumn([0, 70_000, null, 123_456_789]);
    expect(column.packed).toBe(2);
    expect(column.cells).toHaveLength(8);
    expect([...column.cells].every((c) => c.charCodeAt(0) >= 0x100 && c.charCodeAt(0) < 0xd800)).toBe(true);
    expect(JSON.parse(JSON.stringify(column))).toEqual(column);
  });

  it("reads version 1 (every id stored) and refuses a derived id column it cannot follow", () => {
    const dataset = parseDataset(built());
    const v1 = encodeDatasetObject(dataset) as unknown as Record<string, unknown> & WireDataset;
    const index = (text: string) => (v1.strings.includes(text) ? v1.strings.indexOf(text) : v1.strings.push(text) - 1);
    v1.formatVersion = 1 as WireDataset["formatVersion"];
    v1.facts.id = dataset.facts.map((f) => index(f.id));
    expect(JSON.stringify(decodeDataset(v1))).toBe(JSON.stringify(dataset));

    const marker = encodeDatasetObject(dataset);
    (marker.facts.id as Record<string, unknown>).derived = "indicator|period";
    expect(firstProblem(refusal(() => decodeDataset(marker)))).toMatch(
      /^facts\.id\.derived: expected "indicator\|region/,
    );
    const unordered = encodeDatasetObject(dataset);
    const at = index(dataset.facts[9].id);
    Object.assign(unordered.facts.id as DerivedIds, { rows: [9, 4], ids: [at, at] });
    expect(firstProblem(refusal(() => decodeDataset(unordered)))).toMatch(
      /^facts\.id\.rows\.1: expected a row above 9/,
    );
    const uneven = encodeDatasetObject(dataset);
    Object.assign(uneven.facts.id as DerivedIds, { rows: [4], ids: [] });
    expect(firstProblem(refusal(() => decodeDataset(uneven)))).toMatch(/^facts\.id: expected two lists/);
  });
});

/**
 * One change, made to the plain JSON dataset and to its compact form alike: a path (as zod reports it)
 * and a value. In the compact form a string becomes an index (added to the table when new), a list of
 * strings a list of indexes, undefined an empty cell, anything else stays as it is.
 */
interface Change {
  path: Array<string | number>;
  value: unknown;
}

function changeJson(dataset: Dataset, { path, value }: Change): unknown {
  const copy = structuredClone(dataset) as unknown as Record<string, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

/** Columns that hold their values as they are (numbers, booleans), not string indexes. */
const RAW_COLUMNS = ["value", "reported.value", "line", "excerpt"];

function changeWire(dataset: Dataset, { path, value }: Change): Record<string, unknown> & WireDataset {
  const wire = encodeDatasetObject(parseDataset(dataset), { packed: false }) as unknown as Record<string, unknown> &
    WireDataset;
  const index = (text: string) => {
    const at = wire.strings.indexOf(text);
    return at >= 0 ? at : wire.strings.push(text) - 1;
  };
  const cell = (v: unknown): unknown =>
    typeof v === "string" ? index(v) : Array.isArray(v) ? v.map(cell) : v === undefined ? null : v;
  if (path.length === 1) {
    wire[path[0] as string] = value;
    return wire;
  }
  const [table, row, ...rest] = path as [keyof WireDataset, number, ...Array<string | number>];
  const columns = wire[table] as Record<string, unknown[]>;
  if (table === "facts" && rest.join(".") === "id") {
    storeId(wire.facts.id as DerivedIds, row, cell(value) as number);
    return wire;
  }
  // A list item (sources.0.regions.1) changes inside the row's list; a field elsewhere is a column.
  const listItem = typeof rest[rest.length - 1] === "number";
  const name = (listItem ? rest.slice(0, -1) : rest).join(".");
  columns[name] ??= new Array((columns as unknown as { rows: number }).rows).fill(null);
  if (listItem) (columns[name][row] as unknown[])[rest[rest.length - 1] as number] = cell(value);
  else columns[name][row] = RAW_COLUMNS.includes(name) ? value : cell(value);
  return wire;
}

/** A fact's id stored in a derived id column (the rows stay ascending). */
function storeId(column: DerivedIds, row: number, index: number) {
  const at = column.rows.findIndex((r) => r >= row);
  if (column.rows[at] === row) column.ids[at] = index;
  else if (at < 0) {
    column.rows.push(row);
    column.ids.push(index);
  } else {
    column.rows.splice(at, 0, row);
    column.ids.splice(at, 0, index);
  }
}

/**
 * The same compact dataset with every fact column a packed string could hold (whole numbers ≥ 0 and
 * nulls, not values) packed, as the encoder writes it.
 */
function packed(wire: WireDataset): WireDataset {
  const facts: Record<string, unknown> = { ...wire.facts };
  for (const [name, column] of Object.entries(facts)) {
    if (!Array.isArray(column) || name === "value" || name === "reported.value") continue;
    if (column.every((cell) => cell === null || (Number.isInteger(cell) && (cell as number) >= 0)))
      facts[name] = packColumn(column as Array<number | null>);
  }
  return { ...wire, facts: facts as WireDataset["facts"] };
}

/** The same change refused by the schema and by the compact decoder (lists and packed) with the same first problem. */
function expectSameRefusal(dataset: Dataset, change: Change) {
  const json = refusal(() => parseDataset(changeJson(dataset, change)));
  const changed = changeWire(dataset, change);
  const label = `${change.path.join(".")} = ${JSON.stringify(change.value)}`;
  expect(json, label).not.toBe("accepted");
  expect(firstProblem(refusal(() => decodeDataset(changed))), label).toBe(firstProblem(json));
  expect(firstProblem(refusal(() => decodeDataset(packed(changed)))), `${label} (packed)`).toBe(firstProblem(json));
}

describe("facts made on demand", () => {
  it("answers lookups without making every fact, with the objects dataset.facts later holds, in the same order as a plain store", () => {
    const plain = parseDataset(built());
    const decoded = decodeDataset(encodeDatasetObject(plain));
    const everyFact = jest.spyOn(decoded, "facts", "get");
    const lazy = new IndicatorStore(decoded);
    const eager = new IndicatorStore(plain);
    expect(factsOnDemand(decoded)?.count).toBe(plain.facts.length);
    expect(factsOnDemand(plain)).toBeUndefined();
    expect(lazy.factCount).toBe(plain.facts.length);
    expect(factCount(decoded)).toBe(plain.facts.length);
    expect(lazy.regionsWithFigures()).toEqual(eager.regionsWithFigures());
    const answers: Fact[] = [];
    for (const { id } of plain.indicators) {
      expect(lazy.series(id)).toEqual(eager.series(id));
      expect(lazy.regionsOf(id)).toEqual(eager.regionsOf(id));
    }
    for (const fact of plain.facts) {
      const found = lazy.facts(fact.indicator, fact.region, fact.period, fact.kind, fact.measure);
      expect(found).toEqual(eager.facts(fact.indicator, fact.region, fact.period, fact.kind, fact.measure));
      answers.push(...found);
    }
    expect(everyFact).not.toHaveBeenCalled();
    // One cache: the facts lookups returned are the very objects of the list, which is in file order.
    const list = decoded.facts;
    expect(list).toEqual(plain.facts);
    const inList = new Set(list);
    expect(answers.every((fact) => inList.has(fact))).toBe(true);
    expect(decoded.facts).toBe(list);
    everyFact.mockRestore();
  });

  it("makes each fact once, whichever way it is first read", () => {
    const plain = parseDataset(built());
    const indicator = plain.facts[0].indicator;
    const first = decodeDataset(encodeDatasetObject(plain));
    const onDemand = factsOnDemand(first)!;
    const one = onDemand.factsOf(indicator);
    expect(onDemand.factsOf(indicator).every((fact, i) => fact === one[i])).toBe(true);
    expect(first.facts.filter((f) => f.indicator === indicator).every((fact, i) => fact === one[i])).toBe(true);
    expect(onDemand.factsOf("no_such_indicator")).toEqual([]);
  });

  it("keeps answering the same when a caller reorders or shortens the list it was handed", () => {
    const plain = parseDataset(built());
    const decoded = decodeDataset(encodeDatasetObject(plain));
    decoded.facts.reverse();
    decoded.facts.splice(0, 10);
    const lazy = new IndicatorStore(decoded);
    const eager = new IndicatorStore(plain);
    for (const { id } of plain.indicators) expect(lazy.series(id)).toEqual(eager.series(id));
  });
});

describe("the compact decoder refuses what the schema refuses", () => {
  const dataset = parseDataset(built());
  const conflicted = dataset.conflicts[0];

  // Every rule of the schema and its superRefine, once each.
  it.each<[string, Change]>([
    ["period pattern", { path: ["facts", 3, "period"], value: "2022-13" }],
    ["kind enum", { path: ["facts", 3, "kind"], value: "forecast" }],
    ["measure enum", { path: ["facts", 3, "measure"], value: "ratio" }],
    ["empty id", { path: ["facts", 3, "id"], value: "" }],
    ["empty region", { path: ["facts", 3, "region"], value: "" }],
    ["empty quote", { path: ["facts", 3, "quote"], value: "" }],
    ["empty reported text", { path: ["facts", 3, "reported", "text"], value: "" }],
    ["value not a number", { path: ["facts", 3, "value"], value: "1" }],
    ["value null", { path: ["facts", 3, "value"], value: null }],
    ["reported value a boolean", { path: ["facts", 3, "reported", "value"], value: true }],
    ["line zero", { path: ["facts", 3, "line"], value: 0 }],
    ["line negative", { path: ["facts", 3, "line"], value: -3 }],
    ["line not an integer", { path: ["facts", 3, "line"], value: 1.5 }],
    ["line a string", { path: ["facts", 3, "line"], value: "12" }],
    ["unknown indicator", { path: ["facts", 3, "indicator"], value: "no_such_indicator" }],
    ["unknown source", { path: ["facts", 3, "source"], value: "999" }],
    ["duplicate fact id", { path: ["facts", 3, "id"], value: dataset.facts[2].id }],
    ["duplicate of a later fact's derived id", { path: ["facts", 2, "id"], value: dataset.facts[3].id }],
    ["source id pattern", { path: ["sources", 0, "id"], value: "1" }],
    ["source date pattern", { path: ["sources", 0, "date"], value: "2022-1-01" }],
    ["source type enum", { path: ["sources", 0, "type"], value: "博客" }],
    ["source url pattern", { path: ["sources", 0, "url"], value: "ftp://example.com/a" }],
    ["source without regions", { path: ["sources", 0, "regions"], value: [] }],
    ["source empty region", { path: ["sources", 0, "regions", 0], value: "" }],
    ["source excerpt not a boolean", { path: ["sources", 0, "excerpt"], value: "yes" }],
    ["source title missing", { path: ["sources", 0, "title"], value: undefined }],
    ["indicator id pattern", { path: ["indicators", 0, "id"], value: "GDP" }],
    ["indicator empty zh", { path: ["indicators", 0, "zh"], value: "" }],
    ["indicator empty alias", { path: ["indicators", 0, "aliases"], value: [""] }],
    ["indicator empty phrase", { path: ["indicators", 0, "phrases"], value: ["", "x"] }],
    ["conflict of one fact", { path: ["conflicts", 0, "facts"], value: [conflicted.facts[0]] }],
    ["conflict naming a missing fact", { path: ["conflicts", 0, "chosen"], value: "no-such-fact" }],
    ["conflict with an empty reason", { path: ["conflicts", 0, "reason"], value: "" }],
    ["schemaVersion", { path: ["schemaVersion"], value: 2 }],
    ["hash pattern", { path: ["hash"], value: "abc" }],
    ["builtAt not a date-time", { path: ["builtAt"], value: "yesterday" }],
    ["empty version", { path: ["version"], value: "" }],
  ])("%s", (_name, change) => expectSameRefusal(dataset, change));

  it("a random invalid cell in any fact column: same path and message as zod", () => {
    const bad: Record<string, fc.Arbitrary<unknown>> = {
      id: fc.constant(""),
      indicator: fc.constantFrom("", "no_such_indicator"),
      region: fc.constant(""),
      period: fc.string().filter((s) => !PERIOD_PATTERN.test(s)),
      kind: fc.string().filter((s) => !(KINDS as readonly string[]).includes(s)),
      measure: fc.string().filter((s) => !(MEASURES as readonly string[]).includes(s)),
      value: fc.oneof(fc.string(), fc.constant(null), fc.boolean()),
      "reported.value": fc.oneof(fc.string(), fc.constant(null), fc.boolean()),
      "reported.text": fc.constant(""),
      source: fc.constantFrom("", "998"),
      quote: fc.constant(""),
      line: fc.oneof(fc.integer({ max: 0 }), fc.double({ min: 0.01, max: 1e6, noInteger: true }), fc.string()),
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: dataset.facts.length - 1 }),
        fc.constantFrom(...Object.keys(bad)).chain((name) => fc.tuple(fc.constant(name), bad[name])),
        (row, [name, value]) => expectSameRefusal(dataset, { path: ["facts", row, ...name.split(".")], value }),
      ),
      { numRuns: 80 },
    );
  });
});

describe("encode → decode is the identity on valid datasets", () => {
  const real = parseDataset(built());
  const period = fc.oneof(
    fc.integer({ min: 1900, max: 2100 }).map(String),
    fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 9 })).map(([y, n]) => `${y}-${y + n}`),
    fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
    fc
      .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-M${String(m).padStart(2, "0")}`),
  );
  const text = fc.string({ minLength: 1, unit: "grapheme" });
  const optionalText = fc.option(fc.string({ unit: "grapheme" }), { nil: undefined });
  const fact = fc.record({
    template: fc.integer({ min: 0, max: real.facts.length - 1 }),
    period,
    kind: fc.constantFrom(...KINDS),
    measure: fc.constantFrom(...MEASURES),
    // JSON writes -0 as 0 (in either format), so -0 is not a value a dataset file can hold.
    value: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
    quote: text,
    line: fc.integer({ min: 1, max: 100_000 }),
    base: optionalText,
    qualifier: optionalText,
    note: optionalText,
    derivedId: fc.boolean(),
  });
  const datasets = fc.array(fact, { maxLength: 60 }).map((rows): Dataset => {
    const ids = new Set<string>();
    const facts = rows.map((row, i): Fact => {
      const template = real.facts[row.template];
      // As the build makes ids: derived from the figure and source, or another when that one is taken.
      const derived = derivedFactId({ ...template, period: row.period, kind: row.kind, measure: row.measure });
      const id = row.derivedId && !ids.has(derived) ? derived : `${template.id}#${i}`;
      ids.add(id);
      const made: Fact = {
        ...template,
        id,
        period: row.period,
        kind: row.kind,
        measure: row.measure,
        value: row.value,
        reported: { ...template.reported, value: row.value },
        quote: row.quote,
        line: row.line,
      };
      delete made.base;
      delete made.qualifier;
      delete made.note;
      if (row.base !== undefined) made.base = row.base;
      if (row.qualifier !== undefined) made.qualifier = row.qualifier;
      if (row.note !== undefined) made.note = row.note;
      return made;
    });
    const conflicts =
      facts.length >= 2 ? [{ key: "k", facts: [facts[0].id, facts[1].id], chosen: facts[0].id, reason: "r" }] : [];
    return parseDataset({ ...real, facts, conflicts });
  });

  it("returns what was encoded, key order included", () => {
    fc.assert(
      fc.property(datasets, (dataset) => {
        const decoded = decodeDatasetText(encodeDataset(dataset));
        expect(decoded).toEqual(dataset);
        expect(JSON.stringify(decoded)).toBe(JSON.stringify(dataset));
      }),
      { numRuns: 60 },
    );
  });
});
