/** The runtime's network and time, as the live-update policy's ports (browser, Office webview and Node alike). */
import type { Clock, FetchLike } from "../core/live/ports";

/** The runtime's fetch, called through globalThis so browsers do not throw "Illegal invocation" on a detached fetch. */
export const runtimeFetch: FetchLike = (url, init) => globalThis.fetch(url, init);

/** The runtime's clock and timers. */
export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};
