/**
 * Jest has no `vi.waitFor`: the same contract here. `check` is called until it stops throwing (or its
 * promise stops rejecting), every `interval` ms for at most `timeout` ms; then its last error is thrown.
 * Defaults as vitest's: 1000 ms and 50 ms.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  options: number | { timeout?: number; interval?: number } = {},
): Promise<T> {
  const { timeout = 1000, interval = 50 } = typeof options === "number" ? { timeout: options } : options;
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await new Promise((ok) => setTimeout(ok, interval));
  }
}
