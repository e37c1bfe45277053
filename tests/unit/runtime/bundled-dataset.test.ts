/** The add-in's own dataset file, loaded after the first paint: what goes live, and what is refused. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";
import { LiveDataset } from "../../../src/core/live/dataset";
import { DATASET_FILE, decodeDatasetFile, loadBundled } from "../../../src/runtime/bundled-dataset";
import { decodeDatasetText } from "../../../src/core/wire";

const TEXT = readFileSync(resolve(__dirname, "../../../data/dist/dataset.hhc.json"), "utf8");
const HASH = (JSON.parse(TEXT) as { hash: string }).hash;

describe("loading the bundled dataset file", () => {
  it("is loading until the file arrives, then makes it live and says ready", async () => {
    const live = new LiveDataset();
    let arrive!: (text: string) => void;
    const loading = loadBundled(live, { fetchText: () => new Promise((ok) => (arrive = ok)), expectedHash: HASH });
    const seen: string[] = [];
    loading.subscribe(() => seen.push(loading.state.status));
    expect(loading.state).toEqual({ status: "loading" });
    expect(live.loaded).toBe(false);
    arrive(TEXT);
    await loading.settled;
    expect(loading.state).toEqual({ status: "ready" });
    expect(seen).toEqual(["ready"]);
    expect(live.store.dataset.hash).toBe(HASH);
    expect(live.store.origin).toEqual({ kind: "embedded", location: "bundled" });
  });

  it("refuses a file with another hash than the build's, and nothing goes live", async () => {
    const live = new LiveDataset();
    const other = TEXT.replace(HASH, "0".repeat(64));
    const loading = loadBundled(live, { fetchText: async () => other, expectedHash: HASH });
    await loading.settled;
    expect(loading.state).toEqual({
      status: "failed",
      detail: `${DATASET_FILE}: hash 000000000000 ≠ ${HASH.slice(0, 12)}`,
    });
    expect(live.loaded).toBe(false);
  });

  it("fails with the reason when the request fails, never rejecting", async () => {
    const live = new LiveDataset();
    const loading = loadBundled(live, {
      fetchText: () => Promise.reject(new Error("HTTP 404 data/dataset.json")),
      expectedHash: HASH,
    });
    await expect(loading.settled).resolves.toBeUndefined();
    expect(loading.state).toEqual({ status: "failed", detail: "HTTP 404 data/dataset.json" });
  });

  it("says what is wrong with a file that is not a dataset", async () => {
    await expect(decodeDatasetFile("<html>")).resolves.toEqual({
      problem: expect.stringMatching(/^data\/dataset\.hhc\.json: .*JSON/),
    });
    await expect(decodeDatasetFile('{"facts": 3}')).resolves.toEqual({
      problem: expect.stringMatching(/^data\/dataset\.hhc\.json: .*invalid dataset: schemaVersion/),
    });
    await expect(decodeDatasetFile("[]")).resolves.toEqual({
      problem: expect.stringMatching(/^data\/dataset\.hhc\.json: .*expected object, received array/),
    });
  });

  it("keeps a published dataset the updater restored while the file was on its way", async () => {
    const live = new LiveDataset();
    let arrive!: (text: string) => void;
    const loading = loadBundled(live, { fetchText: () => new Promise((ok) => (arrive = ok)), expectedHash: HASH });
    const published = { ...decodeDatasetText(TEXT), version: "2099.01.01+published" };
    live.swap(published, { kind: "published", location: "https://example.invalid/dataset.json" });
    arrive(TEXT);
    await loading.settled;
    expect(loading.state.status).toBe("ready");
    expect(live.store.dataset.version).toBe("2099.01.01+published");
  });
});
