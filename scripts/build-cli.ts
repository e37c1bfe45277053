/**
 * npm run build:cli — builds the hh command ahead of time, so it starts in a few hundred
 * milliseconds instead of compiling TypeScript and regenerating functions.json on every call.
 * `npm install` / `npm ci` run it as the `prepare` step (with --prepare: it never fails the install).
 *
 * Writes build/cli/ (gitignored):
 *   hh.cjs            src/cli and all it imports (core, functions, zod, commander) in one file, with
 *                     functions.json generated now from the JSDoc in src/functions/functions.ts;
 *                     data/dist/dataset.json is read when hh runs, so a rebuilt dataset never makes
 *                     this stale;
 *   hyperformula.cjs  HyperFormula and its parser, loaded only by hh eval;
 *   manifest.json     every input (path, size, mtime, sha256) and both bundles. bin/hh runs the
 *                     bundles only while every input is unchanged, else the sources through tsx;
 *   *.v8cache         V8's code cache for each bundle, written by the first hh run (one hh eval here).
 * The dataset is built first when data/dist/dataset.json is missing.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { build, type BuildOptions, type Metafile, type Plugin } from "esbuild";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const root = resolve(__dirname, "..");
const OUT = join(root, "build", "cli");
const DATASET = join(root, "data", "dist", "dataset.json");
const FUNCTIONS_SOURCE = join(root, "src", "functions", "functions.ts");
const prepare = process.argv.includes("--prepare");

interface ManifestEntry {
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

interface CliManifest {
  format: 1;
  builtAt: string;
  node: string;
  bundles: Record<string, ManifestEntry>;
  inputs: ManifestEntry[];
}

function entry(file: string, path = relative(root, file).split(sep).join("/")): ManifestEntry {
  const info = statSync(file);
  return {
    path,
    size: info.size,
    mtimeMs: info.mtimeMs,
    sha256: createHash("sha256").update(readFileSync(file)).digest("hex"),
  };
}

/** The dataset is read by hh at run time from data/dist, relative to the bundle. */
function datasetAtRunTime(outdir: string): Plugin {
  return {
    name: "hh-dataset-at-run-time",
    setup(b) {
      b.onResolve({ filter: /data\/dist\/dataset\.json$/ }, (args) => ({
        path: resolve(args.resolveDir, args.path),
        namespace: "hh-dataset",
      }));
      b.onLoad({ filter: /.*/, namespace: "hh-dataset" }, (args) => ({
        loader: "js",
        contents: `module.exports = JSON.parse(require("node:fs").readFileSync(require("node:path").join(__dirname, ${JSON.stringify(
          relative(outdir, args.path).split(sep).join("/"),
        )}), "utf8"));`,
      }));
    },
  };
}

/** custom-functions-metadata (and the TypeScript compiler behind it) runs now, not on every hh eval. */
function prebuiltMetadata(result: unknown): Plugin {
  return {
    name: "hh-prebuilt-functions-metadata",
    setup(b) {
      b.onResolve({ filter: /^custom-functions-metadata$/ }, () => ({ path: "metadata", namespace: "hh-metadata" }));
      b.onLoad({ filter: /.*/, namespace: "hh-metadata" }, () => ({
        loader: "js",
        contents: `const result = ${JSON.stringify(result)};\nexports.generateCustomFunctionsMetadata = async () => result;`,
      }));
    },
  };
}

/** HyperFormula lives in its own file, required only when hh eval runs. */
const hyperformulaApart: Plugin = {
  name: "hh-hyperformula-apart",
  setup(b) {
    b.onResolve({ filter: /^hyperformula$/ }, () => ({ path: "./hyperformula.cjs", external: true }));
  },
};

/**
 * commander requires node:child_process (with net, stream, dgram …) at start-up for executable
 * sub-commands, which hh has none of; this loads it on first use instead.
 */
const lazyChildProcess: Plugin = {
  name: "hh-lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.namespace === "hh-lazy" ? { path: args.path, external: true } : { path: args.path, namespace: "hh-lazy" },
    );
    b.onLoad({ filter: /.*/, namespace: "hh-lazy" }, (args) => ({
      loader: "js",
      contents: `let real;
const load = () => (real ??= require(${JSON.stringify(args.path)}));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
    if (descriptor) descriptor.configurable = true;
    return descriptor;
  },
});`,
    }));
  },
};

/**
 * chevrotain validates a grammar every time a parser is constructed, which is most of the cost of
 * HyperFormula's first formula. The checks are for grammar authors (they throw on a malformed
 * grammar and never change how a valid one parses); its docs recommend skipValidations for a
 * stable grammar, and HyperFormula's is fixed and tested. HyperFormula does not pass the option,
 * so the default is flipped in this bundle. The sources (tsx, tests) keep the checks.
 */
