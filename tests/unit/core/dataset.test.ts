/** The real dataset: built from the repository's sources, verified, fully accounted for. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";
import { buildDataset } from "../../../scripts/lib/build-dataset";
import { loadFactFiles } from "../../../scripts/lib/fact-files";
import { datapackageOf, factsCsv } from "../../../scripts/lib/exports";
import { DEVELOPMENT_SET } from "../../../scripts/lib/extract-score";
import { parseDataset } from "../../../src/core/schema";

const root = resolve(__dirname, "../../..");
const result = buildDataset(root, { builtAt: new Date("2026-01-01T00:00:00Z") });

describe("the dataset built from the five reports", () => {
  it("builds with no problems", () => {
    expect(result.problems).toEqual([]);
    expect(result.dataset).toBeDefined();
  });

  it("has several hundred facts from every document", () => {
    const dataset = result.dataset!;
    expect(dataset.facts.length).toBeGreaterThanOrEqual(300);
    // A full document holds at least 20 figures; an excerpt (a page's opening, about 2000 bytes) fewer.
    for (const source of dataset.sources) {
      const least = source.excerpt ? 3 : 20;
      expect(dataset.facts.filter((f) => f.source === source.id).length, source.id).toBeGreaterThanOrEqual(least);
    }
  });

  it("accounts for 100% of the numeric mentions in every document", () => {
    for (const report of result.reports) {
      expect(report.accounting.uncovered.map((u) => `${report.source.id}:${u.line} ${u.context}`)).toEqual([]);
      // The five full reports hold more than 50 numbers; a page excerpt or a short release (009) fewer.
      expect(report.accounting.total, report.source.id).toBeGreaterThan(DEVELOPMENT_SET(report.source) ? 50 : 10);
    }
  });

  it("finds every quote verbatim in its source at the recorded line", () => {
    const dataset = result.dataset!;
    const texts = new Map(
      dataset.sources.map((s) => [s.id, readFileSync(join(root, "data/sources", s.file), "utf8").split("\n")]),
    );
    for (const fact of dataset.facts) {
      expect(texts.get(fact.source)![fact.line - 1], fact.id).toContain(fact.quote);
      expect(fact.quote, fact.id).toContain(fact.reported.text);
    }
  });

  it("stores percentages as fractions and normalizes multipliers", () => {
    const facts = result.dataset!.facts;
    const target = facts.find(
      (f) => f.indicator === "edu_public_kindergarten_share" && f.period === "2025" && f.kind === "target",
    );
    expect(target?.value).toBe(0.6);
    const places = facts.find((f) => f.indicator === "edu_new_school_places" && f.reported.text === "1.28万个");
    expect(places?.value).toBe(12800);
    expect(places?.unit).toBe("个");
  });

  it("keeps both figures of a conflict and records which one lookups return and why", () => {
    const conflict = result.dataset!.conflicts.find((c) =>
      c.key.startsWith("edu_new_school_places|呼和浩特市|2022|actual|level"),
    );
    expect(conflict).toBeDefined();
    expect(conflict!.facts.length).toBeGreaterThanOrEqual(2);
    // 013 (the government work report of 2022-12-30) said 1.28万; 001 (progress report, 2023-06-27) revised
    // it to 1.21万, so 013 is a revision, not a conflict. 000 (news, 2023-10-25) still printed 1.28万 after
    // the revision: that disagreement is the conflict.
    expect(conflict!.facts).toEqual([expect.stringMatching(/\|001$/), expect.stringMatching(/\|000$/)]);
    expect(conflict!.chosen).toMatch(/\|001$/);
    expect(conflict!.reason).toMatch(/进展报告 outranks 新闻报道/);
  });

  it("validates with the schema the add-in uses, and content hashing is stable", () => {
    const again = buildDataset(root, { builtAt: new Date("2026-01-01T00:00:00Z") });
    expect(again.dataset!.hash).toBe(result.dataset!.hash);
    expect(() => parseDataset(JSON.parse(JSON.stringify(result.dataset)))).not.toThrow();
  });

  it("exports CSV and a Frictionless package that describe the same columns", () => {
    const csv = factsCsv(result.dataset!);
    const header = csv
      .replace(/^\uFEFF/, "")
      .split("\r\n")[0]
      .split(",");
    const pkg = datapackageOf(result.dataset!);
    expect(pkg.resources[0].schema.fields.map((f) => f.name)).toEqual(header);
    expect(csv.split("\r\n").length - 2).toBe(result.dataset!.facts.length);
  });
});

describe("a wrong figure fails the build with its file and line", () => {
  it("names data/facts/<file>:<line>", () => {
    const copy = mkdtempSync(join(tmpdir(), "hh-data-"));
    cpSync(join(root, "data"), join(copy, "data"), { recursive: true });
    const file = join(copy, "data/facts/001.yaml");
    const text = readFileSync(file, "utf8");
    const lines = text.split("\n");
    const at = lines.findIndex((l) => /^\s+v: 51\.6$/.test(l) || /^\s+v: 51\.60$/.test(l));
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at].replace(/51\.60?/, "51.7");
    writeFileSync(file, lines.join("\n"));
    const broken = buildDataset(copy);
    expect(broken.dataset).toBeUndefined();
    const problem = broken.problems.find((p) => p.file === "data/facts/001.yaml");
    expect(problem?.message).toMatch(/value/);
    // The line of the fact's entry, a few lines above its value.
    expect(problem!.line).toBeGreaterThan(at - 12);
    expect(problem!.line).toBeLessThanOrEqual(at + 1);
  });
});

describe("ambiguous names (data/catalog.yaml)", () => {
  it("become names of every indicator they list, so a lookup names them all", () => {
    const owners = result.dataset!.indicators.filter((i) => i.aliases.includes("民生支出占比")).map((i) => i.id);
    expect(owners.sort()).toEqual(["fiscal_livelihood_expenditure_share", "fiscal_livelihood_spending_share"]);
  });

  it("are refused when they are already one indicator's name, or list an unknown indicator", () => {
    const copy = mkdtempSync(join(tmpdir(), "hh-data-"));
    cpSync(join(root, "data"), join(copy, "data"), { recursive: true });
    const file = join(copy, "data/catalog.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8") +
        "  - name: 民生资金占比\n    indicators: [fiscal_livelihood_spending_share, no_such_indicator]\n    why: test\n",
    );
    const broken = buildDataset(copy);
    expect(broken.dataset).toBeUndefined();
    expect(broken.problems.map((p) => `${p.file} ${p.message}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^data\/catalog\.yaml ambiguous name "民生资金占比" is a name or alias of fiscal_livelihood_spending_share/,
        ),
        expect.stringMatching(
          /^data\/catalog\.yaml ambiguous name "民生资金占比": unknown indicator no_such_indicator/,
        ),
      ]),
    );
  });
});

describe("where indicators are defined", () => {
  it("an indicator whose facts come from several documents is in data/catalog.yaml, not in one of their files", () => {
    const files = loadFactFiles(root, []);
    const documents = new Map<string, Set<string>>();
    for (const file of files)
      for (const { value } of file.facts)
        documents.set(value.ind, (documents.get(value.ind) ?? new Set()).add(file.source));
    const misplaced = files.flatMap((file) =>
      file.indicators
        .filter(({ value }) => (documents.get(value.id)?.size ?? 0) > 1)
        .map(({ value }) => `${value.id} in ${file.file}, used by ${[...documents.get(value.id)!].join(", ")}`),
    );
    expect(misplaced).toEqual([]);
  });

  it("keeps the names a merge dropped: 六大产业占比 is the six clusters' share", () => {
    const six = result.dataset!.indicators.find((i) => i.id === "industry_six_clusters_output_share")!;
    expect(six.aliases).toEqual(expect.arrayContaining(["六大产业占比", "six industrial clusters share"]));
  });
});

describe("estimates in reviews delivered early in the year", () => {
  it("a figure for the year just ended that follows 预计 in its paragraph is an estimate, whatever its sentence says", () => {
    // One rule per paragraph: 预计 governs the figures after it (005's 经济发展稳中有进 states it once for
    // seven figures; 059 and 050 do not restate it for investment or fiscal revenue).
    const dataset = result.dataset!;
    const lines = new Map(
      dataset.sources.map((s) => [s.id, readFileSync(join(root, "data/sources", s.file), "utf8").split("\n")]),
    );
    const wrong: string[] = [];
    for (const fact of dataset.facts) {
      const source = dataset.sources.find((s) => s.id === fact.source)!;
      const year = Number(source.date.slice(0, 4));
      if (Number(source.date.slice(5, 7)) > 3 || Number(fact.period.slice(-4)) !== year - 1) continue;
      if (fact.kind !== "actual" && fact.kind !== "estimate") continue;
      const line = lines.get(fact.source)![fact.line - 1];
      const at = line.indexOf(fact.quote) + fact.quote.indexOf(fact.reported.text);
      // Paragraphs are lines, or runs of text between spaces where a page joined them into one line.
      const paragraph = line.slice(0, at).split(/\s+/).pop()!;
      if (/预计|預計/.test(paragraph) && fact.kind !== "estimate")
        wrong.push(`${fact.source}:${fact.line} ${fact.id} (${fact.quote})`);
    }
    expect(wrong).toEqual([]);
  });
});
