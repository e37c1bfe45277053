/** The version rule: which of two datasets is newer. */
import type { Dataset } from "../schema";

export type VersionOrder = "same" | "older" | "newer";

/**
 * Where `candidate` stands against the live dataset: the same content (same hash), built earlier
 * (older), else newer. A published or cached dataset replaces the live one only when newer; an
 * older one only when the user asks for it.
 */
export function compareToLive(candidate: Pick<Dataset, "hash" | "builtAt">, live: Dataset): VersionOrder {
  if (candidate.hash === live.hash) return "same";
  if (Date.parse(candidate.builtAt) < Date.parse(live.builtAt)) return "older";
  return "newer";
}
