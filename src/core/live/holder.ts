/**
 * The dataset the add-in answers from right now, without the schema: swapping is atomic, and only a
 * store over a dataset validated already goes live (the build-checked bundled file, a published one
 * its decoder and integrity check accepted), so the task pane's first script need not carry zod.
 * LiveDataset (./dataset) adds `swap`, which validates raw input with the schema first.
 */
import type { IndicatorStore } from "../store";

type Listener = (store: IndicatorStore, previous: IndicatorStore | undefined) => void;

export class DatasetHolder {
  private current: IndicatorStore | undefined;
  private readonly listeners = new Set<Listener>();

  /** The live store; throws if nothing was loaded yet (the embedded dataset loads at start-up). */
  get store(): IndicatorStore {
    if (!this.current) throw new Error("dataset not loaded");
    return this.current;
  }

  get loaded(): boolean {
    return this.current !== undefined;
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
