/** The offline manifest check's production rules, over manifest text derived from the repository's manifest.xml. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";
import { checkManifest } from "../../../scripts/lib/manifest-check";

const ROOT = join(__dirname, "../../..");
const DEV_BASE = "https://localhost:3000/";
const BASE = "https://addin.example.org/hh/";
const SOURCE = readFileSync(join(ROOT, "manifest.xml"), "utf8");
/** The manifest as `ADDIN_BASE_URL=https://addin.example.org/hh/ npm run build` writes it. */
const PRODUCTION = SOURCE.split(DEV_BASE).join(BASE);

const folder = mkdtempSync(join(tmpdir(), "hh-manifest-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let count = 0;
async function problems(xml: string, options: Parameters<typeof checkManifest>[1] = { production: true }) {
  const file = join(folder, `manifest-${count++}.xml`);
  writeFileSync(file, xml);
  return (await checkManifest(file, options)).join("\n");
}

/** A dist/ holding every file the production manifest names. */
function distFolder(): string {
  const dist = join(folder, `dist-${count++}`);
  mkdirSync(join(dist, "assets"), { recursive: true });
  for (const size of [16, 32, 64, 80])
    copyFileSync(join(ROOT, `assets/icon-${size}.png`), join(dist, `assets/icon-${size}.png`));
  for (const file of ["taskpane.html", "support.html", "help.html", "functions.js", "functions.json"])
    writeFileSync(join(dist, file), "");
  return dist;
}

describe("offline manifest check, production rules", () => {
  it("passes the repository's manifest (development) and its production rewrite", async () => {
    expect(await problems(SOURCE, {})).toBe("");
    expect(await problems(PRODUCTION)).toBe("");
    expect(await problems(PRODUCTION, { production: true, dist: distFolder() })).toBe("");
  });

  it("refuses localhost in a production manifest", async () => {
    const xml = PRODUCTION.replace(`${BASE}functions.json`, `${DEV_BASE}functions.json`);
    expect(await problems(xml)).toMatch(
      /production manifest still points at https:\/\/localhost:3000\/functions\.json/,
    );
    expect(await problems(SOURCE)).toMatch(/production manifest still points at/);
  });

  it("refuses a URL that is not https", async () => {
    const xml = PRODUCTION.replace(`${BASE}assets/icon-16.png`, "http://addin.example.org/hh/assets/icon-16.png");
    expect(await problems(xml)).toMatch(/URL is not https: http:\/\/addin\.example\.org\/hh\/assets\/icon-16\.png/);
  });

  it("refuses add-in URLs on another origin", async () => {
    const xml = PRODUCTION.replace(`${BASE}functions.js`, "https://cdn.example.net/functions.js");
    expect(await problems(xml)).toMatch(
      /URL https:\/\/cdn\.example\.net\/functions\.js is not on the add-in's origin https:\/\/addin\.example\.org/,
    );
    // Outside production (a dev manifest) the origin rule does not apply.
    expect(await problems(SOURCE.replace(`${DEV_BASE}functions.js`, "https://cdn.example.net/functions.js"), {})).toBe(
      "",
    );
  });

  it("wants a SupportUrl, and not the function reference", async () => {
    const help = PRODUCTION.replace(
      `<SupportUrl DefaultValue="${BASE}support.html"/>`,
      `<SupportUrl DefaultValue="${BASE}help.html"/>`,
    );
    expect(help).not.toBe(PRODUCTION);
    expect(await problems(help)).toMatch(/<SupportUrl> is the function reference/);
    const none = PRODUCTION.replace(/\s*<SupportUrl [^>]*\/>/, "");
    expect(await problems(none)).toMatch(/missing required element <SupportUrl>/);
  });

  it("wants every file it names in dist/: the support page, the icons at their sizes", async () => {
    const dist = distFolder();
    rmSync(join(dist, "support.html"));
    copyFileSync(join(ROOT, "assets/icon-16.png"), join(dist, "assets/icon-80.png"));
    const found = await problems(PRODUCTION, { production: true, dist });
    expect(found).toMatch(/missing file for https:\/\/addin\.example\.org\/hh\/support\.html/);
    expect(found).toMatch(/Icon\.80x80 should be a 80px PNG/);
  });
});
