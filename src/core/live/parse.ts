/** Dataset text to a dataset: JSON, then "is it a dataset at all", then the build's schema. */
import { DatasetError, parseDataset, type Dataset } from "../schema";
import { oneLine } from "./messages";

export type TextCheck =
  | { ok: true; dataset: Dataset }
  | { ok: false; code: "not-json" | "not-dataset" | "invalid"; detail: Record<string, string>; note?: string };

/** Shared by the published check and `hh eval --dataset <file>`. */
export function parseDatasetText(text: string): TextCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, code: "not-json", detail: {}, note: (error as Error).message };
  }
  const object =
    json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  if (!object || !("schemaVersion" in object) || !Array.isArray(object.facts)) {
    return { ok: false, code: "not-dataset", detail: {} };
  }
  try {
    return { ok: true, dataset: parseDataset(json) };
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    // parseDataset lists up to three problems; the sentence shows the first, the note keeps all.
    const problems = error.message.replace(/^.*?invalid dataset:\s*/, "");
    return {
      ok: false,
      code: "invalid",
      detail: { problem: oneLine(problems.split("; ")[0], 120) },
      note: error.message,
    };
  }
}
