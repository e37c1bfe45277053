/**
 * Where a refreshed block may write. The add-in knows its previous block from its table, never from
 * the used range: everything else on an owned sheet is the user's. When the new block is larger, the
 * cells it grows into are checked, and whatever the user put there is moved aside (Excel's insert,
 * which carries formulas, tables and charts along) before anything is written.
 */

export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Cells the new block grows into; inserting this rectangle with `shift` moves what is there out of the way. */
export interface Band extends Rect {
  shift: "down" | "right";
}

const overlapsColumns = (a: Rect, b: Rect) => a.column < b.column + b.columns && b.column < a.column + a.columns;
const reachesRow = (table: Rect, row: number) => table.row + table.rows > row;

/**
 * The bands a block of `next` rows × columns grows into from `previous` (the add-in's old block, null
 * when there is none: then the whole area plus one blank row is a band). A band shifting down widens
 * to the full width of any user table it meets below, since Excel refuses to shift part of a table.
 */
export function growthBands(previous: Rect | null, next: Rect, userTables: readonly Rect[] = []): Band[] {
  if (!previous) return [{ ...next, rows: next.rows + 1, shift: "down" }];
  const bands: Band[] = [];
  if (next.rows > previous.rows) {
    const band: Band = {
      row: next.row + previous.rows,
      column: next.column,
      rows: next.rows - previous.rows,
      columns: next.columns,
      shift: "down",
    };
    for (let changed = true; changed;) {
      changed = false;
      for (const table of userTables) {
        if (!reachesRow(table, band.row) || !overlapsColumns(table, band)) continue;
        const left = Math.min(band.column, table.column);
        const right = Math.max(band.column + band.columns, table.column + table.columns);
        if (left !== band.column || right - left !== band.columns) {
          band.column = left;
          band.columns = right - left;
          changed = true;
        }
      }
    }
    bands.push(band);
  }
  if (next.columns > previous.columns) {
    bands.push({
      row: next.row,
      column: next.column + previous.columns,
      rows: Math.min(previous.rows, next.rows),
      columns: next.columns - previous.columns,
      shift: "right",
    });
  }
  return bands;
}
