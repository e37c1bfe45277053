/** The hh command as a user runs it: npx hh … from the repository. */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
function hh(...args: string[]) {
  const result = spawnSync(process.execPath, [resolve(ROOT, "bin/hh"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

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
});
