/**
 * npm run bench — performance figures (printed, not asserted):
 *  0. start-up: wall-clock medians of `node -e 0`, `hh --version`, `hh find` and a one-formula
 *     `hh eval`, run interleaved as separate processes, and each one's ratio to `node -e 0`;
 *  1. a warm direct call of HH.VALUE with name resolution;
 *  2. parse, validate and index the bundled dataset and a synthetic 100,000-fact one, today's JSON
 *     against the compact wire format side by side (alternating runs, medians), with their sizes;
 *  3. a 10,000-cell sheet of HH.VALUE lookups recalculated in HyperFormula against the same lookups as
 *     native INDEX/MATCH over a table of the facts, with HyperFormula's column index on;
 *  4. the figure extractor (hh extract) over the five reports at 1×, 10× and 100× the corpus;
 *  5. the task pane's cold start against Microsoft's React template, side by side (scripts/bench-pane.ts);
 *     `npm run bench -- --only pane [runs]` runs this one alone.
 * `npm run bench -- --only wire` runs section 2 alone.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { resolve } from "node:path";
import { HyperFormula } from "hyperformula";
import { registerHHFunctions } from "../src/cli/engine";
import { extractFigures } from "../src/core/extract/extractor";
import { parseDataset, type Dataset, type Fact } from "../src/core/schema";
import { contentProblem, contentText } from "../src/core/integrity";
import { parseDatasetText } from "../src/core/live/parse";
import { IndicatorStore } from "../src/core/store";
import { decodeDatasetText, encodeDataset } from "../src/core/wire";
import * as functions from "../src/functions/functions";
import { benchPane } from "./bench-pane";

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
function best<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let fastest = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    result = fn();
    fastest = Math.min(fastest, ms(start));
  }
  return { ms: fastest, result };
}

// `npm run bench -- --only pane [runs]`: section 5 alone, before any other section's work starts.
if (process.argv[2] === "--only" && process.argv[3] === "pane") {
  const pane = resolve(__dirname, "bench-pane.ts");
  process.exit(spawnSync("npx", ["tsx", pane, ...process.argv.slice(4)], { stdio: "inherit" }).status ?? 1);
}

const raw = readFileSync(resolve(__dirname, "../data/dist/dataset.json"), "utf8");
const dataset = parseDataset(JSON.parse(raw));
const rows: string[] = [];
const report = (name: string, value: string, goal = "") =>
  rows.push(`${name.padEnd(58)} ${value.padStart(14)}  ${goal}`);

// 0. Start-up of the hh command, each run a new process as a user's.
function startup(runs: number): string[] {
  const hh = resolve(__dirname, "../bin/hh");
  const commands: Array<[string, string[]]> = [
    ["node -e 0", ["-e", "0"]],
    ["hh --version", [hh, "--version"]],
    ["hh find 学位", [hh, "find", "学位"]],
    [`hh eval '=HH.TARGET("公办园占比",2025)'`, [hh, "eval", '=HH.TARGET("公办园占比",2025)']],
  ];
  const run = (args: string[], env: NodeJS.ProcessEnv = process.env) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { encoding: "utf8", env });
    if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
    return { ms: ms(start), stderr: result.stderr };
  };
  const which = run([hh, "--version"], { ...process.env, HH_DEBUG: "1" }).stderr.trim();
  const times = commands.map(() => [] as number[]);
  for (let i = 0; i <= runs; i++) {
    // The first round only warms the file cache.
    commands.forEach(([, args], c) => {
      const { ms: taken } = run(args);
      if (i > 0) times[c].push(taken);
    });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const base = median(times[0]);
  const lines = [
    `start-up: wall clock, median of ${runs} runs; goal ≤ 3 × node -e 0 (${which.replace(/^hh: /, "ran the ")})`,
  ];
  const row = (name: string, m: number) =>
    lines.push(
      `  ${name.padEnd(60)} ${`${m.toFixed(0)} ms`.padStart(9)}  ${(m / base).toFixed(1).padStart(5)} × node -e 0`,
    );
  commands.forEach(([name], c) => row(name, median(times[c])));
  row(
    "same eval from the sources (HH_FROM_SOURCE=1, 1 run)",
    run([hh, "eval", '=HH.TARGET("公办园占比",2025)'], { ...process.env, HH_FROM_SOURCE: "1" }).ms,
  );
  return lines;
}
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const startupRows = only ? [] : startup(15);

// 1. Warm direct call
if (!only) {
  const n = 1_000_000;
  for (let i = 0; i < 10_000; i++) functions.value("一般公共预算教育支出", 2022);
  const start = process.hrtime.bigint();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += functions.value("一般公共预算教育支出", 2022) as number;
  const perCall = (ms(start) * 1000) / n;
  if (sum !== 51.6 * n && Math.abs(sum - 51.6 * n) > 1) throw new Error("unexpected value");
  report("HH.VALUE warm direct call, name resolution included", `${perCall.toFixed(3)} µs`, "goal ≤ 2 µs");
}

// 2. Parse, validate and index: today's JSON against the compact wire format (src/core/wire.ts)
/**
 * A realistic larger dataset made from the real one: its facts repeated, periods moved back a year per
 * copy (a span's both ends), values scaled with their reported figures, and the same strings otherwise
 * (quotes, units, regions, indicators), so the string table grows as a real one would. Ids are made as
 * the build makes them (scripts/lib/build-dataset.ts): indicator|region|period|kind|measure|source,
 * with #2, #3 … when a source states the same figure again. With `storedIds`, every id is one the
 * compact format cannot derive (the worst case for it).
 */
