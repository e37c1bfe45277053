/**
 * The add-in's live dataset in the browser, in place of ./dataset.ts (webpack swaps the module): the
 * bundled dataset is fetched from the add-in's own host when the runtime starts, not parsed as part of
 * the script, so the pane paints before it arrives. The browser caches the file (the server's ETag).
 */
import { DatasetHolder } from "../core/live/holder";
import { DATASET_FILE, loadBundled } from "./bundled-dataset";
import type * as NodeSide from "./dataset";

/** The bundled file's content hash, written in by webpack's DefinePlugin at build time. */
declare const BUNDLED_DATASET_HASH: string;

/** Without the schema: the updater's chunk hands it over (./updater.ts), the bundled file is checked by its decoder. */
export const live = new DatasetHolder();

export const bundledDataset = loadBundled(live, {
  expectedHash: BUNDLED_DATASET_HASH,
  fetchText: async () => {
    const url = new URL(DATASET_FILE, document.baseURI);
    // no-cache: revalidated each start (a 304 when unchanged), so a new deploy is never mixed with an old file.
    const response = await fetch(url, { cache: "no-cache" });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${DATASET_FILE}`);
    const text = await response.text();
    // Parsing, indexing and listing the results wait for the pane's first frame.
    await afterFirstPaint();
    return text;
  },
});

/** After the next frame, or 100 ms at most: a hidden pane (shared runtime) may never draw one. */
function afterFirstPaint(): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        done();
      }, 0),
    );
  });
}

/**
 * Whatever imports ./dataset gets this module in the add-in: tsc checks the exports match, `live` as the
 * schema-free holder (the Node side's LiveDataset also swaps raw input; the add-in never does).
 */
export const SAME_EXPORTS: { live: DatasetHolder } & Pick<typeof NodeSide, "bundledDataset"> = {
  live,
  bundledDataset,
};
