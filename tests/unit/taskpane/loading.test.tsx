/** The pane before its dataset file has arrived: the search box at once, typing kept, a clear message on failure. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "@jest/globals";
import { LiveDataset } from "../../../src/core/live/dataset";
import { loadBundled } from "../../../src/runtime/bundled-dataset";
import { app, installShims } from "./setup";

installShims();

const TEXT = readFileSync(resolve(__dirname, "../../../data/dist/dataset.json"), "utf8");

function pending() {
  const live = new LiveDataset();
  let arrive!: (text: string) => void;
  let fail!: (error: Error) => void;
  const request = new Promise<string>((ok, ko) => {
    arrive = ok;
    fail = ko;
  });
  const loading = loadBundled(live, { fetchText: () => request });
  return { live, loading, arrive, fail };
}

const search = () => screen.getByRole("searchbox", { name: "搜索" }) as HTMLInputElement;
const rows = () => document.querySelectorAll<HTMLButtonElement>("button[data-fact]");

describe("the pane while the dataset loads", () => {
  it("paints the search box with a loading line, keeps what is typed and searches it once the data is there", async () => {
    const { live, loading, arrive } = pending();
    render(app({ live, loading }));
    expect(screen.getByRole("status").textContent).toBe("正在加载数据集…");
    expect(rows()).toHaveLength(0);
    fireEvent.change(search(), { target: { value: "公办园占比" } });
    expect(search().value).toBe("公办园占比");
    await act(async () => {
      arrive(TEXT);
      await loading.settled;
    });
    expect(search().value).toBe("公办园占比");
    expect(screen.getByText("2 条结果")).toBeTruthy();
    expect(rows()).toHaveLength(2);
  });

  it("keeps focus in the search box, caret at the end, when the list's own box takes its place", async () => {
    const { live, loading, arrive } = pending();
    render(app({ live, loading }));
    search().focus();
    fireEvent.change(search(), { target: { value: "公办" } });
    await act(async () => {
      arrive(TEXT);
      await loading.settled;
    });
    expect(document.activeElement).toBe(search());
    expect(search().selectionStart).toBe(2);
  });

  it("leaves focus alone when the first search box did not have it", async () => {
    const { live, loading, arrive } = pending();
    render(app({ live, loading }));
    await act(async () => {
      arrive(TEXT);
      await loading.settled;
    });
    expect(document.activeElement).toBe(document.body);
  });

  it("says the dataset could not be loaded, in the pane's language, and shows no figure", async () => {
    const { live, loading, fail } = pending();
    render(app({ live, loading }));
    await act(async () => {
      fail(new Error("HTTP 404 data/dataset.json"));
      await loading.settled;
    });
    expect(screen.getByRole("status").textContent).toBe(
      "数据集未能加载(HTTP 404 data/dataset.json)。请检查网络后重新打开加载项;在此之前没有可显示的数字。",
    );
    fireEvent.click(screen.getByTestId("lang-switch"));
    expect(screen.getByRole("status").textContent).toBe(
      "The dataset could not be loaded (HTTP 404 data/dataset.json). Check the connection and reopen the add-in; until then there are no figures to show.",
    );
    expect(rows()).toHaveLength(0);
  });
});

describe("the result list", () => {
  it("renders the first rows only, and more on demand", () => {
    render(app());
    const total = Number(/(\d+) 条结果/.exec(document.body.textContent ?? "")?.[1]);
    expect(total).toBeGreaterThan(70);
    expect(rows()).toHaveLength(20);
    fireEvent.click(screen.getByRole("button", { name: "再显示 50 条" }));
    expect(rows()).toHaveLength(70);
  });
});
