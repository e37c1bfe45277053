/**
 * Task pane entry: waits for Office (or gives up after a timeout: preview in a plain browser), then
 * renders into #container. The page also hosts the custom functions (shared runtime), so nothing
 * here touches globals beyond that one element. The live-dataset updater starts here, once per
 * runtime: it restores the last good published dataset and checks for a newer one if asked to.
 */
import { createRoot } from "react-dom/client";
import { getLiveUpdates } from "../data/live-updates";
import { App } from "./App";
import { DataSettings } from "./components/DataSettings";
import { detectHost } from "./host";

async function main() {
  const container = document.getElementById("container");
  if (!container) return;
  const host = await detectHost();
  void getLiveUpdates().start();
  createRoot(container).render(<App host={host} dataSettings={(lang) => <DataSettings lang={lang} />} />);
}

void main();
