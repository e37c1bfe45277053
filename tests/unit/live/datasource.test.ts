import { describe, expect, it, jest } from "@jest/globals";
import {
  checkPublished as check,
  checkUrlPolicy,
  describeRejection,
  formatReason,
  parseDatasetText,
  type CheckOptions,
  type FetchLike,
  type HttpResponseLike,
  type RejectCode,
} from "../../../src/core/live";
import { systemClock, webSha256Hex } from "../../../src/runtime/platform";
import { builtDataset, derive, expectOneSentence } from "../../integration/live/helpers";

/** The check with the real clock unless a test brings its own. */
const checkPublished = (options: Omit<CheckOptions, "clock" | "sha256Hex"> & { clock?: CheckOptions["clock"] }) =>
  check({ clock: systemClock, sha256Hex: webSha256Hex, ...options });

function response(
  body: string | null,
  init: { status?: number; headers?: Record<string, string>; stream?: boolean } = {},
): HttpResponseLike {
  const bytes = body === null ? new Uint8Array() : new TextEncoder().encode(body);
  return {
    status: init.status ?? 200,
    headers: new Headers(init.headers ?? {}),
    body: init.stream === false || body === null ? null : new Response(bytes).body,
    arrayBuffer: async () => bytes.buffer as ArrayBuffer,
  };
}

describe("checkUrlPolicy", () => {
  it.each([
    ["https://example.com/dataset.json", true],
    ["HTTPS://Example.com/d.json", true],
    ["http://localhost:3000/data/dataset.json", true],
    ["http://LOCALHOST/d.json", true],
    ["http://127.0.0.1:8787/dataset.json", true],
    ["http://[::1]:8787/dataset.json", true],
    ["  https://example.com/d.json  ", true],
  ])("allows %s", (url, ok) => expect(checkUrlPolicy(url).ok).toBe(ok));

  it.each([
    ["http://example.com/d.json", "url-scheme"],
    ["http://10.0.0.1/d.json", "url-scheme"],
    ["http://127.0.0.1.nip.io/d.json", "url-scheme"],
    ["http://localhost.evil.com/d.json", "url-scheme"],
    ["http://[::2]/d.json", "url-scheme"],
    ["ftp://example.com/d.json", "url-scheme"],
    ["file:///etc/passwd", "url-scheme"],
    ["javascript:alert(1)", "url-scheme"],
    ["data:application/json,{}", "url-scheme"],
    ["ws://localhost/d.json", "url-scheme"],
    ["/data/dataset.json", "url-invalid"],
    ["", "url-invalid"],
    ["https://user:secret@example.com/d.json", "url-invalid"],
  ])("refuses %s (%s)", (url, code) => expect(checkUrlPolicy(url)).toEqual({ ok: false, code }));
});

describe("describeRejection", () => {
  const codes: RejectCode[] = [
    "no-url",
    "url-invalid",
    "url-scheme",
    "redirect-scheme",
    "network",
    "timeout",
    "http-status",
    "too-large",
    "not-json",
    "not-dataset",
    "invalid",
    "older",
  ];
  it.each(codes)("%s is one sentence per language", (code) => {
    const reason = describeRejection(code, {
      status: 503,
      seconds: 15,
      limit: "4 MB",
      problem: "facts.1.value: expected number",
      version: "v2",
      date: "2026-01-01",
      current: "v3",
      currentDate: "2026-02-01",
      url: "http://x.example/d.json",
    });
    expectOneSentence(reason);
    expect(formatReason(reason)).toBe(`${reason["zh-CN"]} ${reason["en-US"]}`);
  });
});

describe("parseDatasetText", () => {
  const base = builtDataset();
  it("accepts the real dataset", () => {
    const parsed = parseDatasetText(JSON.stringify(base));
    expect(parsed.ok && parsed.dataset.version).toBe(base.version);
  });
  it.each([
    ["", "not-json"],
    ["{", "not-json"],
    ["null", "not-dataset"],
    ["42", "not-dataset"],
    ['"text"', "not-dataset"],
    ["[]", "not-dataset"],
    ['{"facts": []}', "not-dataset"],
    ['{"schemaVersion": 1, "facts": {}}', "not-dataset"],
    ['{"schemaVersion": 2, "facts": []}', "invalid"],
  ])("%j → %s", (text, code) => {
    const parsed = parseDatasetText(text);
    expect(parsed.ok ? "ok" : parsed.code).toBe(code);
  });
  it("names the first problem of an invalid dataset", () => {
    const bad = structuredClone(base);
    bad.facts[1].line = -3;
    const parsed = parseDatasetText(JSON.stringify(bad));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.detail.problem).toMatch(/^facts\.1\.line: /);
  });
});

