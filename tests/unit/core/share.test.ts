import { describe, expect, it } from "@jest/globals";
import { shareIssue, shareStep } from "../../../src/core/share";

describe("shares in percentage points", () => {
  it("51.04% → 60% over 2 years is +4.48 points a year, as the fraction 0.0448", () => {
    expect(shareStep(0.5104, 0.6, 2)).toEqual({ ok: true, perYear: 0.0448, total: 0.0896 });
  });

  it("a falling share gives a negative step", () => {
    expect(shareStep(0.3, 0.25, 5)).toEqual({ ok: true, perYear: -0.01, total: -0.05 });
  });

  it("accepts 0% and 100% and nothing outside them", () => {
    expect(shareIssue(0)).toBeUndefined();
    expect(shareIssue(1)).toBeUndefined();
    expect(shareIssue(-0.01)).toBe("negative");
    expect(shareIssue(1.0001)).toBe("over100");
    expect(shareIssue(Number.NaN)).toBe("notNumber");
    expect(shareIssue(Number.POSITIVE_INFINITY)).toBe("notNumber");
  });

  it("names the first share out of range, start before target", () => {
    // 51.04 entered where 0.5104 was meant: 5104%.
    expect(shareStep(51.04, 60, 2)).toEqual({
      ok: false,
      problem: { code: "share", field: "from", issue: "over100", value: 51.04 },
    });
    expect(shareStep(0.5, -0.1, 2)).toEqual({
      ok: false,
      problem: { code: "share", field: "to", issue: "negative", value: -0.1 },
    });
  });

  it("needs the target after the start", () => {
    expect(shareStep(0.5, 0.6, 0)).toEqual({ ok: false, problem: { code: "years", years: 0 } });
    expect(shareStep(0.5, 0.6, -2)).toEqual({ ok: false, problem: { code: "years", years: -2 } });
  });
});
