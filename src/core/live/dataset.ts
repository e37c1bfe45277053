/**
 * The dataset the add-in answers from right now. Swapping is atomic: a new store is built and
 * validated completely before it replaces the old one, so a bad dataset never becomes live.
 */
import { parseDataset, type Dataset } from "../schema";
import { IndicatorStore, type DatasetOrigin } from "../store";

type Listener = (store: IndicatorStore, previous: IndicatorStore | undefined) => void;

export class LiveDataset {
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

  /** Validates `input` and makes it live. Throws DatasetError and keeps the old one when invalid. */
  swap(input: unknown, origin: DatasetOrigin): IndicatorStore {
    const dataset: Dataset = parseDataset(input);
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
