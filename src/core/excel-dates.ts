/**
 * Excel date serials in either of a workbook's date systems. In the 1900 system (Windows' default) day
 * 0 is 1899-12-30 for every serial after the phantom 1900-02-29 (serial 60); in the 1904 system (old
 * Mac workbooks, and any workbook set so) day 0 is 1904-01-01, so the same date is 1,462 days less.
 * Reading one system's serial in the other moves a date by four years.
 */
export type DateSystem = 1900 | 1904;

const DAY_MS = 86_400_000;
const EPOCH_MS: Record<DateSystem, number> = { 1900: Date.UTC(1899, 11, 30), 1904: Date.UTC(1904, 0, 1) };
/**
 * The first serial read as a date: 1900-03-01 (61) in the 1900 system, 1904-01-02 (1) in 1904, so 0 (an
 * empty cell's value) is refused alike in both.
 */
export const FIRST_SERIAL: Record<DateSystem, number> = { 1900: 61, 1904: 1 };
/** 9999-12-31, Excel's last date. */
export const LAST_SERIAL: Record<DateSystem, number> = { 1900: 2_958_465, 1904: 2_957_003 };

/** A serial's date as YYYY-MM-DD (a time of day is ignored). */
export function serialToIso(serial: number, system: DateSystem): string {
  return new Date(EPOCH_MS[system] + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date's serial. */
export function isoToSerial(iso: string, system: DateSystem): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_MS[system]) / DAY_MS);
}
