/** The workbook's date system, read at start-up: as_of serials of a 1904 workbook are read as its dates. */
import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { applyWorkbookDateSystem, readDateSystem } from "../../../src/commands/date-system";
import { isoToSerial, serialToIso } from "../../../src/core/excel-dates";
import { parseAsOf } from "../../../src/core/vintages";
import type { Run } from "../../../src/excel/run";
import { setWorkbookDateSystem, workbook } from "../../../src/runtime/date-system";

/** Excel.run over a workbook whose DATE(1904,1,1) is what its date system makes it. */
function workbookIn(system: 1900 | 1904): { run: Run; syncs: () => number } {
  let syncs = 0;
  const context = {
    workbook: {
      functions: {
        date: (year: number, month: number, day: number) => {
          const result = { value: undefined as number | undefined, load: () => result };
          result.value = isoToSerial(
            `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
            system,
          );
          return result;
        },
      },
    },
    sync: async () => void syncs++,
  };
  return { run: (batch) => batch(context as unknown as Excel.RequestContext), syncs: () => syncs };
}

afterEach(() => {
  setWorkbookDateSystem(1900);
});

describe("the workbook's date system", () => {
  it("converts serials of either system to the same dates and back", () => {
    expect(isoToSerial("2023-07-01", 1900)).toBe(45108);
    expect(isoToSerial("2023-07-01", 1904)).toBe(45108 - 1462);
    expect(serialToIso(45108 - 1462, 1904)).toBe("2023-07-01");
    expect(parseAsOf(45108 - 1462, 1904)).toBe("2023-07-01");
    expect(parseAsOf(45108 - 1462)).toBe("2019-06-30");
    expect(parseAsOf(1, 1904)).toBe("1904-01-02");
    // 0 (an empty cell's value) is no date in either system.
    expect(() => parseAsOf(0)).toThrow(/as_of/);
    expect(() => parseAsOf(0, 1904)).toThrow(/as_of/);
    expect(() => parseAsOf(2024, 1904)).toThrow(/year/);
  });

  it("is read from the workbook in one sync: DATE(1904,1,1) is 0 in the 1904 system", async () => {
    const mac = workbookIn(1904);
    expect(await readDateSystem(mac.run)).toBe(1904);
    expect(mac.syncs()).toBe(1);
    expect(await readDateSystem(workbookIn(1900).run)).toBe(1900);
  });

  it("is set for the functions, which recalculate only when it is not the 1900 assumed until then", async () => {
    const recalculate = jest.fn(async () => true);
    expect(await applyWorkbookDateSystem(workbookIn(1900).run, recalculate)).toBe(1900);
    expect(recalculate).not.toHaveBeenCalled();
    expect(await applyWorkbookDateSystem(workbookIn(1904).run, recalculate)).toBe(1904);
    expect(workbook.dateSystem).toBe(1904);
    expect(recalculate).toHaveBeenCalledTimes(1);
  });

  it("is kept when the recalculation after it fails, and the log says formulas may be stale", async () => {
    const log = jest.fn();
    const failing = async () => {
      throw new Error("calculation refused");
    };
    expect(await applyWorkbookDateSystem(workbookIn(1904).run, failing, log)).toBe(1904);
    expect(workbook.dateSystem).toBe(1904);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/1904 date system, but recalculating failed/),
      expect.any(Error),
    );
  });

  it("stays 1900 where it cannot be read, and says so in the log", async () => {
    const log = jest.fn();
    const failing: Run = async () => {
      throw new Error("ExcelApi 1.2 missing");
    };
    expect(await applyWorkbookDateSystem(failing, async () => true, log)).toBeUndefined();
    expect(workbook.dateSystem).toBe(1900);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("1900 system"), expect.any(Error));
  });
});
