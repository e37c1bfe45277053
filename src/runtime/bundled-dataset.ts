/**
 * The dataset served with the add-in, loaded after the first paint instead of being parsed inside the
 * task pane's script. The file name and the decode step are here once each, so switching the file's
 * format changes one constant and one call.
 *
 * The file is the compact wire format (src/core/wire.ts), decoded with its column checks rather than zod
 * per object; webpack bakes the dataset's content hash into the script, and the loader refuses a file
 * whose hash is not that one (a stale cached copy, a file from another deploy).
 */
import type { DatasetHolder } from "../core/live/holder";
import { IndicatorStore } from "../core/store";
import type { Dataset } from "../core/model";

/** Where the file is, relative to the page: the compact format (webpack copies data/dist/dataset.hhc.json there). */
export const DATASET_FILE = "data/dataset.hhc.json";

/**
 * Text of the file to a dataset, or why not. The compact decoder checks every column as strictly as the
 * schema (cheap: one pass per column), so even a file with the right hash cannot hand over a malformed row.
 */
export async function decodeDatasetFile(text: string): Promise<{ dataset: Dataset } | { problem: string }> {
  try {
    // The decoder and the zod row schemas it uses load apart from the pane's first script.
    const { decodeDatasetText } = await import(/* webpackChunkName: "wire" */ "../core/wire");
    return { dataset: decodeDatasetText(text) };
  } catch (error) {
    return { problem: `${DATASET_FILE}: ${(error as Error).message}` };
  }
}

export type DatasetState = { status: "loading" } | { status: "ready" } | { status: "failed"; detail: string };

/** The bundled dataset's progress: the pane shows it, the custom functions wait on it. */
export interface DatasetLoading {
  readonly state: DatasetState;
  /** Resolves (never rejects) once the dataset is live or has failed to load. */
  readonly settled: Promise<void>;
  subscribe(listener: () => void): () => void;
}

/** Already settled: where the dataset is in memory from the start (Node, the CLI, tests). */
export function loadedAlready(): DatasetLoading {
  return { state: { status: "ready" }, settled: Promise.resolve(), subscribe: () => () => undefined };
}

export interface BundledSource {
  /** The file's text; rejects on a network error or a status other than 2xx. */
  fetchText: () => Promise<string>;
  /** The hash the build wrote into the script, when it did; a file with another one is refused. */
  expectedHash?: string;
}

/** Loads the bundled dataset into `live` once; a published one already swapped in is not replaced. */
export function loadBundled(live: DatasetHolder, source: BundledSource): DatasetLoading {
  let state: DatasetState = { status: "loading" };
  const listeners = new Set<() => void>();
  const settle = (next: DatasetState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const settled = source
    .fetchText()
    .then(async (text) => {
      const decoded = await decodeDatasetFile(text);
      if ("problem" in decoded) return settle({ status: "failed", detail: decoded.problem });
      const { hash } = decoded.dataset;
      if (source.expectedHash && hash !== source.expectedHash)
        return settle({
          status: "failed",
          detail: `${DATASET_FILE}: hash ${hash.slice(0, 12)} ≠ ${source.expectedHash.slice(0, 12)}`,
        });
      // The updater may have restored a published dataset meanwhile; that one stays.
      if (!live.loaded)
        live.swapValidated(new IndicatorStore(decoded.dataset, { kind: "embedded", location: "bundled" }));
      settle({ status: "ready" });
    })
    .catch((error: unknown) => settle({ status: "failed", detail: String((error as Error)?.message ?? error) }));
  return {
    get state() {
      return state;
    },
    settled,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
