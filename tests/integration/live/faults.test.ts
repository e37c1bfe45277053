/**
 * Every fault a published dataset can have, against a real HTTP server on loopback. In each case:
 * the live dataset is unchanged, HH formulas evaluated by the engine keep their values, the pane
 * state carries one sentence per language, and Excel is not asked to recalculate.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from "@jest/globals";
import { evaluateFormulas as evaluate } from "../../../src/cli/engine";
import { startDatasetServer } from "../../../src/cli/serve";
import { LiveUpdater, type FetchLike, type LiveDataset, type RejectCode } from "../../../src/core/live";
import type { Dataset } from "../../../src/core/schema";
import { loadEmbedded } from "../../../src/runtime/dataset";
import { runtimeFetch, systemClock, webSha256Hex } from "../../../src/runtime/platform";
import { memoryStorage } from "../../../src/runtime/storage";
import {
  builtDataset,
  datasetFolder,
  derive,
  expectOneSentence,
  probeFact,
  sendJson,
  startFaultServer,
  valueFormula,
  setFigure,
  type FaultServer,
} from "./helpers";

/** Short, so the stalled-response tests stay fast; the others get a generous one so a busy CI machine cannot fail them. */
const STALL_TIMEOUT_MS = 300;
const TIMEOUT_MS = 5000;
const MAX_BYTES = 400_000; // the real dataset is ~0.23 MB

let server: FaultServer;
let base: Dataset;
let formulas: string[];

beforeAll(async () => {
  base = builtDataset();
  const fact = probeFact(base);
  formulas = [valueFormula(fact), '=HH.INFO("version")', '=HH.INFO("origin")'];
  server = await startFaultServer();
});

afterAll(() => server.close());

/** Each test's own live dataset, fresh from the bundled one. */
let live: LiveDataset;
beforeEach(() => {
  live = loadEmbedded();
});

/** HH formulas in the engine, answering from this test's live dataset. */
const evaluateFormulas = (formulas: string[]) => evaluate(formulas, { live });

function updater(fetch?: FetchLike, url = "", timeoutMs = TIMEOUT_MS) {
  const recalculate = jest.fn(async () => true);
  // Settings are seeded in storage, as a previous session would have left them (even a URL the field would refuse today).
  const storage = memoryStorage({
    "hh.live.settings": JSON.stringify({ url, checkOnOpen: false, intervalMinutes: 0 }),
  });
  const instance = new LiveUpdater({
    live,
    storage,
    recalculate,
    timeoutMs,
    maxBytes: MAX_BYTES,
    fetch: fetch ?? runtimeFetch,
    clock: systemClock,
    sha256Hex: webSha256Hex,
  });
  return { instance, recalculate, storage };
}

/** Points the updater at `url`, checks, and proves nothing live changed. */
async function expectRefused(url: string, code: RejectCode, fetch?: FetchLike, timeoutMs?: number) {
  const { instance, recalculate, storage } = updater(fetch, url, timeoutMs);
  await instance.start();
  expect(instance.getState().settings.url).toBe(url);
  const hashBefore = live.store.dataset.hash;
  const originBefore = live.store.origin;
  const valuesBefore = await evaluateFormulas(formulas);
  const result = await instance.checkNow();
  expect(result.status).toBe("rejected");
  if (result.status !== "rejected") return;
  expect(result.code).toBe(code);
  expectOneSentence(result.reason);
  expect(live.store.dataset.hash).toBe(hashBefore);
  expect(live.store.origin).toEqual(originBefore);
  expect(await evaluateFormulas(formulas)).toEqual(valuesBefore);
  const state = instance.getState();
  expect(state.lastError).toEqual(result.reason);
  expect(state.lastResult?.status).toBe("rejected");
  expect(state.checking).toBe(false);
  expect(recalculate).not.toHaveBeenCalled();
  expect(storage.data.has("hh.live.cache")).toBe(false);
  instance.dispose();
  return result;
}

