/**
 * Shares (占比) in the calculator. People type them in percent; like every HH percentage they are
 * computed as fractions (51.04% → 0.5104). The yearly change needed to move a share is an even step in
 * percentage points: 51.04% → 60% over 2 years is +4.48 points a year, returned as 0.0448.
 * Problems come back as codes; the task pane words them.
 */
import { roundSignificant } from "./units";

/** Why a fraction is not a share: below 0% or above 100% (or not a number at all). */
export type ShareIssue = "negative" | "over100" | "notNumber";

export function shareIssue(fraction: number): ShareIssue | undefined {
  if (!Number.isFinite(fraction)) return "notNumber";
  if (fraction < 0) return "negative";
  if (fraction > 1) return "over100";
  return undefined;
}

export type ShareProblem =
  { code: "share"; field: "from" | "to"; issue: ShareIssue; value: number } | { code: "years"; years: number };

export type ShareStep =
  | { ok: true; /** percentage points a year, as a fraction */ perYear: number; /** points in all */ total: number }
  | { ok: false; problem: ShareProblem };

/**
 * The even yearly step from share `from` to share `to` (fractions) in `years` years. Both must be
 * shares (0–100%) and the target must lie after the start; otherwise the first problem found.
 */
export function shareStep(from: number, to: number, years: number): ShareStep {
  const fromIssue = shareIssue(from);
  if (fromIssue) return { ok: false, problem: { code: "share", field: "from", issue: fromIssue, value: from } };
  const toIssue = shareIssue(to);
  if (toIssue) return { ok: false, problem: { code: "share", field: "to", issue: toIssue, value: to } };
  if (!Number.isFinite(years) || years <= 0) return { ok: false, problem: { code: "years", years } };
  // Rounded to 12 significant digits: (0.6 − 0.5104) / 2 reads 0.0448, not 0.044800000000000006.
  return { ok: true, perYear: roundSignificant((to - from) / years), total: roundSignificant(to - from) };
}
