/** A view that fails to render (the figure's detail, a tab's panel) shows a message in its place; the pane keeps working. */
import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { loadEmbedded } from "../../../src/runtime/dataset";
import { app, installShims } from "./setup";

installShims();

afterEach(() => {
  jest.restoreAllMocks();
});

function search(text: string) {
  fireEvent.change(screen.getByRole("searchbox", { name: "搜索" }), { target: { value: text } });
  return [...document.querySelectorAll<HTMLButtonElement>("button[data-fact]")];
}

describe("error boundaries around views", () => {
  it("a damaged record in the detail view shows one sentence and the way back; the list and other records still work", () => {
    const live = loadEmbedded();
    const store = live.store;
    render(app({ live }));
    const rows = search("新增学位");
    expect(rows.length).toBeGreaterThan(1);
    // Broken while the first record's detail renders: Detail alone asks the store which fact is chosen.
    let broken = true;
    const original = store.chosen.bind(store);
    jest.spyOn(store, "chosen").mockImplementation((...args: Parameters<typeof store.chosen>) => {
      if (broken) throw new Error("damaged record");
      return original(...args);
    });
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    fireEvent.click(rows[0]);

    expect(screen.getByRole("alert").textContent).toContain(
      "此页面出错(damaged record)。请切换到其他标签页或重新打开加载项。",
    );
    expect(screen.queryByTestId("figure")).toBeNull();
    // Nothing lost: back to the same results, and another record opens normally.
    fireEvent.click(screen.getByRole("button", { name: "← 返回结果" }));
    const again = [...document.querySelectorAll<HTMLButtonElement>("button[data-fact]")];
    expect(again.map((r) => r.dataset.fact)).toEqual(rows.map((r) => r.dataset.fact));
    broken = false;
    fireEvent.click(again[1]);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByTestId("figure").textContent).not.toBe("");
  });

  it("a tab whose panel fails shows the message there, and the other tabs keep working", () => {
    function BrokenSettings(): never {
      throw new Error("settings broke");
    }
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(app({ dataSettings: () => <BrokenSettings /> }));
    fireEvent.click(screen.getByRole("tab", { name: "数据" }));
    const data = screen.getByRole("region", { name: "数据" });
    expect(data.querySelector('[role="alert"]')?.textContent).toBe(
      "此页面出错(settings broke)。请切换到其他标签页或重新打开加载项。",
    );
    fireEvent.click(screen.getByRole("tab", { name: "浏览" }));
    expect(search("公办园占比").length).toBeGreaterThan(0);
    expect(document.querySelectorAll('[role="alert"]')).toHaveLength(1);
  });
});
