/** Which dataset URLs may be fetched at all: decided before any request, and again after a redirect. */

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export type UrlCheck = { ok: true; url: URL } | { ok: false; code: "url-invalid" | "url-scheme" };

/** https anywhere; http only to this machine (dev server, `hh serve`); nothing else. */
export function checkUrlPolicy(input: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, code: "url-invalid" };
  }
  // Credentials in a URL would be stored in settings in clear text and sent to whoever serves it.
  if (url.username || url.password) return { ok: false, code: "url-invalid" };
  if (url.protocol === "https:") return { ok: true, url };
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname.toLowerCase())) return { ok: true, url };
  return { ok: false, code: "url-scheme" };
}
