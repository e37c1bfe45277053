/**
 * Custom functions before anyone opens the pane: the runtime asks Office once to load with the
 * workbook, and when it restores the cached published dataset at start-up it has Excel recalculate
 * once, so cells computed from the bundled dataset meanwhile show the restored figures.
 */
import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { cacheText, CACHE_KEY, LiveDataset, SETTINGS_KEY } from "../../../src/core/live";
import type { Dataset } from "../../../src/core/schema";
import { evaluateFormulas } from "../../../src/cli/engine";
import { loadOnDocumentOpen, resetLoadOnDocumentOpen } from "../../../src/commands/startup";
import { registerCommands } from "../../../src/commands/commands";
import { loadEmbedded } from "../../../src/runtime/dataset";
import { memoryStorage } from "../../../src/runtime/storage";
import { createLiveUpdater } from "../../../src/runtime/updater";
import { builtDataset, derive, probeFact, setFigure, valueFormula } from "../../integration/live/helpers";

const g = globalThis as Record<string, unknown>;

afterEach(() => {
  delete g.Office;
  delete g.Excel;
  resetLoadOnDocumentOpen();
});

function fakeAddin() {
  return {
    addin: { setStartupBehavior: jest.fn(async (_behavior: Office.StartupBehavior) => undefined) },
    StartupBehavior: { load: "Load" as Office.StartupBehavior },
  };
}

describe("load on document open", () => {
  it("asks Office once per runtime, however often it is called", async () => {
    const office = fakeAddin();
    const results = await Promise.all([loadOnDocumentOpen(office), loadOnDocumentOpen(office)]);
    expect(await loadOnDocumentOpen(office)).toBe(true);
    expect(results).toEqual([true, true]);
    expect(office.addin.setStartupBehavior).toHaveBeenCalledTimes(1);
    expect(office.addin.setStartupBehavior).toHaveBeenCalledWith(office.StartupBehavior.load);
  });

  it("on a host without the API, logs one line and carries on", async () => {
    const log = jest.fn();
    expect(await loadOnDocumentOpen({}, log)).toBe(false);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0][0])).toMatch(/no Office\.addin\.setStartupBehavior; the add-in loads on first use/);
  });

  it("when Office refuses, logs it with the error and does not throw", async () => {
    const office = fakeAddin();
    const refusal = new Error("Operation not supported");
    office.addin.setStartupBehavior.mockRejectedValueOnce(refusal);
    const log = jest.fn();
    expect(await loadOnDocumentOpen(office, log)).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("loads on first use"), refusal);
  });

  it("is requested when the runtime starts in Excel, not in the browser preview", async () => {
    for (const host of ["Excel", null]) {
      resetLoadOnDocumentOpen();
      const office = fakeAddin();
      const associate = jest.fn();
      g.Office = {
        ...office,
        HostType: { Excel: "Excel" },
        actions: { associate },
        onReady: (ready: (info: { host: string | null }) => void) => Promise.resolve(ready({ host })),
      };
      registerCommands();
      await new Promise((done) => setTimeout(done, 0));
      expect(associate).toHaveBeenCalledWith("recalculateHH", expect.any(Function));
      expect(office.addin.setStartupBehavior).toHaveBeenCalledTimes(host ? 1 : 0);
    }
  });
});

describe("restoring the cached dataset at start-up", () => {
  const base = builtDataset();
  const probe = probeFact(base);
  const published = derive(base, 5, (d) =>
    setFigure(
      d.facts.find((f) => f.id === probe.id)!,
      probe.value + 11,
    ),
  );
  const url = "https://data.example.org/hh/dataset.json";

  /** Excel as the runtime sees it: counts full recalculations. */
  function fakeExcel() {
    const calculate = jest.fn();
    g.Office = { context: { host: "Excel" }, HostType: { Excel: "Excel" } };
    g.Excel = {
      CalculationType: { full: "Full" },
      run: async (batch: (context: unknown) => Promise<void>) =>
        batch({ workbook: { application: { calculate } }, sync: async () => undefined }),
    };
    return calculate;
  }

  function storageWith(cache?: Dataset) {
    const settings = JSON.stringify({ url, checkOnOpen: false, intervalMinutes: 0 });
    return memoryStorage({
      [SETTINGS_KEY]: settings,
      ...(cache ? { [CACHE_KEY]: cacheText({ url, etag: '"v5"', savedAt: published.builtAt, dataset: cache }) } : {}),
    });
  }

  it("recalculates the workbook exactly once after a restore that changes the figures", async () => {
    const calculate = fakeExcel();
    const live = loadEmbedded();
    const before = await evaluateFormulas([valueFormula(probe)], { live });
    expect(before[0]).toEqual({ ok: true, value: probe.value });
    const updater = createLiveUpdater(live, storageWith(published));
    await updater.start();
    expect(calculate).toHaveBeenCalledTimes(1);
    expect(calculate).toHaveBeenCalledWith("Full");
    expect((await evaluateFormulas([valueFormula(probe)], { live }))[0]).toEqual({ ok: true, value: probe.value + 11 });
    expect(updater.getState()).toMatchObject({ recalculated: true, lastResult: { status: "restored" } });
    expect(updater.getState().lastResult?.message["en-US"]).toBe(
      `Restored the published dataset ${published.version} from the local cache.`,
    );
    updater.dispose();
  });

  it("restores the cached published dataset when the bundled file failed to load, and checks without throwing", async () => {
    fakeExcel();
    const live = new LiveDataset(); // the bundled file never arrived: nothing is live
    const updater = createLiveUpdater(live, storageWith(published));
    await updater.start();
    expect(live.store.dataset.version).toBe(published.version);
    expect(updater.getState().lastResult?.status).toBe("restored");
    const empty = new LiveDataset();
    const checking = createLiveUpdater(empty, storageWith());
    await expect(checking.checkNow()).resolves.toMatchObject({ status: expect.any(String) });
    expect(empty.loaded).toBe(false);
    updater.dispose();
    checking.dispose();
  });

  it("drops a cached dataset dated in the future instead of restoring it at every start", async () => {
    const calculate = fakeExcel();
    const live = loadEmbedded();
    const dated2099 = derive(base, Math.ceil((Date.parse("2099-01-01") - Date.parse(base.builtAt)) / 1000));
    expect(dated2099.builtAt.startsWith("2099-01-01")).toBe(true);
    const storage = storageWith(dated2099);
    const updater = createLiveUpdater(live, storage);
    await updater.start();
    expect(storage.data.has(CACHE_KEY)).toBe(false);
    expect(live.store.dataset.hash).toBe(base.hash);
    expect(calculate).not.toHaveBeenCalled();
    updater.dispose();
  });

  it("does not recalculate when nothing was restored (no cache, or the cache holds the bundled dataset)", async () => {
    for (const cache of [undefined, base]) {
      const calculate = fakeExcel();
      const live = loadEmbedded();
      const updater = createLiveUpdater(live, storageWith(cache));
      await updater.start();
      expect(calculate).not.toHaveBeenCalled();
      expect(live.store.dataset.hash).toBe(base.hash);
      expect(updater.getState().lastResult).toBeUndefined();
      updater.dispose();
    }
  });
});
