/**
 * The published-dataset check, shared by the add-in and `hh eval --dataset`: URL policy, a
 * conditional GET, one deadline for headers and body, a size limit enforced while streaming,
 * JSON and schema validation, and a version check. It never touches the live dataset; the caller
 * swaps only on "updated". Pure apart from the injected fetch.
 */
import { diffDatasets, type DatasetDiff } from "./diff";
import { DatasetError, parseDataset, type Dataset } from "./schema";

/** Big enough for years of growth (the dataset is ~0.25 MB), small enough for OfficeRuntime.storage (10 MB per domain). */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;

/** The slice of a fetch Response this module reads; the global fetch satisfies it. */
export interface HttpResponseLike {
  readonly status: number;
  readonly url?: string;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface FetchInit {
  method: "GET";
  headers: Record<string, string>;
  signal: AbortSignal;
  /** Our own If-None-Match decides freshness; the browser cache must not answer for us. */
  cache: "no-store";
  /** A public dataset needs no cookies, which also keeps CORS simple (Allow-Origin may be "*"). */
  credentials: "omit";
  redirect: "follow";
}

export type FetchLike = (url: string, init: FetchInit) => Promise<HttpResponseLike>;

export type RejectCode =
  | "no-url"
  | "url-invalid"
  | "url-scheme"
  | "redirect-scheme"
  | "network"
  | "timeout"
  | "http-status"
  | "too-large"
  | "not-json"
  | "not-dataset"
  | "invalid"
  | "older";

/** One sentence in each UI language. */
export interface Reason {
  "zh-CN": string;
  "en-US": string;
}

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
  | { status: "rejected"; code: RejectCode; reason: Reason; detail?: string; checkedAt: string };

export type Rejected = Extract<CheckResult, { status: "rejected" }>;

export interface CheckOptions {
  url: string;
  fetch: FetchLike;
  /** ETag of the dataset we hold from this URL; sent as If-None-Match. */
  etag?: string;
  /** The live dataset, for the version check and the diff. */
  current?: Dataset;
  timeoutMs?: number;
  maxBytes?: number;
  /** Accept a dataset built before `current` (only when the user asks). */
  allowOlder?: boolean;
  now?: () => Date;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function oneLine(text: string, max = 160): string {
  const flat = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

/** The sentence the user reads for each refusal; every one says what happened and that nothing was replaced. */
export function describeRejection(code: RejectCode, detail: Record<string, string | number> = {}): Reason {
  const d = (key: string) => String(detail[key] ?? "");
  switch (code) {
    case "no-url":
      return { "zh-CN": "尚未设置数据集地址。", "en-US": "No dataset URL is set." };
    case "url-invalid":
      return {
        "zh-CN": "数据集地址不是有效的网址,未发出请求。",
        "en-US": "The dataset URL is not a valid address, so no request was made.",
      };
    case "url-scheme":
      return {
        "zh-CN": "只允许 https 地址(http 仅限 localhost、127.0.0.1 或 ::1),未发出请求。",
        "en-US": "Only https URLs are allowed (http only for localhost, 127.0.0.1 or ::1), so no request was made.",
      };
    case "redirect-scheme":
      return {
        "zh-CN": `数据集地址被重定向到不允许的地址 ${d("url")},已保留当前数据集。`,
        "en-US": `The dataset URL redirected to a disallowed address ${d("url")}; the current dataset is kept.`,
      };
    case "network":
      return {
        "zh-CN": "无法连接数据集服务器,已保留当前数据集。",
        "en-US": "The dataset server could not be reached; the current dataset is kept.",
      };
    case "timeout":
      return {
        "zh-CN": `数据集下载超过 ${d("seconds")} 秒仍未完成,已取消并保留当前数据集。`,
        "en-US": `The dataset download did not finish within ${d("seconds")} s, so it was cancelled and the current dataset is kept.`,
      };
    case "http-status":
      return {
        "zh-CN": `服务器返回 HTTP ${d("status")},已保留当前数据集。`,
        "en-US": `The server answered HTTP ${d("status")}; the current dataset is kept.`,
      };
    case "too-large":
      return {
        "zh-CN": `数据集超过 ${d("limit")} 的大小上限,已停止下载并保留当前数据集。`,
        "en-US": `The dataset is larger than the ${d("limit")} limit, so the download was stopped and the current dataset is kept.`,
      };
    case "not-json":
      return {
        "zh-CN": "数据集内容不是有效的 JSON,已保留当前数据集。",
        "en-US": "The dataset is not valid JSON; the current dataset is kept.",
      };
    case "not-dataset":
      return {
        "zh-CN": "该 JSON 不是 HH 指标数据集,已保留当前数据集。",
        "en-US": "The JSON is not an HH Indicators dataset; the current dataset is kept.",
      };
    case "invalid":
      return {
        "zh-CN": `数据集未通过校验(${d("problem")}),已保留当前数据集。`,
        "en-US": `The dataset failed validation (${d("problem")}); the current dataset is kept.`,
      };
    case "older":
      return {
        "zh-CN": `发布的数据集 ${d("version")}(${d("date")})早于当前的 ${d("current")}(${d("currentDate")}),未替换。`,
        "en-US": `The published dataset ${d("version")} (${d("date")}) is older than the live ${d("current")} (${d("currentDate")}), so it was not applied.`,
      };
  }
}

/** Both languages on one line, for the CLI and logs. */
export function formatReason(reason: Reason): string {
  return `${reason["zh-CN"]} ${reason["en-US"]}`;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; code: "url-invalid" | "url-scheme" };

/** https anywhere; http only to this machine (dev server, `hh serve`); nothing else. */
export function checkUrlPolicy(input: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, code: "url-invalid" };
  }
  // Credentials in a URL would be stored in settings in clear text and sent to whoever serves it.
  if (url.username || url.password) return { ok: false, code: "url-invalid" };
  if (url.protocol === "https:") return { ok: true, url };
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname.toLowerCase())) return { ok: true, url };
  return { ok: false, code: "url-scheme" };
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
    checkedAt,
    ...(note ? { detail: oneLine(note, 300) } : {}),
  };
}

