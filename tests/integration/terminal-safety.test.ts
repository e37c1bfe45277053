/**
 * A forged dataset whose names, quotes and notes carry terminal control sequences (a window-title OSC,
 * a clear-screen CSI, a bidi override): hh show / find / resolve and their error lines print every such
 * character as a visible \uXXXX escape, never as the raw byte, and lose none of the text.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Fact } from "../../src/core/schema";
import { builtDataset, derive, probeFact } from "./live/helpers";
import { hhAsync } from "../jest/hh";

// A UTF-8 locale, whatever the machine running the tests has.
const TERMINAL_ENV = { LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "" };
const hh = (...args: string[]) => hhAsync(args, TERMINAL_ENV);

const OSC_TITLE = "\x1b]0;pwned\x07";
const CLEAR_SCREEN = "\x1b[2J";
const RIGHT_TO_LEFT = "\u202e";
/** The raw bytes no output may contain: ESC, BEL, the bidi override, a one-byte CSI. */
// eslint-disable-next-line no-control-regex -- the raw controls are what is looked for
const RAW_CONTROLS = /[\x1b\x07\u202e\u009b]/;

let dir: string;
let file: string;
let probe: Fact;
let indicatorId: string;

/** How the sanitizer shows a text: each control as \uXXXX. */
function escaped(text: string): string {
  // eslint-disable-next-line no-control-regex -- the raw controls are what is replaced
  return text.replace(/[\x07\x1b\u202e\u009b]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

beforeAll(async () => {
  const base = builtDataset();
  probe = probeFact(base);
  indicatorId = probe.indicator;
  const forged = derive(base, 2, (d) => {
    const indicator = d.indicators.find((i) => i.id === indicatorId)!;
    indicator.zh = `${indicator.zh}${OSC_TITLE}`;
    indicator.en = `${indicator.en}${CLEAR_SCREEN}`;
    indicator.def = `${RIGHT_TO_LEFT}evil\u009b31m`;
    const fact = d.facts.find((f) => f.id === probe.id)!;
    fact.quote = `${fact.quote}${CLEAR_SCREEN}`;
    fact.note = `note${OSC_TITLE}`;
  });
  dir = await mkdtemp(join(tmpdir(), "hh-terminal-"));
  file = join(dir, "forged.json");
  await writeFile(file, JSON.stringify(forged));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe("dataset text never reaches the terminal as control sequences", () => {
  it.concurrent("hh show prints the forged name, definition, quote and note escaped", async () => {
    const { code, stdout, stderr } = await hh("show", indicatorId, "--dataset", file);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW_CONTROLS);
    // Nothing lost: the escapes are in the output, next to the genuine text.
    expect(stdout).toContain(escaped(OSC_TITLE));
    expect(stdout).toContain(escaped(CLEAR_SCREEN));
    expect(stdout).toContain(`  ${escaped(RIGHT_TO_LEFT)}evil\\u009b31m`);
    expect(stdout).toContain(`note: note${escaped(OSC_TITLE)}`);
    expect(stdout).toContain(probe.quote);
  });

  it.concurrent("hh find prints the forged names escaped, one line per indicator", async () => {
    const { code, stdout } = await hh("find", indicatorId, "-n", "1", "--dataset", file);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW_CONTROLS);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(stdout).toMatch(
      new RegExp(`^${indicatorId}\\t[^\\t]*\\\\u001b\\]0;pwned\\\\u0007\\t[^\\t]*\\\\u001b\\[2J\\t`),
    );
  });

  it.concurrent("hh resolve --json stays valid JSON carrying the exact forged text", async () => {
    const { stdout } = await hh("resolve", indicatorId, "--json", "--dataset", file);
    expect(stdout).not.toMatch(RAW_CONTROLS);
    const explained = JSON.parse(stdout) as { indicator: { zh: string; en: string } };
    expect(explained.indicator.zh.endsWith(OSC_TITLE)).toBe(true);
    expect(explained.indicator.en.endsWith(CLEAR_SCREEN)).toBe(true);
  });

  it.concurrent("error lines are escaped too: a query echoed back, a refused dataset's path", async () => {
    const notFound = await hh("find", `zz${CLEAR_SCREEN}qq`, "--dataset", file);
    expect(notFound.code).toBe(1);
    expect(notFound.stderr).toContain(escaped(CLEAR_SCREEN));
    expect(notFound.stderr).not.toMatch(RAW_CONTROLS);
    const unknown = await hh("show", `zz${OSC_TITLE}qq`, "--dataset", file);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(escaped(OSC_TITLE));
    expect(unknown.stderr).not.toMatch(RAW_CONTROLS);
    const refused = await hh("show", indicatorId, "--dataset", join(dir, `no${RIGHT_TO_LEFT}such.json`));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^hh: dataset refused: .*no\\u202esuch\.json cannot be read \(ENOENT\)\.\n$/);
  });
});
