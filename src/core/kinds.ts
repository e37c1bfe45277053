/** The kind argument: actual / estimate / plan / target, in English or Chinese. */
import { checkLength, ownValue } from "./args";
import { badValue } from "./errors";
import type { Kind } from "./schema";

/** The kinds HH.VALUE looks for, in order: the actual, else the estimate (预计). */
export const ACTUAL_KINDS: readonly Kind[] = ["actual", "estimate"];
/** The kinds HH.TARGET looks for, in order: the target, else the year's plan. */
export const TARGET_KINDS: readonly Kind[] = ["target", "plan"];

/** Reported as happened (or expected to have): an actual or an estimate, not a plan or target. */
export function isActualKind(kind: Kind): boolean {
  return ACTUAL_KINDS.includes(kind);
}

export const KIND_ALIASES: Readonly<Record<string, Kind>> = {
  actual: "actual",
  实际: "actual",
  estimate: "estimate",
  预计: "estimate",
  plan: "plan",
  计划: "plan",
  target: "target",
  目标: "target",
};

export function normalizeKind(input: unknown): Kind {
  const text = typeof input === "string" ? checkLength("kind", input).normalize("NFKC").trim().toLowerCase() : "";
  const kind = ownValue(KIND_ALIASES, text);
  if (!kind) throw badValue("kindUnknown", { kind: String(input) });
  return kind;
}
