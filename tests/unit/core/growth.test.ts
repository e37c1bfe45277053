import fc from "fast-check";
import { describe, expect, it } from "vitest";
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
});
