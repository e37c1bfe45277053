/**
 * The workbook's date system, read once the runtime starts: Excel hands a date argument (as_of) to the
 * functions as a serial, and a 1904-system workbook's serials are 1,462 days less than the 1900
 * system's, so reading them as 1900 would answer with the figure as known four years earlier.
 * DATE(1904,1,1) is 0 in the 1904 system and 1462 in the 1900 one (Excel.Functions, ExcelApi 1.2).
 */
import type { DateSystem } from "../core/excel-dates";
import type { Run } from "../excel/run";
import { setWorkbookDateSystem } from "../runtime/date-system";

export async function readDateSystem(run: Run): Promise<DateSystem> {
  return run(async (context) => {
    const first = context.workbook.functions.date(1904, 1, 1);
    first.load("value");
    await context.sync();
    return first.value === 0 ? 1904 : 1900;
  });
}

/**
 * Reads the date system and sets it for the functions; when it is not the 1900 assumed until then,
 * recalculates, since formulas computed before it was read may have read a date in the wrong system.
 * Never throws: where it cannot be read, 1900 (Excel's default) stays; each failure is logged as what it is.
 */
export async function applyWorkbookDateSystem(
  run: Run,
  recalculate: () => Promise<unknown>,
  log: (message: string, error?: unknown) => void = console.warn,
): Promise<DateSystem | undefined> {
  let system: DateSystem;
  try {
    system = await readDateSystem(run);
  } catch (error) {
    log("HH Indicators: could not read the workbook's date system; as_of dates are read as the 1900 system.", error);
    return undefined;
  }
  if (setWorkbookDateSystem(system)) {
    try {
      await recalculate();
    } catch (error) {
      log(
        `HH Indicators: the workbook uses the ${system} date system, but recalculating failed: formulas with an as_of date computed before may be stale; press 重算 HH 公式 (Recalculate HH).`,
        error,
      );
    }
  }
  return system;
}
