/* Small webpack plugins of our own: production URL rewriting, the function help page, bundle sizes. */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { sources, Compilation } = require("webpack");

const DEV_BASE_URL = "https://localhost:3000/";

/** Replaces every development URL (all occurrences, not just the first) in the named assets. */
class RewriteUrlsPlugin {
  constructor(baseUrl, assets) {
    this.baseUrl = baseUrl;
    this.assets = assets;
  }
  apply(compiler) {
    if (this.baseUrl === DEV_BASE_URL) return;
    compiler.hooks.thisCompilation.tap("RewriteUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RewriteUrlsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        (assets) => {
          for (const name of this.assets) {
            if (!assets[name]) continue;
            const text = assets[name].source().toString().split(DEV_BASE_URL).join(this.baseUrl);
            compilation.updateAsset(name, new sources.RawSource(text));
          }
        },
      );
    });
  }
}

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** help.html: the function reference, generated from functions.json so it cannot drift from the code. */
class FunctionHelpPlugin {
  constructor(options) {
    this.csp = options.csp;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionHelpPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionHelpPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        (assets) => {
          if (!assets["functions.json"]) return;
          const { functions } = JSON.parse(assets["functions.json"].source().toString());
          const sections = functions.map((f) => {
            const params = f.parameters
              .map(
                (p) =>
                  `<li><code>${escapeHtml(p.optional ? `[${p.name}]` : p.name)}</code> — ${escapeHtml(p.description || "")}</li>`,
              )
              .join("");
            const signature = `HH.${f.name}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
            return `<section id="${f.id.toLowerCase()}"><h2><code>${escapeHtml(signature)}</code></h2><p>${escapeHtml(f.description || "")}</p><ul>${params}</ul></section>`;
          });
          const html = `<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${escapeHtml(this.csp)}"><title>HH 函数参考 · HH function reference</title><style>body{font-family:"Segoe UI","Microsoft YaHei",sans-serif;max-width:760px;margin:24px auto;padding:0 16px;line-height:1.5}code{background:#f3f2f1;padding:1px 4px;border-radius:3px}section{border-top:1px solid #e1dfdd;padding-top:8px}</style></head><body><h1>青城指标 · HH 函数参考 / function reference</h1><p>例 Example: <code>=HH.TARGET("公办园占比",2025)</code> → 60%. 百分比以小数返回 / percentages come back as fractions.</p>${sections.join("")}</body></html>`;
          compilation.emitAsset("help.html", new sources.RawSource(html));
        },
      );
    });
  }
}

/**
 * Prints each emitted script's raw and gzip size, the pane's first script against its budget, and the
 * dataset file the pane loads at run time; the budget is checked in npm test (tests/e2e/build.test.ts).
 */
class BundleSizePlugin {
  constructor({ budgetKB, entry, dataset }) {
    this.budgetKB = budgetKB;
    this.entry = entry;
    this.dataset = dataset;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tap("BundleSizePlugin", (compilation) => {
      const size = (name) => {
        const buffer = fs.readFileSync(path.join(compilation.outputOptions.path, name));
        return { raw: buffer.length / 1024, gzip: zlib.gzipSync(buffer, { level: 9 }).length / 1024 };
      };
      const line = (name, { raw, gzip }, note = "") =>
        `  ${name.padEnd(34)} ${raw.toFixed(1).padStart(8)} KB  ${gzip.toFixed(1).padStart(7)} KB gzip${note}`;
      const scripts = Object.keys(compilation.assets)
        .filter((name) => name.endsWith(".js"))
        .sort();
      const rows = scripts.map((name) => {
        const measured = size(name);
        if (name !== this.entry)
          return line(name, measured, name.startsWith("chunks/") ? "  (loaded when needed)" : "");
        const verdict = measured.gzip <= this.budgetKB ? "within" : "OVER";
        return line(name, measured, `  ${verdict} the ${this.budgetKB} KB gzip budget`);
      });
      if (compilation.assets[this.dataset])
        rows.push(line(this.dataset, size(this.dataset), "  (fetched after the first paint)"));
      console.log(`bundle sizes:\n${rows.join("\n")}`);
    });
  }
}

module.exports = { RewriteUrlsPlugin, FunctionHelpPlugin, BundleSizePlugin, DEV_BASE_URL };
