/** `npm start`'s server: https://localhost:3000 serves the task pane (preview mode), office.js and the dataset. */
import { spawn, type ChildProcess } from "node:child_process";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../jest/expect";
import { ARTIFACTS, launchChromium } from "./support";

const ROOT = resolve(__dirname, "../..");
let server: ChildProcess;
let browser: Browser;
let log = "";

beforeAll(async () => {
  server = spawn(process.platform === "win32" ? "npx.cmd" : "npx", ["webpack", "serve", "--mode", "development"], {
    cwd: ROOT,
    detached: true,
  });
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  const started = Date.now();
  while (!/compiled successfully/.test(log)) {
    if (/compiled with \d+ error|EADDRINUSE/.test(log) || Date.now() - started > 150000)
      throw new Error(`dev server did not start:\n${log.slice(-2000)}`);
    await new Promise((ok) => setTimeout(ok, 500));
  }
  browser = await launchChromium();
}, 180000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
});

describe("the development server", () => {
  it("serves the task pane over HTTPS on port 3000 and shows the preview banner", async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 350, height: 700 } });
    const page = await context.newPage();
    await page.route(/^https?:\/\/(?!localhost)/, (route) => route.abort());
    const response = await page.goto("https://localhost:3000/taskpane.html");
    expect(response?.status()).toBe(200);
    await page
      .getByText(/预览模式|Preview mode/)
      .first()
      .waitFor({ timeout: 30000 });
    await page.screenshot({ path: join(ARTIFACTS, "dev-server-preview.png"), fullPage: true });
    for (const path of [
      "/office-js/office.js",
      "/data/dataset.json",
      "/functions.json",
      "/manifest.xml",
      "/help.html",
    ]) {
      expect((await context.request.get(`https://localhost:3000${path}`)).status(), path).toBe(200);
    }
    await context.close();
  });
});
