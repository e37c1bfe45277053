/**
 * The published-dataset check, shared by the add-in and `hh … --dataset`: URL policy, a
 * conditional GET (a plain one when the conditional one fails at the network level, as it does
 * where the host does not answer the CORS preflight), one deadline for headers and body, a size
 * limit enforced while streaming, JSON and schema validation, and the version rule. It never touches the live dataset; the caller
 * swaps only on "updated". Fetch and clock are injected.
 */
import { diffDatasets, type DatasetDiff } from "../diff";
import type { Dataset } from "../schema";
import { day, describeRejection, oneLine, type Reason, type RejectCode } from "../messages/live";
import { acceptDatasetText } from "./parse";
import { withoutBom } from "./text";
import type { Clock, FetchLike, HttpResponseLike, Sha256Hex } from "./ports";
import type { Pause } from "../integrity";
import { checkUrlPolicy } from "./url";
import { compareToLive } from "./version";

/** Big enough for years of growth (the dataset is ~0.25 MB), small enough for OfficeRuntime.storage (10 MB per domain). */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;

export type CheckResult =
  | {
      status: "updated";
      dataset: Dataset;
      etag?: string;
      /** Against `current`; absent when there was nothing to compare with. */
      diff?: DatasetDiff;
      bytes: number;
      checkedAt: string;
    }
  | { status: "not-modified"; why: "etag" | "same-hash"; etag?: string; checkedAt: string }
  | {
      status: "rejected";
      code: RejectCode;
      reason: Reason;
      /** What the reason was made from, to word it for another outcome (the CLI answers nothing). */
      values: Record<string, string | number>;
      detail?: string;
      checkedAt: string;
    };

/** What a check says about the conditional request: whether it failed and a plain GET answered instead. */
export interface ConditionalOutcome {
  /** True when the request with If-None-Match failed at the network level and the plain GET got an answer. */
  fellBack?: true;
}

export type Rejected = Extract<CheckResult, { status: "rejected" }>;

export interface CheckOptions {
  url: string;
  fetch: FetchLike;
  /** ETag of the dataset we hold from this URL; sent as If-None-Match. */
  etag?: string;
  /**
   * Whether If-None-Match may be sent (default true). It is not a CORS-safelisted header, so a browser
   * first sends a preflight; a host that does not answer it gets plain GETs (see the updater).
   */
  conditional?: boolean;
  /** The live dataset, for the version check and the diff. */
  current?: Dataset;
  timeoutMs?: number;
  maxBytes?: number;
  /** Accept a dataset built before `current` (only when the user asks). */
  allowOlder?: boolean;
  /** The deadline's timer and the check's time stamp. */
  clock: Clock;
  /** To recompute the dataset's hash over its content. */
  sha256Hex: Sha256Hex;
  /** Between the integrity checks' steps, so a large dataset does not hold up the host (integrity.ts). */
  pause?: Pause;
}

/** A size limit as people read it: 4 MB, 500 KB. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function reject(
  code: RejectCode,
  checkedAt: string,
  detail: Record<string, string | number> = {},
  note?: string,
): Rejected {
  return {
    status: "rejected",
    code,
    reason: describeRejection(code, detail),
    values: detail,
    checkedAt,
    ...(note ? { detail: oneLine(note, 300) } : {}),
  };
}

class Deadline extends Error {}
class TooLarge extends Error {}

async function readBody(
  response: HttpResponseLike,
  maxBytes: number,
  deadline: Promise<never>,
  abort: () => void,
): Promise<Uint8Array> {
  if (!response.body) {
    const buffer = new Uint8Array(await Promise.race([response.arrayBuffer(), deadline]));
    if (buffer.byteLength > maxBytes) throw new TooLarge();
    return buffer;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      // Racing each read against the deadline: a server that sends headers and then stalls must still time out.
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new TooLarge();
      chunks.push(value);
    }
  } catch (error) {
    abort();
    reader.cancel().catch(() => undefined);
    throw error;
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Fetches and validates the published dataset at `url`. Never throws: every failure is a
 * "rejected" result with one sentence per language.
 */
export async function checkPublished(options: CheckOptions): Promise<CheckResult & ConditionalOutcome> {
  const outcome = { fellBack: false };
  const result = await runCheck(options, outcome);
  return outcome.fellBack ? { ...result, fellBack: true } : result;
}

