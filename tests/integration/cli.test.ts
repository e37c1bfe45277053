/** The hh command as a user runs it: npx hh … from the repository. */
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { hh as run, ROOT } from "../jest/hh";

const hh = (...args: string[]) => run(args);

describe("hh", () => {
  it("--version and --help", () => {
    expect(hh("--version").out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = hh("--help").out;
    for (const command of ["find", "show", "eval"]) expect(help).toContain(command);
  });

  it("find lists matching indicators", () => {
    const { code, out } = hh("find", "公办园", "-n", "3");
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toMatch(/^edu_public_kindergarten_share\t公办园在园幼儿占比\t/);
  });

  it("show prints facts with their sources and marks conflicts", () => {
    const { code, out } = hh("show", "新增学位");
    expect(code).toBe(0);
    expect(out).toMatch(/2022 实际 呼和浩特市: 12100 个/);
    expect(out).toMatch(/≠ 12800 个/);
    expect(out).toContain("第");
  });

  it("stops quietly when the reader closes the pipe (hh show … | head -1)", () => {
    const piped = spawnSync("sh", ["-c", "./bin/hh show econ_gdp | head -1"], { cwd: ROOT, encoding: "utf8" });
    expect(piped.stdout.split("\n").filter(Boolean)).toHaveLength(1);
    expect(piped.stderr).toBe("");
  });

  it("reads --as-of digits as an Excel date serial, and a year typed as a date says so", () => {
    const serial = run(["show", "edu_new_school_places", "--as-of", "45000"]);
    expect(serial.code).toBe(0);
    expect(serial.out).toContain("2023-03-15");
    const year = run(["eval", '=HH.VALUE("新增学位",2022,,,2024)']);
    expect(year.out).toContain('#VALUE! as_of 应为日期,2024 像是年份:请写 "2024-12-31" 或 DATE(2024,12,31)');
  });

  it("show fails clearly for an unknown indicator", () => {
    const { code, err } = hh("show", "完全不存在的东西QQ");
    expect(code).toBe(1);
    expect(err).toMatch(/no indicator matches/);
  });

  it("eval prints values, errors and spilled arrays; --json is machine-readable", () => {
    const plain = hh("eval", '=HH.TARGET("公办园占比",2025)');
    expect(plain.out.trim()).toBe("0.6");
    const json = hh(
      "eval",
      "--json",
      '=ROUND(HH.TARGET("公办园占比",2025)*100,0)',
      '=HH.SERIES("公办园占比")',
      "=HH.CAGR(0,1,1)",
    );
    const lines = json.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ ok: true, value: 60 });
    expect(lines[1].value[0]).toEqual(["period", "kind", "measure", "value", "unit"]);
    expect(lines[2]).toMatchObject({ ok: false, error: "#NUM!" });
    expect(json.code).toBe(1);
  });

  it("show prints the base HH.TARGETGAP/TARGETRATE start from under each target and plan", () => {
    const { code, out } = hh("show", "公办园占比");
    expect(code).toBe(0);
    expect(out).toMatch(/2025 目标 呼和浩特市: 60%\n(?: {2}.*\n)*? {2}base 基数: 2023 实际 51\.04% \(001 line 65\)/);
    // A potential, given only for 2012-2021 and as a 2023 plan: no base.
    const none = hh("show", "edu_community_kindergarten_handover_places");
    expect(none.out).toMatch(/base 基数: none — no whole-year actual or estimate before 2023/);
  });

  it("eval takes 500 formulas in one call", () => {
    const formulas = Array.from({ length: 500 }, (_, i) => `=HH.YOY(${i + 2},1)`);
    const { code, out, err } = hh("eval", ...formulas, '=HH.FIND("学",500)');
    expect(err).toBe("");
    expect(code).toBe(0);
    const lines = out.trim().split("\n");
    expect(lines.slice(0, 500)).toEqual(Array.from({ length: 500 }, (_, i) => String(i + 1)));
    expect(lines[500]).toBe("id\t名称\tname\tunit\tcategory");
  });

  it("eval prints full double precision, empty number arguments as #VALUE!, non-finite results as #NUM!", () => {
    const text = hh("eval", '=HH.TARGETGAP("公办园占比",2025)', "=1/3");
    expect(text.out.trim().split("\n")).toEqual([String(0.6 - 0.5104), String(1 / 3)]);
    expect(Number(text.out.split("\n")[0])).toBe(0.6 - 0.5104);
    const json = hh(
      "eval",
      "--json",
      '=HH.TARGETGAP("公办园占比",2025)',
      "=HH.CAGR(,2,3)",
      "=HH.PROJECT(10^300,10,300)",
    );
    const [gap, empty, huge] = json.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(gap).toMatchObject({ ok: true, value: 0.6 - 0.5104 });
    expect(empty).toMatchObject({ ok: false, error: "#VALUE!" });
    expect(huge).toMatchObject({ ok: false, error: "#NUM!" });
    expect(json.out).not.toMatch(/null|NaN|Infinity/);
  });

  it("an empty formula or a bad find -n is one line on stderr and a non-zero exit", () => {
    const runs = [
      hh("eval", ""),
      hh("eval", "=HH.INFO()", "  =  "),
      ...["0", "-1", "abc", "1e9"].map((n) => hh("find", "学位", "-n", n)),
    ];
    for (const run of runs) {
      expect(run.code).toBeGreaterThan(0);
      expect(run.err.trim().split("\n")).toHaveLength(1);
      expect(run.err).toMatch(/^hh: /);
      expect(run.err).not.toMatch(/\bat .*:\d+|Error:/);
      expect(run.out).toBe("");
    }
    expect(runs[0].err).toMatch(/formula 1 is empty/);
    expect(runs[2].err).toMatch(/-n must be a whole number from 1 to 500, got "0"/);
  }, 120000);
});
