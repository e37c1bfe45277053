/** src/core runs in Node, the custom-functions runtime and the task pane: no Office, React or DOM. */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";

const core = resolve(__dirname, "../../../src/core");
const FORBIDDEN = [
  /from\s+["'](react|react-dom|@fluentui\/[^"']+|office-addin-[^"']+|@microsoft\/office-js)["']/,
  /from\s+["']node:/,
  /\b(Excel|Office|OfficeRuntime|CustomFunctions)\.\w/,
  /\b(window|document|localStorage|navigator)\./,
];

describe("src/core is pure TypeScript", () => {
  for (const file of readdirSync(core).filter((f) => f.endsWith(".ts"))) {
    it(file, () => {
      // Comments may name Office or the DOM; only code counts.
      const text = readFileSync(join(core, file), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      for (const pattern of FORBIDDEN) expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
    });
  }
});
