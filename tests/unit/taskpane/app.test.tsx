import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "@jest/globals";
import type { LiveDataset } from "../../../src/core/live";
import { PANE_MESSAGES } from "../../../src/core/messages/pane";
import { EMBEDDED_DATASET, loadEmbedded } from "../../../src/runtime/dataset";
import { memoryStorage } from "../../../src/runtime/storage";
import { fakeExcel } from "../excel/fakeExcel";
import { app, EXCEL_HOST, installShims } from "./setup";

installShims();

const search = () => screen.getByRole("searchbox", { name: "搜索" });
const rows = () => document.querySelectorAll<HTMLButtonElement>("button[data-fact]");

function open60() {
  fireEvent.change(search(), { target: { value: "公办园占比" } });
  const target = [...rows()].find((r) => r.textContent?.includes("60%"));
  if (!target) throw new Error("no 60% row");
  fireEvent.click(target);
}

describe("browse and detail (preview mode)", () => {
  it("starts in Chinese with the preview banner; sheet actions say why they are off", () => {
    render(app());
    expect(screen.getByText("预览模式 — 未连接 Excel")).toBeTruthy();
    expect(screen.getByRole("tab", { name: "浏览" })).toBeTruthy();
    open60();
    expect(screen.getByTestId("figure").textContent).toBe("60%");
    expect(screen.getByTestId("quote").textContent).toContain("到2025年达到60%");
    expect(screen.getByTestId("citation").textContent).toContain("2023-06-27");
    expect(screen.getByTestId("formula").textContent).toBe('=HH.TARGET("公办园在园幼儿占比",2025)');
    const insert = screen.getByRole("button", { name: "插入公式" }) as HTMLButtonElement;
    expect(insert.disabled).toBe(true);
    expect(insert.title).toBe("预览模式下不可用:请在 Excel 中打开本加载项。");
  });

  it("searches as you type over aliases, English names and ids, and filters by kind", () => {
    render(app());
    // The list renders the rows that fit; its label counts them all.
    const count = () => Number(/^(\d+) 条结果/.exec(screen.getByRole("list").getAttribute("aria-label") ?? "")?.[1]);
    const total = count();
    fireEvent.change(search(), { target: { value: "公办园占比" } });
    expect(rows().length).toBe(2);
    fireEvent.change(search(), { target: { value: "kindergarten children" } });
    expect([...rows()].some((r) => r.textContent?.includes("公办园在园幼儿占比"))).toBe(true);
    fireEvent.change(search(), { target: { value: "edu_public_kindergarten_share" } });
    expect(rows().length).toBe(2);
    fireEvent.change(screen.getByRole("combobox", { name: "类型" }), { target: { value: "target" } });
    expect(rows().length).toBe(1);
    expect(rows()[0].textContent).toContain("60%");
    fireEvent.change(search(), { target: { value: "" } });
    expect(count()).toBeLessThan(total);
    fireEvent.click(screen.getByRole("button", { name: "清除筛选" }));
    expect(count()).toBe(total);
  });

  it("is keyboard-usable: Down from search, Enter opens, Escape goes back to the same row", () => {
    render(app());
    fireEvent.change(search(), { target: { value: "公办园占比" } });
    fireEvent.keyDown(search(), { key: "ArrowDown" });
    expect(document.activeElement).toBe(rows()[0]);
    fireEvent.keyDown(rows()[0], { key: "ArrowDown" });
    expect(document.activeElement).toBe(rows()[1]);
    const id = rows()[1].dataset.fact;
    fireEvent.click(document.activeElement as HTMLElement);
    expect(screen.getByRole("button", { name: "← 返回结果" })).toBe(document.activeElement);
    fireEvent.keyDown(screen.getByTestId("quote"), { key: "Escape" });
    expect((document.activeElement as HTMLElement).dataset.fact).toBe(id);
  });

  it("shows conflicting figures with the rule that chose one", () => {
    render(app());
    fireEvent.change(search(), { target: { value: "新增学位数" } });
    const row = [...rows()].find((r) => r.textContent?.includes("冲突"));
    fireEvent.click(row!);
    const section = screen.getByRole("region", { name: /其他来源的不同数字/ });
    // The news of 2023-10-25 still printed 1.28万 after the progress report (001) revised it to 1.21万.
    expect(section.textContent).toContain("“新增1.28万个公办学位”");
    expect(section.textContent).toContain("12,100 个 (001)");
    expect(section.textContent).toContain("进展报告 outranks 新闻报道");
  });

  it("switches language and follows Office's display language; the choice is kept with the settings", async () => {
    const settings = memoryStorage();
    const { unmount } = render(
      app({ host: { ...EXCEL_HOST, displayLanguage: "en-US" }, run: fakeExcel().run, settings }),
    );
    expect(screen.getByRole("tab", { name: "Browse" })).toBeTruthy();
    expect(screen.queryByText("Preview mode — not connected to Excel")).toBeNull();
    fireEvent.click(screen.getByTestId("lang-switch"));
    expect(screen.getByRole("tab", { name: "浏览" })).toBeTruthy();
    await waitFor(async () => expect(await settings.getItem("hh.ui.language")).toBe("zh"));
    unmount();
    // Next time the pane opens, the saved choice wins over Office's English.
    render(app({ host: { ...EXCEL_HOST, displayLanguage: "en-US" }, run: fakeExcel().run, settings }));
    expect(await screen.findByRole("tab", { name: "浏览" })).toBeTruthy();
  });
});

