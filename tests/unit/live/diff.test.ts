import { describe, expect, it } from "@jest/globals";
import { diffDatasets, formatFactValue, isEmptyDiff } from "../../../src/core/diff";
import { builtDataset, derive, setFigure } from "../../integration/live/helpers";

describe("diffDatasets", () => {
  const base = builtDataset();

  it("finds nothing between a dataset and itself", () => {
    const diff = diffDatasets(base, structuredClone(base));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.from).toEqual({ version: base.version, builtAt: base.builtAt });
  });

  it("matches facts by id: added, removed, value and unit changes, other edits counted", () => {
    const [a, b, c, d] = base.facts;
    const next = derive(base, 1, (ds) => {
      ds.facts = ds.facts.filter((f) => f.id !== b.id);
      setFigure(
        ds.facts.find((f) => f.id === a.id)!,
        a.value + 1,
      );
      ds.facts.find((f) => f.id === c.id)!.unit = `${c.unit}x`;
      ds.facts.find((f) => f.id === d.id)!.quote = `${d.quote} (corrected)`;
      ds.facts.push({ ...structuredClone(a), id: "new-fact", period: "2099" });
      ds.facts.reverse(); // order must not matter
    });
    const diff = diffDatasets(base, next);
    expect(diff.added).toEqual([expect.objectContaining({ id: "new-fact", indicator: a.indicator, period: "2099" })]);
    expect(diff.removed).toEqual([
      { id: b.id, indicator: b.indicator, region: b.region, period: b.period, kind: b.kind, measure: b.measure },
    ]);
    expect(diff.changed.map((x) => x.id).sort()).toEqual([a.id, c.id].sort());
    const valueChange = diff.changed.find((x) => x.id === a.id)!;
    expect(valueChange.before).toEqual({ value: a.value, unit: a.unit });
    expect(valueChange.after).toEqual({ value: a.value + 1, unit: a.unit });
    expect(diff.revised).toBe(1);
    expect(diff.to).toEqual({ version: next.version, builtAt: next.builtAt });
    expect(isEmptyDiff(diff)).toBe(false);
  });
});

describe("formatFactValue", () => {
  it("shows shares as percents and keeps other units", () => {
    expect(formatFactValue(0.8441, "%")).toBe("84.41%");
    expect(formatFactValue(0.012, "个百分点")).toBe("1.2个百分点");
    expect(formatFactValue(32, "个")).toBe("32 个");
    expect(formatFactValue(1 / 3, "亿元")).toBe("0.333333 亿元");
  });
});
