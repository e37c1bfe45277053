/** The two languages every user-facing sentence exists in, and their locale tags. */
export type Lang = "zh" | "en";

export const LOCALE: Record<Lang, string> = { zh: "zh-CN", en: "en-US" };

/** The language a bilingual label shows second, and the one the language switch goes to. */
export const OTHER_LANG: Record<Lang, Lang> = { zh: "en", en: "zh" };
