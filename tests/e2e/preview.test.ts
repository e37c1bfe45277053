/** The task pane in a plain browser (no Office host) starts in preview mode and says so. */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ARTIFACTS, launchChromium, serveDist, serveOfficeJsLocally } from "./support";

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ url: base, server } = await serveDist());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe("preview mode", () => {
  it("shows the preview banner instead of failing, with no console errors from our code", async () => {
    const page = await browser.newPage({ viewport: { width: 350, height: 700 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await serveOfficeJsLocally(page);
    await page.goto(`${base}/taskpane.html`);
    await expect(
      page
        .getByText(/预览模式|Preview mode/)
        .first()
        .waitFor({ timeout: 20000 }),
    ).resolves.toBeUndefined();
    await page.screenshot({ path: join(ARTIFACTS, "preview-banner.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("still starts when office.js cannot be loaded at all", async () => {
    const page = await browser.newPage({ viewport: { width: 350, height: 700 } });
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(`${base}/taskpane.html`);
    await page
      .getByText(/预览模式|Preview mode/)
      .first()
      .waitFor({ timeout: 20000 });
    await page.close();
  });
});
