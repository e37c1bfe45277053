/** Dataset text to a dataset: JSON, then "is it a dataset at all", then the build's schema. */
import { integrityProblem } from "../integrity";
import { DatasetError, parseDataset, type Dataset } from "../schema";
import type { Sha256Hex } from "./ports";
import { oneLine } from "../messages/live";

export type TextCheck =
  | { ok: true; dataset: Dataset }
  | {
      ok: false;
      code: "not-json" | "not-dataset" | "invalid" | "forged" | "future";
      detail: Record<string, string>;
      note?: string;
    };

/** What a published dataset's integrity is checked with: the time now, and sha256. */
export interface IntegrityTools {
  now: Date;
  sha256Hex: Sha256Hex;
}

/**
 * A published dataset's text, accepted only if it is also what it claims: its hash matches its content,
 * its values match their reported figures, and it is not dated in the future.
 */
export async function acceptDatasetText(text: string, tools: IntegrityTools): Promise<TextCheck> {
  const parsed = parseDatasetText(text);
  if (!parsed.ok) return parsed;
  const raw = JSON.parse(text) as Dataset;
  const problem = await integrityProblem(parsed.dataset, raw, tools.now, tools.sha256Hex);
  if (!problem) return parsed;
  switch (problem.code) {
    case "future":
      return { ok: false, code: "future", detail: { builtAt: problem.builtAt } };
    case "hash":
      return {
        ok: false,
        code: "forged",
        detail: { problem: "hash" },
        note: `hash ${problem.expected} ≠ content ${problem.actual}`,
      };
    case "value":
      return {
        ok: false,
        code: "forged",
        detail: { problem: "value", fact: oneLine(problem.fact, 80), reported: oneLine(problem.reported, 40) },
      };
  }
}

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
