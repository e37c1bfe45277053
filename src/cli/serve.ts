/**
 * `hh serve [dir]`: a static host for the built add-in (dist/) or a dataset folder (default data/dist),
 * with the headers Excel on the web and the published-dataset check need (rules in src/hosting/policy.ts):
 * - CORS on every file (functions.json, functions.js, datasets, icons are fetched cross-origin), preflights
 *   that allow If-None-Match, and the ETag exposed so the add-in can send it back;
 * - a strong ETag (sha256 of the bytes) and 304 on a matching If-None-Match; Cache-Control no-cache, or
 *   immutable for content-hashed names; the type by extension, nosniff; the pages' CSP on HTML;
 * - a Host check (configured names and loopback only), so a DNS-rebinding page cannot read it;
 * - nothing outside the folder: no `..`, no encoded traversal, no NUL, no dotfiles, no symlinks.
 * Files are re-read per request, so a rebuilt dataset is served at once with a new ETag.
 */
import { cliText, terminalLang } from "../core/messages/cli";
import { HOSTING_MESSAGES } from "../core/messages/hosting";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve, sep } from "node:path";
import type { Command } from "commander";

const TERMINAL_LANG = terminalLang(process.env);

/** The webpack dev server's origin, where the task pane and the shared runtime are loaded from. */
export const DEFAULT_ADDIN_ORIGINS = ["https://localhost:3000"];

/** Names every request may use whatever is configured: this machine. */
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "::1"];
const WILDCARD_BINDS = ["0.0.0.0", "::", ""];

export interface StaticServerOptions {
  /** Folder to serve; default data/dist. */
  dir?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Interface to listen on; loopback unless you mean it. */
  host?: string;
  /** Origins allowed to read the files from a browser; "*" allows any. */
  allowOrigins?: string[];
  /** Host names (Host header) answered besides loopback, e.g. addin.example.org. */
  allowedHosts?: string[];
}
/** Kept for existing callers: the options of a dataset-folder server are the same. */
export type DatasetServerOptions = StaticServerOptions;

export interface DatasetServer {
  /** The dataset's URL when the folder holds one (dataset.json or data/dataset.json), else the root. */
  url: string;
  origin: string;
  close(): Promise<void>;
  /** Settles once the server has stopped, however it was stopped. */
  closed: Promise<void>;
}

/** What a running server needs, loaded when one starts rather than with every hh command. */
async function serverModules() {
  const [http, crypto, fs, policy] = await Promise.all([
    import("node:http"),
    import("node:crypto"),
    import("node:fs/promises"),
    import("../hosting/policy"),
  ]);
  return { http, crypto, fs, policy };
}
type ServerModules = Awaited<ReturnType<typeof serverModules>>;

