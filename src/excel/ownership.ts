/**
 * Which sheets the add-in may write. A sheet is the add-in's only if it carries the worksheet custom
 * property OWNER_KEY (set when the add-in created it) naming its role and the sheet's own id. A
 * sheet's name proves nothing: a user's sheet called "HH 数据" is never touched. Excel copies custom
 * properties with a sheet, so the id is what tells the original from a copy: a copy is the user's.
 */
import { TABLE_NAME, type SheetRole } from "./labels";

export const OWNER_KEY = "HHIndicators.role";

const ROLES: readonly SheetRole[] = ["facts", "sources", "targets", "charts"];

export interface OwnerMark {
  role: SheetRole;
  /** worksheet.id of the sheet the add-in created; absent in marks written before ids were recorded. */
  sheetId?: string;
  /** The add-in's table on the sheet. */
  table?: string;
  /** False while a load is under way or after it was cancelled: the table holds only the rows written. */
  complete?: boolean;
  /**
   * The block written, header included. Excel grows a table as a user types next to it; what it grew
   * into is theirs, so a refresh clears only this much of the table.
   */
  rows?: number;
  columns?: number;
}

export function formatMark(mark: OwnerMark): string {
  return JSON.stringify(mark);
}

/** A mark's value: today's JSON, or an older mark that is just the role. Anything else is no mark. */
export function parseMark(value: string | null | undefined): OwnerMark | null {
  if (!value) return null;
  if (ROLES.includes(value as SheetRole)) return { role: value as SheetRole };
  try {
    const parsed = JSON.parse(value) as Partial<OwnerMark> | null;
    if (!parsed || !ROLES.includes(parsed.role as SheetRole)) return null;
    return {
      role: parsed.role as SheetRole,
      sheetId: typeof parsed.sheetId === "string" ? parsed.sheetId : undefined,
      table: typeof parsed.table === "string" ? parsed.table : undefined,
      complete: typeof parsed.complete === "boolean" ? parsed.complete : undefined,
      rows: typeof parsed.rows === "number" ? parsed.rows : undefined,
      columns: typeof parsed.columns === "number" ? parsed.columns : undefined,
    };
  } catch {
    return null;
  }
}

/** "HH_Facts", or a numbered one the add-in picked when a user's table had the name ("HH_Facts_2"). */
export function isAddinTableName(role: SheetRole, name: string): boolean {
  if (role === "charts") return false;
  return new RegExp(`^${TABLE_NAME[role]}(_\\d+)?$`, "i").test(name);
}

/**
 * The role a sheet is owned in, or null. A mark with an id owns only the sheet with that id (a copy
 * has another); an older mark without one owns the sheet only while the add-in's table is on it.
 */
export function ownedRole(mark: OwnerMark | null, sheetId: string, tablesOnSheet: readonly string[]): SheetRole | null {
  if (!mark) return null;
  if (mark.sheetId !== undefined) return mark.sheetId === sheetId ? mark.role : null;
  return tablesOnSheet.some((t) => isAddinTableName(mark.role, t)) ? mark.role : null;
}

export interface ExistingSheet {
  name: string;
  /** worksheet.id. */
  id?: string;
  /** The role the add-in owns the sheet in (see ownedRole), or null when the sheet is not the add-in's. */
  role: string | null;
}

export interface SheetPlan {
  role: SheetRole;
  name: string;
  /** Create the sheet (no owned sheet of this role exists yet). */
  create: boolean;
  /** The owned sheet's worksheet.id when it exists. */
  id?: string;
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
    if (owned)
      return owned.id === undefined
        ? { role, name: owned.name, create: false }
        : { role, name: owned.name, create: false, id: owned.id };
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

/** A workbook-unique table name (Excel table names ignore case). */
export function freeTableName(preferred: string, taken: readonly string[]): string {
  if (!taken.some((t) => same(t, preferred))) return preferred;
  for (let n = 2; ; n++) {
    const name = `${preferred}_${n}`;
    if (!taken.some((t) => same(t, name))) return name;
  }
}
