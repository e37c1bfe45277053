/** Text that starts with = + - or @ would become a formula in Excel or a CSV reader; a leading apostrophe keeps it text. */
export function neutralizeFormulaText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
