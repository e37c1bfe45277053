/** The detail of a target shows the base HH.TARGETGAP and HH.TARGETRATE measure it from. */
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "@jest/globals";
import { app, installShims } from "./setup";

installShims();

function open(query: string, text: string) {
  fireEvent.change(screen.getByRole("searchbox", { name: "搜索" }), { target: { value: query } });
  const row = [...document.querySelectorAll<HTMLButtonElement>("button[data-fact]")].find((r) =>
    r.textContent?.includes(text),
  );
  if (!row) throw new Error(`no row with ${text}`);
  fireEvent.click(row);
}

describe("target base in the detail", () => {
  it("names the base year, kind, value and line under a target", () => {
    render(app());
    open("公办园占比", "60%");
    const base = screen.getByTestId("target-base").textContent ?? "";
    expect(base).toContain("HH.TARGETGAP");
    expect(base).toContain("2023 实际 51.04%");
    expect(base).toContain("第 65 行");
  });

  it("says there is none, and that the functions return #N/A, when no whole-year actual precedes it", () => {
    render(app());
    open("edu_community_kindergarten_handover_places", "计划");
    expect(screen.getByTestId("target-base").textContent).toMatch(/2023 年之前没有全年实际值或预计值.*#N\/A/);
  });

  it("is not shown for an actual", () => {
    render(app());
    open("公办园占比", "51.04%");
    expect(screen.queryByTestId("target-base")).toBeNull();
  });
});