function synthetic(count: number, storedIds = false): Dataset {
  const facts: Fact[] = [];
  const template = dataset.facts;
  const seen = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const base = template[i % template.length];
    const back = Math.floor(i / template.length);
    const period = base.period.replace(/\d{4}/g, (year) => String(Number(year) - back));
    const scale = 1 + (i % 997) / 1000;
    facts.push({
      ...base,
      id: storedIds
        ? `${base.id}#s${i}`
        : buildId([base.indicator, base.region, period, base.kind, base.measure, base.source]),
      period,
      value: base.value * scale,
      reported: { ...base.reported, value: base.reported.value * scale },
    });
  }
  function buildId(parts: string[]): string {
    const id = parts.join("|");
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}#${count}`;
  }
  // The bundled conflicts name the bundled facts, which the synthetic set renames.
  return { ...dataset, facts, conflicts: [] };
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Medians of `runs` rounds, each timing every candidate once in turn (so drift hits all alike). */
function alternating(runs: number, candidates: Record<string, () => unknown>): Record<string, number> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]));
  for (let round = 0; round <= runs; round++)
    for (const [name, run] of Object.entries(candidates)) {
      const start = process.hrtime.bigint();
      run();
      // Round 0 warms the JIT and is not counted.
      if (round > 0) times[name].push(ms(start));
    }
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}
{
  const compactRaw = encodeDataset(dataset);
  const bundled = alternating(15, {
    json: () => new IndicatorStore(parseDataset(JSON.parse(raw))),
    compact: () => new IndicatorStore(decodeDatasetText(compactRaw)),
  });
  report(`bundled dataset (${dataset.facts.length} facts): JSON.parse + zod + index`, `${bundled.json.toFixed(1)} ms`);
  report(`bundled dataset (${dataset.facts.length} facts): compact decode + index`, `${bundled.compact.toFixed(1)} ms`);

  const big = synthetic(100_000);
  // Hashed as a publisher would, so the integrity check below runs to its end and accepts it.
  big.hash = createHash("sha256").update(contentText(big)).digest("hex");
  const jsonText = JSON.stringify(big);
  const compactText = encodeDataset(big);
  // Same content both ways, or the comparison means nothing.
  if (JSON.stringify(decodeDatasetText(compactText)) !== JSON.stringify(parseDataset(JSON.parse(jsonText))))
    throw new Error("the compact and the JSON synthetic datasets differ");
  // The worst case for the compact format: no id it can derive, each stored in the string table.
  const storedText = encodeDataset(synthetic(100_000, true));
  const runs = 7;
  const { indicator, region, period, kind, measure } = big.facts[big.facts.length >> 1];
  const firstKey = [indicator, region, period, kind, measure] as const;
  const t = alternating(runs, {
    json: () => new IndicatorStore(parseDataset(JSON.parse(jsonText))),
    compact: () => new IndicatorStore(decodeDatasetText(compactText)),
    jsonParse: () => JSON.parse(jsonText),
    jsonValidate: () => parseDataset(JSON.parse(jsonText)),
    compactParse: () => JSON.parse(compactText),
    compactDecode: () => decodeDatasetText(compactText),
    index: () => new IndicatorStore(big),
    compactStored: () => new IndicatorStore(decodeDatasetText(storedText)),
    // What on-demand facts defer (src/core/lazy-facts.ts), paid by whoever reads them all: the
    // pane's search index, a published dataset's integrity check, a sheet of every fact.
    compactEveryFact: () => decodeDatasetText(compactText).facts,
    compactFirstLookup: () => new IndicatorStore(decodeDatasetText(compactText)).facts(...firstKey),
    // A published file's whole way in (acceptDatasetText's steps, with node's synchronous sha256).
    compactPublished: () => {
      const checked = parseDatasetText(compactText);
      if (!checked.ok) throw new Error(`the synthetic dataset was refused: ${checked.code}`);
      const published = checked.dataset;
      const problem = contentProblem(published, new Date());
      const hash = createHash("sha256").update(contentText(published)).digest("hex");
      if (problem || hash !== published.hash) throw new Error("the synthetic dataset failed its integrity check");
      return new IndicatorStore(published);
    },
  });
  const size = (text: string) => {
    const bytes = Buffer.byteLength(text, "utf8");
    return `${(bytes / 1e6).toFixed(1)} MB, gzip ${(gzipSync(text).byteLength / 1e6).toFixed(1)} MB`;
  };
  const label = `synthetic 100,000 facts (median of ${runs} alternating runs)`;
  report(`${label}`, "");
  report("  JSON: bytes", size(jsonText));
  report(
    "  compact: bytes",
    size(compactText),
    `${((Buffer.byteLength(compactText) / Buffer.byteLength(jsonText)) * 100).toFixed(0)}% of JSON's bytes`,
  );
  report("  JSON: JSON.parse", `${t.jsonParse.toFixed(1)} ms`);
  report("  JSON: JSON.parse + zod", `${t.jsonValidate.toFixed(1)} ms`);
  report("  compact: JSON.parse", `${t.compactParse.toFixed(1)} ms`);
  report("  compact: JSON.parse + validate (facts made on demand)", `${t.compactDecode.toFixed(1)} ms`);
  report("  index alone (new IndicatorStore)", `${t.index.toFixed(1)} ms`);
  report("  JSON: parse + zod + index", `${t.json.toFixed(1)} ms`);
  const ratio = t.compact / t.json;
  const pass = t.compact <= 200 && ratio <= 0.4;
  report(
    "  compact: parse + validate + index",
    `${t.compact.toFixed(1)} ms`,
    `${(ratio * 100).toFixed(0)}% of JSON; goal ≤ 200 ms and ≤ 40%: ${pass ? "PASS" : "FAIL"}`,
  );
  report("  compact: parse + validate + index + a first lookup", `${t.compactFirstLookup.toFixed(1)} ms`);
  report(
    "  compact: parse + validate + every fact made",
    `${t.compactEveryFact.toFixed(1)} ms`,
    `${((t.compactEveryFact / t.json) * 100).toFixed(0)}% of JSON (not a goal)`,
  );
  report(
    "  published: + integrity check (values, sha256 of the content)",
    `${t.compactPublished.toFixed(1)} ms`,
    `${((t.compactPublished / t.json) * 100).toFixed(0)}% of JSON (not a goal)`,
  );
  report("  worst case, every id stored: compact bytes", size(storedText));
  report(
    "  worst case, every id stored: parse + validate + index",
    `${t.compactStored.toFixed(1)} ms`,
    `${((t.compactStored / t.json) * 100).toFixed(0)}% of JSON (not a goal)`,
  );
}

