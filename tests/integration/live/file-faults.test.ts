/**
 * `--dataset` with files that are not plain files, and text with a byte-order mark: each kind of file is
 * refused in one sentence within the deadline (or accepted, for a BOM), and the live dataset is untouched.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { loadDatasetFrom } from "../../../src/cli/load-dataset";
import { checkPublished } from "../../../src/core/live";
import type { Dataset } from "../../../src/core/schema";
import { systemClock, webSha256Hex } from "../../../src/runtime/platform";
import { builtDataset, derive, ROOT, sendJson, startFaultServer, type FaultServer } from "./helpers";

const SHORT_TIMEOUT_MS = 400;
let dir: string;
let newer: Dataset;
let server: FaultServer;
const writers: ChildProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "hh-file-faults-"));
  newer = derive(builtDataset(), 2);
  server = await startFaultServer();
});

afterAll(async () => {
  for (const writer of writers) if (writer.exitCode === null) writer.kill();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function fifo(name: string): string {
  const path = join(dir, name);
  expect(spawnSync("mkfifo", [path]).status).toBe(0);
  return path;
}

/** A shell writing into `path`, ended in afterAll if it is still running. */
function writer(script: string, path: string): ChildProcess {
  const child = spawn("sh", ["-c", script, "sh", path], { stdio: "ignore" });
  writers.push(child);
  return child;
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = Date.now();
  const result = await work();
  return { result, ms: Date.now() - start };
}

describe("--dataset <file> of every kind", () => {
  it("refuses /dev/zero at once (its size says 0) instead of reading forever", async () => {
    const { result, ms } = await timed(() => loadDatasetFrom("/dev/zero", { timeoutMs: 10_000 }));
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining("/dev/zero is a device or socket, not a dataset file, so nothing was read."),
    });
    expect(ms).toBeLessThan(2000);
  });

  it("refuses a folder in one sentence", async () => {
    const result = await loadDatasetFrom(dir);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining(`${dir} is a folder, not a dataset file`) });
  });

  it("times out on a FIFO no one writes to", async () => {
    const path = fifo("silent");
    const { result, ms } = await timed(() => loadDatasetFrom(path, { timeoutMs: SHORT_TIMEOUT_MS }));
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining(
        `Nothing arrived from ${path} within 0.4 s (nobody wrote to it, or its writer closed without writing)`,
      ),
    });
    expect(ms).toBeGreaterThanOrEqual(SHORT_TIMEOUT_MS - 20);
    expect(ms).toBeLessThan(SHORT_TIMEOUT_MS + 1500);
  });

  it("says nothing arrived from a FIFO whose writer closes without writing", async () => {
    const path = fifo("empty");
    writer('sleep 0.1; : > "$1"', path);
    const result = await loadDatasetFrom(path, { timeoutMs: SHORT_TIMEOUT_MS });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining(`Nothing arrived from ${path} within 0.4 s`) });
  });

  it("times out on a FIFO whose writer sends half a dataset and never closes", async () => {
    const path = fifo("stalled");
    writer('exec 3>"$1"; printf \'{"schemaVersion":1,\' >&3; sleep 30', path);
    const result = await loadDatasetFrom(path, { timeoutMs: SHORT_TIMEOUT_MS });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("did not finish within 0.4 s") });
  });

  it("stops an endless writer at the byte cap", async () => {
    const path = fifo("endless");
    writer('yes > "$1"', path);
    const result = await loadDatasetFrom(path, { timeoutMs: 10_000, maxBytes: 1024 * 1024 });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("larger than the 1 MB limit") });
  });

  it("reads a dataset from a FIFO whose writer closes (a shell's <(command))", async () => {
    const path = fifo("piped");
    writer(`cat '${join(ROOT, "data/dist/dataset.json")}' > "$1"`, path);
    const result = await loadDatasetFrom(path, { timeoutMs: 10_000 });
    expect(result.ok && result.dataset.version).toBe(builtDataset().version);
  });

  it("accepts a file that starts with a UTF-8 BOM, and only one", async () => {
    const path = join(dir, "bom.json");
    await writeFile(path, `\ufeff${JSON.stringify(newer)}`);
    const result = await loadDatasetFrom(path);
    expect(result.ok && result.dataset.version).toBe(newer.version);
    await writeFile(path, `\ufeff\ufeff${JSON.stringify(newer)}`);
    expect(await loadDatasetFrom(path)).toEqual({
      ok: false,
      reason: expect.stringContaining("The dataset is not valid JSON"),
    });
  });

  it("says why an unreadable file cannot be read", async () => {
    const result = await loadDatasetFrom(join(dir, "missing.json"));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("missing.json cannot be read (ENOENT).") });
  });
});

describe("published dataset with a BOM", () => {
  it("is accepted like one without", async () => {
    server.route("/bom.json", sendJson(`\ufeff${JSON.stringify(newer)}`));
    const result = await checkPublished({
      url: server.url("/bom.json"),
      fetch,
      clock: systemClock,
      sha256Hex: webSha256Hex,
    });
    expect(result.status).toBe("updated");
    expect(result.status === "updated" && result.dataset.version).toBe(newer.version);
  });
});
