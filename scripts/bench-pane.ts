/**
 * The task pane's cold start against Microsoft's React task-pane template (the anchor), side by side:
 * both production builds served over loopback, the same stand-in for office.js (Office.onReady
 * resolving with host null, the CDN never reached), a new headless Chromium per run, runs alternating.
 * Ours counts until the frame that draws the search box, the template until the one that draws its h1.
 * Run alone with `npx tsx scripts/bench-pane.ts [runs]`; `npm run bench` calls it too.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { startStaticServer, type DatasetServer } from "../src/cli/serve";
import { OFFICE_JS_CDN } from "../src/hosting/policy";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./lib/chromium";

const ROOT = resolve(__dirname, "..");
/** Another build can be measured against the anchor, e.g. an earlier one kept aside: BENCH_PANE_DIST=dir. */
const DIST = resolve(process.env.BENCH_PANE_DIST ?? join(ROOT, "dist"));
export const ANCHOR = resolve(ROOT, "../shared/anchors/office-taskpane-react-template");
const GOAL_RATIO = 1.2;
/** What office.js gives a page outside Office, without the download. */
const OFFICE_STAND_IN =
  "window.Office={HostType:{Excel:'Excel'},onReady:function(cb){var info={host:null,platform:null};if(cb)cb(info);return Promise.resolve(info);}};";
interface Run {
  /** From navigation start to the start of the first frame after the element appeared. */
  ms: number;
  scriptMs: number;
  layoutMs: number;
}

/** Records when `selector` first appears and the frame after it, from inside the page. */
const watchFor = (selector: string) => `
  (() => {
    const seen = () => {
      if (window.__firstSeen !== undefined || !document.querySelector(${JSON.stringify(selector)})) return false;
      window.__firstSeen = performance.now();
      // The frame that draws it starts here; a timer after it would also count whatever tasks queued first.
      requestAnimationFrame(() => (window.__painted = performance.now()));
      return true;
    };
    new MutationObserver((_, observer) => seen() && observer.disconnect()).observe(document, {
      childList: true,
      subtree: true,
    });
  })();`;

async function coldRun(url: string, selector: string): Promise<Run> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 350, height: 760 }, locale: "zh-CN" });
    const page = await context.newPage();
    // Nothing leaves loopback; office.js is answered with the stand-in.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
      route.request().url() === OFFICE_JS_CDN
        ? route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STAND_IN })
        : route.abort(),
    );
    await page.addInitScript(watchFor(selector));
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "timeTicks" });
    await page.goto(url, { waitUntil: "commit" });
    // Polled from outside: waitForFunction compiles its predicate in the page, which our CSP forbids.
    let ms: number | undefined;
    for (const deadline = Date.now() + 30_000; ms === undefined; await page.waitForTimeout(10)) {
      if (Date.now() > deadline) throw new Error(`${selector} never appeared on ${url}`);
      ms = await page.evaluate(() => (window as { __painted?: number }).__painted);
    }
    const { metrics } = (await cdp.send("Performance.getMetrics")) as {
      metrics: Array<{ name: string; value: number }>;
    };
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return {
      ms,
      scriptMs: metric("ScriptDuration"),
      layoutMs: metric("LayoutDuration") + metric("RecalcStyleDuration"),
    };
  } finally {
    await browser.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function ensureBuild(): string | undefined {
  if (existsSync(join(DIST, "taskpane.html"))) return undefined;
  const built = spawnSync("npx", ["webpack", "--mode", "production"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ADDIN_BASE_URL: "https://localhost:3000/" },
  });
  return built.status === 0 ? undefined : `production build failed: ${built.stderr || built.stdout}`;
}

/** The section's lines for `npm run bench`. */
export async function benchPane(runs = 8): Promise<string[]> {
  const title = `task pane cold start vs Microsoft's React template (headless Chromium, median of ${runs} alternating runs)`;
  if (!existsSync(join(ANCHOR, "taskpane.html"))) return [title, `  skipped: the anchor folder ${ANCHOR} is absent`];
  const failed = ensureBuild();
  if (failed) return [title, `  skipped: ${failed}`];
  // Both builds through the add-in's own production host (hh serve), so both get the same headers.
  const [ours, theirs] = await Promise.all([
    startStaticServer({ dir: DIST, port: 0 }),
    startStaticServer({ dir: ANCHOR, port: 0 }),
  ]);
  const address = (server: DatasetServer) => `${server.origin}/taskpane.html`;
  const oursRuns: Run[] = [];
  const theirRuns: Run[] = [];
  try {
    // One untimed pair warms the disk cache, so neither side pays for it alone.
    await coldRun(address(ours), 'input[type="search"]');
    await coldRun(address(theirs), "h1");
    for (let i = 0; i < runs; i++) {
      oursRuns.push(await coldRun(address(ours), 'input[type="search"]'));
      theirRuns.push(await coldRun(address(theirs), "h1"));
    }
  } finally {
    await Promise.all([ours.close(), theirs.close()]);
  }
  const summary = (list: Run[]) => ({
    ms: median(list.map((r) => r.ms)),
    scriptMs: median(list.map((r) => r.scriptMs)),
    layoutMs: median(list.map((r) => r.layoutMs)),
  });
  const a = summary(oursRuns);
  const b = summary(theirRuns);
  const ratio = a.ms / b.ms;
  const row = (name: string, r: ReturnType<typeof summary>) =>
    `  ${name.padEnd(40)} ${`${r.ms.toFixed(0)} ms`.padStart(9)}   script ${r.scriptMs.toFixed(0).padStart(4)} ms   layout+style ${r.layoutMs.toFixed(0).padStart(4)} ms`;
  return [
    title,
    row("ours, to the search box", a),
    row("the template, to its h1 header", b),
    `  ratio ours / template ${ratio.toFixed(2).padStart(27)}   ${ratio <= GOAL_RATIO ? "PASS" : "FAIL"} (goal ≤ ${GOAL_RATIO})`,
    `  all runs, ours: ${oursRuns.map((r) => r.ms.toFixed(0)).join(" ")}; template: ${theirRuns.map((r) => r.ms.toFixed(0)).join(" ")}`,
  ];
}

if (require.main === module) {
  benchPane(Number(process.argv[2]) || 8).then(
    (lines) => console.log(lines.join("\n")),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
