/** A dataset is refused when its hash, dates, values or references do not hold, whatever its shape. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { contentText, contentTextInSteps, INTEGRITY_STEP, integrityProblem } from "../../../src/core/integrity";
import { decodeDataset, encodeDatasetObject } from "../../../src/core/wire";
import { parseDataset, type Dataset } from "../../../src/core/schema";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const genuine = () =>
  JSON.parse(readFileSync(resolve(__dirname, "../../../data/dist/dataset.json"), "utf8")) as Dataset;
const check = (raw: Dataset, now = new Date()) => integrityProblem(parseDataset(raw), raw, now, sha256);

/** The built dataset's facts repeated past two steps of the checks, each copy under its own id, hashed. */
function large(): Dataset {
  const raw = genuine();
  const facts = Array.from({ length: 2 * INTEGRITY_STEP + 7 }, (_, i) => {
    const fact = raw.facts[i % raw.facts.length];
    return { ...fact, id: `${fact.id}#copy${i}` };
  });
  const dataset = { ...raw, facts, conflicts: [] };
  return { ...dataset, hash: sha256(contentText(dataset)) };
}

describe("dataset integrity in steps", () => {
  it("makes the same text in steps as at once, for a plain list and for facts made on demand", async () => {
    const raw = large();
    const decoded = decodeDataset(encodeDatasetObject(parseDataset(raw)));
    const whole = contentText(raw);
    await expect(contentTextInSteps(raw)).resolves.toBe(whole);
    await expect(contentTextInSteps(decoded)).resolves.toBe(whole);
    const small = genuine();
    await expect(contentTextInSteps(small)).resolves.toBe(contentText(small));
    const empty = { ...small, facts: [], conflicts: [] };
    await expect(contentTextInSteps(empty)).resolves.toBe(contentText(empty));
  });

  it("pauses between steps, and still finds a forged value past the first step", async () => {
    const raw = large();
    let pauses = 0;
    const pause = async () => void pauses++;
    const decoded = decodeDataset(encodeDatasetObject(parseDataset(raw)));
    await expect(integrityProblem(decoded, decoded, new Date(), sha256, pause)).resolves.toBeUndefined();
    // Three steps of values, three of text.
    expect(pauses).toBe(6);
    const forged = large();
    const fact = forged.facts[INTEGRITY_STEP + 3];
    fact.value = fact.value * 10 + 1;
    await expect(integrityProblem(parseDataset(forged), forged, new Date(), sha256, pause)).resolves.toMatchObject({
      code: "value",
      fact: fact.id,
    });
  });
});

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
