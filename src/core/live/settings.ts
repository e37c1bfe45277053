/** The user's live-update settings: where the published dataset is and when to check it. */

export interface LiveSettings {
  url: string;
  checkOnOpen: boolean;
  /** 0 = never. */
  intervalMinutes: number;
}

export const DEFAULT_SETTINGS: LiveSettings = { url: "", checkOnOpen: true, intervalMinutes: 0 };
export const MAX_INTERVAL_MINUTES = 24 * 60;

/** The pane's language, kept in the same storage as the settings below. */
export const LANGUAGE_KEY = "hh.ui.language";

export function parseLanguage(text: string | null): "zh" | "en" | undefined {
  return text === "zh" || text === "en" ? text : undefined;
}

/** The storage key the settings are kept under. */
export const SETTINGS_KEY = "hh.live.settings";

/** Whatever was stored (or typed) as settings: trimmed URL, defaults for what is missing, the interval clamped to 0…1440 minutes. */
export function normalizeSettings(input: unknown): LiveSettings {
  const raw = (input && typeof input === "object" ? input : {}) as Partial<Record<keyof LiveSettings, unknown>>;
  const minutes = Number(raw.intervalMinutes);
  return {
    url: typeof raw.url === "string" ? raw.url.trim() : DEFAULT_SETTINGS.url,
    checkOnOpen: typeof raw.checkOnOpen === "boolean" ? raw.checkOnOpen : DEFAULT_SETTINGS.checkOnOpen,
    intervalMinutes: Number.isFinite(minutes)
      ? Math.min(MAX_INTERVAL_MINUTES, Math.max(0, Math.round(minutes)))
      : DEFAULT_SETTINGS.intervalMinutes,
  };
}

/** Stored settings text to settings; unreadable text gives the defaults. */
export function parseSettings(text: string | null): LiveSettings {
  let stored: unknown;
  try {
    stored = text ? JSON.parse(text) : undefined;
  } catch {
    stored = undefined;
  }
  return normalizeSettings(stored);
}
