/** Checks a fact against the sentence it was quoted from, and accounts for every number in a source. */
import { FigureError, parseFigure } from "./numbers";
import { normalizeQualifier, QUALIFIERS, qualifierSpellings } from "../qualifiers";
import { scanMentions, type Mention } from "./mentions";
import { parseUnit, toBase, unitsCompatible } from "../units";

export interface FactClaim {
  quote: string;
  /** The figure text inside the quote. */
  figure: string;
  /** Which occurrence of `figure` inside the quote (1-based). */
  nth?: number;
  value: number;
  unit: string;
  qualifier?: string;
  measure: string;
}

export interface LocatedClaim {
  /** Offset of the figure in the source text. */
  start: number;
  end: number;
  /** 1-based line of the quote. */
  line: number;
}

// 減 is the traditional 减 (pages converted by the sites that copied them).
const DECREASE_WORDS = /(下降|减少|降低|回落|下滑|缩减|减|減|降)/;
/** A minus sign right before the figure (人口自然增长率为-1.06‰), not a dash between two numbers (0-14岁). */
const MINUS_BEFORE = /(?:^|[^\d])[-−]$/;
const TRAILING_QUALIFIER = new RegExp(`^(${qualifierSpellings("after").join("|")})`);
const LEADING_QUALIFIER = new RegExp(`(${qualifierSpellings("before").join("|")})$`);

/** Returns the problems with a claim (empty when it checks out) and where it sits in the source. */
export function verifyClaim(claim: FactClaim, source: string): { problems: string[]; located?: LocatedClaim } {
  const problems: string[] = [];
  if (claim.quote.includes("\n")) problems.push("quote spans more than one line");
  const quoteAt = source.indexOf(claim.quote);
  if (quoteAt < 0) return { problems: [...problems, `quote not found verbatim in the source: "${claim.quote}"`] };

  let figureAt = -1;
  for (let i = 0, from = 0; i < (claim.nth ?? 1); i++) {
    figureAt = claim.quote.indexOf(claim.figure, from);
    if (figureAt < 0) break;
    from = figureAt + claim.figure.length;
  }
  if (figureAt < 0) {
    return {
      problems: [...problems, `figure "${claim.figure}" not found in the quote (occurrence ${claim.nth ?? 1})`],
    };
  }
  const located: LocatedClaim = {
    start: quoteAt + figureAt,
    end: quoteAt + figureAt + claim.figure.length,
    line: source.slice(0, quoteAt).split("\n").length,
  };

  let parsed;
  try {
    parsed = parseFigure(claim.figure);
  } catch (error) {
    if (error instanceof FigureError) return { problems: [...problems, error.message], located };
    throw error;
  }

  const isRatio = parsed.ratio !== undefined;
  // A bare number (6.7万 老年人) takes its unit from the words around it; the value still has to agree.
  const unitImplied = parseUnit(parsed.unit).base === "";
  if (!isRatio && !unitImplied && !unitsCompatible(parsed.unit, claim.unit)) {
    problems.push(`unit: the figure says "${parsed.unit}", the fact says "${claim.unit}"`);
  } else {
    const said = isRatio ? parsed.value : toBase(parsed.value, parsed.unit).value;
    const claimed = isRatio ? Math.abs(claim.value) : toBase(Math.abs(claim.value), claim.unit).value;
    if (Math.abs(said - claimed) > 1e-9 * Math.max(1, Math.abs(said))) {
      problems.push(
        `value: the figure "${claim.figure}" reads ${parsed.value}${parsed.unit}, the fact says ${claim.value}${claim.unit}`,
      );
    }
  }

  const claimedQualifier = claim.qualifier ? normalizeQualifier(claim.qualifier) : undefined;
  if (claim.qualifier && !claimedQualifier) {
    problems.push(`qualifier "${claim.qualifier}" is not one of ${QUALIFIERS.join(" ")}`);
  }
  const after = claim.quote.slice(figureAt + claim.figure.length);
  const trailing = after.match(TRAILING_QUALIFIER);
  const leading = claim.quote.slice(0, figureAt).match(LEADING_QUALIFIER);
  const impliedQualifier =
    parsed.qualifier ??
    (trailing ? normalizeQualifier(trailing[1]) : leading ? normalizeQualifier(leading[1]) : undefined);
  if (claimedQualifier !== impliedQualifier) {
    problems.push(
      `qualifier: the quote implies "${impliedQualifier ?? "none"}", the fact says "${claimedQualifier ?? "none"}"`,
    );
  }

  const before = claim.quote.slice(0, figureAt);
  if (claim.value < 0 && !DECREASE_WORDS.test(before) && !MINUS_BEFORE.test(before)) {
    problems.push("negative value but no decrease word (下降/减少/降低…) before the figure in the quote");
  }
  if (parsed.measure === "change" && claim.measure === "level") {
    problems.push(`"${claim.figure}" states a change, but measure is level`);
  }
  return { problems, located };
}

export interface IgnoreRule {
  at: string;
  why: string;
}

export interface Accounting {
  total: number;
  covered: number;
  ignored: Record<string, number>;
  uncovered: Array<Mention & { line: number; context: string }>;
}

/** Classifies every numeric mention of a source: covered by a fact, ignored (by rule or list), or not. */
export function accountMentions(source: string, covered: LocatedClaim[], ignores: IgnoreRule[]): Accounting {
  const ignoredSpans: Array<{ start: number; end: number; why: string }> = [];
  for (const rule of ignores) {
    for (let at = source.indexOf(rule.at); at >= 0; at = source.indexOf(rule.at, at + 1)) {
      ignoredSpans.push({ start: at, end: at + rule.at.length, why: rule.why });
    }
  }
  const result: Accounting = { total: 0, covered: 0, ignored: {}, uncovered: [] };
  for (const mention of scanMentions(source)) {
    result.total++;
    if (covered.some((c) => c.start < mention.end && mention.start < c.end)) {
      result.covered++;
      continue;
    }
    const why = mention.auto ?? ignoredSpans.find((s) => s.start <= mention.start && mention.end <= s.end)?.why;
    if (why) {
      result.ignored[why] = (result.ignored[why] ?? 0) + 1;
      continue;
    }
    const line = source.slice(0, mention.start).split("\n").length;
    const context = source.slice(Math.max(0, mention.start - 15), mention.end + 15).replace(/\s+/g, " ");
    result.uncovered.push({ ...mention, line, context });
  }
  return result;
}
