/**
 * The success path: `hh serve` headers and 304s, a newer dataset swapping in with HH formulas
 * changing in the engine, the diff, the recalculation request, and the cache surviving a restart.
 */
import { waitFor } from "../../jest/wait-for";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from "@jest/globals";
import { evaluateFormulas as evaluate } from "../../../src/cli/engine";
import { startDatasetServer, type DatasetServer } from "../../../src/cli/serve";
import {
  CACHE_KEY,
  checkPublished,
  LiveDataset,
  LiveUpdater,
  SETTINGS_KEY,
  type FetchLike,
} from "../../../src/core/live";
import type { Dataset, Fact } from "../../../src/core/schema";
import { EMBEDDED_DATASET, loadEmbedded } from "../../../src/runtime/dataset";
import { systemClock, webSha256Hex } from "../../../src/runtime/platform";
import { memoryStorage } from "../../../src/runtime/storage";
import { builtDataset, datasetFolder, derive, probeFact, valueFormula, setFigure } from "./helpers";

let base: Dataset;
let probe: Fact;
let newer: Dataset;
let folder: Awaited<ReturnType<typeof datasetFolder>>;
let hosted: DatasetServer;
let requests: Array<{ url: string; ifNoneMatch?: string }> = [];

/** Real fetch, recorded, so tests can see what was sent. */
const recordingFetch: FetchLike = async (url, init) => {
  requests.push({ url, ifNoneMatch: init.headers["If-None-Match"] });
  return fetch(url, init);
};

beforeAll(async () => {
  base = builtDataset();
  probe = probeFact(base);
  newer = derive(base, 2, (d) => {
    setFigure(
      d.facts.find((f) => f.id === probe.id)!,
      probe.value * 2 + 1,
    );
    d.facts.splice(
      d.facts.findIndex((f) => f.id !== probe.id && f.kind === "target"),
      1,
    );
    d.facts.push({ ...structuredClone(d.facts[0]), id: "added-by-test|2099", period: "2099" });
  });
  folder = await datasetFolder(newer);
  hosted = await startDatasetServer({ dir: folder.dir, port: 0 });
});

afterAll(async () => {
  await hosted.close();
  await folder.remove();
});

/** Each test's own live dataset, fresh from the bundled one. */
let live: LiveDataset;
beforeEach(() => {
  live = loadEmbedded();
});

afterEach(() => {
  requests = [];
});

/** HH formulas in the engine, answering from this test's live dataset. */
const evaluateFormulas = (formulas: string[]) => evaluate(formulas, { live });

function makeUpdater(storage = memoryStorage(), target = live) {
  const recalculate = jest.fn(async () => true);
  const updater = new LiveUpdater({
    live: target,
    storage,
    recalculate,
    fetch: recordingFetch,
    timeoutMs: 5000,
    clock: systemClock,
    sha256Hex: webSha256Hex,
  });
  return { updater, recalculate, storage };
}

