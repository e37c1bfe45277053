/**
 * webpack.config.js as webpack loads it (plain Node, in a child process: the config loads the shared
 * TypeScript policy through tsx, which Jest's module system cannot host): a production build cannot be
 * made without ADDIN_BASE_URL (it would ship localhost URLs), a development build needs nothing, and the
 * pages get the policy's CSP.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";
import { contentSecurityPolicy } from "../../../src/hosting/policy";

const ROOT = join(__dirname, "../../..");

/** Calls the config function as webpack-cli does; prints the task pane's CSP, or the error's first line. */
const PROBE = `
require("./webpack.config.js")({}, { mode: process.argv[1] }).then(
  (config) => {
    const page = config.plugins.find((p) => p.userOptions && p.userOptions.filename === "taskpane.html");
    const define = config.plugins.find((p) => p.definitions && p.definitions.BUNDLED_DATASET_HASH);
    const hash = define.definitions.BUNDLED_DATASET_HASH;
    console.log(
      JSON.stringify({
        csp: page.userOptions.templateParameters.csp,
        hash: { value: hash.fn(), watches: hash.options.fileDependencies },
      }),
    );
  },
  (error) => console.log(JSON.stringify({ error: error.message })),
);`;

interface Probed {
  csp?: string;
  hash?: { value: string; watches: string[] };
  error?: string;
}

function loadConfig(mode: string, baseUrl?: string): Probed {
  const env = { ...process.env };
  delete env.ADDIN_BASE_URL;
  if (baseUrl) env.ADDIN_BASE_URL = baseUrl;
  const result = spawnSync(process.execPath, ["-e", PROBE, mode], { cwd: ROOT, env, encoding: "utf8", timeout: 60000 });
  return JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as Probed;
}

/** Each config load starts Node, tsx and webpack's plugins: seconds each on a loaded machine. */
const SLOW = 120000;

describe("webpack.config.js", () => {
  it(
    "refuses a production build without ADDIN_BASE_URL, saying what to set",
    () => {
      expect(loadConfig("production").error).toMatch(
        /^ADDIN_BASE_URL is not set: .*e\.g\. ADDIN_BASE_URL=https:\/\/addin\.example\.org\/hh\/ npm run build/,
      );
    },
    SLOW,
  );

  it(
    "refuses an http or a localhost ADDIN_BASE_URL",
    () => {
      expect(loadConfig("production", "http://addin.example.org/").error).toMatch(/must be an https URL/);
      expect(loadConfig("production", "https://localhost:3000/").error).toMatch(/not https:\/\/localhost:3000\//);
    },
    SLOW,
  );

  it(
    "builds for production with ADDIN_BASE_URL, and for development without it, with the policy's CSP",
    () => {
      expect(loadConfig("production", "https://addin.example.org/hh/")).toMatchObject({
        csp: contentSecurityPolicy(false),
      });
      expect(loadConfig("development")).toMatchObject({ csp: contentSecurityPolicy(true) });
    },
    SLOW,
  );

  it(
    "writes in the compact dataset file's hash, read again when the file changes (npm run build:data during npm start)",
    () => {
      const compact = join(ROOT, "data/dist/dataset.hhc.json");
      const { hash } = JSON.parse(readFileSync(compact, "utf8")) as { hash: string };
      expect(loadConfig("development").hash).toEqual({ value: JSON.stringify(hash), watches: [compact] });
    },
    SLOW,
  );
});
