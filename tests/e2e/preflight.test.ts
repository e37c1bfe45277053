/**
 * The published-dataset check in a real browser, against a dataset host on another origin that does
 * not answer CORS preflights (as many static hosts do not). Chromium then refuses the conditional
 * request (If-None-Match is not a CORS-safelisted header); the check must fall back to a plain GET in
 * the same call and see that the dataset is unchanged. A host that answers preflights gets its 304.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { launchChromium } from "./support";

const ROOT = join(__dirname, "../..");
const ETAG = '"v1"';

let browser: Browser;
let page: Server;
let host: Server;
let pageOrigin: string;
let hostOrigin: string;
const hostRequests: string[] = [];

function listen(server: Server): Promise<string> {
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

beforeAll(async () => {
  // The add-in's own check and platform ports, bundled for the page.
  const bundle = await build({
    stdin: {
      contents: `import { checkPublished } from "./src/core/live/check";
        import { runtimeFetch, systemClock, webSha256Hex } from "./src/runtime/platform";
        window.hhCheck = (url, etag, current) =>
          checkPublished({ url, etag, current, fetch: runtimeFetch, clock: systemClock, sha256Hex: webSha256Hex, timeoutMs: 10000 });`,
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0].text;
  page = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><meta charset="utf-8"><script>${script.replace(/<\/script/gi, "<\\/script")}</script>`,
    );
  });
  const dataset = readFileSync(join(ROOT, "data/dist/dataset.json"));
  host = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    hostRequests.push(`${request.method} ${path} ${request.headers["if-none-match"] ?? "-"}`);
    const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "ETag", ETag: ETAG };
    if (request.method === "OPTIONS") {
      // /no-preflight/ answers like a static host that knows nothing of CORS preflights.
      if (path.startsWith("/no-preflight/")) response.writeHead(405, { Allow: "GET, HEAD" }).end();
      else
        response
          .writeHead(204, { ...cors, "Access-Control-Allow-Headers": "If-None-Match", "Access-Control-Max-Age": "0" })
          .end();
      return;
    }
    if (request.headers["if-none-match"] === ETAG) {
      response.writeHead(304, cors).end();
      return;
    }
    response.writeHead(200, { ...cors, "Content-Type": "application/json", "Cache-Control": "no-cache" });
    response.end(dataset);
  });
  [pageOrigin, hostOrigin] = await Promise.all([listen(page), listen(host)]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([page, host].map((s) => new Promise((done) => s?.close(done))));
});

type Outcome = { status: string; why?: string; etag?: string; fellBack?: boolean };

/** Two checks in the page: the first fetches the dataset, the second revalidates with its ETag. */
async function checkTwice(url: string): Promise<[Outcome, Outcome]> {
  const tab = await browser.newPage();
  try {
    await tab.goto(`${pageOrigin}/`);
    return await tab.evaluate(async (datasetUrl) => {
      const check = (window as unknown as { hhCheck: (...a: unknown[]) => Promise<Record<string, unknown>> }).hhCheck;
      const pick = (r: Record<string, unknown>) => ({
        status: r.status as string,
        why: r.why as string | undefined,
        etag: r.etag as string | undefined,
        fellBack: r.fellBack as boolean | undefined,
      });
      const first = await check(datasetUrl, undefined, undefined);
      const second = await check(datasetUrl, first.etag, first.dataset);
      return [pick(first), pick(second)] as [Outcome, Outcome];
    }, url);
  } finally {
    await tab.close();
  }
}

describe("published-dataset check in Chromium, cross-origin", () => {
  it("falls back to a plain GET when the host does not answer the preflight, and sees the dataset unchanged", async () => {
    hostRequests.length = 0;
    const [first, second] = await checkTwice(`${hostOrigin}/no-preflight/dataset.json`);
    expect(first).toMatchObject({ status: "updated", etag: ETAG });
    expect(second).toMatchObject({ status: "not-modified", why: "same-hash", fellBack: true });
    // The browser's preflight was refused, so the conditional GET never reached the host; the plain one did.
    expect(hostRequests).toEqual([
      "GET /no-preflight/dataset.json -",
      "OPTIONS /no-preflight/dataset.json -",
      "GET /no-preflight/dataset.json -",
    ]);
  });

  it("gets a 304 from a host that answers the preflight", async () => {
    hostRequests.length = 0;
    const [first, second] = await checkTwice(`${hostOrigin}/cors/dataset.json`);
    expect(first).toMatchObject({ status: "updated", etag: ETAG });
    expect(second).toEqual({ status: "not-modified", why: "etag", etag: ETAG });
    expect(hostRequests).toEqual([
      "GET /cors/dataset.json -",
      "OPTIONS /cors/dataset.json -",
      `GET /cors/dataset.json ${ETAG}`,
    ]);
  });
});
