/**
 * The qualifiers reports put on figures (约, 以上, 近 …): one table of the words, their spellings, where
 * they stand around the number, and how they read in English. Parser, verifier and pane all use it.
 */
export type Qualifier =
  "以上" | "以内" | "左右" | "约" | "余" | "近" | "超" | "不低于" | "不少于" | "不超过" | "以下" | "基本";

interface QualifierWord {
  /** Before the number (约60%) or after it (60%以上). */
  at: "before" | "after";
  en: string;
  /** Other spellings of the same qualifier, in the same position. */
  spellings: readonly string[];
}

export const QUALIFIER_WORDS: Readonly<Record<Qualifier, QualifierWord>> = {
  约: { at: "before", en: "about", spellings: ["大约"] },
  近: { at: "before", en: "nearly", spellings: ["将近", "接近"] },
  超: { at: "before", en: "over", spellings: ["超过", "突破", "逾"] },
  不低于: { at: "before", en: "at least", spellings: [] },
  不少于: { at: "before", en: "at least", spellings: ["至少"] },
  不超过: { at: "before", en: "at most", spellings: [] },
  基本: { at: "before", en: "roughly", spellings: [] },
  以上: { at: "after", en: "over", spellings: [] },
  以内: { at: "after", en: "within", spellings: ["不到"] },
  以下: { at: "after", en: "below", spellings: [] },
  左右: { at: "after", en: "about", spellings: ["上下"] },
  余: { at: "after", en: "over", spellings: ["多"] },
};

export const QUALIFIERS = Object.keys(QUALIFIER_WORDS) as Qualifier[];

const BY_SPELLING = new Map<string, Qualifier>();
for (const q of QUALIFIERS) for (const text of [q, ...QUALIFIER_WORDS[q].spellings]) BY_SPELLING.set(text, q);

/**
 * Whether an exact value fits a qualified figure: 超670 holds for 670.2, 60%以上 for 61%, 约60% for
 * 59.7%. "Over" and "under" words are bounds; about-words allow 5%, 近 (nearly) up to 15% short.
 */
export function fitsQualified(value: number, qualified: number, qualifier: Qualifier): boolean {
  const size = Math.abs(value);
  const bound = Math.abs(qualified);
  if (Math.sign(value) !== Math.sign(qualified) && value !== 0 && qualified !== 0) return false;
  switch (qualifier) {
    case "以上":
    case "超":
    case "余":
    case "不低于":
    case "不少于":
      return size >= bound;
    case "以内":
    case "以下":
    case "不超过":
      return size <= bound;
    case "近":
      return size <= bound && size >= bound * 0.85;
    case "约":
    case "左右":
    case "基本":
      return Math.abs(size - bound) <= bound * 0.05;
  }
}

/** The qualifier a spelling means (多 → 余, 超过 → 超), or undefined. */
export function normalizeQualifier(text: string | undefined | null): Qualifier | undefined {
  return text ? BY_SPELLING.get(text) : undefined;
}

/** Every spelling that stands before (or after) a number, longest first, for building patterns. */
export function qualifierSpellings(at: "before" | "after"): string[] {
  return [...BY_SPELLING.entries()]
    .filter(([, q]) => QUALIFIER_WORDS[q].at === at)
    .map(([text]) => text)
    .sort((a, b) => b.length - a.length);
}
