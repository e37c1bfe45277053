/**
 * Keeps the add-in's live dataset up to date from a published URL (browser edge of
 * src/core/datasource.ts): per-user settings, a cache of the last good published dataset so a
 * restart offline still has it, check-on-open and interval checks, and an Excel recalculation
 * after every swap. The task pane reads `getState()` / `subscribe()`.
 *
 * Settings and cache live in OfficeRuntime.storage when the shared runtime provides it (per user
 * and per add-in domain, shared by pane and functions, 10 MB); roaming settings exist only in
 * Outlook, and document settings would travel with the workbook, not the user. In a plain
 * browser preview localStorage is used, else memory.
 */
import {
  checkPublished,
  checkUrlPolicy,
  describeRejection,
  type CheckResult,
  type FetchLike,
  type Reason,
  type RejectCode,
} from "../core/datasource";
import { diffDatasets, type DatasetDiff } from "../core/diff";
import { formatFactValue } from "../core/labels";
import { recalculateWorkbook } from "../excel/recalculate";
import type { LiveDataset } from "../core/live";
import { parseDataset, type Dataset } from "../core/schema";
import type { DatasetOrigin } from "../core/store";
import { live } from "./embedded";

export interface LiveSettings {
  url: string;
  checkOnOpen: boolean;
  /** 0 = never. */
  intervalMinutes: number;
}

export const DEFAULT_SETTINGS: LiveSettings = { url: "", checkOnOpen: true, intervalMinutes: 0 };
export const MAX_INTERVAL_MINUTES = 24 * 60;

export interface KeyValueStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

export const SETTINGS_KEY = "hh.live.settings";
export const CACHE_KEY = "hh.live.cache";

export interface DiffExample {
  id: string;
  indicator: { id: string; zh: string; en: string };
  region: string;
  period: string;
  kind: string;
  before: string;
  after: string;
}

export interface DiffSummary {
  from: { version: string; builtAt: string };
  to: { version: string; builtAt: string };
  added: number;
  removed: number;
  changed: number;
  revised: number;
  /** The first few changed values, old → new. */
  examples: DiffExample[];
}

export type ResultStatus = "updated" | "not-modified" | "rejected" | "restored";

export interface LiveState {
  settings: LiveSettings;
  live: { version: string; builtAt: string; facts: number; origin: DatasetOrigin };
  checking: boolean;
  lastCheckAt?: string;
  lastResult?: { status: ResultStatus; code?: RejectCode; message: Reason; at: string };
  /** The most recent refusal; cleared by the next good check. */
  lastError?: Reason;
  lastDiff?: DiffSummary;
  /** Whether Excel was asked to recalculate after the last swap (false outside Excel). */
  recalculated?: boolean;
}

interface CacheRecord {
  v: 1;
  url: string;
  etag?: string;
  savedAt: string;
  dataset: unknown;
  diff?: DiffSummary;
}

export interface LiveUpdaterOptions {
  live: LiveDataset;
  /** Default: OfficeRuntime.storage, else localStorage, else memory (resolved at start). */
  storage?: KeyValueStorage;
  fetch?: FetchLike;
  /** Runs after a swap; resolves true when Excel recalculated. Default: recalculateWorkbook. */
  recalculate?: () => Promise<boolean>;
  timeoutMs?: number;
  maxBytes?: number;
  now?: () => Date;
  timers?: { setInterval: (fn: () => void, ms: number) => unknown; clearInterval: (handle: unknown) => void };
}

/** localStorage (or any Web Storage) behind the async interface OfficeRuntime.storage has. */
export function fromWebStorage(storage: Storage): KeyValueStorage {
  return {
    getItem: async (key) => storage.getItem(key),
    setItem: async (key, value) => storage.setItem(key, value),
    removeItem: async (key) => storage.removeItem(key),
  };
}

