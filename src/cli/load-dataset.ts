/**
 * Loads a dataset from a file or URL for `hh eval --dataset`. A URL goes through the add-in's own
 * check (URL policy, timeout, size limit, JSON, schema), so the CLI refuses exactly what the
 * add-in refuses, with the same sentence. A file gets the same size limit, deadline and validation,
 * whatever kind of file it is.
 */
import { constants } from "node:fs";
import { open, stat, type FileHandle } from "node:fs/promises";
import { resolve } from "node:path";
import {
  checkPublished,
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  describeRejection,
  formatBytes,
  formatReason,
  acceptDatasetText,
  type RejectCode,
} from "../core/live";
import { withoutBom } from "../core/live/text";
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
    if (result.status === "rejected")
      return { ok: false, reason: formatReason(describeRejection(result.code, result.values, "unanswered")) };
    if (result.status === "not-modified") throw new Error("unreachable: no etag or current dataset was given");
    return { ok: true, dataset: result.dataset, origin: { kind: "published", location } };
  }
  const path = resolve(location);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const refuse = (code: RejectCode, detail: Record<string, string | number> = {}): Loaded => ({
    ok: false,
    reason: formatReason(describeRejection(code, { path, ...detail }, "unanswered")),
  });
  let read: FileRead;
  try {
    read = await readCapped(path, maxBytes, timeoutMs);
  } catch (error) {
    return refuse("unreadable", { code: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  if (!read.ok) return refuse(read.code, read.detail);
  let text: string;
  try {
    text = withoutBom(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(read.bytes));
  } catch {
    return refuse("not-json");
  }
  const parsed = await acceptDatasetText(text, { now: systemClock.now(), sha256Hex: webSha256Hex });
  if (!parsed.ok)
    return { ok: false, reason: formatReason(describeRejection(parsed.code, parsed.detail, "unanswered")) };
  return { ok: true, dataset: parsed.dataset, origin: { kind: "file", location: path } };
}

type FileRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; code: "not-a-file" | "too-large" | "file-timeout"; detail: Record<string, string | number> };

/** How often an open pipe with nothing to read yet is polled. */
const PIPE_POLL_MS = 20;

/**
 * The file's bytes, read in chunks with a byte cap and one deadline, whatever the file is. Its size
 * is not trusted (/dev/zero and /proc files say 0; a file may grow while read). A FIFO (or
 * `<(command)`) is opened non-blocking, so a pipe with no writer cannot hang the open itself; folders
 * and devices are refused before opening.
 */
async function readCapped(path: string, maxBytes: number, timeoutMs: number): Promise<FileRead> {
  const info = await stat(path);
  if (info.isDirectory()) return { ok: false, code: "not-a-file", detail: { kind: "folder" } };
  const pipe = info.isFIFO();
  if (!info.isFile() && !pipe) return { ok: false, code: "not-a-file", detail: { kind: "device" } };
  const tooLarge = {
    ok: false,
    code: "too-large",
    detail: { limit: formatBytes(maxBytes) },
  } as const;
  if (info.size > maxBytes) return tooLarge;

  const handle = await open(path, constants.O_RDONLY | (pipe ? constants.O_NONBLOCK : 0));
  const chunks: Uint8Array[] = [];
  let total = 0;
  const seconds = +(timeoutMs / 1000).toFixed(1);
  type TimedOut = { ok: false; code: "file-timeout"; detail: { seconds: number; received: string } };
  const timedOut = (): TimedOut => ({
    ok: false,
    code: "file-timeout",
    detail: { seconds, received: pipe && total === 0 ? "nothing" : "part" },
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timeout">((done) => (timer = setTimeout(() => done("timeout"), timeoutMs)));
  try {
    const buffer = new Uint8Array(64 * 1024);
    for (;;) {
      // Raced against the deadline: a read that never returns (a hung network file system) still ends.
      const next = await Promise.race([nextChunk(handle, buffer), deadline]);
      if (next === "timeout") return timedOut();
      if (next === "wait" || (next === 0 && pipe && total === 0)) {
        // An empty pipe, or one no writer has opened yet (non-blocking reads then say 0): wait for bytes.
        if ((await Promise.race([sleep(PIPE_POLL_MS), deadline])) === "timeout") return timedOut();
        continue;
      }
      if (next === 0) break;
      total += next;
      if (total > maxBytes) return tooLarge;
      chunks.push(buffer.slice(0, next));
    }
  } finally {
    clearTimeout(timer);
    await handle.close().catch(() => undefined);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** Bytes read into `buffer` (0 at the end), or "wait" when a non-blocking pipe has none yet. */
async function nextChunk(handle: FileHandle, buffer: Uint8Array): Promise<number | "wait"> {
  try {
    return (await handle.read(buffer, 0, buffer.byteLength, null)).bytesRead;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EAGAIN") return "wait";
    throw error;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
