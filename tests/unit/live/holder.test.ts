/** The schema-free holder the add-in's first script uses: it swaps raw input only once handed the schema. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { DatasetHolder } from "../../../src/core/live/holder";
import { DatasetError } from "../../../src/core/model";
import { parseDataset } from "../../../src/core/schema";

const DATASET: unknown = JSON.parse(readFileSync(resolve(__dirname, "../../../data/dist/dataset.json"), "utf8"));
const ORIGIN = { kind: "file", location: "holder test" } as const;

describe("DatasetHolder", () => {
  it("refuses to swap raw input before it has the schema, and holds nothing", () => {
    const holder = new DatasetHolder();
    expect(() => holder.swap(DATASET, ORIGIN)).toThrow("dataset check not loaded");
    expect(holder.loaded).toBe(false);
  });

  it("checks with the schema it is handed, keeping the old store when the input is invalid", () => {
    const holder = new DatasetHolder();
    holder.checkWith(parseDataset);
    const first = holder.swap(DATASET, ORIGIN);
    expect(holder.store).toBe(first);
    const broken = { ...(DATASET as object), facts: [{ id: "x" }] };
    expect(() => holder.swap(broken, ORIGIN)).toThrow(DatasetError);
    expect(holder.store).toBe(first);
  });
});
