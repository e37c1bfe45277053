/**
 * Drafts written by `hh ingest` mark every entry `review: true`. The build refuses such entries —
 * in fact files, the catalog and sources.yaml alike — and says what the reviewer has to do.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";

export const REVIEW_HELP =
  "marked `review: true` (a draft from hh ingest): check the entry against the source line — quote, figure, value, unit, qualifier, indicator, period, kind, measure, base, region; give a proposed indicator a real id, an English name and a category; move non-figures to ignore: — then delete the `review: true` line";

/** One problem per `review:` key with a true value, at its line. */
export function reviewProblems(
  doc: Document,
  file: string,
  lineCounter: LineCounter,
): Array<{ file: string; line: number; message: string }> {
  const problems: Array<{ file: string; line: number; message: string }> = [];
  const visit = (node: unknown): void => {
    if (isSeq(node)) node.items.forEach(visit);
    else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        const value = isScalar(pair.value) ? pair.value.value : pair.value;
        if (key === "review" && value !== false && value !== null) {
          const at = (pair.key as Node | null)?.range?.[0] ?? 0;
          problems.push({ file, line: lineCounter.linePos(at).line, message: REVIEW_HELP });
        } else visit(pair.value);
      }
    }
  };
  visit(doc.contents);
  return problems;
}
