/** The add-in's live updater, wired to this runtime: its storage, fetch and clock, and Excel's recalculation. */
import type { KeyValueStorage } from "../core/live/ports";
import type { DatasetHolder } from "../core/live/holder";
import { LiveUpdater } from "../core/live/updater";
import { recalculateWorkbook } from "../excel/recalculate";
import { runtimeFetch, systemClock, webSha256Hex, yieldToHost } from "./platform";
import { detectStorage } from "./storage";

/**
 * Builds the updater for `live` over the runtime's settings storage. Call it once, after Office is
 * ready (storage detection needs OfficeRuntime).
 */
export function createLiveUpdater(live: DatasetHolder, storage: KeyValueStorage = detectStorage()): LiveUpdater {
  return new LiveUpdater({
    live,
    storage,
    fetch: runtimeFetch,
    recalculate: recalculateWorkbook,
    clock: systemClock,
    sha256Hex: webSha256Hex,
    pause: yieldToHost,
  });
}
