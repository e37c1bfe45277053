/**
 * The live dataset, checking what it swaps in with the dataset schema (zod): where raw input becomes
 * live (Node, tests). The add-in's scripts use the zod-free DatasetHolder, which takes validated stores only.
 */
import { parseDataset } from "../schema";
import { IndicatorStore, type DatasetOrigin } from "../store";
import { DatasetHolder } from "./holder";

export class LiveDataset extends DatasetHolder {
  /** Validates `input` and makes it live. Throws DatasetError and keeps the old one when invalid. */
  swap(input: unknown, origin: DatasetOrigin): IndicatorStore {
    return this.swapValidated(new IndicatorStore(parseDataset(input), origin));
  }
}
