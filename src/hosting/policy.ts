/**
 * What any host of the built add-in (dist/) must send, in one place: the webpack build (pages' CSP,
 * the old-engine check), `hh serve` and the deploy/ configurations (checked against this by a test)
 * all take their rules from here. Pure TypeScript plus node:crypto for the script hash; webpack.config.js
 * loads it through tsx.
 */
import { createHash } from "node:crypto";
import { HOSTING_MESSAGES } from "../core/messages/hosting";

/** Content types for everything a build of the add-in can hold; anything else is application/octet-stream. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

export function contentTypeFor(path: string): string {
  const dot = path.lastIndexOf(".");
  const extension = dot > path.lastIndexOf("/") ? path.slice(dot).toLowerCase() : "";
  return MIME_TYPES[extension] ?? "application/octet-stream";
}

/** `name.<8–32 hex>.ext`: webpack's [contenthash] naming; such a file never changes under its name. */
const CONTENT_HASHED = /\.[0-9a-f]{8,32}\.[a-z0-9]+$/i;

export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
/** Store but revalidate every time (a 304 via ETag when unchanged): pages, manifest, functions.json, datasets. */
export const CACHE_REVALIDATE = "no-cache";

export function cacheControlFor(path: string): string {
  return CONTENT_HASHED.test(path) ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
}

/**
 * CORS for every file: Excel on the web fetches functions.json, functions.js and the icons from its own
 * origin, and the pane's live updates fetch a published dataset cross-origin. Nothing is sent with
 * credentials, so "*" is safe. If-None-Match (the dataset check) is not CORS-safelisted, so it costs a
 * preflight that must allow it, and reading the ETag needs it exposed.
 */
export const CORS = {
  allowMethods: "GET, HEAD, OPTIONS",
  allowHeaders: "If-None-Match, Accept",
  exposeHeaders: "ETag",
  maxAgeSeconds: 600,
} as const;

/** Sent with every response: browsers must not guess a type from the bytes. */
export const NOSNIFF = "nosniff";

/** The CSP for anything that is not a page (JSON, an SVG opened directly…): load nothing, frame nowhere. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Microsoft requires production add-ins to load office.js from its CDN. */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * The old-engine check, inlined in taskpane.html before the bundles run. The bundle is ES2020 syntax,
 * which IE11 and EdgeHTML (Office's fallback engines) cannot parse, and a CSP without unsafe-eval cannot
 * test syntax directly; so it tests built-ins that arrived in the same engine versions as ES2020 syntax
 * (Promise.allSettled, globalThis) and those the bundle calls (fetch, Symbol, Object.fromEntries,
 * Array.prototype.includes). `noModule` is not enough: EdgeHTML 16–18 have it and still fail on `?.`.
 * ES3 only, ASCII only (non-ASCII as \u escapes), so the CSP hash is stable and every engine parses it.
 * When a check fails it replaces the page body (and with it #container, so the pane never mounts).
 */
export function oldEngineCheckScript(): string {
  const message = `${HOSTING_MESSAGES.zh.unsupportedOffice} · ${HOSTING_MESSAGES.en.unsupportedOffice}`;
  return [
    "(function(){",
    "var w=window,ok=typeof w.Promise==='function'&&typeof w.Promise.allSettled==='function'",
    "&&typeof w.fetch==='function'&&typeof w.Symbol==='function'",
    "&&typeof Object.fromEntries==='function'&&typeof Array.prototype.includes==='function'",
    "&&typeof globalThis==='object';",
    "if(ok)return;",
    "var b=document.body;while(b.firstChild)b.removeChild(b.firstChild);",
    "var p=document.createElement('p');p.id='hh-unsupported';p.setAttribute('role','alert');",
    'p.style.cssText=\'margin:16px;font:14px "Segoe UI","Microsoft YaHei",sans-serif\';',
    `p.appendChild(document.createTextNode('${asciiJsString(message)}'));`,
    "b.appendChild(p);",
    "})();",
  ].join("");
}

function asciiJsString(text: string): string {
  return text.replace(/[^\x20-\x7e]|['\\]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A CSP source for an inline script: 'sha256-…' of its exact UTF-8 text. */
export function scriptHashSource(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

/**
 * The pages' Content-Security-Policy: our own origin, office.js's CDN in production, the old-engine
 * check by hash (no unsafe-inline for scripts), any https dataset host.
 */
export function contentSecurityPolicy(dev: boolean): string {
  const scripts = ["'self'", ...(dev ? [] : [new URL(OFFICE_JS_CDN).origin]), scriptHashSource(oldEngineCheckScript())];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // Fluent UI (Griffel) inserts its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    // Published datasets may live on any https host; plain http only on loopback. Not http://[::1]:*:
    // CSP has no syntax for IPv6 literals, and Chromium reports the source as invalid.
    "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
    "frame-src 'self' https://*.officeapps.live.com https://*.office.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** The CSP a host sends with the production build's pages (the same the pages carry in a meta tag). */
export const PAGE_CSP = contentSecurityPolicy(false);