export type TextCheck =
  | { ok: true; dataset: Dataset }
  | { ok: false; code: "not-json" | "not-dataset" | "invalid"; detail: Record<string, string>; note?: string };

/** JSON, then "is it a dataset at all", then the build's schema. Shared with `hh eval --dataset <file>`. */
export function parseDatasetText(text: string): TextCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, code: "not-json", detail: {}, note: (error as Error).message };
  }
  const object =
    json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  if (!object || !("schemaVersion" in object) || !Array.isArray(object.facts)) {
    return { ok: false, code: "not-dataset", detail: {} };
  }
  try {
    return { ok: true, dataset: parseDataset(json) };
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    // parseDataset lists up to three problems; the sentence shows the first, the note keeps all.
    const problems = error.message.replace(/^.*?invalid dataset:\s*/, "");
    return {
      ok: false,
      code: "invalid",
      detail: { problem: oneLine(problems.split("; ")[0], 120) },
      note: error.message,
    };
  }
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
export async function checkPublished(options: CheckOptions): Promise<CheckResult> {
  const now = options.now ?? (() => new Date());
  const checkedAt = now().toISOString();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!options.url.trim()) return reject("no-url", checkedAt);
  const policy = checkUrlPolicy(options.url);
  if (!policy.ok) return reject(policy.code, checkedAt);

  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const deadline = new Promise<never>((_, fail) => {
    timer = setTimeout(() => {
      // Flag first: aborting also rejects the pending read, and that error must still read as a timeout.
      timedOut = true;
      fail(new Deadline());
      controller.abort();
    }, timeoutMs);
  });
  deadline.catch(() => undefined);

  let response: HttpResponseLike;
  let bytes: Uint8Array;
  try {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (options.etag) headers["If-None-Match"] = options.etag;
    response = await Promise.race([
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
    clearTimeout(timer);
  }

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return reject("not-json", checkedAt, {}, "body is not UTF-8");
  }
  const parsed = parseDatasetText(text);
  if (!parsed.ok) return reject(parsed.code, checkedAt, parsed.detail, parsed.note);
  const dataset = parsed.dataset;
  const etag = response.headers.get("etag") ?? undefined;
  const current = options.current;
  if (current && dataset.hash === current.hash) return { status: "not-modified", why: "same-hash", etag, checkedAt };
  if (current && !options.allowOlder && Date.parse(dataset.builtAt) < Date.parse(current.builtAt)) {
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
