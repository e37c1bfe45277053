/**
 * Task pane entry: waits for Office (or gives up after a timeout: preview in a plain browser), then
 * renders into #container. The page also hosts the custom functions (shared runtime), so nothing
 * here touches globals beyond that one element. The live-dataset updater is built and started here,
 * once per runtime, over the runtime's live dataset (the one the custom functions answer from): it
 * restores the last good published dataset and checks for a newer one if asked to. App hands both
 * down through context.
 */
import { detectStorage } from "../runtime/storage";
import { createRoot } from "react-dom/client";
import { bundledDataset, live } from "../runtime/dataset";
import { createLiveUpdater } from "../runtime/updater";
import { App } from "./App";
import { DataSettings } from "./components/DataSettings";
import { detectHost } from "./host";

async function main() {
  const container = document.getElementById("container");
  if (!container) return;
  const host = await detectHost();
  // One storage for every setting: the dataset URL and schedule (the updater's) and the UI language.
  const storage = detectStorage();
  const updater = createLiveUpdater(live, storage);
  // The updater compares with the dataset in use, so it starts once the bundled one is there (or failed).
  void bundledDataset.settled.then(() => updater.start());
  createRoot(container).render(
    <App
      host={host}
      live={live}
      loading={bundledDataset}
      updater={updater}
      settings={storage}
      dataSettings={(lang) => <DataSettings lang={lang} />}
    />,
  );
}

void main();
