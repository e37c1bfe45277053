import fc from "fast-check";
import { describe, expect, it } from "@jest/globals";
import { HHError } from "../../../src/core/errors";
import { baseBeforeGrowth, cagr, project, requiredRate, yoy } from "../../../src/core/growth";

describe("growth maths", () => {
  it("recovers 2021 education spending from 51.60亿元 at +10.14%", () => {
    expect(baseBeforeGrowth(51.6, 0.1014)).toBeCloseTo(46.85, 2);
  });
  it("computes CAGR, YOY and projections", () => {
    expect(cagr(100, 121, 2)).toBeCloseTo(0.1, 12);
    expect(yoy(110, 100)).toBeCloseTo(0.1, 12);
    expect(project(100, 0.1, 2)).toBeCloseTo(121, 10);
    expect(requiredRate(0.5104, 0.6, 2, true)).toBeCloseTo(0.0448, 10);
  });
  it("rejects impossible maths with the Excel error it means", () => {
    expect(() => cagr(0, 1, 1)).toThrow(expect.objectContaining({ code: "NUM" }));
    expect(() => cagr(1, 2, 0)).toThrow(expect.objectContaining({ code: "NUM" }));
    expect(() => yoy(1, 0)).toThrow(expect.objectContaining({ code: "DIV/0" }));
    expect(() => cagr("a", 1, 1)).toThrow(expect.objectContaining({ code: "VALUE" }));
    expect(() => baseBeforeGrowth(1, -1)).toThrow(HHError);
  });
  it("CAGR inverts PROJECT", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e9, noNaN: true }),
        fc.double({ min: -0.9, max: 2, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (start, rate, years) => {
          expect(cagr(start, project(start, rate, years), years)).toBeCloseTo(rate, 6);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("YOY needs a positive base: a negative one is #NUM!, zero stays #DIV/0!", () => {
    expect(() => yoy(5, -10)).toThrow(
      expect.objectContaining({ code: "NUM", message: expect.stringMatching(/negative base/) }),
    );
    expect(() => yoy(-5, -10)).toThrow(expect.objectContaining({ code: "NUM" }));
    expect(() => yoy(-5, -Number.MIN_VALUE)).toThrow(expect.objectContaining({ code: "NUM" }));
    expect(() => yoy(5, 0)).toThrow(expect.objectContaining({ code: "DIV/0" }));
    expect(() => yoy(5, -0)).toThrow(expect.objectContaining({ code: "DIV/0" }));
    // From a positive base a fall below zero is still growth: −150%.
    expect(yoy(-5, 10)).toBe(-1.5);
  });
  it("BASE inverts YOY for positive values", () => {
    // 1 + growth loses digits when current is tiny next to previous (growth near −100%): ratios up
    // to 1000 either way keep 9 significant digits.
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (previous, ratio) => {
          const current = previous * ratio;
          expect(baseBeforeGrowth(current, yoy(current, previous)) / previous).toBeCloseTo(1, 9);
        },
      ),
      { numRuns: 2000 },
    );
    expect(baseBeforeGrowth(51.6, yoy(51.6, 46.85))).toBeCloseTo(46.85, 12);
  });
  it("at −100% PROJECT is 0 and BASE is #DIV/0!; below −100% both are #NUM!", () => {
    expect(project(100, -1, 3)).toBe(0);
    expect(Object.is(project(-100, -1, 0.5), 0)).toBe(true); // 0, not −0
    expect(project(100, -1, 0)).toBe(100);
    expect(() => project(100, -1, -1)).toThrow(expect.objectContaining({ code: "DIV/0" }));
    expect(() => project(100, -1.0001, 3)).toThrow(expect.objectContaining({ code: "NUM" }));
    expect(() => baseBeforeGrowth(5, -1)).toThrow(expect.objectContaining({ code: "DIV/0" }));
    expect(() => baseBeforeGrowth(5, -1.5)).toThrow(expect.objectContaining({ code: "NUM" }));
    expect(baseBeforeGrowth(5, -0.5)).toBe(10);
  });
  it("a result beyond the double range is #NUM!, never Infinity", () => {
    expect(() => project(1e300, 10, 300)).toThrow(expect.objectContaining({ code: "NUM" }));
    expect(() => yoy(Number.MAX_VALUE, Number.MIN_VALUE)).toThrow(expect.objectContaining({ code: "NUM" }));
    expect(() => cagr(Number.MIN_VALUE, Number.MAX_VALUE, 0.01)).toThrow(expect.objectContaining({ code: "NUM" }));
  });
});
