/**
 * The date system of the workbook this runtime serves: Excel passes a date argument (as_of) to the
 * functions as a serial of it, and the sheet writers write dates as serials of it. Read from the
 * workbook at start-up (src/commands/date-system.ts); 1900, Excel's default, until then and outside Excel.
 */
import type { DateSystem } from "../core/excel-dates";

let dateSystem: DateSystem = 1900;

/**
 * The workbook's date system (see above).
 */
export const workbook: { readonly dateSystem: DateSystem } = {
  get dateSystem() {
    return dateSystem;
  },
};

/** Sets the workbook's date system; true when it changed (formulas with a date argument need recalculating). */
export function setWorkbookDateSystem(system: DateSystem): boolean {
  const changed = system !== dateSystem;
  dateSystem = system;
  return changed;
}

/** Runs `evaluate` with the functions reading dates in `system`, then returns to the one set before. */
export function inDateSystem<T>(system: DateSystem, evaluate: () => T): T {
  const previous = dateSystem;
  dateSystem = system;
  try {
    return evaluate();
  } finally {
    dateSystem = previous;
  }
}
