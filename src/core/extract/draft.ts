/**
 * A draft fact file from an extraction (hh ingest): every proposed indicator, fact and ignore carries
 * `review: true`, which the build refuses until a reviewer has checked the entry and deleted the line.
 * The format is the hand-written one (data/README.md), so a reviewed draft builds like any other file.
 */
import type { Indicator } from "../schema";
import { normalizeName } from "../text";
import type { Extraction, ExtractedFigure, IgnoredMention } from "./extractor";

export interface DraftOptions {
  source: string;
  region: string;
  title: string;
  date: string;
  /** Existing indicators: proposed names must not take one of their names. */
  indicators: readonly Indicator[];
}

export interface Draft {
  yaml: string;
  facts: number;
  newIndicators: number;
  ignores: number;
}

/** A YAML single-quoted scalar ('' for a literal '). */
export function q(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function num(value: number): string {
  return String(+value.toPrecision(12));
}

export function draftFactFile(extraction: Extraction, options: DraftOptions): Draft {
  const taken = new Set<string>();
  for (const i of options.indicators) for (const n of [i.zh, i.en, ...i.aliases]) taken.add(normalizeName(n));

  // One proposed indicator per proposed name and unit.
  const proposals = new Map<string, { id: string; zh: string; unit: string; first: ExtractedFigure }>();
  const proposalOf = (e: ExtractedFigure) => {
    const p = e.proposed!;
    const key = `${normalizeName(p.zh)}|${p.unit}`;
    let found = proposals.get(key);
    if (!found) {
      let zh = p.zh;
      while (taken.has(normalizeName(zh))) zh = `${zh}（新）`;
      taken.add(normalizeName(zh));
      found = {
        id: `new_${options.source}_${String(proposals.size + 1).padStart(2, "0")}`,
        zh,
        unit: p.unit,
        first: e,
      };
      proposals.set(key, found);
    }
    return found.id;
  };
  const factLines: string[] = [];
  for (const e of extraction.entries) {
    const ind = e.indicator ?? proposalOf(e);
    const lines = [
      `  - q: ${q(e.quote)}`,
      `    n: ${q(e.figure)}`,
      `    ind: ${ind}`,
      `    period: ${q(e.period)}`,
      `    kind: ${e.kind}`,
      `    measure: ${e.measure}`,
      `    v: ${num(e.value)}`,
      `    u: ${q(e.unit)}`,
    ];
    if (e.qualifier) lines.push(`    qual: ${e.qualifier}`);
    if (e.base) lines.push(`    base: ${q(e.base)}`);
    if (e.region !== options.region) lines.push(`    region: ${e.region}`);
    if (e.nth) lines.push(`    nth: ${e.nth}`);
    const how = e.indicator
      ? `${e.match === "similar" ? "similar name, check it" : `read as ${e.match}`}`
      : "new indicator";
    lines.push(
      `    note: ${q(`extractor (line ${e.line}): subject "${e.subject}", ${how}; confidence ${e.confidence}${e.cues.length ? `; cues ${e.cues.join(" ")}` : ""}`)}`,
      `    review: true`,
    );
    factLines.push(lines.join("\n"));
  }

  const indicatorLines = [...proposals.values()].map((p) =>
    [
      `  - id: ${p.id}              # rename: a descriptive snake_case id (and in the facts below)`,
      `    zh: ${q(p.zh)}`,
      `    en: ${q(`TODO English name of ${p.id}`)}`,
      `    aliases: []`,
      `    category: '待定'`,
      `    unit: ${q(p.unit)}`,
      `    review: true`,
    ].join("\n"),
  );

  const ignoreLines: string[] = [];
  const seen = new Set<string>();
  for (const i of extraction.ignored.filter((x: IgnoredMention) => !x.auto)) {
    if (seen.has(i.at)) continue;
    seen.add(i.at);
    ignoreLines.push([`  - at: ${q(i.at)}`, `    why: ${i.why}`, `    review: true`].join("\n"));
  }

  const yaml = [
    `# Draft written by hh ingest from ${options.title} (${options.date}). Nothing here is checked yet:`,
    `# every entry carries review: true and the build refuses the file until each one is reviewed.`,
    `# For each entry: compare it with the source line, fix what is wrong (quote, figure, value, unit,`,
    `# qualifier, indicator, period, kind, measure, base, region), delete entries that are not figures and`,
    `# add them to ignore:, then delete the review: true line. New indicators (new_${options.source}_NN)`,
    `# need a real id, an English name and a category; prefer an existing indicator when one fits.`,
    `# Then: npm run data:check -- ${options.source} (every numeric mention must be covered or ignored).`,
    `source: ${q(options.source)}`,
    `region: ${options.region}`,
    `indicators:${indicatorLines.length ? `\n${indicatorLines.join("\n")}` : " []"}`,
    `facts:${factLines.length ? `\n${factLines.join("\n")}` : " []"}`,
    `ignore:${ignoreLines.length ? `\n${ignoreLines.join("\n")}` : " []"}`,
    "",
  ].join("\n");
  return { yaml, facts: factLines.length, newIndicators: proposals.size, ignores: ignoreLines.length };
}
