/** `hh eval --dataset <path-or-url>`: the CLI validates exactly like the add-in, and refuses in one line with exit code 2. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startDatasetServer, type DatasetServer } from "../../../src/cli/serve";
import type { Dataset, Fact } from "../../../src/core/schema";
import {
  builtDataset,
  datasetFolder,
  derive,
  probeFact,
  startFaultServer,
  valueFormula,
  setFigure,
  type FaultServer,
} from "./helpers";
import { hhAsync } from "../../jest/hh";

const hh = (...args: string[]) => hhAsync(args);

let base: Dataset;
let probe: Fact;
let newer: Dataset;
let folder: Awaited<ReturnType<typeof datasetFolder>>;
let hosted: DatasetServer;
let faults: FaultServer;

beforeAll(async () => {
  base = builtDataset();
  probe = probeFact(base);
  newer = derive(base, 3, (d) => {
    setFigure(
      d.facts.find((f) => f.id === probe.id)!,
      probe.value + 7,
    );
  });
  folder = await datasetFolder(newer);
  await writeFile(join(folder.dir, "malformed.json"), '{"schemaVersion":1,');
  await writeFile(
    join(folder.dir, "bad-fact.json"),
    JSON.stringify(derive(base, 3, (d) => void ((d.facts[2] as unknown as { period: string }).period = "next year"))),
  );
  hosted = await startDatasetServer({ dir: folder.dir, port: 0 });
  faults = await startFaultServer();
  faults.route("/500.json", (_q, r) => void r.writeHead(500).end("boom"));
});

afterAll(async () => {
  await hosted.close();
  await faults.close();
  await folder.remove();
});

describe("hh eval --dataset", () => {
  it.concurrent("evaluates against a good file", async () => {
    const result = await hh(
      "eval",
      "--dataset",
      join(folder.dir, "dataset.json"),
      '=HH.INFO("version")',
      '=HH.INFO("origin")',
      valueFormula(probe),
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toEqual([newer.version, "file", String(probe.value + 7)]);
  });

  it.concurrent("evaluates against a URL served by startDatasetServer", async () => {
    const result = await hh(
      "eval",
      "--dataset",
      hosted.url,
      '=HH.INFO("version")',
      '=HH.INFO("location")',
      valueFormula(probe),
    );
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toEqual([newer.version, hosted.url, String(probe.value + 7)]);
  });

  it.concurrent("without --dataset answers from the bundled dataset", async () => {
    const result = await hh("eval", '=HH.INFO("version")', valueFormula(probe));
    expect(result.stdout.trim().split("\n")).toEqual([base.version, String(probe.value)]);
  });

  for (const [name, location, expected] of [
    ["a malformed file", () => join(folder.dir, "malformed.json"), "The dataset is not valid JSON"],
    ["a file with a bad fact", () => join(folder.dir, "bad-fact.json"), "facts.2.period"],
    ["a missing file", () => join(folder.dir, "missing.json"), "ENOENT"],
    ["a URL answering 500", () => faults.url("/500.json"), "HTTP 500"],
    ["a plain http URL off loopback", () => "http://example.com/dataset.json", "Only https URLs are allowed"],
  ] as Array<[string, () => string, string]>) {
    it.concurrent(`refuses ${name} in one line with exit code 2`, async () => {
      const result = await hh("eval", "--dataset", location(), '=HH.INFO("version")');
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      const lines = result.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^hh: dataset refused: /);
      expect(lines[0]).toContain(expected);
      // hh answers nothing when refused: no dataset is "kept" by a command that stops.
      if (!lines[0].includes("ENOENT") && !lines[0].includes("Only https")) {
        expect(lines[0]).toContain("nothing was answered");
        expect(lines[0]).not.toContain("kept");
      }
    });
  }
});
