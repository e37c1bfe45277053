/** The runtime's network and time, as the live-update policy's ports (browser, Office webview and Node alike). */
import type { Clock, FetchLike, Sha256Hex } from "../core/live/ports";

/** The runtime's fetch, called through globalThis so browsers do not throw "Illegal invocation" on a detached fetch. */
export const runtimeFetch: FetchLike = (url, init) => globalThis.fetch(url, init);

/** sha256 through Web Crypto, which browsers, Office webviews and Node 20 all have. */
export const webSha256Hex: Sha256Hex = async (text) => {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
};

/** The runtime's clock and timers. */
export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/** A pause for the integrity checks' steps: a timer of 0 ms lets the pane and the functions run in between. */
export const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
