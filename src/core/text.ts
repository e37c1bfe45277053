/** Text that starts with = + - or @ would become a formula in Excel or a CSV reader; a leading apostrophe keeps it text. */
export function neutralizeFormulaText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** English words that carry no meaning in a name: "growth of GDP" reads as "growth GDP". */
const LATIN_STOPWORDS = new Set(["the", "of", "a", "an", "and"]);

/** A plural s, so "rates" and "rate" are one word; "gross", "status" and "analysis" keep theirs. */
function singular(word: string): string {
  return word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
}

/**
 * The key a name is compared by: case, full-/half-width forms, spacing, punctuation, 的, English
 * stopwords and plurals do not matter. The build, the resolver and the regions use this one function.
 */
export function normalizeName(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/'s\b/g, "")
    .replace(/[a-z]+/g, (word) => (LATIN_STOPWORDS.has(word) ? " " : singular(word)))
    .replace(/[\s"'“”‘’「」《》()()[\]【】\-_·,.,。、;;::!?!?/\\%*&+的]/g, "");
}
