/**
 * The cache policy: the last good published dataset is kept in storage so that a restart offline
 * still answers from it. It comes back only when it is valid, was fetched from the URL in the
 * settings, and is newer than the live dataset; a broken cache is dropped.
 */
import { contentProblem } from "../integrity";
import type { DatasetHolder } from "./holder";
import type { Dataset } from "../schema";
import { datasetFromJson, encodeDatasetObject } from "../wire";
import type { DiffSummary } from "./summary";
import { compareToLive } from "./version";

/** The storage key the cache is kept under. */
export const CACHE_KEY = "hh.live.cache";

export interface CacheRecord {
  v: 1;
  url: string;
  etag?: string;
  savedAt: string;
  /** The dataset, compact (wire.ts) since it was introduced; plain JSON in older caches. */
  dataset: unknown;
  diff?: DiffSummary;
}

/** The text stored after a good update; the dataset in the compact format, a fraction of the JSON's size. */
export function cacheText(entry: Omit<CacheRecord, "v" | "dataset"> & { dataset: Dataset }): string {
  const { url, etag, savedAt, dataset, diff } = entry;
  return JSON.stringify({
    v: 1,
    url,
    etag,
    savedAt,
    dataset: encodeDatasetObject(dataset),
    diff,
  } satisfies CacheRecord);
}

/** The stored text with a renewed ETag (a 304 may carry a new one); undefined when the text is unreadable. */
export function cacheTextWithEtag(text: string, etag: string): string | undefined {
  try {
    const record = JSON.parse(text) as CacheRecord;
    return JSON.stringify({ ...record, etag });
  } catch {
    return undefined;
  }
}

export type CacheDecision =
  | { restore: true; record: CacheRecord; dataset: Dataset }
  | { restore: false; /** The cache is broken: remove it. */ drop: boolean };

/** Whether the cached text should replace what `live` holds for the settings' `url`. */
export function decideRestore(text: string, url: string, live: DatasetHolder, now: Date): CacheDecision {
  let record: CacheRecord;
  try {
    record = JSON.parse(text) as CacheRecord;
  } catch {
    return { restore: false, drop: true };
  }
  if (typeof record !== "object" || record === null) return { restore: false, drop: true };
  if (record.url !== url) return { restore: false, drop: false };
  // Both formats carry hash and builtAt at the top: a cache no newer than what is live (a redeploy with
  // the same dataset, say) is kept without decoding it at every start. A newer one is checked in full.
  const header = record.dataset as Partial<Pick<Dataset, "hash" | "builtAt">> | null;
  if (
    live.loaded &&
    typeof header?.hash === "string" &&
    typeof header.builtAt === "string" &&
    compareToLive({ hash: header.hash, builtAt: header.builtAt }, live.store.dataset) !== "newer"
  )
    return { restore: false, drop: false };
  let dataset: Dataset;
  try {
    dataset = datasetFromJson(record.dataset);
  } catch {
    return { restore: false, drop: true };
  }
  // A copy dated in the future (or with values that contradict their figures) would block every genuine update.
  if (contentProblem(dataset, now)) return { restore: false, drop: true };
  if (live.loaded && compareToLive(dataset, live.store.dataset) !== "newer") return { restore: false, drop: false };
  return { restore: true, record, dataset };
}