describe("data tab", () => {
  let live: LiveDataset;
  beforeEach(() => {
    live = loadEmbedded();
  });

  it("shows the live dataset and re-renders when a new one is swapped in", () => {
    render(app({ live }));
    fireEvent.click(screen.getByRole("tab", { name: "数据" }));
    const info = screen.getByTestId("dataset-info");
    expect(info.textContent).toContain(live.store.dataset.version);
    expect(info.textContent).toContain("内置");
    const next = { ...(EMBEDDED_DATASET as object), version: "2099.01.01+test" };
    act(() => {
      live.swap(next, { kind: "published", location: "https://example.invalid/dataset.json" });
    });
    expect(info.textContent).toContain("2099.01.01+test");
    expect(info.textContent).toContain("已发布 · https://example.invalid/dataset.json");
  });

  it("has a slot for the dataset-URL settings", () => {
    render(app({ dataSettings: (lang) => <div>settings in {lang}</div> }));
    // Only the open tab is rendered at start.
    expect(screen.queryByText("settings in zh")).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "数据" }));
    expect(screen.getByText("settings in zh")).toBeTruthy();
  });
});

describe("in Excel (mocked)", () => {
  it("inserts the live formula for a figure into the selected cell", async () => {
    const excel = fakeExcel();
    render(app({ host: EXCEL_HOST, run: excel.run }));
    open60();
    fireEvent.click(screen.getByRole("button", { name: "插入公式" }));
    await screen.findByText("已写入 Sheet1!A1");
    expect(excel.model.sheet("Sheet1").cell(0, 0)).toMatchObject({
      formula: '=HH.TARGET("公办园在园幼儿占比",2025)',
      format: "0.00%",
    });
  });

  it("inserts a native chart of the series on the add-in's chart sheet", async () => {
    const excel = fakeExcel();
    render(app({ host: EXCEL_HOST, run: excel.run }));
    open60();
    fireEvent.click(screen.getByRole("button", { name: "插入图表" }));
    await screen.findByText("图表已添加到工作表「HH 图表」");
    expect(excel.model.sheet("HH 图表").charts).toHaveLength(1);
  });

  it("loads the visible results into sheets with progress, then refreshes in place", async () => {
    const excel = fakeExcel();
    excel.model.addSheet("HH 来源").set(0, 0, { value: "mine" });
    render(app({ host: EXCEL_HOST, run: excel.run }));
    fireEvent.change(search(), { target: { value: "公办园占比" } });
    fireEvent.click(screen.getByRole("tab", { name: "工作表" }));
    fireEvent.click(screen.getByRole("radio", { name: /当前筛选结果/ }));
    fireEvent.click(screen.getByRole("button", { name: "加载到工作表" }));
    // Generous timeout: the write goes through the whole sheet writer, slow on a busy CI machine.
    const status = await screen.findByText(/已写入:/, undefined, { timeout: 15000 });
    expect(status.textContent).toContain("工作表「HH 来源」不是本加载项创建的,未作修改;已改用「HH 来源 (2)」。");
    expect(excel.model.sheet("HH 数据").usedRows()).toBe(3);
    expect(excel.model.sheet("HH 来源").cell(0, 0).value).toBe("mine");
    fireEvent.click(screen.getByRole("button", { name: "加载到工作表" }));
    await waitFor(() => expect(screen.getByText(/已原位刷新/)).toBeTruthy(), { timeout: 15000 });
    expect(excel.model.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "HH 来源",
      "HH 数据",
      "HH 来源 (2)",
      "HH 目标跟踪",
    ]);
  });

  it("on Excel without Table.resize (ExcelApi 1.13) re-creates a table that changes size, and says so", async () => {
    const excel = fakeExcel(undefined, { tableResize: false });
    render(app({ host: { ...EXCEL_HOST, supports: (v) => v !== "1.13" }, run: excel.run }));
    fireEvent.change(search(), { target: { value: "公办园占比" } });
    fireEvent.click(screen.getByRole("tab", { name: "工作表" }));
    fireEvent.click(screen.getByRole("radio", { name: /当前筛选结果/ }));
    fireEvent.click(screen.getByRole("button", { name: "加载到工作表" }));
    await screen.findByText(/已写入:/, undefined, { timeout: 15000 });
    fireEvent.click(screen.getByRole("radio", { name: /全部数据/ }));
    fireEvent.click(screen.getByRole("button", { name: "加载到工作表" }));
    const status = await screen.findByText(/已原位刷新/, undefined, { timeout: 15000 });
    expect(status.textContent).toContain(PANE_MESSAGES.zh.tableRecreated("HH 数据", "HH_Facts"));
  });

  it("reads the selection into the calculator and inserts a formula that references those cells", async () => {
    const excel = fakeExcel();
    const sheet = excel.model.sheet("Sheet1");
    sheet.set(1, 1, { value: 100 });
    sheet.set(1, 2, { value: 133.1 });
    sheet.set(1, 3, { value: 3 });
    excel.model.selection = { sheet: "Sheet1", r: 1, c: 1, rows: 1, cols: 3 };
    render(app({ host: EXCEL_HOST, run: excel.run }));
    fireEvent.click(screen.getByRole("tab", { name: "计算器" }));
    const calc = screen.getByRole("region", { name: "计算器" });
    fireEvent.click(within(calc).getAllByRole("button", { name: "读取所选单元格" })[0]);
    await within(calc).findByText("已从 Sheet1!B2:D2 读取 3 个数字");
    expect(screen.getByTestId("calc-result").textContent).toContain("=HH.CAGR(B2,C2,D2)");
    fireEvent.click(within(calc).getAllByRole("button", { name: "插入公式" })[0]);
    await within(calc).findByText("已写入 Sheet1!E2");
    expect(sheet.cell(1, 4).formula).toBe("=HH.CAGR(B2,C2,D2)");
  });
});
