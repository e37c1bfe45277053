/** The pure pieces of the live-update policy on their own: the version rule, the cache policy, stored settings. */
import { describe, expect, it } from "@jest/globals";
import {
  cacheText,
  cacheTextWithEtag,
  compareToLive,
  decideRestore,
  DEFAULT_SETTINGS,
  LiveDataset,
  parseSettings,
} from "../../../src/core/live";
import type { Dataset } from "../../../src/core/schema";
import { WIRE_FORMAT } from "../../../src/core/wire";
import { builtDataset, derive } from "../../integration/live/helpers";

const base = builtDataset();
const url = "https://data.example/dataset.json";
const NOW = new Date();

function holding(dataset = base): LiveDataset {
  const live = new LiveDataset();
  live.swap(dataset, { kind: "embedded", location: "bundled" });
  return live;
}

describe("compareToLive", () => {
  it("same hash is the same dataset, an earlier build is older, anything else newer", () => {
    expect(compareToLive(structuredClone(base), base)).toBe("same");
    expect(compareToLive(derive(base, -1), base)).toBe("older");
    expect(compareToLive(derive(base, 1), base)).toBe("newer");
    expect(compareToLive({ ...derive(base, 0), builtAt: base.builtAt }, base)).toBe("newer");
  });
});

describe("decideRestore", () => {
  const newer = derive(base, 2);
  const saved = (dataset: Dataset, at = url) =>
    cacheText({ url: at, etag: '"e1"', savedAt: "2027-01-01T00:00:00.000Z", dataset });
  /** A record as an older version (plain JSON dataset) or a broken one stored it. */
  const savedAsIs = (dataset: unknown) =>
    JSON.stringify({ v: 1, url, etag: '"e1"', savedAt: "2027-01-01T00:00:00.000Z", dataset });

  it("restores a valid, newer dataset cached for the settings' URL", () => {
    const decision = decideRestore(saved(newer), url, holding(), NOW);
    expect(decision.restore).toBe(true);
    if (decision.restore) {
      expect(decision.dataset.hash).toBe(newer.hash);
      expect(decision.record).toMatchObject({ v: 1, url, etag: '"e1"' });
    }
  });

  it("stores the dataset compact, and still restores a cache an older version stored as plain JSON", () => {
    expect(JSON.parse(saved(newer)).dataset).toMatchObject({ format: WIRE_FORMAT, hash: newer.hash });
    expect(saved(newer).length).toBeLessThan(savedAsIs(newer).length);
    const decision = decideRestore(savedAsIs(newer), url, holding(), NOW);
    expect(decision.restore && decision.dataset).toEqual(newer);
  });

  it("drops a broken cache, and keeps (without restoring) one for another URL or not newer", () => {
    expect(decideRestore("{not json", url, holding(), NOW)).toEqual({ restore: false, drop: true });
    expect(decideRestore("null", url, holding(), NOW)).toEqual({ restore: false, drop: true });
    expect(decideRestore(savedAsIs({ schemaVersion: 1 }), url, holding(), NOW)).toEqual({ restore: false, drop: true });
    expect(decideRestore(saved(newer, "https://elsewhere.example/d.json"), url, holding(), NOW)).toEqual({
      restore: false,
      drop: false,
    });
    expect(decideRestore(saved(base), url, holding(), NOW)).toEqual({ restore: false, drop: false });
    expect(decideRestore(saved(derive(base, -3)), url, holding(), NOW)).toEqual({ restore: false, drop: false });
  });

  it("does not decode a cache whose header says it is no newer than what is live", () => {
    // Same hash as the live dataset, content unreadable: left alone (not decoded, so not found broken).
    const sameHeader = savedAsIs({ ...JSON.parse(saved(base)).dataset, facts: "not decoded" });
    expect(decideRestore(sameHeader, url, holding(), NOW)).toEqual({ restore: false, drop: false });
    // Claiming to be newer, the same content is decoded and found broken.
    const newerHeader = savedAsIs({
      ...JSON.parse(saved(base)).dataset,
      hash: newer.hash,
      builtAt: newer.builtAt,
      facts: "x",
    });
    expect(decideRestore(newerHeader, url, holding(), NOW)).toEqual({ restore: false, drop: true });
  });

  it("renews the ETag of a stored record, and leaves unreadable text alone", () => {
    expect(JSON.parse(cacheTextWithEtag(saved(newer), '"e2"')!)).toMatchObject({ url, etag: '"e2"' });
    expect(cacheTextWithEtag("{not json", '"e2"')).toBeUndefined();
  });
});

describe("parseSettings", () => {
  it("reads stored settings, and falls back to the defaults for nothing or garbage", () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings("{oops")).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(JSON.stringify({ url, checkOnOpen: false, intervalMinutes: 30 }))).toEqual({
      url,
      checkOnOpen: false,
      intervalMinutes: 30,
    });
  });
});
