/** Dataset text as read from a file or a response, before JSON parsing. */

/**
 * The text without one leading byte-order mark. Windows editors (Notepad, Excel's "UTF-8 CSV") save
 * UTF-8 with a BOM, which JSON.parse refuses; decoders here keep it (ignoreBOM) so this is the one place it goes.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
