/**
 * Where the live-update settings and cache are kept. OfficeRuntime.storage when the shared runtime
 * provides it (per user and per add-in domain, shared by pane and functions, 10 MB); roaming
 * settings exist only in Outlook, and document settings would travel with the workbook, not the
 * user. In a plain browser preview localStorage is used, else memory.
 */
import type { KeyValueStorage } from "../core/live/ports";

/** localStorage (or any Web Storage) behind the async interface OfficeRuntime.storage has. */
export function fromWebStorage(storage: Storage): KeyValueStorage {
  return {
    getItem: async (key) => storage.getItem(key),
    setItem: async (key, value) => storage.setItem(key, value),
    removeItem: async (key) => storage.removeItem(key),
  };
}

/** Storage that lasts as long as the runtime; `data` shows what was written. */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: async (key) => data.get(key) ?? null,
    setItem: async (key, value) => void data.set(key, value),
    removeItem: async (key) => void data.delete(key),
  };
}

/** OfficeRuntime.storage, else localStorage, else memory. Call it once Office is ready. */
export function detectStorage(): KeyValueStorage {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: KeyValueStorage } }).OfficeRuntime;
  if (runtime?.storage) return runtime.storage;
  try {
    const local = (globalThis as { localStorage?: Storage }).localStorage;
    if (local) return fromWebStorage(local);
  } catch {
    // localStorage throws when the browser blocks storage; fall through to memory.
  }
  return memoryStorage();
}
