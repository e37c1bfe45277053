/** Thousands of random argument combinations: every function returns a value or an Excel error, never throws. */
import fc from "fast-check";
import { describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";
import "../../../src/functions/custom-functions-fallback";
import * as functions from "../../../src/functions/functions";
import { isCustomFunctionsError } from "../../../src/functions/custom-functions-fallback";
import { live } from "../../../src/runtime/dataset";

const names = [
  ...live.store.dataset.indicators.slice(0, 40).flatMap((i) => [i.id, i.zh, ...i.aliases]),
  "公办园占比",
  "GDP",
  "教育支出",
];
const argument = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: 1990, max: 2035 }),
  fc.integer(),
  fc.string(),
  fc.constantFrom(...names),
  fc.constantFrom(
    "2021-2025",
    "十四五",
    "十五五",
    "2023-YTD09",
    "actual",
    "目标",
    "新城区",
    "亿元",
    "万元",
    "%",
    "人",
    "",
    " ",
  ),
);

describe("no HH function ever throws", () => {
  for (const [name, fn] of Object.entries(functions) as Array<[string, (...args: unknown[]) => unknown]>) {
    it(name, () => {
      fc.assert(
        fc.property(fc.array(argument, { minLength: 0, maxLength: 6 }), (args) => {
          let result: unknown;
          expect(() => (result = fn(...args))).not.toThrow();
          const ok =
            isCustomFunctionsError(result) ||
            (typeof result === "number" && Number.isFinite(result)) ||
            typeof result === "string" ||
            (Array.isArray(result) && result.every((row) => Array.isArray(row)));
          expect(ok, `${name}(${JSON.stringify(args)}) → ${String(result)}`).toBe(true);
          if (isCustomFunctionsError(result)) {
            expect(["#N/A", "#VALUE!", "#NUM!", "#DIV/0!"]).toContain(result.code);
            if (result.code === "#N/A" || result.code === "#VALUE!") expect(result.message).toBeTruthy();
          }
        }),
        { numRuns: 1500 },
      );
    });
  }
});
