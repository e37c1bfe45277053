/** Ribbon commands. In the shared runtime they run inside the task pane page. */
import { recalculateWorkbook } from "../excel/recalculate";

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