export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: async (key) => data.get(key) ?? null,
    setItem: async (key, value) => void data.set(key, value),
    removeItem: async (key) => void data.delete(key),
  };
}

export function detectStorage(): KeyValueStorage {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: KeyValueStorage } }).OfficeRuntime;
  if (runtime?.storage) return runtime.storage;
  try {
    const local = (globalThis as { localStorage?: Storage }).localStorage;
    if (local) return fromWebStorage(local);
  } catch {
    // localStorage throws when the browser blocks storage; fall through to memory.
  }
  return memoryStorage();
}

function summarize(diff: DatasetDiff, dataset: Dataset, examples = 5): DiffSummary {
  const names = new Map(dataset.indicators.map((i) => [i.id, i]));
  return {
    from: diff.from,
    to: diff.to,
    added: diff.added.length,
    removed: diff.removed.length,
    changed: diff.changed.length,
    revised: diff.revised,
    examples: diff.changed.slice(0, examples).map((change) => {
      const indicator = names.get(change.indicator);
      return {
        id: change.id,
        indicator: {
          id: change.indicator,
          zh: indicator?.zh ?? change.indicator,
          en: indicator?.en ?? change.indicator,
        },
        region: change.region,
        period: change.period,
        kind: change.kind,
        before: formatFactValue(change.before.value, change.before.unit),
        after: formatFactValue(change.after.value, change.after.unit),
      };
    }),
  };
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function parseJson(text: string | null): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export function normalizeSettings(input: unknown): LiveSettings {
  const raw = (input && typeof input === "object" ? input : {}) as Partial<Record<keyof LiveSettings, unknown>>;
  const minutes = Number(raw.intervalMinutes);
  return {
    url: typeof raw.url === "string" ? raw.url.trim() : DEFAULT_SETTINGS.url,
    checkOnOpen: typeof raw.checkOnOpen === "boolean" ? raw.checkOnOpen : DEFAULT_SETTINGS.checkOnOpen,
    intervalMinutes: Number.isFinite(minutes)
      ? Math.min(MAX_INTERVAL_MINUTES, Math.max(0, Math.round(minutes)))
      : DEFAULT_SETTINGS.intervalMinutes,
  };
}

export type SaveResult = { ok: true; settings: LiveSettings } | { ok: false; reason: Reason };

export class LiveUpdater {
  private readonly live: LiveDataset;
  private storage: KeyValueStorage | undefined;
  private readonly fetch: FetchLike;
  private readonly recalculate: () => Promise<boolean>;
  private readonly now: () => Date;
  private readonly timers: NonNullable<LiveUpdaterOptions["timers"]>;
  private readonly listeners = new Set<(state: LiveState) => void>();
  private state: LiveState;
  private etag: string | undefined;
  private started: Promise<void> | undefined;
  private inFlight: Promise<CheckResult> | undefined;
  private interval: unknown;
  private readonly unsubscribeLive: () => void;

  constructor(private readonly options: LiveUpdaterOptions) {
    this.live = options.live;
    this.storage = options.storage;
    // Called through globalThis so browsers do not throw "Illegal invocation" on a detached fetch.
    this.fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.recalculate = options.recalculate ?? recalculateWorkbook;
    this.now = options.now ?? (() => new Date());
    this.timers = options.timers ?? {
      setInterval: (fn, ms) => setInterval(fn, ms),
      clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    };
    this.state = { settings: { ...DEFAULT_SETTINGS }, live: this.liveInfo(), checking: false };
    this.unsubscribeLive = this.live.subscribe(() => this.update({ live: this.liveInfo() }));
  }

  getState(): LiveState {
    return this.state;
  }

  subscribe(listener: (state: LiveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads settings, restores the cached published dataset, checks on open, schedules. Idempotent. */
  start(): Promise<void> {
    this.started ??= this.doStart();
    return this.started;
  }

  private async doStart(): Promise<void> {
    this.storage ??= detectStorage();
    const settings = normalizeSettings(parseJson(await this.read(SETTINGS_KEY)));
    this.update({ settings });
    await this.restoreCache();
    if (settings.checkOnOpen && settings.url) await this.checkNow();
    this.schedule();
  }

  /** Stops the interval and listeners (tests, pane teardown in preview). */
  dispose(): void {
    if (this.interval !== undefined) this.timers.clearInterval(this.interval);
    this.interval = undefined;
    this.unsubscribeLive();
    this.listeners.clear();
  }

  async saveSettings(patch: Partial<LiveSettings>): Promise<SaveResult> {
    const next = normalizeSettings({ ...this.state.settings, ...patch });
    if (next.url) {
      const policy = checkUrlPolicy(next.url);
      if (!policy.ok) return { ok: false, reason: describeRejection(policy.code) };
    }
    this.storage ??= detectStorage();
    await this.write(SETTINGS_KEY, JSON.stringify(next));
    this.update({ settings: next });
    this.schedule();
    return { ok: true, settings: next };
  }

  /** One check of the published URL; concurrent calls share it. Never throws. */
  checkNow(options: { allowOlder?: boolean } = {}): Promise<CheckResult> {
    this.inFlight ??= this.doCheck(options).finally(() => {
      this.inFlight = undefined;
      this.update({ checking: false });
    });
    return this.inFlight;
  }

  private async doCheck(options: { allowOlder?: boolean }): Promise<CheckResult> {
    const url = this.state.settings.url;
    this.update({ checking: true });
    const store = this.live.store;
    // Only revalidate when we hold that URL's dataset; otherwise a 304 would leave us on another one.
    const holding = store.origin.kind === "published" && store.origin.location === url;
    let result: CheckResult;
    try {
      result = await checkPublished({
        url,
        fetch: this.fetch,
        etag: holding ? this.etag : undefined,
        current: store.dataset,
        timeoutMs: this.options.timeoutMs,
        maxBytes: this.options.maxBytes,
        allowOlder: options.allowOlder,
        now: this.now,
      });
    } catch (error) {
      // checkPublished never throws by contract; a bug must still not break the pane.
      result = {
        status: "rejected",
        code: "network",
        reason: describeRejection("network"),
        detail: String(error),
        checkedAt: this.now().toISOString(),
      };
    }
    if (url !== this.state.settings.url) return result; // the user switched URL meanwhile: stale answer
    const at = result.checkedAt;
    if (result.status === "rejected") {
      this.update({
        lastCheckAt: at,
        lastError: result.reason,
        lastResult: { status: "rejected", code: result.code, message: result.reason, at },
      });
      return result;
    }
    if (result.status === "not-modified") {
      if (result.etag && holding && result.etag !== this.etag) {
        this.etag = result.etag;
        await this.saveCacheEtag(result.etag);
      }
      const version = this.live.store.dataset.version;
      this.update({
        lastCheckAt: at,
        lastError: undefined,
        lastResult: {
          status: "not-modified",
          message: {
            "zh-CN": `数据集没有变化,当前为 ${version}。`,
            "en-US": `The dataset is unchanged; ${version} stays live.`,
          },
          at,
        },
      });
      return result;
    }
    const previous = this.live.store.dataset;
    try {
      this.live.swap(result.dataset, { kind: "published", location: url });
    } catch (error) {
      // Already validated, so only a bug lands here; the old dataset is still live either way.
      const reason = describeRejection("invalid", { problem: String((error as Error).message ?? error).slice(0, 120) });
      this.update({
        lastCheckAt: at,
        lastError: reason,
        lastResult: { status: "rejected", code: "invalid", message: reason, at },
      });
      return { status: "rejected", code: "invalid", reason, checkedAt: at };
    }
    this.etag = result.etag;
    const diff = summarize(result.diff ?? diffDatasets(previous, result.dataset), result.dataset);
    await this.write(
      CACHE_KEY,
      JSON.stringify({
        v: 1,
        url,
        etag: result.etag,
        savedAt: at,
        dataset: result.dataset,
        diff,
      } satisfies CacheRecord),
    );
    const recalculated = await this.recalculate().catch(() => false);
    const { version, builtAt } = result.dataset;
    this.update({
      lastCheckAt: at,
      lastError: undefined,
      lastDiff: diff,
      recalculated,
      lastResult: {
        status: "updated",
        message: {
          "zh-CN": `已更新为 ${version}(${day(builtAt)}):新增 ${diff.added} 条,删除 ${diff.removed} 条,数值变化 ${diff.changed} 条。`,
          "en-US": `Updated to ${version} (${day(builtAt)}): ${diff.added} added, ${diff.removed} removed, ${diff.changed} values changed.`,
        },
        at,
      },
    });
    return result;
  }

  /** Puts the cached published dataset back after a restart, unless it is invalid, for another URL, or older than the bundled one. */
  private async restoreCache(): Promise<void> {
    const text = await this.read(CACHE_KEY);
    if (!text) return;
    let record: CacheRecord;
    let dataset: Dataset;
    try {
      record = JSON.parse(text) as CacheRecord;
      dataset = parseDataset(record.dataset);
    } catch {
      await this.storage?.removeItem(CACHE_KEY).catch(() => undefined);
      return;
    }
    if (record.url !== this.state.settings.url) return;
    const current = this.live.store.dataset;
    if (dataset.hash === current.hash || Date.parse(dataset.builtAt) < Date.parse(current.builtAt)) return;
    this.live.swap(dataset, { kind: "published", location: record.url });
    this.etag = record.etag;
    const recalculated = await this.recalculate().catch(() => false);
    this.update({
      lastDiff: record.diff,
      recalculated,
      lastResult: {
        status: "restored",
        message: {
          "zh-CN": `已从本机缓存恢复发布的数据集 ${dataset.version}。`,
          "en-US": `Restored the published dataset ${dataset.version} from the local cache.`,
        },
        at: this.now().toISOString(),
      },
    });
  }

  private async saveCacheEtag(etag: string): Promise<void> {
    const text = await this.read(CACHE_KEY);
    if (!text) return;
    try {
      const record = JSON.parse(text) as CacheRecord;
      await this.write(CACHE_KEY, JSON.stringify({ ...record, etag }));
    } catch {
      // A broken cache is dropped at the next start; nothing to fix here.
    }
  }

  private schedule(): void {
    if (this.interval !== undefined) this.timers.clearInterval(this.interval);
    this.interval = undefined;
    const { url, intervalMinutes } = this.state.settings;
    if (url && intervalMinutes > 0) {
      this.interval = this.timers.setInterval(() => void this.checkNow(), intervalMinutes * 60_000);
    }
  }

  private async read(key: string): Promise<string | null> {
    try {
      const text = await this.storage?.getItem(key);
      return typeof text === "string" ? text : null;
    } catch {
      return null;
    }
  }

  /** Storage failures (quota, blocked) must not undo a good swap; the cache is an optimisation. */
  private async write(key: string, value: string): Promise<void> {
    try {
      await this.storage?.setItem(key, value);
    } catch {
      // ignored on purpose, see above
    }
  }

  private liveInfo(): LiveState["live"] {
    if (!this.live.loaded)
      return { version: "", builtAt: "", facts: 0, origin: { kind: "embedded", location: "bundled" } };
    const { dataset, origin } = this.live.store;
    return { version: dataset.version, builtAt: dataset.builtAt, facts: dataset.facts.length, origin };
  }

  private update(patch: Partial<LiveState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}

let shared: LiveUpdater | undefined;

/** The add-in's one updater for its one live dataset (the shared runtime serves pane and functions). */
export function getLiveUpdates(): LiveUpdater {
  shared ??= new LiveUpdater({ live });
  return shared;
}
