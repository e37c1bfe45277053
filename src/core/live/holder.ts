/**
 * The dataset the add-in answers from right now, without the schema: swapping is atomic, a new store is
 * built and validated completely before it replaces the old one, so a bad dataset never becomes live.
 * The check of raw input is handed in (the zod schema), so the task pane's first script, which only
 * swaps in the build-checked bundled dataset, need not carry zod; LiveDataset (./dataset) brings it.
 */
import type { Dataset } from "../model";
import { IndicatorStore, type DatasetOrigin } from "../store";

type Listener = (store: IndicatorStore, previous: IndicatorStore | undefined) => void;

/** Validates raw input as a dataset, throwing DatasetError when it is not one. */
export type DatasetCheck = (input: unknown) => Dataset;

export class DatasetHolder {
  private current: IndicatorStore | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(private check?: DatasetCheck) {}

  /** Sets the check `swap` uses, where it is loaded after the holder (the add-in's updater chunk). */
  checkWith(check: DatasetCheck): void {
    this.check = check;
  }

  /** The live store; throws if nothing was loaded yet (the embedded dataset loads at start-up). */
  get store(): IndicatorStore {
    if (!this.current) throw new Error("dataset not loaded");
    return this.current;
  }

  get loaded(): boolean {
    return this.current !== undefined;
  }

  /** Validates `input` and makes it live. Throws DatasetError and keeps the old one when invalid. */
  swap(input: unknown, origin: DatasetOrigin): IndicatorStore {
    if (!this.check) throw new Error("dataset check not loaded: nothing swapped");
    const dataset = this.check(input);
    return this.swapValidated(new IndicatorStore(dataset, origin));
  }

  /** Makes live a store over a dataset validated already (the add-in's own, checked by its build). */
  swapValidated(next: IndicatorStore): IndicatorStore {
    const previous = this.current;
    this.current = next;
    for (const listener of this.listeners) listener(next, previous);
    return next;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
