import { beforeAll, describe, expect, it } from "@jest/globals";
import { PANE_MESSAGES } from "../../../src/core/messages/pane";
import { describeLoad } from "../../../src/excel/load-summary";
import { OWNER_KEY, parseMark } from "../../../src/excel/ownership";
import { jsonBytes, REQUEST_BUDGET_BYTES } from "../../../src/excel/requests";
import { factsBlock, sourcesBlock, targetsBlock } from "../../../src/excel/tables";
import type { Run } from "../../../src/excel/run";
import { loadIntoSheets, type LoadProgress, type LoadRequest } from "../../../src/excel/workbook-writer";
import { fakeExcel, type SheetModel } from "./fakeExcel";
import { store, syntheticStore } from "./helpers";

/** `n` synthetic facts; target tracking from the real dataset (its size follows targets, not facts). */
function request(n: number): LoadRequest {
  const s = syntheticStore(n);
  const facts = s.dataset.facts;
  return {
    lang: "zh",
    facts: factsBlock(s, facts, "zh"),
    sources: sourcesBlock(s, facts, "zh"),
    targets: targetsBlock(store, store.dataset.facts, "zh"),
  };
}

/** 100,000 rows through the fake workbook take about 9 s on the shared 2-core machine under load; guard, not goal. */
const SLOW_MACHINE_MS = 60_000;

/** Inspect (2), prepare (1) and the closing sync: the syncs a load costs besides its chunks. */
const FIXED_SYNCS = 4;

/** Every written cell of a block's rows [0, count) is on the sheet as given (text, numbers, booleans). */
function expectRowsOnSheet(sheet: SheetModel, rows: ReadonlyArray<ReadonlyArray<unknown>>, count: number) {
  for (let r = 0; r < count; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const want = row[c] === "" ? null : row[c];
      const got = sheet.cell(r + 1, c).value;
      if (got !== want) throw new Error(`row ${r + 1} column ${c}: ${String(got)} ≠ ${String(want)}`);
    }
  }
}

/** Inspect (2), prepare (1), then chunks: the fifth sync is the second chunk's request. */
const SECOND_CHUNK_SYNC = 5;

/** The fake workbook's Excel.run, with its nth context.sync() failing as a request Excel refuses. */
function failingAtSync(excel: ReturnType<typeof fakeExcel>, failing: number): Run {
  return (batch) =>
    excel.run((context) => {
      const sync = context.sync.bind(context);
      let syncs = 0;
      (context as { sync: () => Promise<void> }).sync = async () => {
        if (++syncs === failing) throw new Error("RichApi.Error: the request failed");
        await sync();
      };
      return batch(context);
    });
}

