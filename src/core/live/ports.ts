/**
 * What the live-update policy needs from the outside world, as interfaces. The edge (src/runtime)
 * implements them for Excel, the browser and Node; tests pass their own. Nothing in src/core/live
 * reaches for a global instead.
 */

/** The slice of a fetch Response the check reads; the global fetch's Response satisfies it. */
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

/** Per-user key-value storage with the async shape OfficeRuntime.storage has. */
export interface KeyValueStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/** sha256 of a text as lower-case hex (Web Crypto in the add-in, node:crypto in the CLI). */
export type Sha256Hex = (text: string) => Promise<string>;

/** The time and the timers: the check's deadline, the check interval, the time stamps. */
export interface Clock {
  now(): Date;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Asks the host to recalculate the HH formulas after a swap; resolves true when it did (false outside Excel). */
export type Recalculate = () => Promise<boolean>;
