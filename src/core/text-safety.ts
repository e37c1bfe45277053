/**
 * Text from a dataset or a report on its way to a terminal. A name carrying ESC, CSI, OSC or a bidi
 * override could retitle the window, clear the screen or make a figure read backwards; each such
 * character becomes a visible \uXXXX escape instead, so nothing is hidden and nothing is lost.
 */

/**
 * C0 controls but tab and line feed (the CLI's own column and line breaks), DEL, C1 controls (0x9b is
 * a one-byte CSI), and the bidi embeddings, overrides, isolates and marks.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every terminal control shown as \uXXXX. The escape is also JSON's own, so a JSON line
 * passed through stays valid JSON with the same meaning (these characters only occur inside strings).
 */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
