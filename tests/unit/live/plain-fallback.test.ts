/**
 * A dataset host that does not answer the CORS preflight If-None-Match costs. A browser then rejects
 * the conditional request outright; the fake fetch here does the same. The check must still succeed
 * (plain GET), recognise an unchanged dataset by its hash, remember the host for a day, and try the
 * conditional request again after that.
 */
import { describe, expect, it, jest } from "@jest/globals";
import {
  LiveUpdater,
  PLAIN_HOSTS_KEY,
  PLAIN_MODE_MS,
  type Clock,
  type FetchInit,
  type FetchLike,
  type HttpResponseLike,
} from "../../../src/core/live";
import type { Dataset } from "../../../src/core/schema";
import { loadEmbedded } from "../../../src/runtime/dataset";
import { systemClock, webSha256Hex } from "../../../src/runtime/platform";
import { memoryStorage } from "../../../src/runtime/storage";
import { builtDataset, derive, expectOneSentence } from "../../integration/live/helpers";

const URL_ = "https://data.example.org/hh/dataset.json";
const ETAG = '"v1"';

/** A clock whose "now" the test moves; timers are real (the check's deadline). */
function movableClock(start: Date): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return { ...systemClock, now: () => new Date(now), advance: (ms) => void (now += ms) };
}

/**
 * A host serving `dataset`; `preflight` says whether it answers a preflight (else a request carrying
 * If-None-Match is rejected as a browser rejects it); `exposeEtag` whether the ETag can be read.
 */
function host(dataset: Dataset, behaviour: { preflight: boolean; exposeEtag: boolean }) {
  const calls: Array<Record<string, string>> = [];
  const fetch = jest.fn<FetchLike>(async (_url: string, init: FetchInit): Promise<HttpResponseLike> => {
    calls.push(init.headers);
    const conditional = "If-None-Match" in init.headers;
    if (conditional && !behaviour.preflight) throw new TypeError("Failed to fetch");
    const headers = new Headers(behaviour.exposeEtag ? { etag: ETAG } : {});
    if (conditional && init.headers["If-None-Match"] === ETAG) return new Response(null, { status: 304, headers });
    return new Response(JSON.stringify(dataset), { status: 200, headers: { ...Object.fromEntries(headers) } });
  });
  return { fetch, calls };
}

function updaterFor(fetch: FetchLike, clock: Clock) {
  const storage = memoryStorage({
    "hh.live.settings": JSON.stringify({ url: URL_, checkOnOpen: false, intervalMinutes: 0 }),
  });
  const recalculate = jest.fn(async () => true);
  const live = loadEmbedded();
  const updater = new LiveUpdater({ live, storage, fetch, recalculate, clock, sha256Hex: webSha256Hex });
  return { updater, storage, recalculate, live };
}

const published = derive(builtDataset(), 4);

