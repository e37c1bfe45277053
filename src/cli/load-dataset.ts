/**
 * Loads a dataset from a file or URL for `hh eval --dataset`. A URL goes through the add-in's own
 * check (URL policy, timeout, size limit, JSON, schema), so the CLI refuses exactly what the
 * add-in refuses, with the same sentence. A file gets the same size limit and validation.
 */
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import {
  checkPublished,
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  describeRejection,
  formatReason,
  acceptDatasetText,
} from "../core/live";
import type { Dataset } from "../core/schema";
import type { DatasetOrigin } from "../core/store";
import { systemClock, webSha256Hex } from "../runtime/platform";

export type Loaded = { ok: true; dataset: Dataset; origin: DatasetOrigin } | { ok: false; reason: string };

export interface LoadOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

export async function loadDatasetFrom(location: string, options: LoadOptions = {}): Promise<Loaded> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    // The user named this dataset explicitly, so an older one is allowed; everything else is checked as in the add-in.
    const result = await checkPublished({
      url: location,
      fetch: fetch,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes,
      allowOlder: true,
      clock: systemClock,
      sha256Hex: webSha256Hex,
    });
    if (result.status === "rejected") return { ok: false, reason: formatReason(result.reason) };
    if (result.status === "not-modified") throw new Error("unreachable: no etag or current dataset was given");
    return { ok: true, dataset: result.dataset, origin: { kind: "published", location } };
  }
  const path = resolve(location);
  try {
    const info = await stat(path);
    if (info.size > maxBytes) {
      const limit = `${+(maxBytes / 1024 / 1024).toFixed(1)} MB`;
      return { ok: false, reason: formatReason(describeRejection("too-large", { limit })) };
    }
    const parsed = await acceptDatasetText(await readFile(path, "utf8"), {
      now: systemClock.now(),
      sha256Hex: webSha256Hex,
    });
    if (!parsed.ok) return { ok: false, reason: formatReason(describeRejection(parsed.code, parsed.detail)) };
    return { ok: true, dataset: parsed.dataset, origin: { kind: "file", location: path } };
  } catch (error) {
    return {
      ok: false,
      reason: `无法读取文件 cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    };
  }
}
