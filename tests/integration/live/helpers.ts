/** Shared fixtures for the live-data tests: datasets derived in memory from the real build, and a loopback fault server. */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect } from "@jest/globals";
import type { Reason } from "../../../src/core/live";
import { contentText } from "../../../src/core/integrity";
import type { Dataset, Fact } from "../../../src/core/schema";

export const ROOT = resolve(__dirname, "../../..");
export const BUILT_DATASET = join(ROOT, "data/dist/dataset.json");

/** The real dataset from `npm run build:data` (built here if a fresh clone lacks it). */
export function builtDataset(): Dataset {
  if (!existsSync(BUILT_DATASET)) {
    execFileSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/build-data.ts")], {
      cwd: ROOT,
      stdio: "ignore",
    });
  }
  return JSON.parse(readFileSync(BUILT_DATASET, "utf8")) as Dataset;
}

/** A fact HH.VALUE returns unambiguously: an actual yearly level with no competing fact. */
export function probeFact(dataset: Dataset): Fact {
  const counts = new Map<string, number>();
  const key = (f: Fact) => [f.indicator, f.region, f.period, f.kind, f.measure].join("|");
  for (const fact of dataset.facts) counts.set(key(fact), (counts.get(key(fact)) ?? 0) + 1);
  const fact = dataset.facts.find(
    (f) =>
      f.kind === "actual" &&
      f.measure === "level" &&
      /^\d{4}$/.test(f.period) &&
      counts.get(key(f)) === 1 &&
      f.unit !== "%",
  );
  if (!fact) throw new Error("no probe fact in the dataset");
  return fact;
}

export function valueFormula(fact: Fact): string {
  return `=HH.VALUE("${fact.indicator}",${fact.period},"${fact.region}")`;
}

/**
 * A later (or, with a negative step, earlier) build of `base`: builtAt moved by `steps` seconds — later
 * builds stay within the minute a published dataset may be ahead of this machine's clock, so none is
 * refused as dated in the future — with whatever `edit` changes, a note that makes its content (and so
 * its hash) its own, and a hash and version computed as the build computes them.
 */
export function derive(base: Dataset, steps: number, edit: (dataset: Dataset) => void = () => undefined): Dataset {
  const next = structuredClone(base);
  edit(next);
  next.builtAt = new Date(Date.parse(base.builtAt) + steps * 1000).toISOString();
  next.sources[0] = { ...next.sources[0], date_note: `${base.sources[0].date_note ?? ""} · test build ${steps}` };
  next.hash = createHash("sha256").update(contentText(next)).digest("hex");
  next.version = `${next.builtAt.slice(0, 10).replace(/-/g, ".")}+${next.hash.slice(0, 8)}`;
  return next;
}

/** Changes a fact's figure as a new report would: the value and the reported figure it is checked against. */
export function setFigure(fact: Fact, value: number): void {
  fact.value = value;
  const percent = fact.unit === "%" || fact.unit === "个百分点";
  const reported = percent ? value * 100 : value;
  fact.reported = { value: reported, unit: percent ? "%" : fact.unit, text: `${reported}${percent ? "%" : fact.unit}` };
}

/** Each language is exactly one sentence on one line. */
export function expectOneSentence(reason: Reason | undefined): void {
  expect(reason).toBeDefined();
  const zh = reason!["zh-CN"];
  const en = reason!["en-US"];
  for (const text of [zh, en]) expect(text).not.toMatch(/[\r\n]/);
  expect(zh.endsWith("。")).toBe(true);
  expect(zh.match(/。/g)).toHaveLength(1);
  expect(en.endsWith(".")).toBe(true);
  // No sentence break inside: ". " followed by more text.
  expect(en.slice(0, -1)).not.toMatch(/[.!?]\s+\S/);
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface FaultServer {
  origin: string;
  url(path: string): string;
  route(path: string, handler: Handler): void;
  requests: string[];
  close(): Promise<void>;
}

/** A loopback HTTP server whose routes each test defines; close() also drops hanging sockets. */
export async function startFaultServer(): Promise<FaultServer> {
  const routes = new Map<string, Handler>();
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url} ${request.headers["if-none-match"] ?? ""}`.trim());
    const handler = routes.get(new URL(request.url ?? "/", "http://x").pathname);
    if (handler) handler(request, response);
    else {
      response.writeHead(404).end("not found");
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, handler) => void routes.set(path, handler),
    requests,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

export function sendJson(body: string, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(200, {
      "Content-Type": "application/json",
      "Content-Length": String(Buffer.byteLength(body)),
      ...headers,
    });
    response.end(body);
  };
}

/** A folder holding one dataset.json, for startDatasetServer. */
export async function datasetFolder(
  dataset: unknown,
): Promise<{ dir: string; write(dataset: unknown): Promise<void>; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "hh-live-"));
  const write = (d: unknown) => writeFile(join(dir, "dataset.json"), JSON.stringify(d));
  await write(dataset);
  return { dir, write, remove: () => rm(dir, { recursive: true, force: true }) };
}