interface ServerConfig {
  root: string;
  allowOrigins: string[];
  allowedHosts: Set<string>;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/** The host name of a Host header, lower-case, without port or IPv6 brackets. */
export function hostName(header: string): string {
  const value = header.trim().toLowerCase();
  if (value.startsWith("[")) return value.slice(1, value.indexOf("]") >>> 0);
  const colon = value.indexOf(":");
  return colon >= 0 && colon === value.lastIndexOf(":") ? value.slice(0, colon) : value;
}

/**
 * The path's segments, or undefined for anything that could leave the folder or name a hidden file:
 * a bad percent-encoding, NUL, a backslash, `.` / `..` (plain or encoded) or a segment starting with ".".
 */
export function safeSegments(requestUrl: string): string[] | undefined {
  const raw = requestUrl.split(/[?#]/)[0];
  if (!raw.startsWith("/")) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (/[\0\\]/.test(decoded)) return undefined;
  const segments = decoded.split("/").filter((segment) => segment !== "");
  return segments.some((segment) => segment.startsWith(".")) ? undefined : segments;
}

/**
 * The file a path names, or undefined: every step is looked at with lstat (a symlink anywhere stops it,
 * so nothing is followed out of the folder), and the real path must still be inside the root.
 */
async function fileInside(root: string, segments: string[], fs: ServerModules["fs"]): Promise<string | undefined> {
  let current = root;
  for (const segment of segments) {
    current = `${current}${sep}${segment}`;
    const info = await fs.lstat(current).catch(() => undefined);
    if (!info || info.isSymbolicLink()) return undefined;
  }
  const info = await fs.lstat(current).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const real = await fs.realpath(current).catch(() => undefined);
  return real?.startsWith(root + sep) ? real : undefined;
}

/** Where a path is looked up: "/" is the dataset (a dataset folder); the dev server's data/ path works too. */
async function locate(root: string, segments: string[], fs: ServerModules["fs"]): Promise<string | undefined> {
  const candidates = segments.length === 0 ? [["dataset.json"]] : [segments];
  if (segments.join("/") === "data/dataset.json") candidates.push(["dataset.json"]);
  for (const candidate of candidates) {
    const file = await fileInside(root, candidate, fs);
    if (file) return file;
  }
  return undefined;
}

function corsHeaders(request: IncomingMessage, allowOrigins: string[]): Record<string, string> {
  const origin = request.headers.origin;
  const headers: Record<string, string> = {};
  if (allowOrigins.includes("*")) headers["Access-Control-Allow-Origin"] = "*";
  else {
    if (origin && allowOrigins.includes(origin)) headers["Access-Control-Allow-Origin"] = origin;
    // The answer depends on Origin, so shared caches must key on it.
    headers.Vary = "Origin";
  }
  return headers;
}

function plain(response: ServerResponse, status: number, headers: Record<string, string>, text: string): void {
  response.writeHead(status, {
    ...headers,
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-cache",
  });
  response.end(`${text}\n`);
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  config: ServerConfig,
  modules: ServerModules,
) {
  const { policy, fs, crypto } = modules;
  const cors = corsHeaders(request, config.allowOrigins);
  const base = {
    ...cors,
    "Access-Control-Expose-Headers": policy.CORS.exposeHeaders,
    "X-Content-Type-Options": policy.NOSNIFF,
  };
  const host = request.headers.host;
  if (!host || !config.allowedHosts.has(hostName(host))) {
    // 421: not a name this server answers for (a rebinding page's name, or a typo).
    plain(response, 421, base, `misdirected request: host ${host ?? "(none)"} is not served here`);
    return;
  }
  if (request.method === "OPTIONS") {
    response.writeHead(204, {
      ...base,
      Allow: policy.CORS.allowMethods,
      "Access-Control-Allow-Methods": policy.CORS.allowMethods,
      "Access-Control-Allow-Headers": policy.CORS.allowHeaders,
      // Chrome's Private Network Access: a page on a public origin may only reach loopback if it says yes.
      "Access-Control-Allow-Private-Network": "true",
      "Access-Control-Max-Age": String(policy.CORS.maxAgeSeconds),
    });
    response.end();
    return;
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    plain(response, 405, { ...base, Allow: policy.CORS.allowMethods }, "method not allowed");
    return;
  }
  const segments = safeSegments(request.url ?? "/");
  const file = segments && (await locate(config.root, segments, fs));
  if (!file) {
    plain(response, 404, { ...base, "Content-Security-Policy": policy.NON_PAGE_CSP }, "not found");
    return;
  }
  // O_NOFOLLOW: a symlink swapped in after the checks above is refused, not followed.
  const handle = await fs.open(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  const body = await handle.readFile().finally(() => handle.close());
  const etag = `"${crypto.createHash("sha256").update(body).digest("hex")}"`;
  const contentType = policy.contentTypeFor(file);
  const headers = {
    ...base,
    "Content-Security-Policy": contentType.startsWith("text/html") ? policy.PAGE_CSP : policy.NON_PAGE_CSP,
    ETag: etag,
    "Cache-Control": policy.cacheControlFor(file),
  };
  if (etagMatches(request.headers["if-none-match"], etag)) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  response.writeHead(200, { ...headers, "Content-Type": contentType, "Content-Length": String(body.byteLength) });
  response.end(request.method === "HEAD" ? undefined : body);
}

/** The URL to print: the dataset when the folder holds one, else the folder's root. */
async function datasetPath(root: string, fs: ServerModules["fs"]): Promise<string> {
  for (const path of ["dataset.json", "data/dataset.json"]) {
    if (await fileInside(root, path.split("/"), fs)) return `/${path}`;
  }
  return "/";
}

/** Starts the server; resolves once it listens. */
export async function startStaticServer(options: StaticServerOptions = {}): Promise<DatasetServer> {
  const modules = await serverModules();
  const { fs, http } = modules;
  const given = resolve(options.dir ?? "data/dist");
  const info = await fs.stat(given).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`not a folder: ${given} (run npm run build:data first?)`);
  const root = await fs.realpath(given);
  const bind = options.host ?? "127.0.0.1";
  const allowedHosts = new Set([
    ...LOOPBACK_HOSTS,
    ...(options.allowedHosts ?? []).map(hostName),
    ...(WILDCARD_BINDS.includes(bind) ? [] : [hostName(bind.includes(":") ? `[${bind}]` : bind)]),
  ]);
  const config: ServerConfig = { root, allowOrigins: options.allowOrigins ?? DEFAULT_ADDIN_ORIGINS, allowedHosts };
  const server = http.createServer((request, response) => {
    handle(request, response, config, modules).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      response.end(`error: ${(error as Error).message}\n`);
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(options.port ?? 8787, bind, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = WILDCARD_BINDS.includes(bind) ? "127.0.0.1" : bind.includes(":") ? `[${bind}]` : bind;
  const origin = `http://${shownHost}:${port}`;
  const closed = new Promise<void>((resolveClosed) => server.once("close", () => resolveClosed()));
  return {
    url: `${origin}${await datasetPath(root, fs)}`,
    origin,
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

/** The same server under the name the live-data tests and tools know it by. */
export const startDatasetServer = startStaticServer;

/**
 * Adds `hh serve [dir] --port N --host H --allow-origin O… --allowed-host NAME…` to the CLI. The action
 * resolves only when the server stops (Ctrl+C / SIGTERM), so `hh` does not exit while serving.
 */
export function addServeCommand(program: Command, onStarted: (server: DatasetServer) => void = () => undefined): void {
  program
    .command("serve")
    .description(
      "serve the built add-in (dist/) or a dataset folder with CORS, ETag, Cache-Control, MIME types, the pages' CSP and a Host check, e.g. hh serve dist --host 0.0.0.0 --allow-origin '*' --allowed-host addin.example.org",
    )
    .argument("[dir]", "folder to serve (dist/ or a folder holding dataset.json)", "data/dist")
    .option("-p, --port <n>", "port (0 picks a free one)", "8787")
    .option("--host <host>", "interface to listen on (loopback only unless you mean it)", "127.0.0.1")
    .option("--allow-origin <origin...>", "origins allowed by CORS, or *", DEFAULT_ADDIN_ORIGINS)
    .option(
      "--allowed-host <name...>",
      "host names answered besides loopback (Host header), e.g. addin.example.org",
      [],
    )
    .action(
      async (dir: string, options: { port: string; host: string; allowOrigin: string[]; allowedHost: string[] }) => {
        const port = Number(options.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error(`--port must be 0-65535, got ${options.port}`);
        const server = await startStaticServer({
          dir,
          port,
          host: options.host,
          allowOrigins: options.allowOrigin,
          allowedHosts: options.allowedHost,
        });
        const messages = HOSTING_MESSAGES[TERMINAL_LANG];
        console.log(
          `hh: ${cliText(TERMINAL_LANG, "serving", resolve(dir), server.url, options.allowOrigin.join(", "))}`,
        );
        if (options.allowedHost.length > 0) console.log(`hh: ${messages.allowedHosts(options.allowedHost.join(", "))}`);
        else if (WILDCARD_BINDS.includes(options.host)) console.log(`hh: ${messages.loopbackOnly(options.host)}`);
        const stop = () => void server.close();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
        onStarted(server);
        await server.closed;
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      },
    );
}
