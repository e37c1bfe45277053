/** Assembles and verifies the dataset from the hand-written YAML and the source texts. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findConflicts } from "../../src/core/conflicts";
import { parseDataset, type Dataset, type Fact, type Indicator, type Source } from "../../src/core/schema";
import { contentText } from "../../src/core/integrity";
import { IndicatorResolver, normalizeName } from "../../src/core/resolve";
import { derivePhrases, type PhraseResult } from "./phrases";
import { isPercentUnit, toCanonical, unitsCompatible } from "../../src/core/units";
import { accountMentions, verifyClaim, type Accounting, type LocatedClaim } from "../../src/core/extract/verify";
import {
  claimOf,
  loadCatalog,
  loadFactFiles,
  loadSources,
  withAmbiguousNames,
  type AmbiguousName,
  type Located,
  type LoadProblem,
} from "./fact-files";

export interface SourceReport {
  source: Source;
  facts: number;
  accounting: Accounting;
}
export interface BuildResult {
  dataset?: Dataset;
  problems: LoadProblem[];
  reports: SourceReport[];
  droppedPhrases?: PhraseResult["dropped"];
}

export function buildDataset(root: string, options: { only?: string; builtAt?: Date } = {}): BuildResult {
  const problems: LoadProblem[] = [];
  const sources = loadSources(root, problems).map((s) => s.value);
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const texts = new Map(sources.map((s) => [s.id, readFileSync(join(root, "data", "sources", s.file), "utf8")]));
  const files = loadFactFiles(root, problems);

  const catalog = loadCatalog(root, problems);
  const indicators = new Map<string, Indicator>();
  const definedAt = new Map<string, string>();
  for (const entry of [...catalog.indicators, ...files.flatMap((f) => f.indicators)]) {
    const previous = definedAt.get(entry.value.id);
    if (previous)
      problems.push({
        file: entry.file,
        line: entry.line,
        message: `indicator ${entry.value.id} already defined at ${previous}`,
      });
    else {
      indicators.set(entry.value.id, entry.value);
      definedAt.set(entry.value.id, `${entry.file}:${entry.line}`);
    }
  }

  // Names that fit several indicators on purpose become aliases of each: the reader answers "ambiguous".
  checkNames(indicators, definedAt, problems, catalog.ambiguous);
  for (const indicator of withAmbiguousNames([...indicators.values()], catalog.ambiguous, problems))
    indicators.set(indicator.id, indicator);

  const facts: Fact[] = [];
  const phraseSources: Parameters<typeof derivePhrases>[0][number][] = [];
  const locatedBySource = new Map<string, LocatedClaim[]>();
  const seenIds = new Map<string, number>();
  for (const file of files) {
    const source = sourceById.get(file.source);
    const text = texts.get(file.source);
    if (!source || text === undefined) {
      problems.push({ file: file.file, line: 1, message: `unknown source ${file.source}` });
      continue;
    }
    for (const { value: raw, line } of file.facts) {
      const at = (message: string) => problems.push({ file: file.file, line, message });
      const indicator = indicators.get(raw.ind);
      if (!indicator) {
        at(`unknown indicator ${raw.ind}`);
        continue;
      }
      const { problems: claimProblems, located } = verifyClaim(claimOf(raw), text);
      claimProblems.forEach(at);
      if (located) {
        const list = locatedBySource.get(file.source);
        if (list) list.push(located);
        else locatedBySource.set(file.source, [located]);
      }
      if (claimProblems.length > 0 || !located) continue;

      const unit = canonicalUnitOf(raw.measure, raw.u, indicator);
      if (unit === undefined) {
        at(`unit ${raw.u} does not fit indicator ${indicator.id} (${indicator.unit}) for measure ${raw.measure}`);
        continue;
      }
      const region = raw.region ?? file.region;
      const keyId = [raw.ind, region, raw.period, raw.kind, raw.measure, file.source].join("|");
      const count = (seenIds.get(keyId) ?? 0) + 1;
      seenIds.set(keyId, count);
      const fact: Fact = {
        id: count === 1 ? keyId : `${keyId}#${count}`,
        indicator: raw.ind,
        region,
        period: raw.period,
        kind: raw.kind,
        measure: raw.measure,
        value: toCanonical(raw.v, raw.u, unit),
        unit,
        reported: { value: raw.v, unit: raw.u, text: raw.n },
        source: file.source,
        quote: raw.q,
        line: located.line,
      };
      if (raw.base) fact.base = raw.base;
      if (raw.qual) fact.qualifier = raw.qual;
      if (raw.note) fact.note = raw.note;
      facts.push(fact);
      phraseSources.push({ fact, quote: raw.q, figure: raw.n, nth: raw.nth });
    }
  }

  const reports: SourceReport[] = sources
    .filter((s) => !options.only || s.id === options.only)
    .map((source) => ({
      source,
      facts: facts.filter((f) => f.source === source.id).length,
      accounting: accountMentions(
        texts.get(source.id) ?? "",
        locatedBySource.get(source.id) ?? [],
        files.filter((f) => f.source === source.id).flatMap((f) => f.ignore.map((i) => i.value)),
      ),
    }));

  if (options.only) {
    const onlyFiles = new Set(files.filter((f) => f.source === options.only).map((f) => f.file));
    return { problems: problems.filter((p) => onlyFiles.has(p.file) || !p.file.startsWith("data/facts")), reports };
  }

  if (problems.length > 0) return { problems, reports };
  const conflicts = findConflicts(facts, sourceById);
  const { phrases, dropped } = derivePhrases(
    phraseSources,
    indicators,
    new IndicatorResolver([...indicators.values()]),
  );
  const withPhrases = [...indicators.values()].map((indicator) =>
    phrases.has(indicator.id) ? { ...indicator, phrases: phrases.get(indicator.id)!.sort() } : indicator,
  );
  const body = { sources, indicators: withPhrases, facts, conflicts };
  // Validate first: the hash is over the content exactly as the file will hold it.
  const builtAt = options.builtAt ?? new Date();
  const draft = parseDataset({
    schemaVersion: 1,
    version: "draft",
    hash: "0".repeat(64),
    builtAt: builtAt.toISOString(),
    ...body,
  });
  const hash = createHash("sha256").update(contentText(draft)).digest("hex");
  const version = `${builtAt.toISOString().slice(0, 10).replace(/-/g, ".")}+${hash.slice(0, 8)}`;
  const dataset = { ...draft, version, hash };
  return { dataset, problems, reports, droppedPhrases: dropped };
}

/**
 * Every name leads to one indicator, and means its level: no alias is another name of the same indicator
 * with change words around it (新增公路里程 on 公路总里程 would return the total for the change; on a count of
 * new things, 新增托位数, the bare 托位 would return the new places for the stock).
 */