describe("a host that does not answer the CORS preflight", () => {
  it("falls back to a plain GET, sees the dataset is unchanged, and remembers the host for a day", async () => {
    const clock = movableClock(new Date(Date.parse(published.builtAt) + 60_000));
    const { fetch, calls } = host(published, { preflight: false, exposeEtag: true });
    const { updater, storage, recalculate, live } = updaterFor(fetch, clock);
    await updater.start();

    // First check: no ETag held, so a plain GET; the dataset is swapped in and its ETag kept.
    expect(await updater.checkNow()).toMatchObject({ status: "updated", etag: ETAG });
    expect(calls).toEqual([{ Accept: "application/json" }]);
    expect(recalculate).toHaveBeenCalledTimes(1);

    // Second: the conditional request fails as a browser fails it; the plain GET answers in the same check.
    const second = await updater.checkNow();
    expect(second).toMatchObject({ status: "not-modified", why: "same-hash", fellBack: true });
    expect(calls.slice(1)).toEqual([
      { Accept: "application/json", "If-None-Match": ETAG },
      { Accept: "application/json" },
    ]);
    const state = updater.getState();
    expect(state.lastError).toBeUndefined();
    expect(state.lastResult?.message["en-US"]).toBe(`The dataset is unchanged; ${published.version} stays live.`);
    expectOneSentence(state.lastResult?.message);
    // Nothing lost or replaced: the same dataset answers, and Excel was not asked to recalculate again.
    expect(live.store.dataset.hash).toBe(published.hash);
    expect(recalculate).toHaveBeenCalledTimes(1);
    const remembered = JSON.parse(storage.data.get(PLAIN_HOSTS_KEY)!) as Record<string, string>;
    expect(remembered).toEqual({
      "https://data.example.org": new Date(clock.now().getTime() + PLAIN_MODE_MS).toISOString(),
    });

    // Within the day: plain GETs only, no failed preflight each time.
    clock.advance(PLAIN_MODE_MS - 60_000);
    expect(await updater.checkNow()).toMatchObject({ status: "not-modified", why: "same-hash" });
    expect(calls.slice(3)).toEqual([{ Accept: "application/json" }]);

    // A day later the conditional request is tried again; still unanswered, so remembered for another day.
    clock.advance(120_000);
    expect(await updater.checkNow()).toMatchObject({ fellBack: true });
    expect(calls.slice(4)).toEqual([
      { Accept: "application/json", "If-None-Match": ETAG },
      { Accept: "application/json" },
    ]);
    expect(JSON.parse(storage.data.get(PLAIN_HOSTS_KEY)!)["https://data.example.org"]).toBe(
      new Date(clock.now().getTime() + PLAIN_MODE_MS).toISOString(),
    );
    updater.dispose();
  });

  it("forgets the host once its preflight is answered again (304 by ETag)", async () => {
    const clock = movableClock(new Date(Date.parse(published.builtAt) + 60_000));
    const broken = host(published, { preflight: false, exposeEtag: true });
    const fixed = host(published, { preflight: true, exposeEtag: true });
    let current = broken.fetch;
    const { updater, storage } = updaterFor((url, init) => current(url, init), clock);
    await updater.start();
    await updater.checkNow();
    await updater.checkNow();
    expect(storage.data.has(PLAIN_HOSTS_KEY)).toBe(true);
    current = fixed.fetch;
    clock.advance(PLAIN_MODE_MS + 1);
    expect(await updater.checkNow()).toMatchObject({ status: "not-modified", why: "etag" });
    expect(fixed.calls).toEqual([{ Accept: "application/json", "If-None-Match": ETAG }]);
    expect(JSON.parse(storage.data.get(PLAIN_HOSTS_KEY)!)).toEqual({});
    updater.dispose();
  });

  it("with an ETag it cannot read, never sends If-None-Match and knows an unchanged dataset by its hash", async () => {
    const clock = movableClock(new Date(Date.parse(published.builtAt) + 60_000));
    const { fetch, calls } = host(published, { preflight: false, exposeEtag: false });
    const { updater, recalculate, live } = updaterFor(fetch, clock);
    await updater.start();
    expect(await updater.checkNow()).toMatchObject({ status: "updated" });
    expect(await updater.checkNow()).toMatchObject({ status: "not-modified", why: "same-hash" });
    expect(calls).toEqual([{ Accept: "application/json" }, { Accept: "application/json" }]);
    expect(updater.getState().lastResult?.status).toBe("not-modified");
    expect(live.store.dataset.hash).toBe(published.hash);
    expect(recalculate).toHaveBeenCalledTimes(1);
    updater.dispose();
  });

  it("a host that is down stays a network refusal, and is not remembered as plain", async () => {
    const clock = movableClock(new Date(Date.parse(published.builtAt) + 60_000));
    const { fetch } = host(published, { preflight: false, exposeEtag: true });
    let down = false;
    const { updater, storage, live } = updaterFor(async (url, init) => {
      if (down) throw new TypeError("Failed to fetch");
      return fetch(url, init);
    }, clock);
    await updater.start();
    await updater.checkNow();
    down = true;
    const result = await updater.checkNow();
    expect(result).toMatchObject({ status: "rejected", code: "network" });
    expect(result.status === "rejected" && result.reason["en-US"]).toBe(
      "The dataset server could not be reached; the current dataset is kept.",
    );
    expect(live.store.dataset.hash).toBe(published.hash);
    expect(storage.data.has(PLAIN_HOSTS_KEY)).toBe(false);
    updater.dispose();
  });
});

describe("a host serving the dataset already live (the bundled one)", () => {
  it("downloads it once, then revalidates with its ETag instead of fetching and validating it again", async () => {
    const clock = movableClock(new Date());
    const { fetch, calls } = host(builtDataset(), { preflight: true, exposeEtag: true });
    const { updater, recalculate } = updaterFor(fetch, clock);
    await updater.start();
    expect(await updater.checkNow()).toMatchObject({ status: "not-modified", why: "same-hash", etag: ETAG });
    expect(await updater.checkNow()).toMatchObject({ status: "not-modified", why: "etag" });
    expect(await updater.checkNow()).toMatchObject({ status: "not-modified", why: "etag" });
    expect(calls.map((headers) => headers["If-None-Match"] ?? "none")).toEqual(["none", ETAG, ETAG]);
    expect(recalculate).not.toHaveBeenCalled();
  });
});
