/**
 * npm start: builds the dataset, then serves the add-in on https://localhost:3000.
 * Windows/macOS: sideloads into desktop Excel with office-addin-debugging (fetched by npx on demand,
 * so its large native dependency tree never blocks `npm install` on Linux).
 * Elsewhere: serves the browser preview and prints how to sideload into Excel on the web.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { readFileSync } from "node:fs";

const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const PORT = Number(
  (JSON.parse(readFileSync("package.json", "utf8")) as { config?: { dev_server_port?: number } }).config
    ?.dev_server_port ?? 3000,
);

/** Whether nothing listens on the port yet (any interface, as the dev server binds). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer()
      .once("error", () => done(false))
      .once("listening", () => probe.close(() => done(true)))
      .listen(port);
  });
}

/**
 * Runs a child in its own process group and ends the whole group with this script, so stopping
 * npm start (Ctrl+C, SIGTERM) leaves no dev server holding the port for the next npm test.
 */
function runGroup(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: "inherit", detached: process.platform !== "win32" });
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        if (process.platform === "win32") child.kill();
        else process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }
  process.on("exit", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
  return child;
}

async function main(): Promise<void> {
  if (!(await portIsFree(PORT))) {
    console.error(
      `npm start: port ${PORT} is already in use (another npm start or hh serve?): stop that process, then run npm start again.`,
    );
    process.exit(1);
  }
  const data = spawnSync(npm, ["run", "-s", "build:data"], { stdio: "inherit" });
  if (data.status !== 0) process.exit(data.status ?? 1);
  startServer();
}

function startServer(): void {
  if (process.platform === "win32" || process.platform === "darwin") {
    console.log("Sideloading into desktop Excel with office-addin-debugging (first run downloads it)…");
    runGroup(npx, ["--yes", "office-addin-debugging@7", "start", "manifest.xml", "desktop", "--app", "excel"]);
  } else {
    console.log(`
青城指标 · HH Indicators — development server
  Browser preview:  https://localhost:${PORT}/taskpane.html   (accept the self-signed certificate once)
  Function help:    https://localhost:3000/help.html
  Dataset:          https://localhost:3000/data/dataset.json

Sideload into Excel on the web:
  1. Open a workbook at https://www.office.com (Excel on the web) in a browser on this machine.
  2. Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in.
  3. Choose ${process.cwd()}/manifest.xml and Upload.
  4. "青城指标 / HH Indicators" appears on the Home tab; type =HH.TARGET("公办园占比",2025) in a cell.
  The browser must trust https://localhost:3000 (open the preview URL once and accept the certificate).
`);
    runGroup(npm, ["run", "-s", "dev-server"]);
  }
}

void main();
