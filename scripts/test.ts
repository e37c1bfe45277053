/**
 * npm test — the whole suite, in the order a release needs it:
 * dataset build + verification, type-check, unit/integration tests (core, functions in HyperFormula,
 * task pane components, sheet writing), production build, offline manifest check, then the tests of
 * the built files and the browser tests in Chromium.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const npx = process.platform === "win32" ? "npx.cmd" : "npx";
export const TEST_BASE_URL = "https://hh-indicators.example.org/";
const totals = { passed: 0, failed: 0, skipped: 0 };
mkdirSync("test-artifacts", { recursive: true });
// A step that stops before Jest writes its report must not be counted from an earlier run's.
for (const report of ["unit", "e2e"]) rmSync(`test-artifacts/${report}.json`, { force: true });

function step(title: string, command: string, args: string[], env: Record<string, string> = {}): void {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(npx, args.length ? [command, ...args] : [command], {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds}s`);
    summary();
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds}s)`);
}

/** Jest's --json report: a suite that could not run (import error, crash in a hook) counts as a failure too. */
function countJest(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numRuntimeErrorTestSuites: number;
  };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function summary(): void {
  countJest("test-artifacts/unit.json");
  countJest("test-artifacts/e2e.json");
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `Chromium not found at ${chromium}: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

step("dataset: build and verify every fact against its source", "tsx", ["scripts/build-data.ts"]);
step("type-check (strict)", "tsc", ["--noEmit", "-p", "."]);
step("unit and integration tests", "jest", ["--json", "--outputFile=test-artifacts/unit.json"]);
step("production build", "webpack", ["--mode", "production"], { ADDIN_BASE_URL: TEST_BASE_URL });
step("offline manifest check of the build", "tsx", [
  "scripts/validate-manifest.ts",
  "--offline",
  "--dist",
  "dist",
  "--production",
]);
step("built files and browser tests", "jest", [
  "--config",
  "jest.e2e.config.mjs",
  "--json",
  "--outputFile=test-artifacts/e2e.json",
]);
summary();
