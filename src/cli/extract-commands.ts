/**
 * hh extract FILE --date D [--region R] [--json]   propose one entry per figure of a plain-text report
 * hh ingest FILE --date D --region R --title T --issuer I --url U [--type T] [--id NNN]
 *                                                  store a report under data/sources and draft its facts
 * The work is in ./extract-run, loaded only when one of these commands runs.
 */
import type { Command } from "commander";
import { CITY } from "../core/regions";
import { DOCUMENT_TYPES } from "../core/schema";
import type { IngestOptions } from "./extract-run";

/** Runs a command's work; usage errors end it with exit code 2 and one line on stderr (commander's error()). */
function guarded(command: Command, name: string, work: (run: typeof import("./extract-run")) => void): void {
  // Loaded here, not at start-up: only these two commands need the extractor and the fact-file loader.

  const run = require("./extract-run") as typeof import("./extract-run");
  try {
    work(run);
  } catch (error) {
    if (!(error instanceof run.UsageError)) throw error;
    command.error(`hh ${name}: ${error.message}`, { exitCode: 2, code: "hh.usage" });
  }
}

export function addExtractCommands(program: Command): void {
  const extract = program
    .command("extract")
    .description(
      "propose one entry per figure of a plain-text report (UTF-8): quote, value, unit, indicator, period, kind …",
    )
    .argument("<file>")
    .requiredOption("--date <YYYY-MM-DD>", "the report's date: 今年, 去年, 年内 are read relative to it")
    .option("--region <region>", "default region of the figures", CITY)
    .option("--json", "a JSON array of entries")
    .option("--ignored", "also list the numbers judged not to be figures, with the reason")
    .action((file: string, options: { date: string; region?: string; json?: boolean; ignored?: boolean }) =>
      guarded(extract, "extract", (run) => run.runExtract(file, options)),
    );

  const ingest = program
    .command("ingest")
    .description(
      "store a report under data/sources (byte-for-byte), add it to sources.yaml and draft data/facts/NNN.yaml for review",
    )
    .argument("<file>")
    .requiredOption("--date <YYYY-MM-DD>", "the report's date")
    .requiredOption("--region <region>", "default region of its figures")
    .requiredOption("--title <title>", "title (Chinese, as published)")
    .requiredOption("--issuer <issuer>", "who published it")
    .requiredOption("--url <url>", "where it was published")
    .option("--type <type>", `document type: ${DOCUMENT_TYPES.join(" | ")}`, "新闻报道")
    .option("--title-en <title>", "English title (else a TODO marked for review)")
    .option("--excerpt", "the text is an excerpt of the published document")
    .option("--root <dir>", "folder holding data/ (default: this repository)")
    .option("--id <NNN>", "source id, three digits (default: the next free one)")
    .action((file: string, options: IngestOptions) => guarded(ingest, "ingest", (run) => run.runIngest(file, options)));
}
