/** Ribbon commands. In the shared runtime they run inside the task pane page. */

/**
 * Recalculates every formula in the workbook, HH custom functions included. Excel recalculates a
 * non-volatile custom function only when its inputs change, so after the dataset changes a full
 * calculation is the supported way to refresh them all.
 */
export async function recalculateWorkbook(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}

async function recalculateHH(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await recalculateWorkbook();
  } finally {
    event.completed();
  }
}

/** Registers the ribbon actions once Office is ready; does nothing outside Office. */
export function registerCommands(): void {
  if (typeof Office === "undefined") return;
  void Office.onReady(() => {
    Office.actions?.associate("recalculateHH", recalculateHH);
  });
}