function checkNames(
  indicators: Map<string, Indicator>,
  definedAt: Map<string, string>,
  problems: LoadProblem[],
  ambiguous: readonly Located<AmbiguousName>[],
): void {
  const at = (indicator: Indicator, message: string) => {
    const [file, line] = definedAt.get(indicator.id)!.split(":");
    problems.push({ file, line: Number(line), message });
  };
  const nameOwner = new Map<string, string>();
  for (const indicator of indicators.values()) {
    for (const name of new Set([indicator.zh, indicator.en, ...indicator.aliases].map(normalizeName))) {
      const owner = nameOwner.get(name);
      if (owner && owner !== indicator.id)
        at(indicator, `name or alias "${name}" of ${indicator.id} already belongs to ${owner}`);
      else nameOwner.set(name, indicator.id);
    }
  }
  // An ambiguous name is no name of any one indicator: as one, it would lead there alone.
  for (const { value, file, line } of ambiguous) {
    const owner = nameOwner.get(normalizeName(value.name));
    if (owner) problems.push({ file, line, message: `ambiguous name "${value.name}" is a name or alias of ${owner}` });
  }
  const resolver = new IndicatorResolver([...indicators.values()]);
  for (const indicator of indicators.values()) {
    for (const alias of indicator.aliases) {
      const change = resolver
        .decompose(normalizeName(alias))
        .find((d) => d.measure !== "level" && d.entry.indicator.id === indicator.id);
      if (change)
        at(
          indicator,
          `alias "${alias}" of ${indicator.id} is its name "${change.entry.text}" with change words (${change.measure}): one of the two names a neighbouring figure; keep the one that means this indicator`,
        );
    }
  }
}

/** Changes are stored in % (as fractions) or 个百分点; levels and absolute changes in the indicator's unit. */
function canonicalUnitOf(measure: Fact["measure"], reported: string, indicator: Indicator): string | undefined {
  if (measure === "pct_change") return reported === "%" ? "%" : undefined;
  if (measure === "pp_change") return isPercentUnit(reported) ? "个百分点" : undefined;
  if (isPercentUnit(indicator.unit)) return isPercentUnit(reported) ? indicator.unit : undefined;
  return unitsCompatible(reported, indicator.unit) ? indicator.unit : undefined;
}
