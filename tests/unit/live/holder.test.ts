/** The live dataset: the schema-free holder the add-in uses, and LiveDataset, which validates raw input. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { LiveDataset } from "../../../src/core/live/dataset";
import { DatasetHolder } from "../../../src/core/live/holder";
import { DatasetError } from "../../../src/core/model";
import { parseDataset } from "../../../src/core/schema";
import { IndicatorStore } from "../../../src/core/store";

const DATASET: unknown = JSON.parse(readFileSync(resolve(__dirname, "../../../data/dist/dataset.json"), "utf8"));
const ORIGIN = { kind: "file", location: "holder test" } as const;

describe("DatasetHolder", () => {
  it("holds nothing until a validated store is swapped in, then tells its listeners", () => {
    const holder = new DatasetHolder();
    expect(holder.loaded).toBe(false);
    expect(() => holder.store).toThrow("dataset not loaded");
    const seen: unknown[] = [];
    holder.subscribe((store, previous) => seen.push([store, previous]));
    const store = holder.swapValidated(new IndicatorStore(parseDataset(DATASET), ORIGIN));
    expect(holder.store).toBe(store);
    expect(seen).toEqual([[store, undefined]]);
  });
});

describe("LiveDataset", () => {
  it("checks raw input with the schema, keeping the old store when the input is invalid", () => {
    const live = new LiveDataset();
    const first = live.swap(DATASET, ORIGIN);
    expect(live.store).toBe(first);
    const broken = { ...(DATASET as object), facts: [{ id: "x" }] };
    expect(() => live.swap(broken, ORIGIN)).toThrow(DatasetError);
    expect(live.store).toBe(first);
  });
});
