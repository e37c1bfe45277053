/**
 * The bodies of hh find, show, resolve and eval. main.ts loads this module only when one of them
 * runs, so `hh --version` and `hh --help` never load the dataset; HyperFormula loads only for eval.
 */
import { cliText, terminalLang } from "../core/messages/cli";
import { bilingualError } from "../core/messages/errors";
import { isActualKind } from "../core/kinds";
import { formatFactValue, KIND_LABEL, MEASURE_LABEL } from "../core/labels";
import { checkText } from "../core/args";
import { citation, targetBase } from "../core/query";
import { endYear } from "../core/periods";
import type { Fact } from "../core/schema";
import { IndicatorStore } from "../core/store";
import { live } from "../runtime/dataset";
import { conflictingWith } from "../core/conflicts";
import { parseAsOf, publishedBy } from "../core/vintages";
import { SHOW_VINTAGE, STATUS_LABEL } from "../core/messages/vintages";
import { explainName, formatExplanation } from "./explain";
import { print, printError } from "./terminal";

const TERMINAL_LANG = terminalLang(process.env);

function formatValue(fact: Fact): string {
  const measure = fact.measure === "level" ? "" : ` ${MEASURE_LABEL.zh[fact.measure]}`;
  return `${fact.qualifier ? `${fact.qualifier} ` : ""}${formatFactValue(fact.value, fact.unit)}${measure}`;
}

/** The base HH.TARGETGAP / HH.TARGETRATE start from for a target or plan level. */
function baseLine(fact: Fact, asOf: string | undefined): string {
  const base = targetBase(live.store, fact, asOf);
  if (!base) return cliText(TERMINAL_LANG, "baseNone", endYear(fact.period));
  return cliText(
    TERMINAL_LANG,
    "base",
    `${base.period} ${KIND_LABEL.zh[base.kind]} ${formatValue(base)} (${base.source} line ${base.line})`,
  );
}

/** hh find: one line per matching indicator; the exit code. */
export function find(query: string, limit: number): number {
  const ranked = live.store.resolver.rank(checkText("query", query), limit);
  for (const c of ranked) {
    print(
      `${c.indicator.id}\t${c.indicator.zh}\t${c.indicator.en}\t${c.indicator.unit}\t${c.indicator.category}\t${c.score.toFixed(2)}`,
    );
  }
  if (ranked.length > 0) return 0;
  printError(bilingualError("nothingMatches", { query }));
  return 1;
}

/**
 * hh show: every fact of an indicator with its source and its vintage status (chosen, same figure,
 * revised, conflict); with --as-of, only what had been published by then. Throws for an unknown indicator.
 */
export function show(query: string, options: { asOf?: string } = {}): number {
  const store = live.store;
  const indicator = store.indicator(query);
  // A command line has only text: digits are an Excel date serial, as in a formula.
  const asOf = parseAsOf(/^\d+$/.test(options.asOf ?? "") ? Number(options.asOf) : options.asOf);
  print(`${indicator.zh} · ${indicator.en} (${indicator.id}) · ${indicator.category} · ${indicator.unit}`);
  if (indicator.def) print(`  ${indicator.def}`);
  if (asOf) print(`  ${SHOW_VINTAGE[TERMINAL_LANG].asOf(asOf)}`);
  const facts = store.series(indicator.id).filter((fact) => publishedBy(fact, store.sources, asOf));
  for (const fact of facts) {
    const publications = store.publications(fact, asOf);
    const status = publications.length > 1 && publications.find((p) => p.fact.id === fact.id)?.status;
    print(
      `\n${fact.period} ${KIND_LABEL.zh[fact.kind]} ${fact.region}: ${formatValue(fact)}${fact.base ? ` (较${fact.base})` : ""}${status ? ` [${STATUS_LABEL[TERMINAL_LANG][status]}]` : ""}`,
    );
    print(`  ${citation(store, fact)}`);
    if (fact.note) print(`  note: ${fact.note}`);
    if (fact.measure === "level" && !isActualKind(fact.kind)) {
      print(`  ${baseLine(fact, asOf)}`);
    }
    for (const other of conflictingWith(fact, publications))
      print(`  ≠ ${formatValue(other)} in ${other.source} line ${other.line}`);
  }
  if (facts.length === 0 && asOf) print(`  ${SHOW_VINTAGE[TERMINAL_LANG].nothingBy(asOf)}`);
  return 0;
}

/** hh resolve: how a name is read. */
export function resolveName(name: string, options: { region?: string; period?: string; json?: boolean }): number {
  const explained = explainName(live.store, name, options);
  if (options.json) print(JSON.stringify(explained));
  else print(formatExplanation(explained));
  return !explained.ok || explained.figure?.error ? 1 : 0;
}

/**
 * `--dataset <path-or-url>`: makes that dataset the one answering, after the add-in's checks. True
 * when it answers (or none was named); false after one line on stderr saying why it was refused.
 */
export async function useDataset(location: string | undefined): Promise<boolean> {
  if (!location) return true;
  // Required here: its node:fs/promises (with readline and more) is needed only with --dataset.
  const { loadDatasetFrom } = require("./load-dataset") as typeof import("./load-dataset");
  const loaded = await loadDatasetFrom(location);
  if (!loaded.ok) {
    printError(`hh: ${cliText(TERMINAL_LANG, "datasetRefused", loaded.reason)}`);
    return false;
  }
  // Decoded, schema- and hash-checked by loadDatasetFrom already.
  live.swapValidated(new IndicatorStore(loaded.dataset, loaded.origin));
  return true;
}

/** hh eval: each formula alone in HyperFormula, one result per formula. */
export async function evaluate(formulas: string[], options: { json?: boolean; dataset?: string }): Promise<number> {
  if (!(await useDataset(options.dataset))) return 2;
  const empty = formulas.findIndex((f) => f.trim().replace(/^=/, "").trim() === "");
  if (empty >= 0) {
    printError(`hh: ${cliText(TERMINAL_LANG, "emptyFormula", empty + 1)}`);
    return 2;
  }
  // Required here, not imported above: HyperFormula is the heaviest module and only eval needs it.
  const { evaluateFormulas } = require("./engine") as typeof import("./engine");
  const results = await evaluateFormulas(formulas);
  let exitCode = 0;
  results.forEach((result, i) => {
    if (options.json) print(JSON.stringify({ formula: formulas[i], ...result }));
    else if (!result.ok) print(`${result.error} ${result.message}`);
    else if (Array.isArray(result.value)) print(result.value.map((row) => row.join("\t")).join("\n"));
    else print(String(result.value));
    if (!result.ok) exitCode = 1;
  });
  return exitCode;
}
