/**
 * npm run validate [-- --offline] [--dist dist] [--dev]
 * The built manifest (dist/) is checked with the production rules (no localhost, one origin, every file
 * present), since a production build is the one that ships; --dev checks a `build:dev` output without them.
 * Tries Microsoft's validator (office-addin-manifest validate), which needs its web service; when
 * that cannot be reached (as on this machine) it says so and runs the offline check instead.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { checkManifest } from "./lib/manifest-check";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const offline = args.includes("--offline");
  const distIndex = args.indexOf("--dist");
  const dist =
    distIndex >= 0 ? resolve(args[distIndex + 1]) : existsSync("dist/manifest.xml") ? resolve("dist") : undefined;
  const manifests = [resolve("manifest.xml"), ...(dist ? [resolve(dist, "manifest.xml")] : [])];

  if (!offline) {
    const online = spawnSync("npx", ["--no-install", "office-addin-manifest", "validate", manifests[0]], {
      encoding: "utf8",
      timeout: 30000,
    });
    const output = `${online.stdout ?? ""}${online.stderr ?? ""}`;
    if (online.status === 0 && /valid/i.test(output) && !/not valid|error/i.test(output)) {
      console.log("Microsoft's validator: the manifest is valid.");
    } else {
      console.log(
        "Microsoft's validation service could not be reached (or failed to run); running the offline check instead.",
      );
    }
  }

  let failed = false;
  for (const manifest of manifests) {
    const built = manifest !== manifests[0];
    const problems = await checkManifest(manifest, built ? { dist, production: !args.includes("--dev") } : {});
    if (problems.length === 0)
      console.log(`offline manifest check passed: ${manifest}${built ? ` (every file present in ${dist})` : ""}`);
    else {
      failed = true;
      console.error(`offline manifest check FAILED for ${manifest}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    }
  }
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
