/**
 * Checking function arguments, which arrive as unknown values from a cell: text, number or left
 * empty. Every check throws HHError("VALUE") with a bilingual message, never anything else.
 *
 * Text arguments are capped at MAX_ARGUMENT_LENGTH characters before any matching work is done, so
 * a pasted paragraph is #VALUE! at once rather than seconds of fuzzy matching.
 */
import { badValue } from "./errors";

/** The longest text any argument (name, region, period, unit, kind, field, query) may be. */
export const MAX_ARGUMENT_LENGTH = 200;

/** Left empty: missing, null, or text of only spaces. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** Passes any value through, except text longer than MAX_ARGUMENT_LENGTH: #VALUE!. */
export function checkLength<T>(name: string, value: T): T {
  if (typeof value === "string" && value.length > MAX_ARGUMENT_LENGTH) {
    throw badValue("tooLong", {
      what: name,
      length: value.length,
      max: MAX_ARGUMENT_LENGTH,
      start: value.slice(0, 20),
    });
  }
  return value;
}

/** Required text, trimmed: #VALUE! when empty, not text, or too long. */
export function checkText(name: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") throw badValue("notText", { what: name });
  return checkLength(name, value).trim();
}

/** Optional text, trimmed; undefined when left empty. */
export function optionalText(name: string, value: unknown): string | undefined {
  return isBlank(value) ? undefined : checkText(name, value);
}

/** A required finite number: #VALUE! for text, empty, booleans, NaN or ±Infinity. */
export function checkNumber(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw badValue("notNumber", { what: name });
  return value;
}

/** An optional finite number; undefined when left empty. */
export function optionalNumber(name: string, value: unknown): number | undefined {
  return isBlank(value) ? undefined : checkNumber(name, value);
}

/**
 * Looks text up in a table of its own keys only: "constructor" or "__proto__" are plain text, never
 * Object.prototype's members.
 */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
