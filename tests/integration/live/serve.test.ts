/** `hh serve`: the headers a published dataset needs, on loopback. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, it, jest } from "@jest/globals";
import { expect } from "../../jest/expect";
import { addServeCommand, startDatasetServer, type DatasetServer } from "../../../src/cli/serve";
import { waitFor } from "../../jest/wait-for";
import { builtDataset, datasetFolder, derive } from "./helpers";

let folder: Awaited<ReturnType<typeof datasetFolder>>;
let server: DatasetServer;
const ADDIN = "https://localhost:3000";

beforeAll(async () => {
  folder = await datasetFolder(builtDataset());
  await writeFile(join(folder.dir, "facts.csv"), "id,value\n");
  server = await startDatasetServer({ dir: folder.dir, port: 0 });
});

afterAll(async () => {
  await server.close();
  await folder.remove();
});

describe("startDatasetServer", () => {
  it("listens on 127.0.0.1 and points at dataset.json", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dataset\.json$/);
  });

  it("serves JSON with a content hash ETag, no-cache, and CORS for the add-in origin", async () => {
    const response = await fetch(server.url, { headers: { Origin: ADDIN } });
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("etag")).toBe(`"${createHash("sha256").update(body).digest("hex")}"`);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("access-control-allow-origin")).toBe(ADDIN);
    expect(response.headers.get("access-control-expose-headers")).toBe("ETag");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("answers 304 to a matching If-None-Match (also in a list, or weak), 200 otherwise", async () => {
    const etag = (await fetch(server.url)).headers.get("etag")!;
    for (const header of [etag, `"other", ${etag}`, `W/${etag}`, "*"]) {
      const response = await fetch(server.url, { headers: { "If-None-Match": header } });
      expect(response.status).toBe(304);
      expect(await response.text()).toBe("");
      expect(response.headers.get("etag")).toBe(etag);
    }
    expect((await fetch(server.url, { headers: { "If-None-Match": '"stale"' } })).status).toBe(200);
  });

  it("serves a rebuilt dataset at once with a new ETag", async () => {
    const before = (await fetch(server.url)).headers.get("etag");
    await folder.write(derive(builtDataset(), 1));
    const response = await fetch(server.url, { headers: { "If-None-Match": before! } });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).not.toBe(before);
  });

  it("answers the CORS preflight that If-None-Match causes", async () => {
    const response = await fetch(server.url, {
      method: "OPTIONS",
      headers: {
        Origin: ADDIN,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "if-none-match",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(ADDIN);
    expect(response.headers.get("access-control-allow-headers")).toMatch(/If-None-Match/i);
    expect(response.headers.get("access-control-allow-methods")).toMatch(/GET/);
  });

  it("does not grant other origins", async () => {
    const response = await fetch(server.url, { headers: { Origin: "https://evil.example" } });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    await response.arrayBuffer();
  });

  it("serves other files with their types, the dev-server path, and 404s outside the folder", async () => {
    const origin = new URL(server.url).origin;
    const csv = await fetch(`${origin}/facts.csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    await csv.arrayBuffer();
    const dev = await fetch(`${origin}/data/dataset.json`);
    expect(dev.status).toBe(200);
    await dev.arrayBuffer();
    for (const path of ["/nope.json", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/%00"]) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(404);
      await response.arrayBuffer();
    }
    const post = await fetch(server.url, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    await post.arrayBuffer();
  });

  it("the default folder is data/dist", async () => {
    const defaultServer = await startDatasetServer({ port: 0 });
    try {
      const body = await (await fetch(defaultServer.url)).text();
      expect(body).toBe(readFileSync(join(__dirname, "../../../data/dist/dataset.json"), "utf8"));
    } finally {
      await defaultServer.close();
    }
  });
});

describe("hh serve (addServeCommand)", () => {
  it("serves the folder until stopped, then the command returns", async () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const program = new Command().exitOverride();
    let started: DatasetServer | undefined;
    addServeCommand(program, (s) => (started = s));
    const done = program.parseAsync(["node", "hh", "serve", folder.dir, "--port", "0", "--allow-origin", "*"]);
    await waitFor(() => expect(started).toBeDefined());
    const response = await fetch(started!.url, { headers: { Origin: "https://anything.example" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    await response.arrayBuffer();
    expect(log.mock.calls[0][0]).toMatch(/^hh: serving .+ at http:\/\/127\.0\.0\.1:\d+\/dataset\.json/);
    await started!.close();
    await done;
    log.mockRestore();
  });

  it("refuses a bad port and a missing folder", async () => {
    const program = new Command().exitOverride();
    addServeCommand(program);
    await expect(program.parseAsync(["node", "hh", "serve", folder.dir, "--port", "http"])).rejects.toThrow(/--port/);
    await expect(startDatasetServer({ dir: "/no/such/folder", port: 0 })).rejects.toThrow(/not a folder/);
  });
});
