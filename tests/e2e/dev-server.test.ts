/**
 * `npm start` as a user runs it (scripts/start.ts): https://localhost:3000 serves the task pane (preview
 * mode), office.js and the dataset; a second npm start says the port is busy; stopping it frees the port.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createConnection } from "node:net";
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
  server = spawn(process.execPath, [resolve(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    cwd: ROOT,
    detached: true,
  });
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  const started = Date.now();
  while (!/compiled successfully/.test(log)) {
    if (/compiled with \d+ error|EADDRINUSE|already in use/.test(log) || Date.now() - started > 150000)
      throw new Error(`dev server did not start:\n${log.slice(-2000)}`);
    await new Promise((ok) => setTimeout(ok, 500));
  }
  browser = await launchChromium();
}, 180000);

afterAll(async () => {
  await browser?.close();
  // In case a test failed before stopping it: the whole group.
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGKILL");
});

/** Whether something accepts connections on localhost:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host: "localhost" })
      .once("connect", () => {
        socket.destroy();
        done(true);
      })
      .once("error", () => done(false));
  });
}

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

  it("a second npm start says in one line that the port is busy, and exits", () => {
    const second = spawnSync(process.execPath, [resolve(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 30000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr.trim().split("\n")).toEqual([expect.stringMatching(/port 3000 is already in use/)]);
    expect(second.stdout).not.toMatch(/dataset/);
  });

  it("stopping npm start (Ctrl+C) stops the dev server too, so the port is free again", async () => {
    expect(await listening(3000)).toBe(true);
    server.kill("SIGINT");
    const started = Date.now();
    while ((await listening(3000)) && Date.now() - started < 15000) await new Promise((ok) => setTimeout(ok, 250));
    expect(await listening(3000)).toBe(false);
  }, 30000);
});
