/** Units as written in Chinese reports: an optional multiplier prefix (万, 亿 …) on a base unit. */
import { MAX_ARGUMENT_LENGTH, ownValue } from "./args";
import { badValue, HHError } from "./errors";
import { simplifyFigureText } from "./traditional";

const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ["万亿", 1e12],
  ["千万", 1e7],
  ["百万", 1e6],
  ["十万", 1e5],
  ["亿", 1e8],
  ["万", 1e4],
  ["千", 1e3],
  ["百", 1e2],
];

/** Bases that start with a multiplier character but are units of their own. */
const ATOMIC_BASES = new Set(["千瓦", "千瓦时", "千米", "千克", "千伏", "千伏安", "百分点", "千兆"]);

/** Bases of one dimension, with their size in the dimension's reference base. */
const EQUIVALENT_BASES: Record<string, readonly [string, number]> = {
  米: ["米", 1],
  公里: ["米", 1000],
  千米: ["米", 1000],
  平方米: ["平方米", 1],
  平方公里: ["平方米", 1e6],
  公顷: ["平方米", 1e4],
  吨: ["吨", 1],
  千克: ["吨", 1e-3],
  公斤: ["吨", 1e-3],
  个百分点: ["个百分点", 1],
  百分点: ["个百分点", 1],
  // Counting words (classifiers) are one dimension: 32个项目 and 20所学校 are both counts.
  ...Object.fromEntries([..."个所家座项条处支栋套间台辆张件种只块片批大"].map((c) => [c, ["个", 1] as const])),
  ...Object.fromEntries([..."人名位"].map((c) => [c, ["人", 1] as const])),
};

export interface ParsedUnit {
  /** The unit text as given. */
  text: string;
  multiplier: number;
  /** The unit without multiplier ("" for a bare number). */
  base: string;
}

export function parseUnit(text: string): ParsedUnit {
  const unit = simplifyFigureText(text.trim());
  // Text too long to be a unit is opaque: no multiplier peeling, it matches nothing but itself.
  if (unit.length > MAX_ARGUMENT_LENGTH) return { text: unit, multiplier: 1, base: unit };
  if (unit === "" || ATOMIC_BASES.has(unit) || unit === "%" || unit === "‰") {
    return { text: unit, multiplier: 1, base: unit };
  }
  for (const [prefix, factor] of MULTIPLIERS) {
    if (unit.startsWith(prefix)) {
      const rest = unit.slice(prefix.length);
      if (ATOMIC_BASES.has(rest) || !/^[千百]/.test(rest) || rest === "") {
        const inner = parseUnit(rest);
        return { text: unit, multiplier: factor * inner.multiplier, base: inner.base };
      }
    }
  }
  return { text: unit, multiplier: 1, base: unit };
}

/** The reference base and factor of a base unit, so 公里 and 米 compare. */
function reference(base: string): readonly [string, number] {
  return ownValue(EQUIVALENT_BASES, base) ?? [base, 1];
}

export function unitsCompatible(a: string, b: string): boolean {
  return reference(parseUnit(a).base)[0] === reference(parseUnit(b).base)[0];
}

/** Percent-like units are stored as fractions (60% → 0.6, 3个百分点 → 0.03). */
export function isPercentUnit(unit: string): boolean {
  const base = reference(parseUnit(unit).base)[0];
  return base === "%" || base === "个百分点";
}

/** Percentage points (个百分点, 百分点), as against percent. */
export function isPointsUnit(unit: string): boolean {
  return reference(parseUnit(unit).base)[0] === "个百分点";
}

/** The value in the unit's reference base with no multiplier (1.28 万个 → 12800 个). */
export function toBase(value: number, unit: string): { value: number; base: string } {
  const parsed = parseUnit(unit);
  const [base, factor] = reference(parsed.base);
  return { value: value * parsed.multiplier * factor, base };
}

/**
 * Converts between compatible units. Percent units go to and from fractions:
 * convertUnit(60, "%", "%") is 60; use toCanonical for stored values.
 */
export function convertUnit(value: number, from: string, to: string): number {
  for (const unit of [from, to]) {
    if (unit.length > MAX_ARGUMENT_LENGTH) {
      throw badValue("tooLong", {
        what: "unit",
        length: unit.length,
        max: MAX_ARGUMENT_LENGTH,
        start: unit.slice(0, 20),
      });
    }
  }
  if (!unitsCompatible(from, to)) {
    throw new UnitError("unitIncompatible", { from, to });
  }
  const a = toBase(1, from).value;
  const b = toBase(1, to).value;
  return roundSignificant((value * a) / b);
}

/** A value as stored in the dataset: percent-like units become fractions. */
export function toCanonical(value: number, reportedUnit: string, canonicalUnit: string): number {
  return canonicalConverter(reportedUnit, canonicalUnit)(value);
}

/**
 * toCanonical for one pair of units, the units read once: for checking many values (a dataset's every
 * fact against its reported figure). Throws as toCanonical does when the units do not convert.
 */
export function canonicalConverter(reportedUnit: string, canonicalUnit: string): (value: number) => number {
  if (isPercentUnit(reportedUnit)) {
    const parsed = parseUnit(reportedUnit);
    const [, factor] = reference(parsed.base);
    // As toBase computes it, then a fraction.
    return (value) => roundSignificant((value * parsed.multiplier * factor) / 100);
  }
  // convertUnit's checks and arithmetic, with its two factors computed once.
  convertUnit(1, reportedUnit, canonicalUnit);
  const a = toBase(1, reportedUnit).value;
  const b = toBase(1, canonicalUnit).value;
  return (value) => roundSignificant((value * a) / b);
}

/** Removes binary floating-point noise (1.28 * 10000 → 12800, not 12800.000000000002). */
export function roundSignificant(value: number, digits = 12): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

/** A unit that cannot be used; a #VALUE! wherever it reaches a function's result. */
/** Units that cannot be converted into each other: #VALUE!. */
export class UnitError extends HHError {
  constructor(id: "unitIncompatible", details: { from: string; to: string }) {
    super("VALUE", id, details);
  }
}
