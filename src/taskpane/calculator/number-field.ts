/** One numeric input of the calculator: typed, read from a cell, or picked from the dataset. */
import type { Fact } from "../../core/schema";
import type { IndicatorStore } from "../../core/store";
import { isPercentUnit } from "../../core/units";
import { referenceFrom } from "../../excel/address";
import { factFormula, numberLiteral } from "../../excel/formulas";
import { parseNumber } from "../format";

/** An input: typed, read from a cell, or picked from the dataset (then it is a live HH call). */
export interface NumberField {
  text: string;
  origin: "typed" | "cell" | "data";
  /** For "cell": the address (B2); for "data": the HH expression without "=". */
  ref?: string;
  sheet?: string;
  /** What the value is, for the user (indicator and period, or the cell). */
  label?: string;
  /** The text shows a percentage of the value (10.14 ↔ 0.1014). */
  percent: boolean;
}

/** A mode's inputs by field name (see MODE_FIELDS). */
export type Fields = Record<string, NumberField>;

export const typed = (text = "", percent = false): NumberField => ({ text, origin: "typed", percent });

/** The value the field stands for: a fraction when it shows a percentage. */
export function fieldValue(field: NumberField): number | undefined {
  const n = parseNumber(field.text);
  if (n === undefined) return undefined;
  return field.percent ? n / 100 : n;
}

/** The field as a formula operand on `sheet`: a literal, a cell reference or an HH call. */
export function fieldExpr(field: NumberField, sheet: string): string | undefined {
  if (field.origin === "cell" && field.ref) return referenceFrom(sheet, field.sheet ?? sheet, field.ref);
  if (field.origin === "data" && field.ref) return field.ref;
  const value = fieldValue(field);
  return value === undefined ? undefined : numberLiteral(value, field.percent);
}

/** The values of the named fields, or undefined while any of them is empty or not a number. */
export function values(fields: Fields, names: string[]): number[] | undefined {
  const out = names.map((n) => (fields[n] ? fieldValue(fields[n]) : undefined));
  return out.some((v) => v === undefined) ? undefined : (out as number[]);
}

/** The named fields as formula operands on `sheet`. */
export function exprs(fields: Fields, names: string[], sheet: string): string[] {
  return names.map((n) => fieldExpr(fields[n], sheet) ?? "0");
}

/** A field filled from a dataset figure: shares show as percent, the formula uses the live lookup. */
export function fieldFromFact(store: IndicatorStore, fact: Fact, label: string): NumberField {
  const percent = isPercentUnit(fact.unit);
  const formula = factFormula(store, fact);
  const shown = percent ? fact.value * 100 : fact.value;
  return {
    text: String(Number(shown.toPrecision(12))),
    origin: formula.ok ? "data" : "typed",
    ref: formula.ok ? formula.formula.slice(1) : undefined,
    label,
    percent,
  };
}

export function fieldFromCell(sheet: string, cell: string, value: number, percent: boolean): NumberField {
  return {
    text: String(Number((percent ? value * 100 : value).toPrecision(12))),
    origin: "cell",
    ref: cell,
    sheet,
    label: cell,
    percent,
  };
}

/**
 * The field shown at another scale: typed text keeps its digits and takes the new unit (51.04 typed
 * as a share means 51.04%); a cell keeps its value and shows it scaled; a dataset figure keeps its own
 * unit.
 */
export function withScale(field: NumberField, percent: boolean): NumberField {
  if (field.origin === "data" || field.percent === percent) return field;
  if (field.origin === "typed") return { ...field, percent };
  const value = fieldValue(field);
  if (value === undefined) return { ...field, percent };
  return { ...field, percent, text: String(Number((percent ? value * 100 : value).toPrecision(12))) };
}
