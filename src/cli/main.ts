/** hh — the command line: find and show indicators, evaluate HH formulas, serve a dataset. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Command } from "commander";
import { formatFactValue, KIND_LABEL, MEASURE_LABEL } from "../core/labels";
import { checkText } from "../core/args";
import { citation, targetBase } from "../core/query";
import { endYear } from "../core/periods";
import type { Fact } from "../core/schema";
import { live } from "../data/embedded";
import { evaluateFormulas } from "./engine";
import { explainName, formatExplanation } from "./explain";
import { loadDatasetFrom } from "./load-dataset";
import { addServeCommand } from "./serve";
import { addExtractCommands } from "./extract-commands";

function version(): string {
  return (JSON.parse(readFileSync(resolve(__dirname, "../../package.json"), "utf8")) as { version: string }).version;
}

/** Same bounds as HH.FIND's limit. */
const MAX_FIND_LIMIT = 500;

/** A whole number from 1 to MAX_FIND_LIMIT written in decimal digits, else undefined. */
function parseLimit(text: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= MAX_FIND_LIMIT ? n : undefined;
}

function formatValue(fact: Fact): string {
  const measure = fact.measure === "level" ? "" : ` ${MEASURE_LABEL.zh[fact.measure]}`;
  return `${fact.qualifier ? `${fact.qualifier} ` : ""}${formatFactValue(fact.value, fact.unit)}${measure}`;
}

/** The base HH.TARGETGAP / HH.TARGETRATE start from for a target or plan level. */
function baseLine(fact: Fact): string {
  const base = targetBase(live.store, fact);
  if (!base)
    return `base 基数: none — no whole-year actual or estimate before ${endYear(fact.period)} (HH.TARGETGAP → #N/A)`;
  return `base 基数: ${base.period} ${KIND_LABEL.zh[base.kind]} ${formatValue(base)} (${base.source} line ${base.line})`;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name("hh")
    .description("青城指标 · HH Indicators — Hohhot government-report figures from the command line")
    .version(version(), "-v, --version")
    .showHelpAfterError();

  program
    .command("find")
    .description("list indicators matching a query (id, Chinese/English name, alias)")
    .argument("<query>")
    .option("-n, --limit <n>", `maximum rows, a whole number from 1 to ${MAX_FIND_LIMIT}`, "10")
    .action((query: string, options: { limit: string }) => {
      const limit = parseLimit(options.limit);
      if (limit === undefined) {
        console.error(`hh: -n must be a whole number from 1 to ${MAX_FIND_LIMIT}, got "${options.limit}"`);
        exitCode = 2;
        return;
      }
      const ranked = live.store.resolver.rank(checkText("query", query), limit);
      if (ranked.length === 0) {
        console.error(`no indicator matches "${query}"`);
        exitCode = 1;
      }
      for (const c of ranked) {
        console.log(
          `${c.indicator.id}\t${c.indicator.zh}\t${c.indicator.en}\t${c.indicator.unit}\t${c.indicator.category}\t${c.score.toFixed(2)}`,
        );
      }
    });

  program
    .command("show")
    .description("print an indicator's facts with their sources")
    .argument("<indicator>")
    .action((query: string) => {
      const store = live.store;
      const indicator = store.indicator(query);
      console.log(`${indicator.zh} · ${indicator.en} (${indicator.id}) · ${indicator.category} · ${indicator.unit}`);
      if (indicator.def) console.log(`  ${indicator.def}`);
      for (const fact of store.series(indicator.id)) {
        const conflicts = store.conflictsOf(fact);
        console.log(
          `\n${fact.period} ${KIND_LABEL.zh[fact.kind]} ${fact.region}: ${formatValue(fact)}${fact.base ? ` (较${fact.base})` : ""}`,
        );
        console.log(`  ${citation(store, fact)}`);
        if (fact.note) console.log(`  note: ${fact.note}`);
        if (fact.measure === "level" && (fact.kind === "target" || fact.kind === "plan")) {
          console.log(`  ${baseLine(fact)}`);
        }
        for (const other of conflicts) console.log(`  ≠ ${formatValue(other)} in ${other.source} line ${other.line}`);
      }
    });

  program
    .command("resolve")
    .description("say how a name is read: indicator, measure, region, what matched, the runner-up")
    .argument("<name>")
    .option("--region <region>", "the region argument, as a function would get it")
    .option("--period <period>", "also look the figure up for this period")
    .option("--json", "machine-readable output")
    .action((name: string, options: { region?: string; period?: string; json?: boolean }) => {
      const explained = explainName(live.store, name, options);
      if (options.json) console.log(JSON.stringify(explained));
      else console.log(formatExplanation(explained));
      if (!explained.ok || explained.figure?.error) exitCode = 1;
    });

  program
    .command("eval")
    .description("evaluate HH formulas in HyperFormula, e.g. hh eval '=HH.TARGET(\"公办园占比\",2025)'")
    .argument("<formulas...>")
    .option("--json", "machine-readable output: value, or error and message; spilled arrays as 2-D arrays")
    .option("--dataset <path-or-url>", "evaluate against this published dataset (validated first)")
    .action(async (formulas: string[], options: { json?: boolean; dataset?: string }) => {
      if (options.dataset) {
        const loaded = await loadDatasetFrom(options.dataset);
        if (!loaded.ok) {
          console.error(`hh: dataset refused: ${loaded.reason}`);
          exitCode = 2;
          return;
        }
        live.swap(loaded.dataset, loaded.origin);
      }
      const empty = formulas.findIndex((f) => f.trim().replace(/^=/, "").trim() === "");
      if (empty >= 0) {
        console.error(`hh: formula ${empty + 1} is empty; write one such as '=HH.VALUE("GDP",2022)'`);
        exitCode = 2;
        return;
      }
      const results = await evaluateFormulas(formulas);
      results.forEach((result, i) => {
        if (options.json) console.log(JSON.stringify({ formula: formulas[i], ...result }));
        else if (!result.ok) console.log(`${result.error} ${result.message}`);
        else if (Array.isArray(result.value)) console.log(result.value.map((row) => row.join("\t")).join("\n"));
        else console.log(String(result.value));
        if (!result.ok) exitCode = Math.max(exitCode, 1);
      });
    });

  addServeCommand(program);
  addExtractCommands(program);
  await program.parseAsync(argv);
  return exitCode;
}