describe("loads in chunks under the request budget", () => {
  const requests = new Map<number, LoadRequest>();
  beforeAll(() => {
    for (const n of [1_000, 100_000]) requests.set(n, request(n));
  }, SLOW_MACHINE_MS);

  it(
    "keeps every request under the budget, with syncs growing with bytes / budget, not rows",
    async () => {
      const flushes: Record<number, { syncs: number; bytes: number }> = {};
      for (const n of [1_000, 100_000]) {
        const excel = fakeExcel();
        const progress: LoadProgress[] = [];
        const result = await loadIntoSheets(excel.run, requests.get(n)!, { onProgress: (p) => progress.push(p) });
        const bytes = excel.requestBytes.reduce((a, b) => a + b, 0);
        expect(Math.max(...excel.requestBytes)).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
        expect(result.syncs).toBe(excel.syncs());
        // At least bytes / budget requests, and never many more: each chunk fills the budget but a row.
        expect(excel.syncs()).toBeGreaterThanOrEqual(Math.ceil(bytes / REQUEST_BUDGET_BYTES));
        expect(excel.syncs()).toBeLessThanOrEqual(Math.ceil(bytes / (0.9 * REQUEST_BUDGET_BYTES)) + FIXED_SYNCS);
        flushes[n] = { syncs: excel.syncs() - FIXED_SYNCS, bytes };
        // Nothing lost: every row of the facts, and the tables cover them all.
        const facts = excel.model.sheet("HH 数据");
        expectRowsOnSheet(facts, requests.get(n)!.facts.rows, n);
        expect(facts.usedRows()).toBe(n + 1);
        expect(excel.model.tables.find((t) => t.name === "HH_Facts")?.rows).toBe(n + 1);
        expect(result.cancelled).toBe(false);
        expect(result.sheets.map((s) => s.written)).toEqual(result.sheets.map((s) => s.rows));
        // Progress in rows, never going back, ending at the total.
        const rows = progress.map((p) => p.rows);
        expect(rows).toEqual([...rows].sort((a, b) => a - b));
        expect(progress.at(-1)).toMatchObject({ step: "done", rows: progress[0].totalRows });
        // What the pane shows meanwhile.
        const mid = progress.find((p) => p.step === "facts" && p.rows > 0);
        if (n === 100_000)
          expect(PANE_MESSAGES.zh.writingRows(mid!.rows, mid!.totalRows)).toMatch(/^写入 \d+,\d{3} \/ 1\d\d,\d{3} 行$/);
      }
      // 100 times the rows: about 100 times the bytes, and the chunk syncs follow the bytes.
      const ratio = flushes[100_000].bytes / flushes[1_000].bytes;
      expect(ratio).toBeGreaterThan(80);
      expect(flushes[100_000].syncs).toBeGreaterThanOrEqual(Math.floor(flushes[100_000].bytes / REQUEST_BUDGET_BYTES));
      expect(flushes[1_000].syncs).toBeLessThanOrEqual(1);
    },
    SLOW_MACHINE_MS,
  );

  it("changes nothing when cancelled before the first sheet", async () => {
    const excel = fakeExcel();
    const controller = new AbortController();
    controller.abort();
    const result = await loadIntoSheets(excel.run, requests.get(1_000)!, { signal: controller.signal });
    expect(result).toMatchObject({ cancelled: true, sheets: [] });
    expect(excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(excel.model.tables).toEqual([]);
    expect(describeLoad(result, "en")).toBe(PANE_MESSAGES.en.loadCancelled(0));
  });

  it("clears the rows of a load a failed request stopped before its table was made, and nothing else", async () => {
    const excel = fakeExcel();
    const failing = failingAtSync(excel, SECOND_CHUNK_SYNC);
    await expect(loadIntoSheets(failing, requests.get(100_000)!)).rejects.toThrow(/request failed/);
    const sheet = excel.model.sheet("HH 数据");
    const partial = sheet.usedRows();
    expect(partial).toBeGreaterThan(1000);
    expect(excel.model.tables).toEqual([]);
    expect(parseMark(sheet.props.get(OWNER_KEY))).toMatchObject({ complete: false, table: "HH_Facts" });
    // A user's note beside it stays where it is.
    sheet.set(0, 30, { value: "我的备注" });

    const result = await loadIntoSheets(excel.run, requests.get(1_000)!);
    expect(result.sheets[0]).toMatchObject({ name: "HH 数据", created: false, written: 1_000, moved: [] });
    expect(sheet.usedRows()).toBe(1_001);
    expectRowsOnSheet(sheet, requests.get(1_000)!.facts.rows, 1_000);
    expect(excel.model.tables.find((t) => t.name === "HH_Facts")?.rows).toBe(1_001);
    expect(sheet.cell(0, 30).value).toBe("我的备注");
    expect(parseMark(sheet.props.get(OWNER_KEY))?.complete).toBe(true);
  });

  it("leaves a stopped load's rows as the user's when its header was changed since", async () => {
    const excel = fakeExcel();
    const failing = failingAtSync(excel, SECOND_CHUNK_SYNC);
    await expect(loadIntoSheets(failing, requests.get(100_000)!)).rejects.toThrow(/request failed/);
    const sheet = excel.model.sheet("HH 数据");
    const partial = sheet.usedRows();
    sheet.set(0, 0, { value: "我的标题" });
    const result = await loadIntoSheets(excel.run, requests.get(1_000)!);
    // Not cleared: moved out of the block's way, and the pane says where to.
    const [moved] = result.sheets[0].moved;
    expect(moved).toMatchObject({ from: expect.stringMatching(/^A1:/), shift: "down" });
    expect(sheet.usedRows()).toBe(partial + moved.by);
    expect(sheet.cell(moved.by, 0).value).toBe("我的标题");
  });

  it("estimates a request as the UTF-8 length of its JSON", () => {
    expect(jsonBytes([["a", 1, true]])).toBe('[["a",1,true]]'.length);
    expect(jsonBytes([["数据"]])).toBe(4 + 6 + 2);
    expect(jsonBytes(["😀"])).toBe(4 + 4);
  });

  it(
    "cancels after the chunk in flight and leaves a complete, marked table of the rows written",
    async () => {
      const excel = fakeExcel();
      const controller = new AbortController();
      const progress: LoadProgress[] = [];
      const req = requests.get(100_000)!;
      const result = await loadIntoSheets(excel.run, req, {
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p);
          if (p.rows >= 20_000) controller.abort();
        },
      });
      expect(result.cancelled).toBe(true);
      const [facts] = result.sheets;
      expect(result.sheets).toHaveLength(1);
      expect(facts.written).toBeGreaterThanOrEqual(20_000);
      expect(facts.written).toBeLessThan(30_000);
      expect(facts.written).toBe(progress.filter((p) => p.step === "facts").at(-1)?.rows);
      const sheet = excel.model.sheet("HH 数据");
      expect(sheet.usedRows()).toBe(facts.written + 1);
      expectRowsOnSheet(sheet, req.facts.rows, facts.written);
      expect(excel.model.tables.map((t) => [t.name, t.rows])).toEqual([["HH_Facts", facts.written + 1]]);
      expect(parseMark(sheet.props.get(OWNER_KEY))?.complete).toBe(false);
      // The sheets it never reached are not left behind empty.
      expect(excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1", "HH 数据"]);
      // What the user reads.
      expect(describeLoad(result, "zh")).toBe(
        `${PANE_MESSAGES.zh.loadCancelled(facts.written)} ${PANE_MESSAGES.zh.cancelledSheets(
          PANE_MESSAGES.zh.sheetRows("HH 数据", facts.written, req.facts.rows.length),
        )}`,
      );
      expect(describeLoad(result, "en")).toContain(`"HH 数据" ${facts.written.toLocaleString("en")} of 100,000 rows`);
      expect(describeLoad(result, "en")).toMatch(/^Cancelled: \d\d,\d{3} rows written\./);
    },
    SLOW_MACHINE_MS,
  );
});