// 3. HyperFormula: HH.VALUE vs INDEX/MATCH
async function recalcComparison(): Promise<void> {
  await registerHHFunctions();
  const store = new IndicatorStore(dataset);
  const lookups = dataset.facts.filter(
    (f) =>
      f.measure === "level" &&
      (f.kind === "actual" || f.kind === "estimate") &&
      store.facts(f.indicator, f.region, f.period, "actual", "level").length +
        store.facts(f.indicator, f.region, f.period, "estimate", "level").length >
        0,
  );
  const unique = [...new Map(lookups.map((f) => [`${f.indicator}|${f.region}|${f.period}`, f])).values()];
  const CELLS = 10_000;
  const names = new Map(dataset.indicators.map((i) => [i.id, i.zh]));
  const table = unique.map((f) => [
    `${names.get(f.indicator)}|${f.region}|${f.period}`,
    functions.value(names.get(f.indicator)!, f.period, f.region) as number,
  ]);
  const hhSheet: string[][] = [];
  const nativeSheet: string[][] = [];
  for (let i = 0; i < CELLS; i++) {
    const f = unique[i % unique.length];
    const zh = names.get(f.indicator)!;
    const period = /^\d{4}$/.test(f.period) ? f.period : `"${f.period}"`;
    hhSheet.push([`=HH.VALUE("${zh}",${period},"${f.region}")`]);
    nativeSheet.push([
      `=INDEX(Facts!$B$1:$B$${table.length},MATCH("${zh}|${f.region}|${f.period}",Facts!$A$1:$A$${table.length},0))`,
    ]);
  }
  const config = { licenseKey: "gpl-v3", useColumnIndex: true };
  const hh = HyperFormula.buildFromSheets({ Sheet1: hhSheet }, config);
  const native = HyperFormula.buildFromSheets({ Facts: table, Sheet1: nativeSheet }, config);
  // Same answers, or the comparison means nothing.
  const hhValues = hh.getSheetValues(0).map((r) => r[0]);
  const nativeValues = native.getSheetValues(native.getSheetId("Sheet1")!).map((r) => r[0]);
  const mismatch = hhValues.findIndex((v, i) => v !== nativeValues[i]);
  if (mismatch >= 0)
    throw new Error(
      `HH.VALUE and INDEX/MATCH disagree at row ${mismatch}: ${JSON.stringify(hhValues[mismatch])} vs ${JSON.stringify(nativeValues[mismatch])} (${hhSheet[mismatch][0]})`,
    );
  const hhTime = best(5, () => hh.rebuildAndRecalculate()).ms;
  const nativeTime = best(5, () => native.rebuildAndRecalculate()).ms;
  report(`HyperFormula recalc, ${CELLS} × HH.VALUE`, `${hhTime.toFixed(1)} ms`);
  report(`HyperFormula recalc, ${CELLS} × INDEX/MATCH (column index on)`, `${nativeTime.toFixed(1)} ms`);
  report("ratio HH.VALUE / INDEX-MATCH", (hhTime / nativeTime).toFixed(2), "goal ≤ 1.0");
  hh.destroy();
  native.destroy();
}

