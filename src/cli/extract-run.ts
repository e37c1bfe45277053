/**
 * What hh extract and hh ingest do (loaded only when one of them runs, to keep hh's start-up light):
 * read a report, extract its figures, print them; store a report and draft its fact file.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { draftFactFile, q } from "../core/extract/draft";
import { extractFigures, type ExtractedFigure, type Extraction } from "../core/extract/extractor";
import { accountMentions, verifyClaim, type LocatedClaim } from "../core/extract/verify";
import { KIND_LABEL, MEASURE_LABEL } from "../core/labels";
import { CITY, regionByName } from "../core/regions";
import { DOCUMENT_TYPES, type Indicator, type Source } from "../core/schema";
import { live } from "../runtime/dataset";
import {
  loadCatalog,
  loadFactFiles,
  loadSources,
  withAmbiguousNames,
  type LoadProblem,
} from "../../scripts/lib/fact-files";
import { print } from "./terminal";

const REPO = resolve(__dirname, "../..");

export class UsageError extends Error {}

export function checkDate(date: string | undefined): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    throw new UsageError(`--date must be a date YYYY-MM-DD, got "${date ?? ""}"`);
  const [y, m, d] = date.split("-").map(Number);
  const parsed = new Date(Date.UTC(y, m - 1, d));
  if (parsed.getUTCMonth() !== m - 1 || parsed.getUTCDate() !== d)
    throw new UsageError(`--date ${date} is not a real day`);
  return date;
}

export function checkRegion(region: string | undefined): string {
  if (region === undefined) return CITY;
  const name = regionByName(region);
  if (!name) throw new UsageError(`--region "${region}" is not a known region (呼和浩特市, 新城区, 经开区 …)`);
  return name;
}

/** The file as UTF-8 text; the bytes too, for ingest to store them as they are. */
export function readReport(file: string): { bytes: Buffer; text: string } {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`no such file: ${file}`);
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file} is not UTF-8 text`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { bytes, text };
}

function cell(text: string, width: number): string {
  const chars = [...text];
  let w = 0;
  let out = "";
  for (const c of chars) {
    const cw = /[\u1100-\uffff]/.test(c) ? 2 : 1;
    if (w + cw > width) return `${out}…`;
    out += c;
    w += cw;
  }
  return out + " ".repeat(Math.max(0, width - w));
}

export function formatEntries(entries: readonly ExtractedFigure[]): string {
  const rows = entries.map((e) =>
    [
      String(e.line).padStart(4),
      cell(`${e.value}${e.unit}${e.qualifier ? ` ${e.qualifier}` : ""}`, 14),
      cell(MEASURE_LABEL.zh[e.measure] + (e.base ? `/${e.base}` : ""), 12),
      cell(e.period, 10),
      cell(KIND_LABEL.zh[e.kind], 4),
      cell(e.region, 10),
      cell(e.indicator ? `${e.indicator}${e.match === "similar" ? "?" : ""}` : `+${e.proposed?.zh ?? ""}`, 36),
      e.confidence.toFixed(2),
      e.subject,
    ].join("  "),
  );
  const head = [
    "line",
    cell("figure", 14),
    cell("measure", 12),
    cell("period", 10),
    cell("kind", 4),
    cell("region", 10),
    cell("indicator (? similar, + new)", 36),
    "conf",
    "subject",
  ];
  return [head.join("  "), ...rows].join("\n");
}

/** The catalog to read names against: a data folder's catalog and fact files, with the built dataset's report phrases. */
function indicatorsOf(root: string | undefined): Indicator[] {
  const bundled = live.store.dataset.indicators;
  if (!root) return [...bundled];
  const problems: LoadProblem[] = [];
  const catalog = loadCatalog(root, problems);
  const own = withAmbiguousNames(
    [...catalog.indicators, ...loadFactFiles(root, problems).flatMap((f) => f.indicators)].map((l) => l.value),
    catalog.ambiguous,
    problems,
  );
  const phrases = new Map(bundled.map((i) => [i.id, i.phrases]));
  return own.map((i) => (phrases.get(i.id) && !i.phrases ? { ...i, phrases: phrases.get(i.id) } : i));
}

export interface IngestOptions {
  date: string;
  region: string;
  title: string;
  issuer: string;
  url: string;
  type?: string;
  titleEn?: string;
  /** The text is an excerpt of the published document. */
  excerpt?: boolean;
  /** Folder holding data/ (default: this repository). */
  root?: string;
  /** The source id (three digits) instead of the next free one, so that parallel ingests keep apart. */
  id?: string;
}

export interface IngestResult {
  id: string;
  sourceFile: string;
  factsFile: string;
  facts: number;
  newIndicators: number;
  ignores: number;
  warnings: string[];
}

/** Stores a report byte-for-byte, appends its metadata to sources.yaml and writes a draft fact file. */
export function ingest(file: string, options: IngestOptions): IngestResult {
  const root = resolve(options.root ?? REPO);
  const dataDir = join(root, "data");
  const sourcesYaml = join(dataDir, "sources", "sources.yaml");
  if (!existsSync(sourcesYaml)) throw new UsageError(`no data/sources/sources.yaml under ${root}`);
  const date = checkDate(options.date);
  const region = checkRegion(options.region);
  if (!options.title?.trim()) throw new UsageError("--title is required");
  if (!options.issuer?.trim()) throw new UsageError("--issuer is required");
  if (!options.url || !/^https?:\/\/\S+$/.test(options.url))
    throw new UsageError(`--url must be an http(s) address, got "${options.url ?? ""}"`);
  const type = (options.type ?? "新闻报道") as Source["type"];
  if (!DOCUMENT_TYPES.includes(type))
    throw new UsageError(`--type must be one of ${DOCUMENT_TYPES.join(" ")}, got "${options.type}"`);

  const { bytes, text } = readReport(file);
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  const existing = readdirSync(join(dataDir, "sources")).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f));
  const same = existing.find((f) => readFileSync(join(dataDir, "sources", f)).equals(bytes));
  if (same) throw new UsageError(`this text is already a source: data/sources/${same}`);
  const problems: LoadProblem[] = [];
  const known = loadSources(root, problems).map((s) => s.value);
  const ids = [...known.map((s) => Number(s.id)), ...existing.map((f) => Number(f.slice(0, 3)))];
  const id = options.id ?? String(Math.max(-1, ...ids) + 1).padStart(3, "0");
  if (!/^\d{3}$/.test(id)) throw new UsageError(`--id must be three digits, got "${id}"`);
  if (ids.includes(Number(id))) throw new UsageError(`source ${id} already exists`);
  const fileName = `${id}_${hash}.txt`;
  const factsFile = join(dataDir, "facts", `${id}.yaml`);
  if (existsSync(factsFile)) throw new UsageError(`data/facts/${id}.yaml already exists`);

  const indicators = indicatorsOf(options.root ? root : undefined);
  const extraction = extractFigures(text, { date, region, indicators, regions: [region] });
  const draft = draftFactFile(extraction, { source: id, region, title: options.title, date, indicators });
  const warnings = selfCheck(text, extraction);

  writeFileSync(join(dataDir, "sources", fileName), bytes, { flag: "wx" });
  const entry = [
    `  - id: ${q(id)}`,
    `    file: ${fileName}`,
    `    title: ${q(options.title.trim())}`,
    `    title_en: ${q(options.titleEn?.trim() || `TODO English title of ${options.title.trim()}`)}`,
    `    issuer: ${q(options.issuer.trim())}`,
    `    date: ${q(date)}`,
    `    region: ${region}`,
    `    regions: [${region}]`,
    `    type: ${type}`,
    `    url: ${q(options.url)}`,
    ...(options.excerpt ? ["    excerpt: true"] : []),
    ...(options.titleEn ? [] : ["    review: true   # give title_en an English title, then delete this line"]),
  ].join("\n");
  const before = readFileSync(sourcesYaml, "utf8");
  writeFileSync(sourcesYaml, `${before}${before.endsWith("\n") ? "" : "\n"}${entry}\n`);
  mkdirSync(join(dataDir, "facts"), { recursive: true });
  writeFileSync(factsFile, draft.yaml, { flag: "wx" });
  return {
    id,
    sourceFile: join(dataDir, "sources", fileName),
    factsFile,
    facts: draft.facts,
    newIndicators: draft.newIndicators,
    ignores: draft.ignores,
    warnings,
  };
}

/** The draft verifies once reviewed: every entry checks out and every numeric mention is accounted for. */
export function selfCheck(text: string, extraction: Extraction): string[] {
  const warnings: string[] = [];
  const located: LocatedClaim[] = [];
  for (const e of extraction.entries) {
    const { problems, located: at } = verifyClaim(
      {
        quote: e.quote,
        figure: e.figure,
        nth: e.nth,
        value: e.value,
        unit: e.unit,
        qualifier: e.qualifier || undefined,
        measure: e.measure,
      },
      text,
    );
    if (at) located.push(at);
    for (const p of problems) warnings.push(`line ${e.line} "${e.figure}": ${p}`);
    if (/^[万亿千百]*$/.test(e.unit))
      warnings.push(
        `line ${e.line} "${e.figure}": no unit in the text — give the fact its unit (u) before it can build`,
      );
  }
  const ignores = extraction.ignored.filter((i) => !i.auto).map((i) => ({ at: i.at, why: i.why }));
  for (const u of accountMentions(text, located, ignores).uncovered)
    warnings.push(`line ${u.line} "${u.text}" is neither a figure nor ignored: …${u.context}…`);
  return warnings;
}

/** hh extract: the entries as a table, or JSON. */
export function runExtract(
  file: string,
  options: { date: string; region?: string; json?: boolean; ignored?: boolean },
): void {
  const { text } = readReport(file);
  const extraction = extractFigures(text, {
    date: checkDate(options.date),
    region: checkRegion(options.region),
    indicators: live.store.dataset.indicators,
    resolver: live.store.resolver,
  });
  if (options.json) {
    print(JSON.stringify(options.ignored ? extraction : extraction.entries, null, 2));
    return;
  }
  print(formatEntries(extraction.entries));
  print(`\n${extraction.entries.length} figures; ${extraction.ignored.length} numbers not figures`);
  if (options.ignored) for (const i of extraction.ignored) print(`  line ${i.line}  ${i.why.padEnd(9)} ${i.at}`);
}

/** hh ingest: store, draft, and say what to do next. */
export function runIngest(file: string, options: IngestOptions): void {
  const result = ingest(file, options);
  print(`source ${result.id}: ${result.sourceFile}`);
  print(
    `draft: ${result.factsFile} — ${result.facts} facts, ${result.newIndicators} proposed indicators, ${result.ignores} ignores, all marked review: true`,
  );
  for (const w of result.warnings) print(`warning: ${w}`);
  print(`next: review every entry (data/README.md, "Adding a report"), then npm run data:check -- ${result.id}`);
}
