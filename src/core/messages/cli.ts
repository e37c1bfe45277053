/** The hh command line's own sentences, in zh-CN and en-US; hh prints them in the terminal's language. */
import type { Lang } from "./lang";

interface CliMessages {
  datasetRefused: (reason: string) => string;
  emptyFormula: (index: number) => string;
  badLimit: (max: number, got: string) => string;
  baseNone: (year: number) => string;
  base: (what: string) => string;
  serving: (dir: string, url: string, origins: string) => string;
}

export const CLI_MESSAGES: Record<Lang, CliMessages> = {
  zh: {
    datasetRefused: (reason) => `数据集被拒绝:${reason}`,
    emptyFormula: (index) => `第 ${index} 个公式为空;请写如 '=HH.VALUE("GDP",2022)' 的公式`,
    badLimit: (max, got) => `-n 应为 1 到 ${max} 的整数,而不是 "${got}"`,
    baseNone: (year) => `基数:无(${year} 年之前没有全年实际值或预计值,HH.TARGETGAP → #N/A)`,
    base: (what) => `基数:${what}`,
    serving: (dir, url, origins) => `正在提供 ${dir},地址 ${url}(CORS:${origins});按 Ctrl+C 停止`,
  },
  en: {
    datasetRefused: (reason) => `dataset refused: ${reason}`,
    emptyFormula: (index) => `formula ${index} is empty; write one such as '=HH.VALUE("GDP",2022)'`,
    badLimit: (max, got) => `-n must be a whole number from 1 to ${max}, got "${got}"`,
    baseNone: (year) => `base 基数: none — no whole-year actual or estimate before ${year} (HH.TARGETGAP → #N/A)`,
    base: (what) => `base 基数: ${what}`,
    serving: (dir, url, origins) => `serving ${dir} at ${url} (CORS: ${origins}); Ctrl+C to stop`,
  },
};

/** The terminal's language from its locale (LC_ALL, LC_MESSAGES, LANG): Chinese for zh_*, else English. */
export function terminalLang(env: Record<string, string | undefined>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(locale) ? "zh" : "en";
}

/** A CLI line in the given language. */
export function cliText<K extends keyof CliMessages>(lang: Lang, key: K, ...args: Parameters<CliMessages[K]>): string {
  return (CLI_MESSAGES[lang][key] as (...a: Parameters<CliMessages[K]>) => string)(...args);
}
