/**
 * `hh serve dist`: the headers Excel on the web needs from the add-in's host, over real HTTP on a random
 * port, against a folder shaped like dist/ with every kind of file, plus symlinks, a dotfile and a file
 * just outside the root.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, it, jest } from "@jest/globals";
import { expect } from "../jest/expect";
import { waitFor } from "../jest/wait-for";
import { addServeCommand, startStaticServer, type DatasetServer } from "../../src/cli/serve";
import { CACHE_IMMUTABLE, PAGE_CSP } from "../../src/hosting/policy";

const EXCEL_ON_THE_WEB = "https://excel.officeapps.live.com";
const PUBLIC_HOST = "addin.example.org";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request: the path goes out byte for byte (fetch would normalise `..` and %2e%2e away). */
function send(
  server: DatasetServer,
  path: string,
  { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolveAnswer, reject) => {
    const req = request({ host: hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolveAnswer({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

let parent: string;
let root: string;
let server: DatasetServer;

const FILES: Record<string, [string, string]> = {
  "taskpane.html": ["<!doctype html><title>pane</title>", "text/html; charset=utf-8"],
  "support.html": ["<!doctype html><title>support</title>", "text/html; charset=utf-8"],
  "taskpane.js": ["console.log(1);", "text/javascript; charset=utf-8"],
  "functions.js": ["console.log(2);", "text/javascript; charset=utf-8"],
  "vendors.3f2a1b4c5d6e7f80.js": ["console.log(3);", "text/javascript; charset=utf-8"],
  "taskpane.css": ["body{}", "text/css; charset=utf-8"],
  "functions.json": ['{"functions":[]}', "application/json; charset=utf-8"],
  "manifest.xml": ["<OfficeApp/>", "application/xml; charset=utf-8"],
  "taskpane.js.map": ['{"version":3}', "application/json; charset=utf-8"],
  "taskpane.js.LICENSE.txt": ["MIT", "text/plain; charset=utf-8"],
  "assets/icon-32.png": ["\x89PNG", "image/png"],
  "assets/logo.svg": ["<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"],
  "favicon.ico": ["ico", "image/x-icon"],
  "assets/font.woff2": ["wOF2", "font/woff2"],
  "data/dataset.json": ['{"facts":[]}', "application/json; charset=utf-8"],
  "data/facts.csv": ["id,value\n", "text/csv; charset=utf-8"],
};

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), "hh-host-"));
  root = join(parent, "dist");
  for (const [path, [body]] of Object.entries(FILES)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), body);
  }
  writeFileSync(join(parent, "secret.txt"), "outside the root");
  writeFileSync(join(root, ".env"), "TOKEN=x");
  symlinkSync(join(parent, "secret.txt"), join(root, "linked.txt"));
  symlinkSync(join(root, "functions.json"), join(root, "same-folder-link.json"));
  symlinkSync(parent, join(root, "up"));
  server = await startStaticServer({ dir: root, port: 0, allowOrigins: ["*"], allowedHosts: [PUBLIC_HOST] });
});

afterAll(async () => {
  await server.close();
  rmSync(parent, { recursive: true, force: true });
});

