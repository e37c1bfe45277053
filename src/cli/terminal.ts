/** The CLI's output point: every line hh prints goes through here, so dataset text cannot drive the terminal. */
import { forTerminal } from "../core/text-safety";

/** One line (or several joined by \n) on stdout. */
export function print(text: string): void {
  process.stdout.write(`${forTerminal(text)}\n`);
}

/**
 * A reader that stops early (`hh show … | head`) closes the pipe: hh stops quietly, as other command-line
 * tools do, rather than dying with a stack trace on the next line it writes.
 */
export function stopQuietlyWhenOutputCloses(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}

/** One line on stderr. */
export function printError(text: string): void {
  process.stderr.write(`${forTerminal(text)}\n`);
}

/** What commander writes (help, usage errors), through the same sanitizer. */
export const terminalOutput = {
  writeOut: (text: string) => void process.stdout.write(forTerminal(text)),
  writeErr: (text: string) => void process.stderr.write(forTerminal(text)),
};
