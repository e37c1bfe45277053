/**
 * The task pane in Chromium, preview mode (no Office host), against the built dist/: search, open a
 * figure, read its target and quote, compute a CAGR, switch to English. Screenshots of every step go
 * to test-artifacts/taskpane-*.png.
 */
import { existsSync, mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ARTIFACTS, DIST, launchChromium, serveDist, serveOfficeJsLocally } from "./support";

let browser: Browser;
let server: Server;
let base: string;
let page: Page;
const errors: string[] = [];

/** Screenshots after Fluent's tab-indicator animation has settled. */
async function shot(name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(ARTIFACTS, `taskpane-${name}.png`), fullPage: false });
}

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html")))
    throw new Error("dist/ is missing: run `npx webpack --mode development` first");
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ url: base, server } = await serveDist());
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 350, height: 760 }, locale: "zh-CN" });
  page.on("pageerror", (e) => errors.push(e.message));
  await serveOfficeJsLocally(page);
  // Every top the search box is drawn at while the pane loads (the tab bar arrives after it).
  await page.addInitScript(() => {
    const tops: number[] = ((window as unknown as { searchBoxTops: number[] }).searchBoxTops = []);
    new MutationObserver(() => {
      const box = document.querySelector('input[type="search"]');
      const top = box?.getBoundingClientRect().top;
      if (top !== undefined && tops[tops.length - 1] !== top) tops.push(top);
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto(`${base}/taskpane.html`);
  await page.getByText("预览模式 — 未连接 Excel").waitFor({ timeout: 20000 });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe("task pane in preview mode", () => {
  it("starts in Chinese with the preview banner and the dataset listed", async () => {
    await expect(page.getByRole("tab", { name: "浏览" }).isVisible()).resolves.toBe(true);
    // The result list arrives after the first paint, with the dataset file and its own chunk.
    await page
      .getByText(/\d+ 条结果/)
      .first()
      .waitFor({ timeout: 20000 });
    await shot("1-start");
  });

  it("keeps the search box where it first appeared while the tab bar and the list arrive", async () => {
    const tops = await page.evaluate(() => (window as unknown as { searchBoxTops: number[] }).searchBoxTops);
    expect(tops.length).toBe(1);
  });

  it("finds 公办园占比 as you type", async () => {
    await page.getByRole("searchbox", { name: "搜索" }).fill("公办园占比");
    await page.getByText("2 条结果").waitFor();
    const rows = page.locator("button[data-fact]");
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.first().innerText()).resolves.toContain("公办园在园幼儿占比");
    await shot("2-search");
  });

  it("reads a name as the functions do: 新城区GDP增速 lists the district's growth figures only", async () => {
    await page.getByRole("searchbox", { name: "搜索" }).fill("新城区GDP增速");
    await expect(page.getByTestId("read-as").innerText()).resolves.toBe("读作:地区生产总值 · 增速 · 新城区");
    await page.getByText("2 条结果").waitFor();
    const rows = page.locator("button[data-fact]");
    await expect(rows.first().innerText()).resolves.toMatch(/2%[\s\S]*同比|增速/);
    await shot("2b-search-measure");
    await page.getByRole("searchbox", { name: "搜索" }).fill("公办园占比");
    await page.getByText("2 条结果").waitFor();
  });

  it("opens the 2025 target: 60% with its quote and document", async () => {
    await page.locator("button[data-fact]", { hasText: "60%" }).click();
    await expect(page.getByTestId("figure").innerText()).resolves.toBe("60%");
    await expect(page.getByTestId("quote").innerText()).resolves.toContain("到2025年达到60%");
    await expect(page.getByTestId("citation").innerText()).resolves.toMatch(/2023-06-27/);
    await expect(page.getByTestId("formula").innerText()).resolves.toBe('=HH.TARGET("公办园在园幼儿占比",2025)');
    // Sheet actions are off in preview, with the reason on one line.
    await expect(page.getByRole("button", { name: "插入公式" }).isDisabled()).resolves.toBe(true);
    await expect(
      page.getByText("预览模式下不可用:请在 Excel 中打开本加载项。").filter({ visible: true }).count(),
    ).resolves.toBe(1);
    await shot("3-detail");
    await page.getByTestId("formula").scrollIntoViewIfNeeded();
    await shot("3b-detail-actions");
  });

  it("computes a CAGR in the calculator", async () => {
    await page.getByRole("tab", { name: "计算器" }).click();
    await expect(page.getByRole("combobox", { name: "计算" }).inputValue()).resolves.toBe("cagr");
    await page.getByRole("textbox", { name: "起始值" }).fill("100");
    await page.getByRole("textbox", { name: "期末值" }).fill("133.1");
    await page.getByRole("textbox", { name: "年数" }).fill("3");
    const result = page.getByTestId("calc-result");
    await expect(result.innerText()).resolves.toContain("10.00%");
    await expect(result.innerText()).resolves.toContain("=HH.CAGR(100,133.1,3)");
    await shot("4-cagr");
  });

  it("switches to English without losing state", async () => {
    await page.getByTestId("lang-switch").click();
    await page.getByText("Preview mode — not connected to Excel").waitFor();
    await expect(page.getByRole("tab", { name: "Calculator" }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("calc-result").innerText()).resolves.toContain("Yearly growth");
    await shot("5-english-calc");
    await page.getByRole("tab", { name: "Browse" }).click();
    await expect(page.getByTestId("figure").innerText()).resolves.toBe("60%");
    await expect(
      page
        .getByText(/^Share of kindergarten children/)
        .filter({ visible: true })
        .count(),
    ).resolves.toBe(1);
    await shot("6-english-detail");
  });

  it("renders the other views (screenshots for review)", async () => {
    await page.getByTestId("lang-switch").click();
    await page.getByRole("tab", { name: "计算器" }).click();
    const mode = page.getByRole("combobox", { name: "计算" });
    await mode.selectOption("base");
    await page.getByRole("textbox", { name: "本期值" }).filter({ visible: true }).fill("51.60");
    await page.getByRole("textbox", { name: "增速 %" }).filter({ visible: true }).fill("10.14");
    await expect(page.getByTestId("calc-result").innerText()).resolves.toContain("46.85");
    await shot("7-base");
    await mode.selectOption("budget");
    await expect(page.getByRole("img", { name: /预算对比/ }).count()).resolves.toBe(1);
    await shot("8-budget");
    await mode.selectOption("check");
    await shot("9-check");
    await page.getByRole("tab", { name: "工作表" }).click();
    await shot("10-sheets");
    await page.getByRole("tab", { name: "数据" }).click();
    await expect(page.getByTestId("dataset-info").innerText()).resolves.toMatch(/数据条数\s+[1-9]\d*/);
    await expect(page.getByTestId("live-origin").innerText()).resolves.toMatch(/内置/);
    await shot("11-data");
  });

  it("raised no page errors", () => {
    expect(errors).toEqual([]);
  });
});
