/** The hh command as a user runs it: node bin/hh … from the repository, output captured. */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");

export function hh(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [resolve(ROOT, "bin/hh"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60000,
    env: { ...process.env, ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
