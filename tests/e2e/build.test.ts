/** The built add-in as Excel would get it: manifest, functions.json, pages, icons, bundle sizes. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, it } from "@jest/globals";
import { expect } from "../jest/expect";
import { loadFunctionsMetadata } from "../../src/cli/engine";
import { checkManifest } from "../../scripts/lib/manifest-check";
import { parseDataset } from "../../src/core/schema";
import { decodeDatasetText } from "../../src/core/wire";
import { DIST } from "./support";

const BASE = "https://hh-indicators.example.org/";

describe("the production build", () => {
  it("emits every file the manifest needs", () => {
    for (const file of [
      "manifest.xml",
      "functions.json",
      "functions.js",
      "taskpane.html",
      "taskpane.js",
      "commands.html",
      "commands.js",
      "help.html",
      "support.html",
      "data/dataset.json",
      "data/dataset.hhc.json",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
    ]) {
      expect(() => readFileSync(join(DIST, file)), file).not.toThrow();
    }
  });

  it("ships the compact dataset next to dataset.json, the same dataset", () => {
    const json = parseDataset(JSON.parse(readFileSync(join(DIST, "data/dataset.json"), "utf8")));
    expect(decodeDatasetText(readFileSync(join(DIST, "data/dataset.hhc.json"), "utf8"))).toEqual(json);
  });

  it("rewrites every development URL to ADDIN_BASE_URL", () => {
    const manifest = readFileSync(join(DIST, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest.split(BASE).length - 1).toBeGreaterThan(8);
    expect(readFileSync(join(DIST, "functions.json"), "utf8")).not.toContain("localhost:3000");
  });

  it("passes the offline manifest check", async () => {
    expect(await checkManifest(join(DIST, "manifest.xml"), { dist: DIST, production: true })).toEqual([]);
  });

  it("ships the functions.json generated from the JSDoc, URLs aside", async () => {
    const built = readFileSync(join(DIST, "functions.json"), "utf8");
    const generated = (await loadFunctionsMetadata()).json.split("https://localhost:3000/").join(BASE);
    expect(JSON.parse(built)).toEqual(JSON.parse(generated));
    const names = (JSON.parse(built) as { functions: Array<{ name: string }> }).functions.map((f) => f.name);
    expect(names).toEqual([
      "VALUE",
      "TARGET",
      "GET",
      "GROWTH",
      "SERIES",
      "SOURCE",
      "UNIT",
      "FIND",
      "TARGETGAP",
      "TARGETRATE",
      "CAGR",
      "YOY",
      "BASE",
      "PROJECT",
      "INFO",
    ]);
  });

  it("loads office.js from Microsoft's CDN and sets a Content-Security-Policy on every page", () => {
    for (const page of ["taskpane.html", "commands.html", "help.html"]) {
      const html = readFileSync(join(DIST, page), "utf8");
      expect(html, page).toMatch(/http-equiv="?Content-Security-Policy/);
      expect(html, page).not.toMatch(/unsafe-eval/);
    }
    expect(readFileSync(join(DIST, "taskpane.html"), "utf8")).toContain(
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    );
  });

  it("keeps the task pane's first script within 250 KB gzip, with no Node-only tooling", () => {
    const taskpane = readFileSync(join(DIST, "taskpane.js"));
    const gzip = gzipSync(taskpane, { level: 9 }).length;
    console.log(`taskpane.js: ${(taskpane.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
    expect(gzip).toBeLessThanOrEqual(250 * 1024);
    for (const file of ["taskpane.js", "functions.js"]) {
      const text = readFileSync(join(DIST, file), "utf8");
      for (const nodeOnly of ["hyperformula", "custom-functions-metadata", "commander", "node:fs", "yaml"]) {
        expect(
          text.includes(`"${nodeOnly}"`) || text.includes(`require("${nodeOnly}")`),
          `${file} contains ${nodeOnly}`,
        ).toBe(false);
      }
    }
  });

  it("leaves what the first paint does not need to later scripts: the tab list's navigation and zod", () => {
    const taskpane = readFileSync(join(DIST, "taskpane.js"), "utf8");
    // tabster (the tab list's keyboard navigation) marks elements with data-tabster; zod names its issue codes.
    // (The message bar stays: the error boundary's fallback must not depend on loading a script.)
    for (const marker of ["data-tabster", "invalid_union"])
      expect(taskpane.includes(marker), `taskpane.js contains ${marker}`).toBe(false);
    const chunks = readdirSync(join(DIST, "chunks")).map((name) => readFileSync(join(DIST, "chunks", name), "utf8"));
    for (const marker of ["data-tabster", "invalid_union"])
      expect(
        chunks.some((chunk) => chunk.includes(marker)),
        `no chunk contains ${marker}`,
      ).toBe(true);
  });
});

describe("the dataset, served next to the pane rather than inside its script", () => {
  const file = readFileSync(join(DIST, "data/dataset.hhc.json"));
  // The compact format: decoded, not read as rows of objects.
  const dataset = decodeDatasetText(file.toString("utf8"));

  it("is not in any script, which carries only its hash to refuse another file", () => {
    const fact = dataset.facts[0];
    console.log(
      `data/dataset.hhc.json: ${(file.length / 1024).toFixed(1)} KB, ${(gzipSync(file, { level: 9 }).length / 1024).toFixed(1)} KB gzip`,
    );
    for (const script of ["taskpane.js", "functions.js"]) {
      const text = readFileSync(join(DIST, script), "utf8");
      expect(text.includes(fact.quote), `${script} holds a quote from the dataset`).toBe(false);
      expect(text.includes(`"${fact.id}"`), `${script} holds a fact id`).toBe(false);
    }
    expect(readFileSync(join(DIST, "taskpane.js"), "utf8")).toContain(dataset.hash);
  });

  it("splits off the panels the first paint does not need", () => {
    const chunks = readdirSync(join(DIST, "chunks"));
    for (const chunk of ["browse", "detail", "calculator", "sheets", "data", "updater", "data-settings", "wire"])
      expect(
        chunks.some((f) => new RegExp(`^${chunk}\\.[0-9a-f]{8}\\.js$`).test(f)),
        `${chunk} in ${chunks.join(", ")}`,
      ).toBe(true);
  });
});

describe("the offline manifest check catches broken builds", () => {
  function brokenCopy(edit: (dir: string) => void): string {
    const dir = mkdtempSync(join(tmpdir(), "hh-dist-"));
    cpSync(DIST, dir, { recursive: true });
    edit(dir);
    return dir;
  }

  it("a missing icon", async () => {
    const dir = brokenCopy((d) => rmSync(join(d, "assets/icon-80.png")));
    const problems = await checkManifest(join(dir, "manifest.xml"), { dist: dir, production: true });
    expect(problems.join("\n")).toMatch(/missing file for https:\/\/hh-indicators\.example\.org\/assets\/icon-80\.png/);
  });

  it("an http URL", async () => {
    const dir = brokenCopy((d) => {
      const file = join(d, "manifest.xml");
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace(
          `${BASE}assets/icon-16.png`,
          "http://hh-indicators.example.org/assets/icon-16.png",
        ),
      );
    });
    const problems = await checkManifest(join(dir, "manifest.xml"), { dist: dir, production: true });
    expect(problems.join("\n")).toMatch(/URL is not https: http:\/\/hh-indicators\.example\.org\/assets\/icon-16\.png/);
  });

  it("a leftover localhost URL and an undefined resource id", async () => {
    const dir = brokenCopy((d) => {
      const file = join(d, "manifest.xml");
      const xml = readFileSync(file, "utf8")
        .replace(
          `${BASE}taskpane.html"/>\n  </DefaultSettings>`,
          `https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>`,
        )
        .replace('<bt:Image id="Icon.80x80"', '<bt:Image id="Icon.80x80.gone"');
      writeFileSync(file, xml);
    });
    const problems = (await checkManifest(join(dir, "manifest.xml"), { dist: dir, production: true })).join("\n");
    expect(problems).toMatch(/resid "Icon.80x80" is used but not defined/);
    expect(problems).toMatch(/localhost/);
  });
});
