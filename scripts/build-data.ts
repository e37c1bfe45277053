/**
 * npm run build:data            verify every fact, print coverage, write data/dist/{dataset.json,dataset.hhc.json,facts.csv,datapackage.json}
 * npm run data:check -- 000     verify one document's facts and list its uncovered numeric mentions
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildDataset, type SourceReport } from "./lib/build-dataset";
import { datapackageOf, factsCsv } from "./lib/exports";
import { encodeDataset } from "../src/core/wire";

const root = resolve(__dirname, "..");
const args = process.argv.slice(2);
const checkIndex = args.indexOf("--check");
const only = checkIndex >= 0 ? args[checkIndex + 1] : undefined;
const epoch = process.env.SOURCE_DATE_EPOCH;
const result = buildDataset(root, { only, builtAt: epoch ? new Date(Number(epoch) * 1000) : undefined });

for (const p of result.problems) console.error(`${p.file}:${p.line}: ${p.message}`);
printCoverage(result.reports);

if (only) {
  for (const report of result.reports) {
    for (const u of report.accounting.uncovered) {
      console.log(`uncovered ${report.source.file}:${u.line}: "${u.text}" in …${u.context}…`);
    }
  }
  const uncovered = result.reports.reduce((n, r) => n + r.accounting.uncovered.length, 0);
  console.log(`${result.problems.length} problem(s), ${uncovered} uncovered mention(s)`);
  process.exit(result.problems.length > 0 ? 1 : 0);
}

if (result.problems.length > 0 || !result.dataset) {
  console.error(`build:data failed: ${result.problems.length} problem(s)`);
  process.exit(1);
}
const out = join(root, "data", "dist");
mkdirSync(out, { recursive: true });
// dataset.json stays readable (people, the Frictionless package); the add-in and hh load the compact copy.
const json = JSON.stringify(result.dataset);
const compact = encodeDataset(result.dataset);
writeFileSync(join(out, "dataset.json"), json);
writeFileSync(join(out, "dataset.hhc.json"), compact);
writeFileSync(join(out, "facts.csv"), factsCsv(result.dataset));
writeFileSync(join(out, "datapackage.json"), JSON.stringify(datapackageOf(result.dataset), null, 2));
const { dataset } = result;
console.log(
  `dataset ${dataset.version}: ${dataset.facts.length} facts, ${dataset.indicators.length} indicators, ` +
    `${dataset.conflicts.length} conflicts → data/dist/dataset.json (${kb(json)}), dataset.hhc.json (${kb(compact)}, ` +
    `compact), facts.csv, datapackage.json`,
);

function kb(text: string): string {
  return `${(Buffer.byteLength(text, "utf8") / 1024).toFixed(0)} KB`;
}

function printCoverage(reports: SourceReport[]) {
  console.log("source  facts  mentions  covered  ignored  uncovered  accounted");
  for (const r of reports) {
    const a = r.accounting;
    const ignored = Object.values(a.ignored).reduce((x, y) => x + y, 0);
    const pct = a.total === 0 ? 100 : ((a.total - a.uncovered.length) / a.total) * 100;
    console.log(
      `${r.source.id}     ${String(r.facts).padStart(5)}  ${String(a.total).padStart(8)}  ${String(a.covered).padStart(7)}  ` +
        `${String(ignored).padStart(7)}  ${String(a.uncovered.length).padStart(9)}  ${pct.toFixed(1).padStart(8)}%`,
    );
  }
}
