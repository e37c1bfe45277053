/**
 * The live updater: keeps the live dataset (a DatasetHolder) up to date from a published URL. It loads the user's
 * settings, restores the cached published dataset, checks on open and on an interval, swaps in a
 * newer dataset, caches it and asks the host to recalculate. The pane reads `getState()` and
 * `subscribe()`. Storage, fetch, clock and recalculation are injected (src/runtime builds the
 * add-in's one updater).
 */
import { diffDatasets } from "../diff";
import { IndicatorStore, type DatasetOrigin } from "../store";
import { cacheText, cacheTextWithEtag, CACHE_KEY, decideRestore } from "./cache";
import { checkPublished, type CheckResult, type ConditionalOutcome } from "./check";
import type { DatasetHolder } from "./holder";
import {
  describeRejection,
  restoredMessage,
  unchangedMessage,
  updatedMessage,
  type Reason,
  type RejectCode,
} from "../messages/live";
import type { Clock, FetchLike, KeyValueStorage, Recalculate, Sha256Hex } from "./ports";
import type { Pause } from "../integrity";
import { DEFAULT_SETTINGS, normalizeSettings, parseSettings, SETTINGS_KEY, type LiveSettings } from "./settings";
import { afterCheck, conditionalAllowed, parsePlainHosts, PLAIN_HOSTS_KEY } from "./plain-hosts";
import { summarizeDiff, type DiffSummary } from "./summary";
import { checkUrlPolicy } from "./url";

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

export interface LiveUpdaterOptions {
  /** The dataset kept up to date. */
  live: DatasetHolder;
  /** Settings and the cache of the last good published dataset. */
  storage: KeyValueStorage;
  fetch: FetchLike;
  /** Runs after a swap; resolves true when the host recalculated. */
  recalculate: Recalculate;
  clock: Clock;
  /** To check a published dataset's hash against its content. */
  sha256Hex: Sha256Hex;
  /** Between the integrity checks' steps (integrity.ts); none: straight through. */
  pause?: Pause;
  timeoutMs?: number;
  maxBytes?: number;
}

export type SaveResult = { ok: true; settings: LiveSettings } | { ok: false; reason: Reason };

export class LiveUpdater {
  /** The dataset this updater keeps up to date. */
  readonly live: DatasetHolder;
  private readonly storage: KeyValueStorage;
  private readonly listeners = new Set<(state: LiveState) => void>();
  private state: LiveState;
  private etag: string | undefined;
  /**
   * The URL's ETag when it served the very dataset already live (the bundled one, say): later checks
   * revalidate with it instead of downloading and validating the whole file again.
   */
  private sameAs: { url: string; hash: string; etag: string } | undefined;
  private started: Promise<void> | undefined;
  private inFlight: Promise<CheckResult> | undefined;
  private interval: unknown;
  private readonly unsubscribeLive: () => void;

  constructor(private readonly options: LiveUpdaterOptions) {
    this.live = options.live;
    this.storage = options.storage;
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
    const settings = parseSettings(await this.read(SETTINGS_KEY));
    this.update({ settings });
    await this.restoreCache();
    if (settings.checkOnOpen && settings.url) await this.checkNow();
    this.schedule();
  }

