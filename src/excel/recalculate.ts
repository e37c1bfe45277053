/** Recalculation of HH formulas: used after a dataset swap and by the ribbon's "重算 HH 公式" button. */

/**
 * Makes Excel re-run every HH formula after a swap. Our functions are non-volatile and read the
 * in-memory dataset, so Excel has no way to know their inputs changed. Options considered:
 * - CalculationType.recalculate (F9) only runs dirty cells; non-volatile custom functions are not
 *   dirty, so they would keep the old figures.
 * - Volatile functions would re-run on every edit anywhere in the workbook, forever.
 * - Streaming functions would need every function rewritten around invocation handlers.
 * - Rewriting the HH formulas to dirty them would touch user content and the undo stack.
 * - CalculationType.full (ExcelApi 1.1, Ctrl+Alt+F9) marks every cell dirty and recalculates,
 *   custom functions included, and also runs in Manual calculation mode. It costs one full
 *   recalculation, which we only ask for when the figures really changed. fullRebuild is not
 *   needed: the dependency tree is unchanged.
 * Outside Excel (browser preview) there is nothing to recalculate.
 */
export async function recalculateWorkbook(): Promise<boolean> {
  if (typeof Office === "undefined" || typeof Excel === "undefined") return false;
  if (Office.context?.host !== Office.HostType.Excel) return false;
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
  return true;
}
