/**
 * Dataset text to a dataset: JSON, then "is it a dataset at all", then the build's schema. Both formats
 * are read: the compact one (wire.ts, marked by its `format`) and plain JSON, which hosts may still serve.
 */
import { integrityProblem, type Content, type Pause } from "../integrity";
import { DatasetError, parseDataset, type Dataset } from "../schema";
import { decodeDataset, isWireDataset } from "../wire";

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

/** What a published dataset's integrity is checked with: the time now, sha256, and a pause between steps. */
export interface IntegrityTools {
  now: Date;
  sha256Hex: Sha256Hex;
  /** Lets the host run other work between the checks' steps (integrity.ts); none: straight through. */
  pause?: Pause;
}

/**
 * A published dataset's text, accepted only if it is also what it claims: its hash matches its content,
 * its values match their reported figures, and it is not dated in the future.
 */
export async function acceptDatasetText(text: string, tools: IntegrityTools): Promise<TextCheck> {
  const { parsed, hashed } = readDatasetText(text);
  if (!parsed.ok) return parsed;
  const problem = await integrityProblem(parsed.dataset, hashed, tools.now, tools.sha256Hex, tools.pause);
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

/** The text's shape and schema only, without the integrity checks of acceptDatasetText; either format. */
export function parseDatasetText(text: string): TextCheck {
  return readDatasetText(text).parsed;
}

/**
 * The check, and the content the dataset's hash is over: a JSON file's content as the file holds it
 * (older publishers hashed that), a compact file's decoded content in the schema's key order (which is
 * how the build writes dataset.json, so one build's two files carry the same hash).
 */
function readDatasetText(text: string): { parsed: TextCheck; hashed: Content } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return refused({ ok: false, code: "not-json", detail: {}, note: (error as Error).message });
  }
  const object =
    json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  const compact = isWireDataset(object);
  if (!object || (!compact && (!("schemaVersion" in object) || !Array.isArray(object.facts)))) {
    return refused({ ok: false, code: "not-dataset", detail: {} });
  }
  try {
    if (compact) {
      const dataset = decodeDataset(object);
      return { parsed: { ok: true, dataset }, hashed: dataset };
    }
    return { parsed: { ok: true, dataset: parseDataset(object) }, hashed: object as unknown as Content };
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    // parseDataset lists up to three problems; the sentence shows the first, the note keeps all.
    const problems = error.message.replace(/^.*?invalid dataset:\s*/, "");
    return refused({
      ok: false,
      code: "invalid",
      detail: { problem: oneLine(problems.split("; ")[0], 120) },
      note: error.message,
    });
  }
}

const NOTHING: Content = { sources: [], indicators: [], facts: [], conflicts: [] };
const refused = (parsed: TextCheck) => ({ parsed, hashed: NOTHING });
