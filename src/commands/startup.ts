/**
 * Load on document open: once the add-in has run in a workbook (the pane opened, a function
 * calculated, a ribbon button pressed all start this runtime), ask Office to load the runtime
 * whenever that workbook opens, so HH formulas compute and the cached published dataset is restored
 * before anyone opens the pane. Needs SharedRuntime 1.1 (the manifest requires it); where Office
 * lacks the API the add-in keeps loading on first use, as before.
 */

/** The slice of Office this needs; tests pass a fake. */
export interface OfficeStartupApi {
  addin?: { setStartupBehavior(behavior: Office.StartupBehavior): Promise<void> };
  StartupBehavior?: { load: Office.StartupBehavior };
}

let requested: Promise<boolean> | undefined;

/**
 * Asks Office once per runtime to load the add-in on document open; resolves whether it was set.
 * Never throws: a host without the API or a refusal is logged and the add-in works as before.
 */
export function loadOnDocumentOpen(
  office: OfficeStartupApi | undefined,
  log: (message: string, error?: unknown) => void = console.warn,
): Promise<boolean> {
  requested ??= (async () => {
    const addin = office?.addin;
    const load = office?.StartupBehavior?.load;
    if (!addin?.setStartupBehavior || load === undefined) {
      log("HH Indicators: this Office has no Office.addin.setStartupBehavior; the add-in loads on first use.");
      return false;
    }
    try {
      await addin.setStartupBehavior(load);
      return true;
    } catch (error) {
      log("HH Indicators: Office refused to load the add-in on document open; it loads on first use.", error);
      return false;
    }
  })();
  return requested;
}

/** For tests: forget that the request was made. */
export function resetLoadOnDocumentOpen(): void {
  requested = undefined;
}
