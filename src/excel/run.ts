/** How the add-in reaches the workbook, apart from the sheet writers so the pane's first script can hold it. */

/** Excel.run, or a mock of it in tests. */
export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export const excelRun: Run = (batch) => Excel.run(batch);
