/**
 * The dataset the custom functions answer from: the runtime's one (src/runtime/dataset.ts), which
 * the task pane shares in Excel's shared runtime. Excel calls the functions with cell arguments
 * only, so the dataset cannot be passed in; an engine that evaluates synchronously (`hh eval`'s
 * HyperFormula) can bind another one around an evaluation.
 */
import { notFound } from "../core/errors";
import type { DatasetHolder } from "../core/live/holder";
import type { IndicatorStore } from "../core/store";
import { bundledDataset, live as runtimeLive } from "../runtime/dataset";
import { excelResult } from "./excel-errors";

let bound: DatasetHolder = runtimeLive;

/** `live.store` is the store the functions answer from right now. */
export const live: { readonly store: IndicatorStore } = {
  get store() {
    return bound.store;
  },
};

/** Runs `evaluate` with the functions answering from `dataset`, then returns to the one bound before. */
export function answeringFrom<T>(dataset: DatasetHolder, evaluate: () => T): T {
  const previous = bound;
  bound = dataset;
  try {
    return evaluate();
  } finally {
    bound = previous;
  }
}

/**
 * A lookup's answer, as excelResult gives it, once there is a dataset to look in: at once when it is
 * loaded, else a promise Excel waits on while the add-in's dataset file loads (the declared type stays
 * T for the metadata generator, as with excelResult). If the file cannot be loaded: #N/A saying so.
 */
export function lookup<T>(compute: () => T): T {
  if (bound.loaded) return excelResult(compute);
  const answer = () =>
    excelResult(() => {
      const state = bundledDataset.state;
      if (!bound.loaded)
        throw notFound("datasetUnavailable", { detail: state.status === "failed" ? state.detail : state.status });
      return compute();
    });
  if (bundledDataset.state.status !== "loading") return answer();
  return bundledDataset.settled.then(answer) as unknown as T;
}