async function runCheck(options: CheckOptions, outcome: { fellBack: boolean }): Promise<CheckResult> {
  const { clock } = options;
  const checkedAt = clock.now().toISOString();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!options.url.trim()) return reject("no-url", checkedAt);
  const policy = checkUrlPolicy(options.url);
  if (!policy.ok) return reject(policy.code, checkedAt);

  const controller = new AbortController();
  let timer: unknown;
  let timedOut = false;
  const deadline = new Promise<never>((_, fail) => {
    timer = clock.setTimeout(() => {
      // Flag first: aborting also rejects the pending read, and that error must still read as a timeout.
      timedOut = true;
      fail(new Deadline());
      controller.abort();
    }, timeoutMs);
  });
  deadline.catch(() => undefined);

  const request = (headers: Record<string, string>) =>
    Promise.race([
      options.fetch(policy.url.href, {
        method: "GET",
        headers,
        signal: controller.signal,
        cache: "no-store",
        credentials: "omit",
        redirect: "follow",
      }),
      deadline,
    ]);
  // Accept is CORS-safelisted: a request with only it needs no preflight.
  const plainHeaders = { Accept: "application/json" };
  const conditional = Boolean(options.etag) && options.conditional !== false;
  let response: HttpResponseLike;
  let bytes: Uint8Array;
  try {
    try {
      response = await request(conditional ? { ...plainHeaders, "If-None-Match": options.etag! } : plainHeaders);
    } catch (error) {
      if (!conditional || timedOut || error instanceof Deadline) throw error;
      // A browser rejects (TypeError, no status) when the preflight If-None-Match costs is not answered: once more without it, within the same deadline.
      response = await request(plainHeaders);
      outcome.fellBack = true;
    }
    const discard = () => {
      controller.abort();
      response.body?.cancel().catch(() => undefined);
    };
    if (response.url && response.url !== policy.url.href) {
      const landed = checkUrlPolicy(response.url);
      if (!landed.ok) {
        discard();
        return reject("redirect-scheme", checkedAt, { url: oneLine(response.url, 80) });
      }
    }
    const etag = response.headers.get("etag") ?? undefined;
    if (response.status === 304) {
      discard();
      return { status: "not-modified", why: "etag", etag: etag ?? options.etag, checkedAt };
    }
    if (response.status !== 200) {
      discard();
      return reject("http-status", checkedAt, { status: response.status });
    }
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
      discard();
      return reject("too-large", checkedAt, { limit: formatBytes(maxBytes) }, `Content-Length ${declared}`);
    }
    bytes = await readBody(response, maxBytes, deadline, () => controller.abort());
  } catch (error) {
    if (timedOut || error instanceof Deadline)
      return reject("timeout", checkedAt, { seconds: +(timeoutMs / 1000).toFixed(1) });
    if (error instanceof TooLarge) return reject("too-large", checkedAt, { limit: formatBytes(maxBytes) });
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return reject(
      "network",
      checkedAt,
      {},
      [(error as Error)?.message, cause?.code ?? cause?.message].filter(Boolean).join(": "),
    );
  } finally {
    clock.clearTimeout(timer);
  }

  let text: string;
  try {
    text = withoutBom(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return reject("not-json", checkedAt, {}, "body is not UTF-8");
  }
  const parsed = await acceptDatasetText(text, {
    now: clock.now(),
    sha256Hex: options.sha256Hex,
    pause: options.pause,
  });
  if (!parsed.ok) return reject(parsed.code, checkedAt, parsed.detail, parsed.note);
  const dataset = parsed.dataset;
  const etag = response.headers.get("etag") ?? undefined;
  const current = options.current;
  const order = current ? compareToLive(dataset, current) : "newer";
  if (order === "same") return { status: "not-modified", why: "same-hash", etag, checkedAt };
  if (current && order === "older" && !options.allowOlder) {
    return reject("older", checkedAt, {
      version: dataset.version,
      date: day(dataset.builtAt),
      current: current.version,
      currentDate: day(current.builtAt),
    });
  }
  return {
    status: "updated",
    dataset,
    ...(etag ? { etag } : {}),
    ...(current ? { diff: diffDatasets(current, dataset) } : {}),
    bytes: bytes.byteLength,
    checkedAt,
  };
}
