/** Shared by the browser tests: a loopback static server for the build, and Debian's Chromium. */
import { createReadStream, existsSync, statSync } from "node:fs";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../../scripts/lib/chromium";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const DIST = resolve(__dirname, "../../dist");
export const ARTIFACTS = resolve(__dirname, "../../test-artifacts");
export const OFFICE_JS_DIST = resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".csv": "text/csv; charset=utf-8",
};

export async function serveDist(root = DIST): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(
      /^(\.\.[/\\])+/,
      "",
    );
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/**
 * The production pages load office.js from Microsoft's CDN, which this machine cannot reach:
 * serve the same file from the @microsoft/office-js package instead, as the dev server does.
 */
export async function serveOfficeJsLocally(page: Page): Promise<void> {
  await page.route(`${OFFICE_JS_CDN}**`, async (route) => {
    const file = join(OFFICE_JS_DIST, route.request().url().slice(OFFICE_JS_CDN.length).split("?")[0]);
    if (existsSync(file)) await route.fulfill({ path: file, contentType: "text/javascript" });
    else await route.fulfill({ status: 404, body: "" });
  });
  // Anything else outside loopback would go to the closed network: fail it fast.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
}
