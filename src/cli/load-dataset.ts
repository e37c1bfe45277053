/** Loads a dataset from a file or URL for `hh eval --dataset`, validated with the build's schema. */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseDataset, type Dataset } from "../core/schema";
import type { DatasetOrigin } from "../core/store";

export type Loaded = { ok: true; dataset: Dataset; origin: DatasetOrigin } | { ok: false; reason: string };

export async function loadDatasetFrom(location: string): Promise<Loaded> {
  try {
    if (/^https?:\/\//i.test(location)) {
      const response = await fetch(location, { signal: AbortSignal.timeout(15000) });
      if (!response.ok) return { ok: false, reason: `HTTP ${response.status} from ${location}` };
      const dataset = parseDataset(JSON.parse(await response.text()));
      return { ok: true, dataset, origin: { kind: "published", location } };
    }
    const path = resolve(location);
    const dataset = parseDataset(JSON.parse(await readFile(path, "utf8")));
    return { ok: true, dataset, origin: { kind: "file", location: path } };
  } catch (error) {
    return { ok: false, reason: (error as Error).message.split("\n")[0] };
  }
}
