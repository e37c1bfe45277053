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
  /**
   * Prints (rowPrint) of the header and of the table's last row as written. A refresh reads them back:
   * if the header is not at the first `columns` columns, or a longer table's row `rows` is not the
   * add-in's last, a user inserted something inside the table, and the block is not where it was.
   */
  header?: string;
  last?: string;
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
      header: typeof parsed.header === "string" ? parsed.header : undefined,
      last: typeof parsed.last === "string" ? parsed.last : undefined,
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

/**
 * A short print of a row as written or as read back with range.formulas, kept in the mark (a few
 * characters, not the row). Read back is not written: the apostrophe that keeps text text is gone,
 * Excel keeps 15 significant digits and may respell a formula, so those are compared loosely.
 */
export function rowPrint(cells: readonly unknown[]): string {
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (const cell of cells) {
    const key = `${cellKey(cell)}\u0000`;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

function cellKey(cell: unknown): string {
  if (typeof cell === "number") return `n${Number(cell.toPrecision(12))}`;
  if (typeof cell === "boolean") return cell ? "bTRUE" : "bFALSE";
  if (cell === null || cell === undefined) return "s";
  const text = String(cell).replace(/^'/, "");
  if (/^(TRUE|FALSE)$/i.test(text)) return `b${text.toUpperCase()}`;
  return text.startsWith("=") ? "f" : `s${text}`;
}

/** What a user changed inside the add-in's table that makes its block's place unknown. */
export type LayoutChange = "columns" | "rows";

/**
 * Whether the add-in's block is still where the mark says: `header` is the table's first
 * mark.columns header cells, `last` its row mark.rows (header included) when the table is longer, both
 * read with range.formulas. A column inserted, deleted, renamed or moved among the add-in's changes
 * the header; a row inserted inside the table moves the add-in's last row down. Rows a user typed right
 * under the table (Excel grew it over them) change neither. Marks without prints: only a table no
 * wider and no longer than the block passes.
 */
export function layoutChange(
  table: { rows: number; columns: number },
  mark: OwnerMark,
  header: readonly unknown[] | undefined,
  last: readonly unknown[] | undefined,
): LayoutChange | null {
  if (mark.rows === undefined || mark.columns === undefined) return null;
  const columnsKept =
    mark.header !== undefined
      ? header !== undefined && rowPrint(header) === mark.header
      : table.columns <= mark.columns;
  if (!columnsKept) return "columns";
  const rowsKept =
    table.rows <= mark.rows || (mark.last !== undefined && last !== undefined && rowPrint(last) === mark.last);
  return rowsKept ? null : "rows";
}
