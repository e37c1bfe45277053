/**
 * npm run extract:eval — runs the extractor (hh extract) on the five reports in data/sources, with the
 * dates and regions of sources.yaml, and scores it against the curated facts (data/facts, the facts
 * of data/dist/dataset.json): figures found, found with the right period and kind, spurious entries.
 * Prints the definitions, the three figures against their goals, per-source counts and every miss.
 * Exit code 1 when a goal is missed. Sources ingested since (they have a url) are scored apart, out of
 * sample, with no goal.
 */
import { resolve } from "node:path";
import { DEFINITIONS, DEVELOPMENT_SET, GOALS, rate, scoreExtraction } from "./lib/extract-score";

const root = resolve(__dirname, "..");
const score = scoreExtraction(root, DEVELOPMENT_SET);
const added = scoreExtraction(root, (s) => !DEVELOPMENT_SET(s));
for (const p of score.problems) console.error(`${p.file}:${p.line}: ${p.message}`);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const found = rate(score.found, score.facts);
const periodKind = rate(score.periodKind, score.facts);
const spurious = rate(score.spurious, score.entries);

console.log("Definitions");
for (const line of DEFINITIONS) console.log(`  ${line}`);
console.log("\nsource  facts  found  period+kind  entries  spurious      ms");
for (const s of score.perSource) {
  console.log(
    `${s.id}     ${String(s.facts).padStart(5)}  ${String(s.found).padStart(5)}  ${String(s.periodKind).padStart(11)}  ${String(s.entries).padStart(7)}  ${String(s.spurious).padStart(8)}  ${s.ms.toFixed(0).padStart(6)}`,
  );
}
console.log(
  `\nfigures found          ${pct(found).padStart(6)}  (${score.found}/${score.facts})  goal ≥ ${pct(GOALS.found)}  ${found >= GOALS.found ? "ok" : "MISSED"}`,
);
console.log(
  `right period and kind  ${pct(periodKind).padStart(6)}  (${score.periodKind}/${score.facts})  goal ≥ ${pct(GOALS.periodKind)}  ${periodKind >= GOALS.periodKind ? "ok" : "MISSED"}`,
);
console.log(
  `spurious entries       ${pct(spurious).padStart(6)}  (${score.spurious}/${score.entries})  goal ≤ ${pct(GOALS.spurious)}  ${spurious <= GOALS.spurious ? "ok" : "MISSED"}`,
);
console.log(
  `(same indicator as the fact for ${score.sameIndicator}/${score.found} found figures — informational: the catalog's report phrases are derived from these very facts)`,
);

if (added.facts > 0)
  console.log(
    `\nsources added since (out of sample, ${added.perSource.length}): found ${pct(rate(added.found, added.facts))} (${added.found}/${added.facts}), right period and kind ${pct(rate(added.periodKind, added.facts))}, spurious ${pct(rate(added.spurious, added.entries))} (${added.spurious}/${added.entries})`,
  );

console.log(`\nNot found (${score.notFound.length})`);
for (const m of score.notFound)
  console.log(
    `  ${m.fact.source}:${m.fact.line}  ${m.fact.n}  in "${m.fact.q}"${m.entry ? `  — entry reads ${m.entry.figure} = ${m.entry.value}${m.entry.unit}` : ""}`,
  );
console.log(`\nWrong period or kind (${score.wrongPeriodKind.length})`);
for (const m of score.wrongPeriodKind)
  console.log(
    `  ${m.fact.source}:${m.fact.line}  ${m.fact.n}  fact ${m.fact.period}/${m.fact.kind}, entry ${m.entry!.period}/${m.entry!.kind} [${m.entry!.cues.join(" ")}]  "${m.fact.q}"`,
  );
console.log(`\nSpurious (${score.spuriousEntries.length})`);
for (const s of score.spuriousEntries)
  console.log(`  ${s.source}:${s.entry.line}  ${s.entry.figure} (${s.reason})  "${s.entry.quote}"`);

const ok = found >= GOALS.found && periodKind >= GOALS.periodKind && spurious <= GOALS.spurious;
process.exitCode = ok && score.problems.length === 0 ? 0 : 1;
