/** A dataset is refused when its hash, dates, values or references do not hold, whatever its shape. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { contentText, integrityProblem } from "../../../src/core/integrity";
import { parseDataset, type Dataset } from "../../../src/core/schema";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const genuine = () =>
  JSON.parse(readFileSync(resolve(__dirname, "../../../data/dist/dataset.json"), "utf8")) as Dataset;
const check = (raw: Dataset, now = new Date()) => integrityProblem(parseDataset(raw), raw, now, sha256);

describe("dataset integrity", () => {
  it("accepts the built dataset: its hash is the sha256 of its content as the file holds it", async () => {
    const raw = genuine();
    expect(sha256(contentText(raw))).toBe(raw.hash);
    await expect(check(raw)).resolves.toBeUndefined();
  });

  it("refuses content changed under the same hash", async () => {
    const raw = genuine();
    raw.facts[0].quote = `${raw.facts[0].quote}。`;
    await expect(check(raw)).resolves.toMatchObject({ code: "hash", expected: raw.hash });
  });

  it("refuses a value that contradicts its own reported figure, even with a matching hash", async () => {
    const raw = genuine();
    const fact = raw.facts.find((f) => f.unit === "亿元")!;
    fact.value = fact.value * 10;
    raw.hash = sha256(contentText(raw));
    await expect(check(raw)).resolves.toMatchObject({ code: "value", fact: fact.id });
  });

  it("refuses a dataset built in the future (it would block every genuine update)", async () => {
    const raw = genuine();
    raw.builtAt = "2099-01-01T00:00:00.000Z";
    await expect(check(raw)).resolves.toMatchObject({ code: "future" });
    await expect(check(raw, new Date("2099-01-01T00:00:30Z"))).resolves.toBeUndefined();
  });

  it("refuses duplicate fact ids and conflicts that point at missing facts", () => {
    const duplicate = genuine();
    duplicate.facts.push({ ...duplicate.facts[0] });
    expect(() => parseDataset(duplicate)).toThrow(/duplicate fact id/);
    const dangling = genuine();
    dangling.conflicts[0].facts = [...dangling.conflicts[0].facts, "no-such-fact"];
    expect(() => parseDataset(dangling)).toThrow(/missing fact no-such-fact/);
  });
});
