/**
 * The live dataset, checking what it swaps in with the dataset schema (zod). The add-in's first script
 * uses the zod-free DatasetHolder instead and hands it the schema once its updater loads.
 */
import { parseDataset } from "../schema";
import { DatasetHolder } from "./holder";

export type { DatasetCheck } from "./holder";

export class LiveDataset extends DatasetHolder {
  constructor() {
    super(parseDataset);
  }
}