describe("faults: the last good dataset stays live", () => {
  it("malformed JSON", async () => {
    server.route("/malformed.json", sendJson('{"schemaVersion":1,"facts":[{"id":'));
    await expectRefused(server.url("/malformed.json"), "not-json");
  });

  it("valid JSON of the wrong shape (object and array)", async () => {
    server.route("/shape.json", sendJson(JSON.stringify({ hello: "world", items: [1, 2, 3] })));
    await expectRefused(server.url("/shape.json"), "not-dataset");
    server.route("/array.json", sendJson("[1,2,3]"));
    await expectRefused(server.url("/array.json"), "not-dataset");
  });

  it("a fact that fails validation", async () => {
    const bad = derive(base, 30, (d) => {
      (d.facts[5] as unknown as { value: unknown }).value = "lots";
    });
    server.route("/bad-fact.json", sendJson(JSON.stringify(bad)));
    const result = await expectRefused(server.url("/bad-fact.json"), "invalid");
    expect(result?.reason["en-US"]).toContain("facts.5.value");
  });

  it("a fact pointing at an unknown indicator", async () => {
    const bad = derive(base, 30, (d) => {
      d.facts[0].indicator = "no_such_indicator";
    });
    server.route("/unknown-indicator.json", sendJson(JSON.stringify(bad)));
    const result = await expectRefused(server.url("/unknown-indicator.json"), "invalid");
    expect(result?.reason["en-US"]).toContain("unknown indicator no_such_indicator");
  });

  it("HTTP 404 and 500", async () => {
    server.route("/gone.json", (_q, r) => void r.writeHead(404, { "Content-Type": "text/plain" }).end("not here"));
    server.route(
      "/broken.json",
      (_q, r) => void r.writeHead(500, { "Content-Type": "text/html" }).end("<h1>oops</h1>"),
    );
    const notFound = await expectRefused(server.url("/gone.json"), "http-status");
    expect(notFound?.reason["en-US"]).toContain("HTTP 404");
    const failed = await expectRefused(server.url("/broken.json"), "http-status");
    expect(failed?.reason["zh-CN"]).toContain("HTTP 500");
  });

  it("a response that never finishes (headers sent, body stalls)", async () => {
    server.route("/stall-body.json", (_q, r) => {
      r.writeHead(200, { "Content-Type": "application/json" });
      r.write('{"schemaVersion":1,"facts":['); // and never another byte
    });
    const started = Date.now();
    const result = await expectRefused(server.url("/stall-body.json"), "timeout", undefined, STALL_TIMEOUT_MS);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result?.reason["en-US"]).toContain("0.3 s");
  });

  it("a response that never starts (no headers)", async () => {
    server.route("/stall-headers.json", () => undefined);
    await expectRefused(server.url("/stall-headers.json"), "timeout", undefined, STALL_TIMEOUT_MS);
  });

  it("an oversized response, declared by Content-Length", async () => {
    const body = " ".repeat(MAX_BYTES + 1);
    server.route("/big-declared.json", sendJson(body));
    await expectRefused(server.url("/big-declared.json"), "too-large");
  });

  it("an oversized response, streamed without Content-Length", async () => {
    let written = 0;
    server.route("/big-streamed.json", (_q, r) => {
      r.writeHead(200, { "Content-Type": "application/json" }); // chunked: size unknown until read
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (written < 20 * MAX_BYTES && !r.destroyed) {
          written += chunk.length;
          if (!r.write(chunk)) return void r.once("drain", pump);
        }
        r.end();
      };
      pump();
    });
    const result = await expectRefused(server.url("/big-streamed.json"), "too-large");
    expect(result?.reason["en-US"]).toContain("391 KB");
    // The reader stopped early instead of downloading everything.
    expect(written).toBeLessThan(20 * MAX_BYTES);
  });

  it("an older version (and it is applied only when the user asks)", async () => {
    const older = derive(base, -400);
    server.route("/older.json", sendJson(JSON.stringify(older)));
    const result = await expectRefused(server.url("/older.json"), "older");
    expect(result?.reason["en-US"]).toContain(older.version);

    const { instance } = updater(undefined, server.url("/older.json"));
    await instance.start();
    const forced = await instance.checkNow({ allowOlder: true });
    expect(forced.status).toBe("updated");
    expect(live.store.dataset.version).toBe(older.version);
    instance.dispose();
  });

  it("a plain http: URL other than loopback is refused without any request", async () => {
    const fetch = jest.fn<FetchLike>();
    for (const url of [
      "http://example.com/dataset.json",
      "http://192.168.1.20:8080/dataset.json",
      "http://127.0.0.2/dataset.json",
      "http://localhost.example.com/d.json",
    ]) {
      const result = await expectRefused(url, "url-scheme", fetch);
      expect(result?.reason["en-US"]).toContain("no request was made");
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it("other schemes are refused, and the settings field refuses them first", async () => {
    const fetch = jest.fn<FetchLike>();
    const { instance } = updater(fetch);
    await instance.start();
    for (const url of [
      "ftp://example.com/d.json",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "data:application/json,{}",
      "not a url",
      "https://user:pw@example.com/d.json",
    ]) {
      const saved = await instance.saveSettings({ url });
      expect(saved.ok).toBe(false);
      if (!saved.ok) expectOneSentence(saved.reason);
    }
    expect(instance.getState().settings.url).toBe("");
    expect(fetch).not.toHaveBeenCalled();
    instance.dispose();
  });

  it("the server going away mid-session keeps the last good published dataset", async () => {
    const fact = probeFact(base);
    const newer = derive(base, 1, (d) => {
      setFigure(
        d.facts.find((f) => f.id === fact.id)!,
        fact.value + 1000,
      );
    });
    const folder = await datasetFolder(newer);
    const hosted = await startDatasetServer({ dir: folder.dir, port: 0 });
    const { instance, recalculate } = updater();
    await instance.start();
    expect((await instance.saveSettings({ url: hosted.url })).ok).toBe(true);
    expect((await instance.checkNow()).status).toBe("updated");
    expect(recalculate).toHaveBeenCalledTimes(1);
    const valuesWhileUp = await evaluateFormulas(formulas);
    expect(valuesWhileUp[0]).toEqual({ ok: true, value: fact.value + 1000 });

    await hosted.close();
    const result = await instance.checkNow();
    expect(result.status).toBe("rejected");
    if (result.status === "rejected") {
      expect(result.code).toBe("network");
      expectOneSentence(result.reason);
    }
    expect(live.store.dataset.hash).toBe(newer.hash);
    expect(live.store.origin).toEqual({ kind: "published", location: hosted.url });
    expect(await evaluateFormulas(formulas)).toEqual(valuesWhileUp);
    expect(instance.getState().lastError).toEqual(result.status === "rejected" ? result.reason : undefined);
    expect(instance.getState().lastDiff?.changed).toBe(1); // the diff of the last good update stays shown
    expect(recalculate).toHaveBeenCalledTimes(1);
    instance.dispose();
    await folder.remove();
  });

  it("a redirect to a disallowed address is refused", async () => {
    server.route(
      "/redirect.json",
      (_q, r) => void r.writeHead(302, { Location: "http://example.invalid/dataset.json" }).end(),
    );
    // Node's fetch follows redirects; a stub stands in for the landing response so no outside request is made.
    const fetch: FetchLike = async (url) => ({
      status: 200,
      url: url.replace(server.origin, "http://example.invalid"),
      headers: new Headers({ "content-type": "application/json" }),
      body: new Response(JSON.stringify(base)).body,
      arrayBuffer: async () => new ArrayBuffer(0),
    });
    await expectRefused(server.url("/redirect.json"), "redirect-scheme", fetch);
  });
});