  /** Stops the interval and listeners (tests, pane teardown in preview). */
  dispose(): void {
    if (this.interval !== undefined) this.options.clock.clearInterval(this.interval);
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
    const { clock } = this.options;
    const url = this.state.settings.url;
    this.update({ checking: true });
    // Nothing may be live yet (the bundled file failed to load): then everything is new.
    const store = this.live.loaded ? this.live.store : undefined;
    // Only revalidate when we hold that URL's dataset (or the same content); otherwise a 304 would leave
    // us on another one.
    const holdingPublished = store?.origin.kind === "published" && store.origin.location === url;
    const holdingSame = this.sameAs?.url === url && this.sameAs.hash === store?.dataset.hash;
    const etag = holdingPublished ? this.etag : holdingSame ? this.sameAs?.etag : undefined;
    const plainHosts = parsePlainHosts(await this.read(PLAIN_HOSTS_KEY));
    const conditional = conditionalAllowed(plainHosts, url, clock.now());
    let result: CheckResult & ConditionalOutcome;
    try {
      result = await checkPublished({
        url,
        fetch: this.options.fetch,
        etag,
        conditional,
        current: store?.dataset,
        timeoutMs: this.options.timeoutMs,
        maxBytes: this.options.maxBytes,
        allowOlder: options.allowOlder,
        clock,
        sha256Hex: this.options.sha256Hex,
        pause: this.options.pause,
      });
    } catch (error) {
      // checkPublished never throws by contract; a bug must still not break the pane.
      result = {
        status: "rejected",
        code: "network",
        reason: describeRejection("network"),
        values: {},
        detail: String(error),
        checkedAt: clock.now().toISOString(),
      };
    }
    // Remembered only from an answer that settles it: a fallback that got through, or a conditional request that did.
    const answered = result.status !== "rejected" || result.code !== "network";
    if (etag && answered && (result.fellBack || conditional)) {
      const next = afterCheck(plainHosts, url, clock.now(), Boolean(result.fellBack));
      if (next !== plainHosts) await this.write(PLAIN_HOSTS_KEY, JSON.stringify(next));
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
      if (result.etag && holdingPublished && result.etag !== this.etag) {
        this.etag = result.etag;
        await this.saveCacheEtag(result.etag);
      }
      if (result.etag && !holdingPublished && store) this.sameAs = { url, hash: store.dataset.hash, etag: result.etag };
      this.update({
        lastCheckAt: at,
        lastError: undefined,
        lastResult: { status: "not-modified", message: unchangedMessage(this.live.store.dataset.version), at },
      });
      return result;
    }
    // Nothing was live: everything is added. (Not a spread of the new dataset: that would make its facts.)
    const { version, builtAt } = result.dataset;
    const previous = store?.dataset ?? { version, builtAt, facts: [] };
    // checkPublished validated it (schema and integrity): made live as it is, not validated again.
    this.live.swapValidated(new IndicatorStore(result.dataset, { kind: "published", location: url }));
    this.etag = result.etag;
    const diff = summarizeDiff(result.diff ?? diffDatasets(previous, result.dataset), result.dataset);
    await this.write(CACHE_KEY, cacheText({ url, etag: result.etag, savedAt: at, dataset: result.dataset, diff }));
    const recalculated = await this.options.recalculate().catch(() => false);
    this.update({
      lastCheckAt: at,
      lastError: undefined,
      lastDiff: diff,
      recalculated,
      lastResult: { status: "updated", message: updatedMessage(version, builtAt, diff), at },
    });
    return result;
  }

  /** Puts the cached published dataset back after a restart, as the cache policy allows. */
  private async restoreCache(): Promise<void> {
    const text = await this.read(CACHE_KEY);
    if (!text) return;
    const decision = decideRestore(text, this.state.settings.url, this.live, this.options.clock.now());
    if (!decision.restore) {
      if (decision.drop) await this.storage.removeItem(CACHE_KEY).catch(() => undefined);
      return;
    }
    const { record, dataset } = decision;
    // decideRestore decoded and checked it; made live as it is.
    this.live.swapValidated(new IndicatorStore(dataset, { kind: "published", location: record.url }));
    this.etag = record.etag;
    const recalculated = await this.options.recalculate().catch(() => false);
    this.update({
      lastDiff: record.diff,
      recalculated,
      lastResult: {
        status: "restored",
        message: restoredMessage(dataset.version),
        at: this.options.clock.now().toISOString(),
      },
    });
  }

  private async saveCacheEtag(etag: string): Promise<void> {
    const text = await this.read(CACHE_KEY);
    if (!text) return;
    // A broken cache is dropped at the next start; nothing to fix here.
    const next = cacheTextWithEtag(text, etag);
    if (next !== undefined) await this.write(CACHE_KEY, next);
  }

  private schedule(): void {
    const { clock } = this.options;
    if (this.interval !== undefined) clock.clearInterval(this.interval);
    this.interval = undefined;
    const { url, intervalMinutes } = this.state.settings;
    if (url && intervalMinutes > 0) {
      this.interval = clock.setInterval(() => void this.checkNow(), intervalMinutes * 60_000);
    }
  }

  private async read(key: string): Promise<string | null> {
    try {
      const text = await this.storage.getItem(key);
      return typeof text === "string" ? text : null;
    } catch {
      return null;
    }
  }

  /** Storage failures (quota, blocked) must not undo a good swap; the cache is an optimisation. */
  private async write(key: string, value: string): Promise<void> {
    try {
      await this.storage.setItem(key, value);
    } catch {
      // ignored on purpose, see above
    }
  }

  private liveInfo(): LiveState["live"] {
    if (!this.live.loaded)
      return { version: "", builtAt: "", facts: 0, origin: { kind: "embedded", location: "bundled" } };
    const { dataset, origin, factCount } = this.live.store;
    return { version: dataset.version, builtAt: dataset.builtAt, facts: factCount, origin };
  }

  private update(patch: Partial<LiveState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}