function chevrotainSkipValidations(warnings: string[]): Plugin {
  return {
    name: "hh-chevrotain-skip-validations",
    setup(b) {
      b.onLoad(
        { filter: /chevrotain[\\/]lib[\\/]src[\\/](parse[\\/]parser[\\/]parser|scan[\\/]lexer_public)\.js$/ },
        (args) => {
          const text = readFileSync(args.path, "utf8");
          const patched = text.replace(/(\n\s*)skipValidations: false(\r?\n)/, "$1skipValidations: true$2");
          if (patched === text) warnings.push(`chevrotain changed: no default skipValidations in ${args.path}`);
          return { contents: patched, loader: "js" };
        },
      );
    },
  };
}

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  minify: true,
  // A bundle loaded through vm.Script has no dynamic import(); esbuild turns each into a require.
  supported: { "dynamic-import": false },
  metafile: true,
  logLevel: "warning",
};

/** A file as the manifest records it: a package's file by the package's package.json (its version). */
function recorded(absolute: string): string {
  const match = /^(.*[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+))[\\/]/.exec(absolute);
  if (!match) return absolute;
  // Through the project's node_modules where that is the same package (esbuild reports real paths).
  const packageJson = join(match[1], "package.json");
  const local = join(root, "node_modules", match[2], "package.json");
  return existsSync(local) && realpathSync(local) === realpathSync(packageJson) ? local : packageJson;
}

function inputsOf(metafiles: Metafile[]): string[] {
  const files = new Set<string>([
    join(root, "scripts", "build-cli.ts"),
    FUNCTIONS_SOURCE,
    recorded(require.resolve("custom-functions-metadata")),
  ]);
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      if (!/^[a-z-]+:/.test(input)) files.add(recorded(resolve(root, input))); // not a plugin's virtual module
    }
  }
  return [...files].sort();
}

function buildDatasetIfMissing(): void {
  if (existsSync(DATASET)) return;
  console.log("build:cli: data/dist/dataset.json is missing; building the dataset first");
  const result = spawnSync(process.execPath, [require.resolve("tsx/cli"), join(root, "scripts", "build-data.ts")], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("the dataset build failed (npm run build:data shows why)");
}

async function main(): Promise<void> {
  const started = Date.now();
  buildDatasetIfMissing();
  const metadata = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE);
  if (metadata.errors.length > 0) throw new Error(`functions.json: ${metadata.errors.join("; ")}`);

  const staging = `${OUT}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const warnings: string[] = [];
  try {
    const cli = await build({
      ...common,
      entryPoints: [join(root, "src", "cli", "main.ts")],
      outfile: join(staging, "hh.cjs"),
      plugins: [
        datasetAtRunTime(OUT),
        prebuiltMetadata({ errors: [], metadataJson: metadata.metadataJson, associate: metadata.associate }),
        hyperformulaApart,
        lazyChildProcess,
      ],
    });
    const engine = await build({
      ...common,
      entryPoints: ["hyperformula"],
      outfile: join(staging, "hyperformula.cjs"),
      plugins: [chevrotainSkipValidations(warnings)],
    });
    for (const warning of warnings) console.warn(`build:cli: ${warning}; HyperFormula starts slower`);
    const bundles: Record<string, ManifestEntry> = {};
    for (const name of readdirSync(staging)) bundles[name] = entry(join(staging, name), name);
    const manifest: CliManifest = {
      format: 1,
      builtAt: new Date().toISOString(),
      node: process.version,
      bundles,
      inputs: inputsOf([cli.metafile!, engine.metafile!]).map((file) => entry(file)),
    };
    writeFileSync(join(staging, "manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`);
    // Swap the whole folder: old bundles and their code caches go together.
    rmSync(OUT, { recursive: true, force: true });
    renameSync(staging, OUT);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }

  // One hh eval writes V8's code cache for both bundles, holding what these formulas compiled:
  // name resolution, figures, citations and the ranking hh find uses.
  const warmUp = ['=HH.TARGET("公办园占比",2025)', '=HH.SOURCE("公办园占比",2025)', '=HH.FIND("学位")', "=HH.INFO()"];
  const warm = spawnSync(process.execPath, [join(root, "bin", "hh"), "eval", ...warmUp], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, HH_DEBUG: "1" },
  });
  if (!/hh: built CLI/.test(warm.stderr ?? "")) {
    throw new Error(`bin/hh did not run the new build: ${(warm.stderr ?? "").trim() || `exit ${warm.status}`}`);
  }
  const sizes = Object.keys(JSON.parse(readFileSync(join(OUT, "manifest.json"), "utf8")).bundles as object)
    .map((name) => `${name} ${Math.round(statSync(join(OUT, name)).size / 1024)} KB`)
    .join(", ");
  console.log(`build:cli: build/cli (${sizes}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (prepare) {
    // npm install must not fail over this: hh still works, from the sources.
    console.warn(
      `build:cli: skipped (${message}); hh runs from the TypeScript sources (slower). Retry: npm run build:cli`,
    );
    return;
  }
  console.error(`build:cli failed: ${message}`);
  process.exitCode = 1;
});
