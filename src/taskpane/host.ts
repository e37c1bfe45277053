/**
 * Where the pane runs: inside Excel, or a plain browser (preview). Office.js comes from a script tag;
 * in a browser Office.onReady resolves with host null, and if the script failed Office is undefined.
 */
import { excelRun, type Run } from "../excel/run";

export interface HostInfo {
  excel: boolean;
  displayLanguage?: string;
  /** Whether an ExcelApi requirement set is available (always false in preview). */
  supports: (version: string) => boolean;
}

export const PREVIEW: HostInfo = { excel: false, supports: () => false };

export async function detectHost(timeoutMs = 4000): Promise<HostInfo> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return PREVIEW;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    if (!info || info.host !== office.HostType.Excel) return PREVIEW;
    return {
      excel: true,
      displayLanguage: office.context?.displayLanguage,
      supports: (version) => Boolean(office.context?.requirements?.isSetSupported("ExcelApi", version)),
    };
  } catch {
    return PREVIEW;
  }
}

/** What a sheet action needs: Excel, and the API version it uses. */
export interface SheetAccess {
  run: Run;
  /** Empty when the action can run; else one line saying why not. */
  reason: (version: string) => string;
}

export function sheetAccess(
  host: HostInfo,
  strings: { previewReason: string; apiReason: (v: string) => string },
  run: Run = excelRun,
): SheetAccess {
  return {
    run,
    reason: (version) =>
      !host.excel ? strings.previewReason : host.supports(version) ? "" : strings.apiReason(version),
  };
}

/**
 * API versions the actions use (custom properties for ownership need 1.12). Resizing a table in place
 * (1.13) is optional: without it a refresh that changes a table's size re-creates it, and says so.
 */
export const API = {
  load: "1.12",
  resizeTable: "1.13",
  chart: "1.12",
  formula: "1.4",
  block: "1.6",
  read: "1.4",
} as const;
