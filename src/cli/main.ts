/**
 * hh — the command line: find and show indicators, evaluate HH formulas, serve a dataset.
 * This module holds only the command definitions; the work is in ./commands, required when a
 * command runs, so `hh --version` and `hh --help` load commander and nothing else.
 */
import { cliText, terminalLang } from "../core/messages/cli";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Command } from "commander";
import { addServeCommand } from "./serve";
import { addExtractCommands } from "./extract-commands";
import { printError, stopQuietlyWhenOutputCloses, terminalOutput } from "./terminal";

const TERMINAL_LANG = terminalLang(process.env);

type Commands = typeof import("./commands");
const commands = () => require("./commands") as Commands;

function version(): string {
  return (JSON.parse(readFileSync(resolve(__dirname, "../../package.json"), "utf8")) as { version: string }).version;
}

const DATASET_HELP = "answer from this dataset file or published URL (validated first)";

/** Same bounds as HH.FIND's limit. */
const MAX_FIND_LIMIT = 500;

/** A whole number from 1 to MAX_FIND_LIMIT written in decimal digits, else undefined. */
function parseLimit(text: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= MAX_FIND_LIMIT ? n : undefined;
}

export async function main(argv: string[]): Promise<number> {
  stopQuietlyWhenOutputCloses();
  let exitCode = 0;
  const program = new Command()
    .name("hh")
    .description("青城指标 · HH Indicators — Hohhot government-report figures from the command line")
    .version(version(), "-v, --version")
    .showHelpAfterError()
    // Set before the commands are added, which inherit it: commander's lines go through the sanitizer too.
    .configureOutput(terminalOutput);

  program
    .command("find")
    .description("list indicators matching a query (id, Chinese/English name, alias)")
    .argument("<query>")
    .option("-n, --limit <n>", `maximum rows, a whole number from 1 to ${MAX_FIND_LIMIT}`, "10")
    .option("--dataset <path-or-url>", DATASET_HELP)
    .action(async (query: string, options: { limit: string; dataset?: string }) => {
      const limit = parseLimit(options.limit);
      if (limit === undefined) {
        printError(`hh: ${cliText(TERMINAL_LANG, "badLimit", MAX_FIND_LIMIT, options.limit)}`);
        exitCode = 2;
        return;
      }
      if (!(await commands().useDataset(options.dataset))) exitCode = 2;
      else exitCode = commands().find(query, limit);
    });

  program
    .command("show")
    .description("print an indicator's facts with their sources")
    .argument("<indicator>")
    .option("--dataset <path-or-url>", DATASET_HELP)
    .option("--as-of <date>", "only what had been published by this date (2024-03-01), as lookups then saw it")
    .action(async (query: string, options: { dataset?: string; asOf?: string }) => {
      if (!(await commands().useDataset(options.dataset))) exitCode = 2;
      else exitCode = commands().show(query, { asOf: options.asOf });
    });

  program
    .command("resolve")
    .description("say how a name is read: indicator, measure, region, what matched, the runner-up")
    .argument("<name>")
    .option("--region <region>", "the region argument, as a function would get it")
    .option("--period <period>", "also look the figure up for this period")
    .option("--json", "machine-readable output")
    .option("--dataset <path-or-url>", DATASET_HELP)
    .action(async (name: string, options: { region?: string; period?: string; json?: boolean; dataset?: string }) => {
      if (!(await commands().useDataset(options.dataset))) exitCode = 2;
      else exitCode = commands().resolveName(name, options);
    });

  program
    .command("eval")
    .description("evaluate HH formulas in HyperFormula, e.g. hh eval '=HH.TARGET(\"公办园占比\",2025)'")
    .argument("<formulas...>")
    .option("--json", "machine-readable output: value, or error and message; spilled arrays as 2-D arrays")
    .option("--dataset <path-or-url>", DATASET_HELP)
    .action(async (formulas: string[], options: { json?: boolean; dataset?: string }) => {
      exitCode = await commands().evaluate(formulas, options);
    });

  addServeCommand(program);
  addExtractCommands(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    // Printed here rather than by bin/hh, so a message quoting dataset text is sanitized like every other line.
    printError(`hh: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  return exitCode;
}
