/**
 * `hh serve [dir]`: serves a dataset folder (default data/dist) on loopback for demos and tests,
 * with the headers a published dataset needs:
 * - ETag (sha256 of the bytes) and 304 on a matching If-None-Match, so unchanged data costs nothing;
 * - Cache-Control: no-cache, so every client revalidates instead of trusting a stale copy;
 * - CORS for the add-in's origin. The pane and functions run on the add-in's origin
 *   (https://localhost:3000 in development), a different origin from this server, so without
 *   Access-Control-Allow-Origin the browser hides the response. If-None-Match is not a
 *   CORS-safelisted header, so the browser sends a preflight (OPTIONS) that must allow it, and the
 *   ETag response header must be exposed or the add-in can never send it back. The add-in fetches
 *   without credentials, so no Allow-Credentials is sent and "*" is also acceptable.
 * Files are re-read per request, so a rebuilt dataset is served at once with a new ETag.
 */
import { cliText, terminalLang } from "../core/messages/cli";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";
import type { Command } from "commander";

const TERMINAL_LANG = terminalLang(process.env);

/** The webpack dev server's origin, where the task pane and the shared runtime are loaded from. */
export const DEFAULT_ADDIN_ORIGINS = ["https://localhost:3000"];

const CONTENT_TYPES: Record<string, string> = {
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
};

export interface DatasetServerOptions {
  /** Folder to serve; default data/dist. */
  dir?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Loopback only by default: this is a demo server, not a public one. */
  host?: string;
  /** Origins allowed to read the files from a browser; "*" allows any. */
  allowOrigins?: string[];
}

export interface DatasetServer {
  url: string;
  close(): Promise<void>;
  /** Settles once the server has stopped, however it was stopped. */
  closed: Promise<void>;
}

/** What a running server needs, loaded when one starts rather than with every hh command. */
async function serverModules() {
  const [http, crypto, fs] = await Promise.all([
    import("node:http"),
    import("node:crypto"),
    import("node:fs/promises"),
  ]);
  return { createServer: http.createServer, createHash: crypto.createHash, readFile: fs.readFile, stat: fs.stat };
}
type ServerModules = Awaited<ReturnType<typeof serverModules>>;

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

function corsHeaders(request: IncomingMessage, allowOrigins: string[]): Record<string, string> {
  const origin = request.headers.origin;
  const headers: Record<string, string> = { "Access-Control-Expose-Headers": "ETag" };
  if (allowOrigins.includes("*")) headers["Access-Control-Allow-Origin"] = "*";
  else if (origin && allowOrigins.includes(origin)) headers["Access-Control-Allow-Origin"] = origin;
  // The answer depends on Origin, so shared caches must key on it.
  headers.Vary = "Origin";
  return headers;
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  allowOrigins: string[],
  { createHash, readFile, stat }: ServerModules,
) {
  const base = {
    ...corsHeaders(request, allowOrigins),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  };
  if (request.method === "OPTIONS") {
    response.writeHead(204, {
      ...base,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match, Accept",
      // Chrome's Private Network Access: a page on a public origin may only reach loopback if it says yes.
      "Access-Control-Allow-Private-Network": "true",
      "Access-Control-Max-Age": "600",
    });
    response.end();
    return;
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { ...base, Allow: "GET, HEAD, OPTIONS", "Content-Type": "text/plain; charset=utf-8" });
    response.end("method not allowed\n");
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
  } catch {
    pathname = "\0";
  }
  if (pathname === "/" || pathname === "") pathname = "/dataset.json";
  // Also accept the dev server's path, so the same URL shape works against both.
  if (pathname === "/data/dataset.json") pathname = "/dataset.json";
  const file = resolve(root, `.${pathname}`);
  const inside = file.startsWith(root + sep) && !pathname.includes("\0");
  const info = inside ? await stat(file).catch(() => undefined) : undefined;
  if (!info?.isFile()) {
    response.writeHead(404, { ...base, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache" });
    response.end("not found\n");
    return;
  }
  const body = await readFile(file);
  const etag = `"${createHash("sha256").update(body).digest("hex")}"`;
  const headers = {
    ...base,
    ETag: etag,
    "Cache-Control": "no-cache",
    "Last-Modified": info.mtime.toUTCString(),
  };
  if (etagMatches(request.headers["if-none-match"], etag)) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  response.writeHead(200, {
    ...headers,
    "Content-Type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": String(body.byteLength),
  });
  response.end(request.method === "HEAD" ? undefined : body);
}

/** Starts the server; resolves once it listens. `url` points at dataset.json. */
export async function startDatasetServer(options: DatasetServerOptions = {}): Promise<DatasetServer> {
  const root = resolve(options.dir ?? "data/dist");
  const host = options.host ?? "127.0.0.1";
  const allowOrigins = options.allowOrigins ?? DEFAULT_ADDIN_ORIGINS;
  const modules = await serverModules();
  const info = await modules.stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`not a folder: ${root} (run npm run build:data first?)`);
  const server = modules.createServer((request, response) => {
    handle(request, response, root, allowOrigins, modules).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      response.end(`error: ${(error as Error).message}\n`);
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(options.port ?? 8787, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  const closed = new Promise<void>((resolveClosed) => server.once("close", () => resolveClosed()));
  return {
    url: `http://${shownHost}:${port}/dataset.json`,
    close: () => {
      if (server.listening) {
        server.close();
        server.closeAllConnections();
      }
      return closed;
    },
    closed,
  };
}

/**
 * Adds `hh serve [dir] --port N --host H --allow-origin O…` to the CLI. The action resolves only
 * when the server stops (Ctrl+C / SIGTERM), so `hh` does not exit while serving.
 */
export function addServeCommand(program: Command, onStarted: (server: DatasetServer) => void = () => undefined): void {
  program
    .command("serve")
    .description(
      "serve a dataset folder on localhost with ETag, Cache-Control: no-cache and CORS for the add-in, e.g. hh serve data/dist --port 8787",
    )
    .argument("[dir]", "folder holding dataset.json", "data/dist")
    .option("-p, --port <n>", "port (0 picks a free one)", "8787")
    .option("--host <host>", "interface to listen on (loopback only unless you mean it)", "127.0.0.1")
    .option("--allow-origin <origin...>", "origins allowed by CORS, or *", DEFAULT_ADDIN_ORIGINS)
    .action(async (dir: string, options: { port: string; host: string; allowOrigin: string[] }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port must be 0-65535, got ${options.port}`);
      const server = await startDatasetServer({ dir, port, host: options.host, allowOrigins: options.allowOrigin });
      console.log(`hh: ${cliText(TERMINAL_LANG, "serving", resolve(dir), server.url, options.allowOrigin.join(", "))}`);
      const stop = () => void server.close();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      onStarted(server);
      await server.closed;
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    });
}
