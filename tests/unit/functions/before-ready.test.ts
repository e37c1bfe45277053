/**
 * Custom functions called while the add-in's dataset file is still loading: a promise Excel waits on,
 * resolving to the same answer as afterwards; if the file never loads, #N/A saying so.
 * The runtime's dataset module is the add-in's (dataset.web.ts) shape here: an empty LiveDataset and
 * the real loader, fed by a request the test controls.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeEach, describe, it, jest } from "@jest/globals";
import { expect } from "../../jest/expect";
import "../../../src/functions/custom-functions-fallback";
import { isCustomFunctionsError } from "../../../src/functions/custom-functions-fallback";

const TEXT = readFileSync(resolve(__dirname, "../../../data/dist/dataset.json"), "utf8");

interface Runtime {
  functions: typeof import("../../../src/functions/functions");
  arrive: (text: string) => void;
  fail: (error: Error) => void;
}

/** A fresh module graph whose runtime dataset loads through a request the test answers. */
function runtime(): Runtime {
  let arrive!: (text: string) => void;
  let fail!: (error: Error) => void;
  jest.resetModules();
  jest.doMock("../../../src/runtime/dataset", () => {
    const { LiveDataset } = jest.requireActual<typeof import("../../../src/core/live/dataset")>(
      "../../../src/core/live/dataset",
    );
    const { loadBundled } = jest.requireActual<typeof import("../../../src/runtime/bundled-dataset")>(
      "../../../src/runtime/bundled-dataset",
    );
    const live = new LiveDataset();
    const request = new Promise<string>((ok, ko) => {
      arrive = ok;
      fail = ko;
    });
    return { live, bundledDataset: loadBundled(live, { fetchText: () => request }) };
  });
  const functions = jest.requireActual<typeof import("../../../src/functions/functions")>(
    "../../../src/functions/functions",
  );
  return { functions, arrive, fail };
}

describe("custom functions before the dataset file has loaded", () => {
  let r: Runtime;
  beforeEach(() => {
    r = runtime();
  });

  it("return a promise of the answer, then answer synchronously", async () => {
    const early = r.functions.target("公办园占比", 2025) as unknown;
    const info = r.functions.info("facts") as unknown;
    expect(early).toBeInstanceOf(Promise);
    // Pure arithmetic needs no dataset and never waits.
    expect(r.functions.cagrOf(100, 121, 2)).toBeCloseTo(0.1, 12);
    r.arrive(TEXT);
    await expect(early).resolves.toBe(0.6);
    await expect(info).resolves.toBe((JSON.parse(TEXT) as { facts: unknown[] }).facts.length);
    expect(r.functions.target("公办园占比", 2025)).toBe(0.6);
  });

  it("keep lookup errors as errors after waiting", async () => {
    const early = r.functions.value("没有这个指标", 2025) as unknown;
    r.arrive(TEXT);
    const answer = await early;
    expect(isCustomFunctionsError(answer), String(answer)).toBe(true);
    expect((answer as { code: string }).code).toBe("#N/A");
    expect((answer as { message: string }).message).toContain("没有这个指标");
  });

  it("return #N/A saying the dataset could not be loaded, in both languages, when the file fails", async () => {
    const early = r.functions.value("公办园占比", 2025) as unknown;
    r.fail(new Error("HTTP 404 data/dataset.json"));
    for (const answer of [await early, r.functions.series("公办园占比") as unknown]) {
      expect(isCustomFunctionsError(answer), String(answer)).toBe(true);
      expect((answer as { code: string }).code).toBe("#N/A");
      expect((answer as { message: string }).message).toBe(
        "数据集未能加载(HTTP 404 data/dataset.json),没有可返回的数字;请重新打开加载项 " +
          "the dataset could not be loaded (HTTP 404 data/dataset.json), so there is no figure to return; reopen the add-in",
      );
    }
  });
});
