import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { normalizeSettings } from "../../../src/core/live/settings";
import { recalculateWorkbook } from "../../../src/excel/recalculate";
import { fromWebStorage, detectStorage, memoryStorage } from "../../../src/runtime/storage";

const g = globalThis as Record<string, unknown>;

afterEach(() => {
  delete g.Office;
  delete g.Excel;
  delete g.OfficeRuntime;
});

describe("recalculateWorkbook", () => {
  it("asks Excel for a full calculation, so non-volatile HH functions run again", async () => {
    const calculate = jest.fn();
    const sync = jest.fn(async () => undefined);
    g.Office = { context: { host: "Excel" }, HostType: { Excel: "Excel" } };
    g.Excel = {
      CalculationType: { full: "Full", recalculate: "Recalculate", fullRebuild: "FullRebuild" },
      run: async (batch: (context: unknown) => Promise<void>) =>
        batch({ workbook: { application: { calculate } }, sync }),
    };
    expect(await recalculateWorkbook()).toBe(true);
    expect(calculate).toHaveBeenCalledWith("Full");
    expect(sync).toHaveBeenCalled();
  });

  it("does nothing outside Excel (browser preview)", async () => {
    expect(await recalculateWorkbook()).toBe(false);
    g.Office = { context: { host: null }, HostType: { Excel: "Excel" } };
    g.Excel = { run: jest.fn() };
    expect(await recalculateWorkbook()).toBe(false);
    expect((g.Excel as { run: ReturnType<typeof jest.fn> }).run).not.toHaveBeenCalled();
  });
});

describe("storage", () => {
  it("prefers OfficeRuntime.storage, then localStorage, then memory", async () => {
    const officeStorage = memoryStorage();
    g.OfficeRuntime = { storage: officeStorage };
    expect(detectStorage()).toBe(officeStorage);
    delete g.OfficeRuntime;
    const values = new Map<string, string>();
    const local = {
      getItem: (k: string) => values.get(k) ?? null,
      setItem: (k: string, v: string) => void values.set(k, v),
      removeItem: (k: string) => void values.delete(k),
    } as unknown as Storage;
    const wrapped = fromWebStorage(local);
    await wrapped.setItem("a", "1");
    expect(await wrapped.getItem("a")).toBe("1");
    await wrapped.removeItem("a");
    expect(await wrapped.getItem("a")).toBeNull();
    expect(await detectStorage().getItem("anything")).toBeNull();
  });
});

describe("normalizeSettings", () => {
  it("fills defaults and clamps the interval", () => {
    expect(normalizeSettings(undefined)).toEqual({ url: "", checkOnOpen: true, intervalMinutes: 0 });
    expect(normalizeSettings({ url: " https://x.example/d.json ", checkOnOpen: false, intervalMinutes: "15" })).toEqual(
      {
        url: "https://x.example/d.json",
        checkOnOpen: false,
        intervalMinutes: 15,
      },
    );
    expect(normalizeSettings({ intervalMinutes: -5 }).intervalMinutes).toBe(0);
    expect(normalizeSettings({ intervalMinutes: 1e9 }).intervalMinutes).toBe(1440);
    expect(normalizeSettings({ intervalMinutes: "soon" }).intervalMinutes).toBe(0);
  });
});