describe("checkPublished (stubbed fetch)", () => {
  const base = builtDataset();
  const newer = derive(base, 1);
  const url = "https://data.example/dataset.json";

  it("refuses a dataset whose content does not match its hash, in one sentence, keeping the current one", async () => {
    const forged = structuredClone(newer);
    forged.facts[0].quote = `${forged.facts[0].quote}(改)`;
    const result = await checkPublished({ url, fetch: async () => response(JSON.stringify(forged)), current: base });
    expect(result).toMatchObject({ status: "rejected", code: "forged" });
    expectOneSentence(result.status === "rejected" ? result.reason : undefined);
    expect(result.status === "rejected" && result.reason["en-US"]).toMatch(
      /does not match its hash.*current dataset is kept/,
    );
  });

  it("refuses a value that contradicts its quoted figure, and a dataset built in the future", async () => {
    const inflated = derive(base, 1, (d) => void (d.facts[0].value = d.facts[0].value * 10));
    const valueResult = await checkPublished({
      url,
      fetch: async () => response(JSON.stringify(inflated)),
      current: base,
    });
    expect(valueResult).toMatchObject({ status: "rejected", code: "forged" });
    const future = { ...derive(base, 1), builtAt: "2099-01-01T00:00:00.000Z" };
    const futureResult = await checkPublished({
      url,
      fetch: async () => response(JSON.stringify(future)),
      current: base,
    });
    expect(futureResult).toMatchObject({ status: "rejected", code: "future" });
    expect(futureResult.status === "rejected" && futureResult.reason["zh-CN"]).toContain("晚于当前时间");
  });

  it("sends If-None-Match, Accept, no credentials and no-store; returns the ETag", async () => {
    const fetch = jest.fn<FetchLike>(async () => response(JSON.stringify(newer), { headers: { etag: '"v2"' } }));
    const result = await checkPublished({
      url,
      fetch,
      etag: '"v1"',
      current: base,
      clock: { ...systemClock, now: () => new Date("2027-01-02T03:04:05Z") },
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [calledUrl, init] = fetch.mock.calls[0];
    expect(calledUrl).toBe(url);
    expect(init).toMatchObject({
      method: "GET",
      cache: "no-store",
      credentials: "omit",
      headers: { "If-None-Match": '"v1"', Accept: "application/json" },
    });
    expect(result).toMatchObject({ status: "updated", etag: '"v2"', checkedAt: "2027-01-02T03:04:05.000Z" });
  });

  it("without an ETag it sends no conditional header (no CORS preflight)", async () => {
    const fetch = jest.fn<FetchLike>(async () => response(JSON.stringify(newer)));
    await checkPublished({ url, fetch });
    expect(fetch.mock.calls[0][1].headers).toEqual({ Accept: "application/json" });
  });

  it("304 is not-modified", async () => {
    const result = await checkPublished({
      url,
      fetch: async () => response(null, { status: 304 }),
      etag: '"v1"',
      current: base,
    });
    expect(result).toMatchObject({ status: "not-modified", why: "etag", etag: '"v1"' });
  });

  it("reads a body that is not a stream, with the same size limit", async () => {
    const ok = await checkPublished({
      url,
      fetch: async () => response(JSON.stringify(newer), { stream: false }),
      current: base,
    });
    expect(ok.status).toBe("updated");
    const big = await checkPublished({
      url,
      fetch: async () => response(JSON.stringify(newer), { stream: false }),
      maxBytes: 1000,
    });
    expect(big).toMatchObject({ status: "rejected", code: "too-large" });
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const cancel = jest.fn(async () => undefined);
    const fetch: FetchLike = async () => ({
      status: 200,
      headers: new Headers({ "content-length": String(10 * 1024 * 1024) }),
      body: {
        cancel,
        getReader: () => {
          throw new Error("must not read");
        },
      } as unknown as ReadableStream<Uint8Array>,
      arrayBuffer: async () => {
        throw new Error("must not read");
      },
    });
    const result = await checkPublished({ url, fetch });
    expect(result).toMatchObject({ status: "rejected", code: "too-large" });
    expect(cancel).toHaveBeenCalled();
  });

  it("times out when fetch never answers, and aborts the request", async () => {
    let signal: AbortSignal | undefined;
    const fetch: FetchLike = (_url, init) => {
      signal = init.signal;
      return new Promise(() => undefined);
    };
    const result = await checkPublished({ url, fetch, timeoutMs: 50 });
    expect(result).toMatchObject({ status: "rejected", code: "timeout" });
    expect(signal?.aborted).toBe(true);
  });

  it("refuses a body that is not UTF-8", async () => {
    const fetch: FetchLike = async () => ({
      ...response(null),
      body: new Response(new Uint8Array([0xff, 0xfe, 0x7b])).body,
    });
    expect(await checkPublished({ url, fetch })).toMatchObject({ status: "rejected", code: "not-json" });
  });

  it("accepts a UTF-8 BOM", async () => {
    const result = await checkPublished({
      url,
      fetch: async () => response(`\ufeff${JSON.stringify(newer)}`),
      current: base,
    });
    expect(result.status).toBe("updated");
  });

  it("a network error is one sentence, with the cause kept as detail", async () => {
    const result = await checkPublished({
      url,
      fetch: async () => {
        throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
      },
    });
    expect(result).toMatchObject({ status: "rejected", code: "network", detail: "fetch failed: ECONNREFUSED" });
  });

  it("no URL is a refusal, not a request", async () => {
    const fetch = jest.fn<FetchLike>();
    expect(await checkPublished({ url: " ", fetch })).toMatchObject({ status: "rejected", code: "no-url" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("an older dataset is refused unless allowOlder; an equal builtAt with new content is accepted", async () => {
    const older = derive(base, -1);
    const fetchOlder: FetchLike = async () => response(JSON.stringify(older));
    expect(await checkPublished({ url, fetch: fetchOlder, current: base })).toMatchObject({
      status: "rejected",
      code: "older",
    });
    expect(await checkPublished({ url, fetch: fetchOlder, current: base, allowOlder: true })).toMatchObject({
      status: "updated",
    });
    const sameTime = { ...derive(base, 0), builtAt: base.builtAt };
    expect(
      await checkPublished({ url, fetch: async () => response(JSON.stringify(sameTime)), current: base }),
    ).toMatchObject({ status: "updated" });
  });
});
