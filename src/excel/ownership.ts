/**
 * Which sheets the add-in may write. A sheet is the add-in's only if it carries the worksheet custom
 * property OWNER_KEY (set when the add-in created it; value = its role). A sheet's name proves
 * nothing: a user's sheet called "HH 数据" is never touched, the add-in picks another name.
 */
import type { SheetRole } from "./labels";

export const OWNER_KEY = "HHIndicators.role";

export interface ExistingSheet {
  name: string;
  /** The OWNER_KEY property, or null when the sheet is not the add-in's. */
  role: string | null;
}

export interface SheetPlan {
  role: SheetRole;
  name: string;
  /** Create the sheet (no owned sheet of this role exists yet). */
  create: boolean;
  /** The preferred name was taken by a sheet the add-in does not own. */
  avoided?: string;
}

const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase(); // sheet names ignore case

export function planSheets(
  existing: readonly ExistingSheet[],
  wanted: ReadonlyArray<{ role: SheetRole; preferred: string }>,
): SheetPlan[] {
  const taken = existing.map((s) => s.name);
  return wanted.map(({ role, preferred }) => {
    const owned = existing.find((s) => s.role === role);
    if (owned) return { role, name: owned.name, create: false };
    const name = freeName(preferred, taken);
    taken.push(name);
    const blocker = existing.find((s) => same(s.name, preferred));
    return blocker && blocker.role === null
      ? { role, name, create: true, avoided: preferred }
      : { role, name, create: true };
  });
}

/** "HH 数据", else "HH 数据 (2)", "HH 数据 (3)" … within Excel's 31-character limit. */
export function freeName(preferred: string, taken: readonly string[]): string {
  const free = (name: string) => !taken.some((t) => same(t, name));
  if (free(preferred)) return preferred;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = preferred.slice(0, 31 - suffix.length) + suffix;
    if (free(name)) return name;
  }
}

/** A workbook-unique table name: tables on sheets being refreshed are deleted first, so their names are free. */
export function freeTableName(
  preferred: string,
  existing: ReadonlyArray<{ name: string; sheet: string }>,
  refreshed: readonly string[],
): string {
  const taken = existing.filter((t) => !refreshed.some((s) => same(s, t.sheet))).map((t) => t.name);
  if (!taken.some((t) => same(t, preferred))) return preferred;
  for (let n = 2; ; n++) {
    const name = `${preferred}_${n}`;
    if (!taken.some((t) => same(t, name))) return name;
  }
}
