/* eslint-disable no-undef */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");
const { BundleSizePlugin, DEV_BASE_URL, FunctionHelpPlugin, RewriteUrlsPlugin } = require("./scripts/webpack/plugins");

const OFFICE_JS_LOCAL = "/office-js/office.js";
const DATASET_COMPACT = path.resolve(__dirname, "data/dist/dataset.hhc.json");

/**
 * The add-in loads data/dataset.hhc.json (the compact format) at run time (src/runtime/dataset.web.ts in place of
 * src/runtime/dataset.ts, which imports it); the script carries only the file's hash, to refuse another file.
 * The hash is read again whenever the file changes, so `npm run build:data` during `npm start` serves a
 * script that accepts the new file.
 */
function datasetAtRunTime() {
  const hash = () => JSON.stringify(JSON.parse(require("fs").readFileSync(DATASET_COMPACT, "utf8")).hash);
  return [
    new webpack.NormalModuleReplacementPlugin(/[\\/]runtime[\\/]dataset$/, (resource) => {
      resource.request = `${resource.request}.web`;
    }),
    new webpack.DefinePlugin({
      BUNDLED_DATASET_HASH: webpack.DefinePlugin.runtimeValue(hash, { fileDependencies: [DATASET_COMPACT] }),
    }),
  ];
}

// The hosting rules (CSP, old-engine check) and the support page are TypeScript shared with `hh serve`.
const { require: requireTs } = require("tsx/cjs/api");
const { OFFICE_JS_CDN, contentSecurityPolicy, oldEngineCheckScript } = requireTs("./src/hosting/policy.ts", __filename);
const { supportPage } = requireTs("./src/support/support-page.ts", __filename);

/** A production build must know where it will be hosted: its manifest cannot ship localhost URLs. */
function baseUrlFor(dev) {
  if (dev) return DEV_BASE_URL;
  const url = process.env.ADDIN_BASE_URL;
  if (!url) {
    throw new Error(
      "ADDIN_BASE_URL is not set: a production build needs the https URL dist/ will be served from, " +
        "e.g. ADDIN_BASE_URL=https://addin.example.org/hh/ npm run build (for local sideloading use npm start or npm run build:dev).",
    );
  }
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_BASE_URL must be an https URL, got ${url}`);
  if (/^https:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(url))
    throw new Error(
      `ADDIN_BASE_URL must be the public host, not ${url} (for local use: npm start or npm run build:dev)`,
    );
  return url.endsWith("/") ? url : `${url}/`;
}

function versions() {
  const addinVersion = require("./package.json").version;
  let datasetVersion = "?";
  try {
    datasetVersion = require("./data/dist/datapackage.json").version;
  } catch {
    // The dataset build is a separate step; the page still builds without it.
  }
  return { addinVersion, datasetVersion };
}

async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    console.warn(
      `office-addin-dev-certs could not install a trusted localhost certificate on this OS (${error.message.split("\n")[0]}). ` +
        "Serving HTTPS with a self-signed certificate instead: the browser preview works after accepting it; Excel needs a trusted one (see README).",
    );
    return undefined;
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const baseUrl = baseUrlFor(dev);
  const csp = contentSecurityPolicy(dev);
  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks,
      templateParameters: {
        officeJs: dev ? OFFICE_JS_LOCAL : OFFICE_JS_CDN,
        csp,
        oldEngineCheck: oldEngineCheckScript(),
      },
      minify: !dev && { collapseWhitespace: true, removeComments: true },
    });
  const serving = env && env.WEBPACK_SERVE;
  const tls = serving ? await httpsOptions() : undefined;

  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // The shared runtime: the task pane page hosts the functions and commands too, in one module graph.
      taskpane: ["./src/functions/index.ts", "./src/commands/index.ts", "./src/taskpane/index.tsx"],
      functions: "./src/functions/index.ts",
      commands: "./src/commands/index.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // The pane's other tabs and the figure detail, loaded when first opened.
      chunkFilename: dev ? "chunks/[name].js" : "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    plugins: [
      ...datasetAtRunTime(),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      page("taskpane", "./src/taskpane/taskpane.html", ["taskpane"]),
      page("commands", "./src/commands/commands.html", ["commands"]),
      // The manifest's SupportUrl.
      new HtmlWebpackPlugin({
        filename: "support.html",
        templateContent: supportPage({ csp, ...versions() }),
        inject: false,
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "data/dist/dataset.json", to: "data/dataset.json" },
          { from: "data/dist/dataset.hhc.json", to: "data/dataset.hhc.json" },
          { from: "data/dist/facts.csv", to: "data/facts.csv" },
          { from: "data/dist/datapackage.json", to: "data/datapackage.json" },
        ],
      }),
      new FunctionHelpPlugin({ csp }),
      new RewriteUrlsPlugin(baseUrl, ["manifest.xml", "functions.json", "help.html"]),
      ...(serving
        ? []
        : [new BundleSizePlugin({ budgetKB: 250, entry: "taskpane.js", dataset: "data/dataset.hhc.json" })]),
    ],
    performance: { hints: false },
    // html-webpack-plugin already minifies the pages; webpack's own HTML minifier would also rewrite the
    // inline old-engine check, and its CSP hash (computed from the source) would no longer match.
    optimization: { minimizeOptions: { html: false } },
    devServer: {
      host: "localhost",
      port: 3000,
      hot: false,
      liveReload: true,
      // Clients revalidate the published dataset with If-None-Match; strong ETags make that a 304.
      headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache" },
      devMiddleware: { etag: "strong" },
      server: tls ? { type: "https", options: tls } : { type: "https" },
      static: [
        { directory: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"), publicPath: "/office-js" },
      ],
      client: { overlay: { warnings: false } },
    },
  };
};
