/**
 * npm run bench — performance figures (printed, not asserted):
 *  0. start-up: wall-clock medians of `node -e 0`, `hh --version`, `hh find` and a one-formula
 *     `hh eval`, run interleaved as separate processes, and each one's ratio to `node -e 0`;
 *  1. a warm direct call of HH.VALUE with name resolution;
 *  2. parse, validate and index the bundled dataset and a synthetic 100,000-fact one, today's JSON
 *     against the compact wire format side by side (alternating runs, medians), with their sizes;
 *  3. a 10,000-cell sheet of HH.VALUE lookups recalculated in HyperFormula against the same lookups as
 *     native INDEX/MATCH over a table of the facts, with HyperFormula's column index on;
 *  4. the figure extractor (hh extract) over the five reports at 1×, 10× and 100× the corpus.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { resolve } from "node:path";
import { HyperFormula } from "hyperformula";
import { registerHHFunctions } from "../src/cli/engine";
import { extractFigures } from "../src/core/extract/extractor";
import { parseDataset, type Dataset, type Fact } from "../src/core/schema";
import { IndicatorStore } from "../src/core/store";
import { decodeDatasetText, encodeDataset } from "../src/core/wire";
import * as functions from "../src/functions/functions";

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

const raw = readFileSync(resolve(__dirname, "../data/dist/dataset.json"), "utf8");
const dataset = parseDataset(JSON.parse(raw));
const rows: string[] = [];
const report = (name: string, value: string, goal = "") =>
  rows.push(`${name.padEnd(58)} ${value.padStart(14)}  ${goal}`);

// 2. Parse, validate and index: today's JSON against the compact wire format (src/core/wire.ts)
/**
 * A realistic larger dataset made from the real one: its facts repeated with new ids, periods moved
 * back a year per copy (a span's both ends), values scaled with their reported figures, and the same
 * strings otherwise (quotes, units, regions, indicators), so the string table grows as a real one would.
 */
function synthetic(count: number): Dataset {
  const facts: Fact[] = [];
  const template = dataset.facts;
  for (let i = 0; i < count; i++) {
    const base = template[i % template.length];
    const back = Math.floor(i / template.length);
    const period = base.period.replace(/\d{4}/g, (year) => String(Number(year) - back));
    const scale = 1 + (i % 997) / 1000;
    facts.push({
      ...base,
      id: `${base.id}#s${i}`,
      period,
      value: base.value * scale,
      reported: { ...base.reported, value: base.reported.value * scale },
    });
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
  const jsonText = JSON.stringify(big);
  const compactText = encodeDataset(big);
  // Same content both ways, or the comparison means nothing.
  if (JSON.stringify(decodeDatasetText(compactText)) !== JSON.stringify(parseDataset(JSON.parse(jsonText))))
    throw new Error("the compact and the JSON synthetic datasets differ");
  const runs = 7;
  const t = alternating(runs, {
    json: () => new IndicatorStore(parseDataset(JSON.parse(jsonText))),
    compact: () => new IndicatorStore(decodeDatasetText(compactText)),
    jsonParse: () => JSON.parse(jsonText),
    jsonValidate: () => parseDataset(JSON.parse(jsonText)),
    compactDecode: () => decodeDatasetText(compactText),
    index: () => new IndicatorStore(big),
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
    `${((compactText.length / jsonText.length) * 100).toFixed(0)}% of JSON`,
  );
  report("  JSON: JSON.parse", `${t.jsonParse.toFixed(1)} ms`);
  report("  JSON: JSON.parse + zod", `${t.jsonValidate.toFixed(1)} ms`);
  report("  compact: JSON.parse + validate + build rows (decode only)", `${t.compactDecode.toFixed(1)} ms`);
  report("  index alone (new IndicatorStore)", `${t.index.toFixed(1)} ms`);
  report("  JSON: parse + zod + index", `${t.json.toFixed(1)} ms`);
  const ratio = t.compact / t.json;
  const pass = t.compact <= 200 && ratio <= 0.4;
  report(
    "  compact: parse + validate + index",
    `${t.compact.toFixed(1)} ms`,
    `${(ratio * 100).toFixed(0)}% of JSON; goal ≤ 200 ms and ≤ 40%: ${pass ? "PASS" : "FAIL"}`,
  );
}

console.log(rows.join("\n"));
