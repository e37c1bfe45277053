/**
 * The built taskpane.html, served by `hh serve dist` (so the CSP header applies as well as the meta tag),
 * in Chromium: with a built-in an old Office engine lacks deleted before any script runs, the pane shows
 * the one-line "not supported" notice instead of a blank page; with everything present, the pane renders.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { expect } from "../jest/expect";
import { startStaticServer, type DatasetServer } from "../../src/cli/serve";
import { HOSTING_MESSAGES } from "../../src/core/messages/hosting";
import { PAGE_CSP } from "../../src/hosting/policy";
import { DIST, launchChromium, serveOfficeJsLocally } from "./support";

const NOTICE = `${HOSTING_MESSAGES.zh.unsupportedOffice} · ${HOSTING_MESSAGES.en.unsupportedOffice}`;

/** What IE11 or EdgeHTML lacks, one at a time: each alone must trigger the notice. */
const MISSING: Record<string, string> = {
  "Promise.allSettled": "delete Promise.allSettled;",
  Promise: "delete window.Promise;",
  fetch: "delete window.fetch;",
  Symbol: "delete window.Symbol;",
  "Object.fromEntries": "delete Object.fromEntries;",
  "Array.prototype.includes": "delete Array.prototype.includes;",
  globalThis: "delete globalThis.globalThis;",
};

let browser: Browser;
let server: DatasetServer;

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run a production build first");
  server = await startStaticServer({ dir: DIST, port: 0, allowOrigins: ["*"] });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPane(initScript?: string): Promise<{ page: Page; cspViolations: string[] }> {
  const page = await browser.newPage({ viewport: { width: 350, height: 600 }, locale: "zh-CN" });
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  if (initScript) await page.addInitScript(initScript);
  await serveOfficeJsLocally(page);
  await page.goto(`${server.origin}/taskpane.html`);
  return { page, cspViolations };
}

describe("the built pages' CSP", () => {
  it("is the policy's, and hashes the inline check exactly as built (no minifier rewrote it)", () => {
    for (const page of ["taskpane.html", "commands.html", "help.html", "support.html"]) {
      const html = readFileSync(join(DIST, page), "utf8");
      const attribute = html.match(/http-equiv="?Content-Security-Policy"? content="([^"]+)"/)?.[1] ?? "";
      // help.html and support.html escape the quotes in the attribute; the browser reads the same policy.
      expect(attribute.replace(/&#39;/g, "'").replace(/&amp;/g, "&"), page).toBe(PAGE_CSP);
    }
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline.length).toBe(1);
    const hash = createHash("sha256").update(inline[0], "utf8").digest("base64");
    expect(PAGE_CSP).toContain(`'sha256-${hash}'`);
  });
});

describe("old Office engines", () => {
  it.each(Object.keys(MISSING))("without %s: the one-line notice, not a blank pane", async (name) => {
    const { page, cspViolations } = await openPane(MISSING[name]);
    try {
      const notice = page.getByRole("alert");
      await notice.waitFor({ timeout: 10000 });
      await expect(notice.innerText()).resolves.toBe(NOTICE);
      // The pane's container is gone, so the bundle has nothing to render into.
      await expect(page.locator("#container").count()).resolves.toBe(0);
      expect(cspViolations, "the inline check ran under the CSP (header and meta)").toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("with a modern engine: no notice, the pane renders", async () => {
    const { page, cspViolations } = await openPane();
    try {
      await page.getByRole("searchbox").waitFor({ timeout: 30000 });
      await expect(page.locator("#hh-unsupported").count()).resolves.toBe(0);
      expect(cspViolations).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