describe("a newer published dataset", () => {
  it("swaps in, changes HH.VALUE in the engine, and reports the diff", async () => {
    requests = [];
    const formulas = [valueFormula(probe), '=HH.INFO("version")', '=HH.INFO("origin")', '=HH.INFO("location")'];
    const before = await evaluateFormulas(formulas);
    expect(before).toEqual([
      { ok: true, value: probe.value },
      { ok: true, value: base.version },
      { ok: true, value: "embedded" },
      { ok: true, value: "bundled" },
    ]);

    const { updater, recalculate, storage } = makeUpdater();
    await updater.start();
    expect((await updater.saveSettings({ url: hosted.url })).ok).toBe(true);
    const result = await updater.checkNow();
    expect(result.status).toBe("updated");

    const after = await evaluateFormulas(formulas);
    expect(after).toEqual([
      { ok: true, value: probe.value * 2 + 1 },
      { ok: true, value: newer.version },
      { ok: true, value: "published" },
      { ok: true, value: hosted.url },
    ]);
    expect(recalculate).toHaveBeenCalledTimes(1);

    if (result.status !== "updated") return;
    expect(result.diff?.added.map((f) => f.id)).toEqual(["added-by-test|2099"]);
    expect(result.diff?.removed).toHaveLength(1);
    expect(result.diff?.changed).toEqual([
      expect.objectContaining({
        id: probe.id,
        before: { value: probe.value, unit: probe.unit },
        after: { value: probe.value * 2 + 1, unit: probe.unit },
      }),
    ]);

    const state = updater.getState();
    expect(state.live).toMatchObject({
      version: newer.version,
      builtAt: newer.builtAt,
      origin: { kind: "published", location: hosted.url },
    });
    expect(state.lastDiff).toMatchObject({ added: 1, removed: 1, changed: 1 });
    expect(state.lastDiff?.examples[0]).toMatchObject({ id: probe.id, region: probe.region, period: probe.period });
    expect(state.lastDiff?.examples[0].indicator.zh).toBe(base.indicators.find((i) => i.id === probe.indicator)?.zh);
    expect(state.lastResult?.status).toBe("updated");
    expect(state.lastResult?.message["en-US"]).toBe(
      `Updated to ${newer.version} (${newer.builtAt.slice(0, 10)}): 1 added, 1 removed, 1 values changed.`,
    );
    expect(state.lastError).toBeUndefined();
    expect(state.recalculated).toBe(true);
    expect(JSON.parse(storage.data.get(CACHE_KEY)!)).toMatchObject({
      url: hosted.url,
      etag: expect.stringMatching(/^".+"$/),
    });
    updater.dispose();
  });

  it("revalidates with If-None-Match and gets 304 not-modified", async () => {
    const { updater, recalculate } = makeUpdater();
    await updater.start();
    await updater.saveSettings({ url: hosted.url });
    expect((await updater.checkNow()).status).toBe("updated");
    const second = await updater.checkNow();
    expect(second).toMatchObject({ status: "not-modified", why: "etag" });
    expect(requests.map((r) => r.ifNoneMatch)).toEqual([undefined, expect.stringMatching(/^".+"$/)]);
    expect(recalculate).toHaveBeenCalledTimes(1);
    expect(updater.getState().lastResult?.message["en-US"]).toBe(
      `The dataset is unchanged; ${newer.version} stays live.`,
    );
    updater.dispose();
  });

  it("treats the same content without an ETag as not modified (same hash)", async () => {
    const result = await checkPublished({
      url: hosted.url,
      fetch,
      current: newer,
      clock: systemClock,
      sha256Hex: webSha256Hex,
    });
    expect(result).toMatchObject({ status: "not-modified", why: "same-hash" });
  });

  it("concurrent checks share one request", async () => {
    const { updater } = makeUpdater();
    await updater.start();
    await updater.saveSettings({ url: hosted.url });
    const [a, b] = await Promise.all([updater.checkNow(), updater.checkNow()]);
    expect(a).toBe(b);
    expect(requests).toHaveLength(1);
    updater.dispose();
  });
});