describe("hh serve dist: what Excel on the web fetches", () => {
  it("points its URL at the dataset inside dist/", () => {
    expect(server.url).toBe(`${server.origin}/data/dataset.json`);
  });

  it("serves every kind of file in dist/ with its type, nosniff and CORS for any origin", async () => {
    for (const [path, [body, type]] of Object.entries(FILES)) {
      const answer = await send(server, `/${path}`, { headers: { Origin: EXCEL_ON_THE_WEB } });
      expect(answer.status, path).toBe(200);
      expect(answer.headers["content-type"], path).toBe(type);
      expect(answer.body.toString("latin1"), path).toBe(Buffer.from(body).toString("latin1"));
      expect(answer.headers["x-content-type-options"], path).toBe("nosniff");
      expect(answer.headers["access-control-allow-origin"], path).toBe("*");
      expect(answer.headers["access-control-expose-headers"], path).toBe("ETag");
      expect(answer.headers["access-control-allow-credentials"], path).toBeUndefined();
    }
  });

  it("sends a strong content ETag and answers 304 to it, for HEAD too", async () => {
    const answer = await send(server, "/functions.json");
    const etag = answer.headers.etag as string;
    expect(etag).toBe(`"${createHash("sha256").update(FILES["functions.json"][0]).digest("hex")}"`);
    const again = await send(server, "/functions.json", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers["access-control-allow-origin"]).toBe("*");
    const head = await send(server, "/functions.json", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(Buffer.byteLength(FILES["functions.json"][0])));
    expect(head.headers.etag).toBe(etag);
  });

  it("revalidates pages, manifest, functions.json and datasets; caches content-hashed bundles for a year", async () => {
    for (const path of ["taskpane.html", "manifest.xml", "functions.json", "functions.js", "data/dataset.json"]) {
      expect((await send(server, `/${path}`)).headers["cache-control"], path).toBe("no-cache");
    }
    expect((await send(server, "/vendors.3f2a1b4c5d6e7f80.js")).headers["cache-control"]).toBe(CACHE_IMMUTABLE);
    expect(CACHE_IMMUTABLE).toMatch(/max-age=31536000.*immutable/);
  });

  it("puts the pages' CSP on HTML (with the old-engine check's hash, no unsafe-inline scripts), a locked one elsewhere", async () => {
    for (const page of ["taskpane.html", "support.html"]) {
      const csp = (await send(server, `/${page}`)).headers["content-security-policy"] as string;
      expect(csp, page).toBe(PAGE_CSP);
      expect(csp, page).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com 'sha256-[A-Za-z0-9+/]+=*'/);
      expect(csp.match(/script-src[^;]*/)![0], page).not.toContain("unsafe");
    }
    expect((await send(server, "/functions.json")).headers["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it("answers the preflight If-None-Match costs", async () => {
    const answer = await send(server, "/data/dataset.json", {
      method: "OPTIONS",
      headers: {
        Origin: "https://addin.example.org",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "if-none-match",
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    expect(answer.headers["access-control-allow-headers"]).toMatch(/(^|, )If-None-Match(,|$)/i);
    expect(answer.headers["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS");
    expect(answer.headers["access-control-expose-headers"]).toBe("ETag");
    expect(Number(answer.headers["access-control-max-age"])).toBeGreaterThan(0);
  });

  it("allows only GET, HEAD and OPTIONS", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const answer = await send(server, "/functions.json", { method });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow, method).toBe("GET, HEAD, OPTIONS");
    }
  });
});

describe("hh serve dist: what it refuses", () => {
  it("answers only its configured host names and loopback (DNS rebinding gets 421)", async () => {
    const { port } = new URL(server.origin);
    for (const host of [
      `${PUBLIC_HOST}`,
      `ADDIN.example.org:${port}`,
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
    ]) {
      expect((await send(server, "/functions.json", { headers: { Host: host } })).status, host).toBe(200);
    }
    for (const host of [
      "rebind.attacker.example",
      `evil.example:${port}`,
      "addin.example.org.evil.example",
      "10.0.0.5",
    ]) {
      const answer = await send(server, "/data/dataset.json", { headers: { Host: host } });
      expect(answer.status, host).toBe(421);
      expect(answer.body.toString(), host).not.toContain("facts");
    }
  });

  it("never serves anything outside the root: traversal, encoded traversal, NUL, backslashes", async () => {
    for (const path of [
      "/../secret.txt",
      "/data/../../secret.txt",
      "/%2e%2e/secret.txt",
      "/%2E%2E%2Fsecret.txt",
      "/data%2f..%2f..%2fsecret.txt",
      "/..%5csecret.txt",
      "/functions.json%00.png",
      "/%c0%ae%c0%ae/secret.txt",
      "/%",
    ]) {
      const answer = await send(server, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString(), path).not.toContain("outside the root");
    }
  });

  it("follows no symlink, even one pointing inside the root, and serves no dotfile or folder", async () => {
    for (const path of [
      "/linked.txt",
      "/same-folder-link.json",
      "/up/secret.txt",
      "/up/dist/functions.json",
      "/.env",
      "/data",
      "/assets/",
    ]) {
      const answer = await send(server, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString(), path).not.toMatch(/outside the root|TOKEN|functions/);
    }
  });
});

describe("hh serve dist (the command)", () => {
  async function serveCommand(
    ...args: string[]
  ): Promise<{ server: DatasetServer; lines: string; stop(): Promise<void> }> {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const program = new Command().exitOverride();
    let started: DatasetServer | undefined;
    addServeCommand(program, (s) => (started = s));
    const done = program.parseAsync(["node", "hh", "serve", root, "--port", "0", ...args]);
    await waitFor(() => expect(started).toBeDefined());
    const lines = log.mock.calls.map((call) => String(call[0])).join("\n");
    log.mockRestore();
    return {
      server: started!,
      lines,
      stop: async () => {
        await started!.close();
        await done;
      },
    };
  }

  it("takes --allowed-host, answers that name and loopback only, and says so", async () => {
    const { server: command, lines, stop } = await serveCommand("--allow-origin", "*", "--allowed-host", PUBLIC_HOST);
    try {
      expect(lines).toMatch(/^hh: serving .+dist at http:\/\/127\.0\.0\.1:\d+\/data\/dataset\.json \(CORS: \*\)/);
      expect(lines).toContain(`hh: answering only requests for these host names: ${PUBLIC_HOST}`);
      expect((await send(command, "/functions.json", { headers: { Host: PUBLIC_HOST } })).status).toBe(200);
      expect((await send(command, "/functions.json", { headers: { Host: "other.example" } })).status).toBe(421);
    } finally {
      await stop();
    }
  });

  it("on every interface without --allowed-host, warns that only loopback names are answered", async () => {
    const { server: command, lines, stop } = await serveCommand("--host", "0.0.0.0");
    try {
      expect(lines).toContain("add public host names with --allowed-host");
      expect((await send(command, "/functions.json", { headers: { Host: "192.0.2.10" } })).status).toBe(421);
      expect((await send(command, "/functions.json")).status).toBe(200);
    } finally {
      await stop();
    }
  });
});
