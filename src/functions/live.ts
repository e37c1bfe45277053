/**
 * The dataset the custom functions answer from: the runtime's one (src/runtime/dataset.ts), which
 * the task pane shares in Excel's shared runtime. Excel calls the functions with cell arguments
 * only, so the dataset cannot be passed in; an engine that evaluates synchronously (`hh eval`'s
 * HyperFormula) can bind another one around an evaluation.
 */
import type { LiveDataset } from "../core/live/dataset";
import type { IndicatorStore } from "../core/store";
import { live as runtimeLive } from "../runtime/dataset";

let bound: LiveDataset = runtimeLive;

/** `live.store` is the store the functions answer from right now. */
export const live: { readonly store: IndicatorStore } = {
  get store() {
    return bound.store;
  },
};

/** Runs `evaluate` with the functions answering from `dataset`, then returns to the one bound before. */
export function answeringFrom<T>(dataset: LiveDataset, evaluate: () => T): T {
  const previous = bound;
  bound = dataset;
  try {
    return evaluate();
  } finally {
    bound = previous;
  }
}
