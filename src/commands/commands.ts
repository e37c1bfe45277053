/** Ribbon commands. In the shared runtime they run inside the task pane page. */
import { recalculateWorkbook } from "../excel/recalculate";
import { excelRun } from "../excel/run";
import { applyWorkbookDateSystem } from "./date-system";
import { loadOnDocumentOpen } from "./startup";

async function recalculateHH(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await recalculateWorkbook();
  } finally {
    event.completed();
  }
}

/**
 * Registers the ribbon actions once Office is ready, reads the workbook's date system (for as_of), and
 * asks for the runtime to load with the workbook from now on (this module runs in the shared runtime whichever way it started); does
 * nothing outside Office.
 */
export function registerCommands(): void {
  if (typeof Office === "undefined") return;
  void Office.onReady((info) => {
    Office.actions?.associate("recalculateHH", recalculateHH);
    // Not in the browser preview (Office.js present, no host): nothing to load there.
    if (info?.host === Office.HostType.Excel) {
      void loadOnDocumentOpen(Office);
      void applyWorkbookDateSystem(excelRun, recalculateWorkbook);
    }
  });
}