describe("the cache of the last good published dataset", () => {
  it("restores after a restart while offline, and formulas show the published figures", async () => {
    const storage = memoryStorage();
    const first = makeUpdater(storage);
    await first.updater.start();
    await first.updater.saveSettings({ url: hosted.url, checkOnOpen: true });
    expect((await first.updater.checkNow()).status).toBe("updated");
    first.updater.dispose();

    // "Restart": the runtime starts again from the bundled dataset, and the network is gone.
    live.swap(EMBEDDED_DATASET, { kind: "embedded", location: "bundled" });
    expect((await evaluateFormulas([valueFormula(probe)]))[0]).toEqual({ ok: true, value: probe.value });
    const offline: FetchLike = async () => {
      throw new TypeError("fetch failed");
    };
    const recalculate = jest.fn(async () => true);
    const second = new LiveUpdater({
      live,
      storage,
      fetch: offline,
      recalculate,
      clock: systemClock,
      sha256Hex: webSha256Hex,
    });
    await second.start();

    expect(live.store.dataset.hash).toBe(newer.hash);
    expect(live.store.origin).toEqual({ kind: "published", location: hosted.url });
    expect((await evaluateFormulas([valueFormula(probe)]))[0]).toEqual({ ok: true, value: probe.value * 2 + 1 });
    expect(recalculate).toHaveBeenCalledTimes(1);
    const state = second.getState();
    expect(state.settings).toMatchObject({ url: hosted.url, checkOnOpen: true });
    // Check-on-open ran and failed; the restored dataset stays, and the pane says both.
    expect(state.lastResult?.status).toBe("rejected");
    expect(state.lastError?.["en-US"]).toBe("The dataset server could not be reached; the current dataset is kept.");
    expect(state.lastDiff).toMatchObject({ changed: 1, added: 1, removed: 1 });
    second.dispose();
  });

  it("restores into a brand-new LiveDataset too, and sends the cached ETag on the next check", async () => {
    const storage = memoryStorage();
    const first = makeUpdater(storage);
    await first.updater.start();
    await first.updater.saveSettings({ url: hosted.url, checkOnOpen: false });
    await first.updater.checkNow();
    first.updater.dispose();

    const fresh = new LiveDataset();
    fresh.swap(EMBEDDED_DATASET, { kind: "embedded", location: "bundled" });
    const { updater } = makeUpdater(storage, fresh);
    requests = [];
    await updater.start();
    expect(fresh.store.dataset.version).toBe(newer.version);
    expect(updater.getState().lastResult?.status).toBe("restored");
    expect(await updater.checkNow()).toMatchObject({ status: "not-modified", why: "etag" });
    expect(requests[0].ifNoneMatch).toMatch(/^".+"$/);
    updater.dispose();
  });

  it("ignores a corrupt cache, a cache for another URL, and a cache older than the bundled dataset", async () => {
    for (const cache of [
      "{not json",
      JSON.stringify({ v: 1, url: hosted.url, dataset: { schemaVersion: 1 } }),
      JSON.stringify({ v: 1, url: "https://elsewhere.example/d.json", dataset: newer }),
      JSON.stringify({ v: 1, url: hosted.url, dataset: derive(base, -30) }),
    ]) {
      const storage = memoryStorage({
        [SETTINGS_KEY]: JSON.stringify({ url: hosted.url, checkOnOpen: false }),
        [CACHE_KEY]: cache,
      });
      const { updater, recalculate } = makeUpdater(storage);
      await updater.start();
      expect(live.store.origin.kind).toBe("embedded");
      expect(recalculate).not.toHaveBeenCalled();
      updater.dispose();
    }
  });
});

describe("scheduling", () => {
  it("checks on the interval from the settings, and stops when it is set to 0", async () => {
    const handles: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
    const timers = {
      setInterval: (fn: () => void, ms: number) => {
        const handle = { fn, ms, cleared: false };
        handles.push(handle);
        return handle;
      },
      clearInterval: (handle: unknown) => void ((handle as { cleared: boolean }).cleared = true),
    };
    const storage = memoryStorage({
      [SETTINGS_KEY]: JSON.stringify({ url: hosted.url, checkOnOpen: false, intervalMinutes: 30 }),
    });
    const updater = new LiveUpdater({
      live,
      storage,
      fetch: recordingFetch,
      sha256Hex: webSha256Hex,
      recalculate: async () => false,
      clock: { ...systemClock, ...timers },
    });
    await updater.start();
    expect(requests).toHaveLength(0); // check on open is off
    expect(handles).toHaveLength(1);
    expect(handles[0].ms).toBe(30 * 60_000);
    handles[0].fn();
    await waitFor(() => expect(updater.getState().lastResult?.status).toBe("updated"));
    expect(requests).toHaveLength(1);

    await updater.saveSettings({ intervalMinutes: 0 });
    expect(handles[0].cleared).toBe(true);
    expect(handles).toHaveLength(1);
    expect(JSON.parse(storage.data.get(SETTINGS_KEY)!)).toEqual({
      url: hosted.url,
      checkOnOpen: false,
      intervalMinutes: 0,
    });
    updater.dispose();
  });

  it("checks on open when asked", async () => {
    const storage = memoryStorage({
      [SETTINGS_KEY]: JSON.stringify({ url: hosted.url, checkOnOpen: true, intervalMinutes: 0 }),
    });
    const { updater } = makeUpdater(storage);
    await updater.start();
    expect(requests).toHaveLength(1);
    expect(live.store.dataset.version).toBe(newer.version);
    updater.dispose();
  });
});
