/**
 * npm start: builds the dataset, then serves the add-in on https://localhost:3000.
 * Windows/macOS: sideloads into desktop Excel with office-addin-debugging (fetched by npx on demand,
 * so its large native dependency tree never blocks `npm install` on Linux).
 * Elsewhere: serves the browser preview and prints how to sideload into Excel on the web.
 */
import { spawn, spawnSync } from "node:child_process";

const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const data = spawnSync(npm, ["run", "-s", "build:data"], { stdio: "inherit" });
if (data.status !== 0) process.exit(data.status ?? 1);

if (process.platform === "win32" || process.platform === "darwin") {
  console.log("Sideloading into desktop Excel with office-addin-debugging (first run downloads it)…");
  const child = spawn(
    npx,
    ["--yes", "office-addin-debugging@7", "start", "manifest.xml", "desktop", "--app", "excel"],
    { stdio: "inherit" },
  );
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  console.log(`
青城指标 · HH Indicators — development server
  Browser preview:  https://localhost:3000/taskpane.html   (accept the self-signed certificate once)
  Function help:    https://localhost:3000/help.html
  Dataset:          https://localhost:3000/data/dataset.json

Sideload into Excel on the web:
  1. Open a workbook at https://www.office.com (Excel on the web) in a browser on this machine.
  2. Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in.
  3. Choose ${process.cwd()}/manifest.xml and Upload.
  4. "青城指标 / HH Indicators" appears on the Home tab; type =HH.TARGET("公办园占比",2025) in a cell.
  The browser must trust https://localhost:3000 (open the preview URL once and accept the certificate).
`);
  const child = spawn(npm, ["run", "-s", "dev-server"], { stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 0));
}
