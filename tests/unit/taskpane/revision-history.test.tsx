/** The detail's revision history: every publication of a figure with its date, source, kind, value and status. */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "@jest/globals";
import { LiveDataset } from "../../../src/core/live/dataset";
import { IndicatorStore } from "../../../src/core/store";
import { RevisionHistory } from "../../../src/taskpane/RevisionHistory";
import { I18nContext, i18n, type Lang } from "../../../src/taskpane/i18n";
import { ESTIMATE, REAL, REVISED, storeWith, withPublications } from "../../jest/vintage-datasets";
import { app, installShims } from "./setup";

installShims();

function history(store: IndicatorStore, lang: Lang = "zh") {
  render(
    <I18nContext.Provider value={i18n(lang)}>
      <RevisionHistory store={store} fact={ESTIMATE} />
    </I18nContext.Provider>,
  );
  return screen.queryByTestId("revision-history");
}

const rows = (section: HTMLElement) =>
  within(section)
    .getAllByRole("row")
    .slice(1)
    .map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent));

describe("revision history", () => {
  it("lists the revision, the actual it revised and the estimate, newest vintage first, in Chinese", () => {
    const section = history(storeWith(REVISED))!;
    expect(within(section).getByRole("heading").textContent).toBe("历次公布 (3)");
    expect(rows(section)).toEqual([
      ["2024-01-08", "102 · 政府工作报告", "实际", "672.5 亿元", "采用"],
      ["2023-04-10", "101 · 统计公报", "实际", "670.2 亿元", "已修订"],
      ["2023-01-05", "004 · 政府工作报告", "预计", "665 亿元", "已修订"],
    ]);
    // The figure the detail shows (here the estimate) is marked.
    expect(section.querySelector('[aria-current="true"]')?.textContent).toContain("665");
  });

  it("says the same in English, and marks a true conflict", () => {
    const store = storeWith([...REVISED, { id: "103", type: "新闻报道", date: "2024-05-01", value: 680 }]);
    const section = history(store, "en")!;
    expect(within(section).getByRole("heading").textContent).toBe("Publications of this figure (4)");
    const statuses = rows(section).map((r) => [r[1], r[4]]);
    expect(statuses).toEqual([
      ["102 · government work report", "chosen"],
      ["101 · statistical bulletin", "revised"],
      ["103 · news report", "conflict"],
      ["004 · government work report", "revised"],
    ]);
  });

  it("shows nothing for a figure published once", () => {
    expect(history(new IndicatorStore(REAL))).toBeNull();
  });

  it("appears in the pane's detail of the figure", () => {
    const live = new LiveDataset();
    live.swap(withPublications(REVISED), { kind: "file", location: "revisions test" });
    render(app({ live }));
    fireEvent.change(screen.getByRole("searchbox", { name: "搜索" }), { target: { value: "新城区地区生产总值" } });
    const row = [...document.querySelectorAll<HTMLButtonElement>("button[data-fact]")].find((r) =>
      r.textContent?.includes("672.5"),
    );
    if (!row) throw new Error("no row for the revised GDP");
    fireEvent.click(row);
    const section = screen.getByTestId("revision-history");
    expect(rows(section).map((r) => r[4])).toEqual(["采用", "已修订", "已修订"]);
  });
});
