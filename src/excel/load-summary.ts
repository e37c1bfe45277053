/**
 * What the pane says after "加载到工作表": the sheets written, any refused (a user inserted something
 * inside the add-in's table), any name avoided, content moved aside, a table that had to be re-created,
 * a cancel.
 */
import { PANE_MESSAGES } from "../core/messages/pane";
import { WORDS } from "../core/messages/words";
import type { Lang } from "./labels";
import type { LoadResult } from "./workbook-writer";

export function describeLoad(result: LoadResult, lang: Lang): string {
  const t = PANE_MESSAGES[lang];
  const names = result.sheets
    .map((sheet) => `「${sheet.name}」${sheet.created ? "" : t.refreshed}`)
    .join(WORDS[lang].listSeparator);
  const written = result.sheets
    .map((sheet) => t.sheetRows(sheet.name, sheet.written, sheet.rows))
    .join(WORDS[lang].listSeparator);
  const sentences = result.cancelled
    ? [
        t.loadCancelled(result.sheets.reduce((n, sheet) => n + sheet.written, 0)),
        ...(result.sheets.length > 0 ? [t.cancelledSheets(written)] : []),
      ]
    : result.sheets.length > 0
      ? [t.loaded(names)]
      : [];
  for (const sheet of result.refused) sentences.push(t.refreshRefused(sheet.name, sheet.table, sheet.change));
  for (const sheet of result.sheets) {
    if (sheet.avoided) sentences.push(t.avoided(sheet.avoided, sheet.name));
    for (const m of sheet.moved) sentences.push(t.movedAside(sheet.name, m.from, m.by, m.shift));
    if (sheet.recreatedTable) sentences.push(t.tableRecreated(sheet.name, sheet.recreatedTable));
  }
  return sentences.join(" ");
}
