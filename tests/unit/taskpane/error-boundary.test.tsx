/** One broken record shows a message in its place; the rest of the pane keeps working. */
import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { loadEmbedded } from "../../../src/runtime/dataset";
import { app, installShims } from "./setup";

installShims();

afterEach(() => {
  jest.restoreAllMocks();
});

describe("error boundary", () => {
  it("shows a one-line message in place of a record that fails to render, and the other records", () => {
    const live = loadEmbedded();
    const store = live.store;
    const broken = store.dataset.facts.find(
      (f) => f.indicator === "edu_public_kindergarten_share" && f.kind === "actual",
    )!;
    const original = store.conflictsOf.bind(store);
    jest.spyOn(store, "conflictsOf").mockImplementation((fact) => {
      if (fact.id === broken.id) throw new Error("damaged record");
      return original(fact);
    });
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(app({ live }));
    fireEvent.change(screen.getByRole("searchbox", { name: "搜索" }), { target: { value: "公办园占比" } });
    expect(screen.getByText("这条记录无法显示(damaged record),其他内容不受影响。")).toBeTruthy();
    const rows = document.querySelectorAll<HTMLButtonElement>("button[data-fact]");
    expect([...rows].map((r) => r.textContent)).toEqual([expect.stringContaining("60%")]);
    fireEvent.click(rows[0]);
    expect(screen.getByTestId("figure").textContent).toBe("60%");
  });
});
