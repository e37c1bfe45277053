/** npm run extract:eval's scoring meets its goals on the five reports. */
import { resolve } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { DEVELOPMENT_SET, GOALS, rate, scoreExtraction } from "../../../scripts/lib/extract-score";

describe("extract:eval on the five reports", () => {
  it("finds ≥ 95% of the curated figures, ≥ 85% with the right period and kind, ≤ 5% spurious", () => {
    const score = scoreExtraction(resolve(__dirname, "../../.."), DEVELOPMENT_SET);
    expect(score.problems).toEqual([]);
    expect(score.facts).toBeGreaterThan(300);
    expect(rate(score.found, score.facts)).toBeGreaterThanOrEqual(GOALS.found);
    expect(rate(score.periodKind, score.facts)).toBeGreaterThanOrEqual(GOALS.periodKind);
    expect(rate(score.spurious, score.entries)).toBeLessThanOrEqual(GOALS.spurious);
  }, 180_000);
});
