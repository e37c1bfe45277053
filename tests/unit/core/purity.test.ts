/**
 * src/core runs in Node, the custom-functions runtime and the task pane: no Office, React or DOM,
 * no imports from the edge, and no network, timers or storage except through injected ports.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";

const core = resolve(__dirname, "../../../src/core");
const FORBIDDEN = [
  /from\s+["'](react|react-dom|@fluentui\/[^"']+|office-addin-[^"']+|@microsoft\/office-js)["']/,
  /from\s+["']node:/,
  /\b(Excel|Office|OfficeRuntime|CustomFunctions)\.\w/,
  /\b(window|document|localStorage|navigator)\./,
  /from\s+["'](\.\.\/)+(runtime|taskpane|excel|functions|commands|cli)\//,
  /\bglobalThis\b/,
  // A call, not a member or a method signature in an interface (`setTimeout(run: () => void, …)`).
  /(?<![.\w$])(fetch|setTimeout|setInterval|clearTimeout|clearInterval)\s*\((?!\s*\w+\??\s*:)/,
];

/** Every .ts file under src/core, subfolders included, relative to it. */
function coreFiles(dir = core): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return coreFiles(path);
    return entry.name.endsWith(".ts") ? [relative(core, path)] : [];
  });
}

describe("src/core is pure TypeScript", () => {
  for (const file of coreFiles()) {
    it(file, () => {
      // Comments may name Office or the DOM; only code counts.
      const text = readFileSync(join(core, file), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      for (const pattern of FORBIDDEN) expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
    });
  }
});
