/**
 * The dataset bundled into the add-in (built by `npm run build:data`), and this JavaScript
 * runtime's one live dataset. In Excel's shared runtime the custom functions and the task pane run
 * in one runtime, so they answer from the same dataset and see the same swaps.
 *
 * This is the Node side (hh, tests, scripts): the JSON is imported and live from the start. The
 * add-in's webpack build puts ./dataset.web.ts in this module's place, which loads the same file
 * served next to the page, so the task pane's script does not carry it.
 */
import embedded from "../../data/dist/dataset.json";
import { LiveDataset } from "../core/live/dataset";
import { loadedAlready } from "./bundled-dataset";

export const EMBEDDED_DATASET: unknown = embedded;

/** A new LiveDataset holding the bundled dataset. */
export function loadEmbedded(): LiveDataset {
  const dataset = new LiveDataset();
  dataset.swap(EMBEDDED_DATASET, { kind: "embedded", location: "bundled" });
  return dataset;
}

/** The runtime's live dataset: the custom functions read it, the pane and `hh` are handed it. */
export const live = loadEmbedded();

/** Loaded with the module. */
export const bundledDataset = loadedAlready();
