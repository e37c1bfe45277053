/**
 * hh ingest end to end, in a temporary copy of the data folder (nothing is written under data/):
 * the report is stored byte-for-byte, sources.yaml gets its metadata, the draft fact file is refused
 * by the build while it is marked for review, and builds — every fact verified, every numeric mention
 * accounted for — once the review marks are removed.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { buildDataset } from "../../scripts/lib/build-dataset";
import { hh as runHh } from "../jest/hh";

// Ingesting builds and checks the dataset: a longer deadline than other commands.
const hh = (...args: string[]) => runHh(args, {}, 120000);

const ROOT = resolve(__dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "hh-ingest-"));
cpSync(join(ROOT, "data"), join(work, "data"), {
  recursive: true,
  filter: (src) => !src.includes(`${join("data", "dist")}`),
});
afterAll(() => rmSync(work, { recursive: true, force: true }));
// The id hh ingest gives a new source: one past the highest stored.
const NEXT = String(
  Math.max(
    ...readdirSync(join(work, "data", "sources")).flatMap((f) => (/^\d{3}_/.test(f) ? [Number(f.slice(0, 3))] : [])),
  ) + 1,
).padStart(3, "0");

// CRLF line ends and a phone number, a programme name, an ordinal and dates: all must survive and be accounted for.
const REPORT = [
  "2024年新城区政府工作报告(节选)",
  "",
  "——2024年1月10日在新城区第十九届人民代表大会第一次会议上",
  "",
  "一、2023年工作回顾",
  "",
  "过去一年,预计地区生产总值完成720亿元,同比增长5.2%;固定资产投资完成130亿元,同比下降3%。新增中小学学位2800个,建成口袋公园40个、城市绿道30公里。森林覆盖率达39.1%,比上年提高0.4个百分点。",
  "",
  "五年来,城乡常住居民人均可支配收入分别增长6.1%和10.4%,地区生产总值由520亿元增加到720亿元。",
  "",
  "二、2024年工作安排",
  "",
  "主要预期目标是:地区生产总值增长6%左右,城镇登记失业率控制在5%以内。",
  "",
  "今年,我们将重点做好以下工作:实施“8090计划”,新建学校6所,改造老旧小区35个。咨询电话0471-6668888。",
  "",
].join("\r\n");
const reportFile = join(work, "report.txt");
writeFileSync(reportFile, REPORT, "utf8");

const META = [
  "--date",
  "2024-01-10",
  "--region",
  "新城区",
  "--title",
  "2024年新城区政府工作报告(节选)",
  "--issuer",
  "新城区人民政府",
];

describe("hh ingest", () => {
  it("refuses a source without a URL, or with a bad one", () => {
    expect(hh("ingest", reportFile, ...META, "--root", work).code).not.toBe(0);
    const bad = hh("ingest", reportFile, ...META, "--url", "example.org/x", "--root", work);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--url must be an http\(s\) address/);
  }, 120_000);

  it("stores the text byte-for-byte, appends sources.yaml and drafts facts marked for review", () => {
    const { code, out, err } = hh(
      "ingest",
      reportFile,
      ...META,
      "--url",
      "https://example.org/xc-2024.html",
      "--type",
      "政府工作报告",
      "--root",
      work,
    );
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`source ${NEXT}: .*${NEXT}_[0-9a-f]{16}\\.txt`));
    expect(out).not.toMatch(/warning/);
    const stored = readdirSync(join(work, "data", "sources")).find((f) => f.startsWith(`${NEXT}_`))!;
    expect(readFileSync(join(work, "data", "sources", stored)).equals(readFileSync(reportFile))).toBe(true);
    const sources = readFileSync(join(work, "data", "sources", "sources.yaml"), "utf8");
    expect(sources).toContain(`file: ${stored}`);
    expect(sources).toContain("url: 'https://example.org/xc-2024.html'");
    const draft = readFileSync(join(work, "data", "facts", `${NEXT}.yaml`), "utf8");
    const facts = draft.match(/^ {2}- q: /gm)!.length;
    expect(facts).toBeGreaterThanOrEqual(15);
    expect(draft.match(/^ {4}review: true$/gm)!.length).toBeGreaterThanOrEqual(facts);
    expect(draft).toContain("why: name");
    expect(draft).toContain("why: phone");
    // Nothing under the repository's own data folder.
    expect(existsSync(join(ROOT, "data", "facts", `${NEXT}.yaml`))).toBe(false);
  }, 120_000);

  it("refuses the same text twice", () => {
    const again = hh("ingest", reportFile, ...META, "--url", "https://example.org/x", "--root", work);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already a source/);
  }, 120_000);

  it("the build refuses the draft until it is reviewed, then verifies it like any fact file", () => {
    const refused = buildDataset(work);
    expect(refused.dataset).toBeUndefined();
    const marks = refused.problems.filter((p) => /review: true/.test(p.message));
    expect(marks.length).toBeGreaterThan(15);
    expect(marks.some((p) => p.file === "data/sources/sources.yaml")).toBe(true);
    expect(marks[0].message).toMatch(/check the entry against the source line/);
    expect(refused.problems.filter((p) => !/review: true/.test(p.message))).toEqual([]);

    // The reviewer's part, done mechanically: accept every entry as drafted.
    for (const file of [join(work, "data", "facts", `${NEXT}.yaml`), join(work, "data", "sources", "sources.yaml")])
      writeFileSync(file, readFileSync(file, "utf8").replace(/^\s*review: true.*\n/gm, ""));
    const built = buildDataset(work);
    expect(built.problems).toEqual([]);
    const report = built.reports.find((r) => r.source.id === NEXT)!;
    expect(report.accounting.uncovered).toEqual([]);
    const facts = built.dataset!.facts.filter((f) => f.source === NEXT);
    expect(facts.length).toBe(report.facts);
    const gdp = facts.find(
      (f) => f.indicator === "econ_gdp" && f.period === "2023" && f.kind === "estimate" && f.measure === "level",
    );
    expect(gdp).toMatchObject({ value: 720, unit: "亿元", quote: "预计地区生产总值完成720亿元" });
    const target = facts.find((f) => f.indicator === "econ_gdp" && f.period === "2024" && f.kind === "target");
    expect(target).toMatchObject({ measure: "pct_change", qualifier: "左右", value: 0.06 });
  }, 120_000);
});

describe("hh ingest --id", () => {
  const other = join(work, "other.txt");
  writeFileSync(other, "2023年,赛罕区地区生产总值完成700亿元,同比增长5%。\n", "utf8");
  const url = ["--url", "https://example.org/sh-2023.html", "--root", work];

  it("refuses an id that is not three digits, or one already taken", () => {
    const factFiles = () => readdirSync(join(work, "data", "facts")).sort();
    const before = factFiles();
    const short = hh("ingest", other, ...META, ...url, "--id", "7");
    expect(short.code).toBe(2);
    expect(short.err).toMatch(/--id must be three digits, got "7"/);
    const taken = hh("ingest", other, ...META, ...url, "--id", "003");
    expect(taken.code).toBe(2);
    expect(taken.err).toMatch(/source 003 already exists/);
    expect(factFiles()).toEqual(before);
  }, 120_000);

  it("stores the source under the id it is given", () => {
    const { code, out, err } = hh("ingest", other, ...META, ...url, "--id", "070");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/source 070: .*070_[0-9a-f]{16}\.txt/);
    expect(readFileSync(join(work, "data", "facts", "070.yaml"), "utf8")).toMatch(/^source: '070'$/m);
    expect(readFileSync(join(work, "data", "sources", "sources.yaml"), "utf8")).toContain("- id: '070'");
  }, 120_000);
});
