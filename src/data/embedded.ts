/** The dataset bundled into the add-in (built by `npm run build:data`), and the add-in's live holder. */
import embedded from "../../data/dist/dataset.json";
import { LiveDataset } from "../core/live";

export const EMBEDDED_DATASET: unknown = embedded;

/** One live dataset per JavaScript runtime; the shared runtime makes it one for functions and pane. */
export const live = new LiveDataset();
live.swap(EMBEDDED_DATASET, { kind: "embedded", location: "bundled" });
