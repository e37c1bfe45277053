/** The hh command as a user runs it: node bin/hh … from the repository, output captured. */
import { execFile, spawnSync } from "node:child_process";
import { resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");

export function hh(args: string[], env: Record<string, string> = {}, timeout = 60000) {
  const result = spawnSync(process.execPath, [resolve(ROOT, "bin/hh"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout,
    env: { ...process.env, ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** The same without blocking this process, for tests that serve what hh fetches. */
export function hhAsync(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [resolve(ROOT, "bin/hh"), ...args],
      { cwd: ROOT, timeout: 60_000, env: { ...process.env, ...env } },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