// 4. Extractor throughput
/**
 * The five reports extracted as separate documents, once (1×), 10 and 100 times over, after a warm-up
 * (JIT). Each pass reads names against a fresh copy of the catalog, so the name index is rebuilt and
 * no name read in an earlier pass is remembered. Linear growth: the time per corpus copy stays about
 * the same.
 */
function extractorThroughput(): void {
  const docs = dataset.sources.map((source) => ({
    source,
    text: readFileSync(resolve(__dirname, "../data/sources", source.file), "utf8"),
  }));
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, "utf8"), 0);
  const pass = () => {
    const indicators = [...dataset.indicators];
    for (const { source, text } of docs)
      extractFigures(text, { date: source.date, region: source.region, regions: source.regions, indicators });
  };
  for (let i = 0; i < 5; i++) pass();
  const times: Array<[number, number]> = [];
  for (const n of [1, 10, 100]) {
    const { ms: t } = best(n === 100 ? 1 : n === 10 ? 3 : 10, () => {
      for (let k = 0; k < n; k++) pass();
    });
    times.push([n, t]);
    report(
      `extractor, ${n}× the corpus (${((n * bytes) / 1e6).toFixed(2)} MB, ${n * docs.length} reports)`,
      `${t.toFixed(0)} ms`,
      n === 1 ? "" : `${(t / times[0][1]).toFixed(1)}× the 1× time (linear: ${n}×)`,
    );
  }
  const [, t100] = times[times.length - 1];
  report("extractor throughput at 100×", `${((100 * bytes) / 1e6 / (t100 / 1000)).toFixed(2)} MB/s`);
  report(
    "extractor ms per corpus copy at 1× / 10× / 100×",
    times.map(([n, t]) => (t / n).toFixed(1)).join(" / "),
    "linear: about equal",
  );
}

if (only) console.log(rows.join("\n"));
else {
  extractorThroughput();
  void recalcComparison()
    .then(() => benchPane())
    .then((paneRows) => {
      console.log(
        `HH Indicators benchmarks (Node ${process.version}, ${dataset.facts.length} facts)\n${startupRows.join("\n")}\n\n${rows.join("\n")}\n\n${paneRows.join("\n")}`,
      );
    });
}
