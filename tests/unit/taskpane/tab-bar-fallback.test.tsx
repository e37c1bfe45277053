/** The tab bar's script loads after the first paint; should it fail, plain buttons still switch tabs. */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, jest } from "@jest/globals";
import { app, installBrowserStubs } from "./setup";

jest.mock("../../../src/taskpane/TabBar", () => {
  throw new Error("Loading chunk tab-bar failed.");
});

installBrowserStubs();

describe("a tab bar whose script failed to load", () => {
  it("is replaced by plain tab buttons that still switch tabs; the preview banner by a plain line", async () => {
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(app());
    await act(async () => {
      await new Promise((done) => setTimeout(done, 200));
    });
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((tab) => tab.textContent)).toEqual(["浏览", "工作表", "计算器", "数据"]);
    expect(tabs[0].getAttribute("aria-selected")).toBe("true");
    fireEvent.click(tabs[2]);
    expect(screen.getAllByRole("tab")[2].getAttribute("aria-selected")).toBe("true");
    expect(screen.queryByRole("alert")).toBeNull();
    // The preview banner, from the same script, says its words plainly.
    const lines = screen.getAllByRole("status").map((line) => line.textContent);
    expect(lines).toContain("预览模式 — 未连接 Excel 浏览、详情和计算器可用;写入工作表的操作已停用。");
    quiet.mockRestore();
  });
});
