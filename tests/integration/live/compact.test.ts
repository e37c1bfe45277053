/**
 * A dataset in the compact wire format is accepted wherever a plain JSON one is: `hh eval --dataset`
 * and a published URL; and refused there, in the same one sentence, when its hash does not hold.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { checkPublished } from "../../../src/core/live";
import { parseDataset, type Dataset, type Fact } from "../../../src/core/schema";
import { encodeDataset } from "../../../src/core/wire";
import { systemClock, webSha256Hex } from "../../../src/runtime/platform";
import { builtDataset, derive, probeFact, setFigure, valueFormula } from "./helpers";
import { hhAsync } from "../../jest/hh";

const hh = (...args: string[]) => hhAsync(args);

let base: Dataset;
let probe: Fact;
let newer: Dataset;
let dir: string;

beforeAll(async () => {
  base = builtDataset();
  probe = probeFact(base);
  newer = derive(base, 3, (d) =>
    setFigure(
      d.facts.find((f) => f.id === probe.id)!,
      probe.value + 7,
    ),
  );
  dir = await mkdtemp(join(tmpdir(), "hh-compact-"));
  await writeFile(join(dir, "newer.hhc.json"), encodeDataset(parseDataset(newer)));
  const forged = parseDataset(newer);
  forged.facts[0].quote = `${forged.facts[0].quote}(改)`;
  await writeFile(join(dir, "forged.hhc.json"), encodeDataset(forged));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the compact format where datasets come in", () => {
  it("hh eval --dataset reads a compact file and answers from it", async () => {
    const result = await hh(
      "eval",
      "--dataset",
      join(dir, "newer.hhc.json"),
      '=HH.INFO("version")',
      valueFormula(probe),
    );
    expect(result.stderr).toBe("");
    expect(result.stdout.trim().split("\n")).toEqual([newer.version, String(probe.value + 7)]);
  });

  it("hh eval --dataset refuses a compact file whose content does not match its hash, in one line", async () => {
    const result = await hh("eval", "--dataset", join(dir, "forged.hhc.json"), '=HH.INFO("version")');
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^hh: dataset refused: .*does not match its hash/);
  });

  it("a published URL may serve the compact format", async () => {
    const text = encodeDataset(parseDataset(newer));
    const result = await checkPublished({
      url: "https://data.example/dataset.hhc.json",
      fetch: async () => new Response(text, { status: 200 }),
      current: base,
      timeoutMs: 10_000,
      maxBytes: 10 * 1024 * 1024,
      clock: systemClock,
      sha256Hex: webSha256Hex,
    });
    expect(result.status).toBe("updated");
    if (result.status === "updated") expect(result.dataset).toEqual(parseDataset(newer));
  });
});
