/**
 * Task pane entry: waits for Office (or gives up after a timeout: preview in a plain browser), then
 * renders into #container. The page also hosts the custom functions (shared runtime), so nothing
 * here touches globals beyond that one element. The pane paints before the bundled dataset file has
 * arrived (it shows the search box and a loading line). Once the file is there (or has failed), the
 * live-dataset updater is loaded, built and started, once per runtime, over the runtime's live dataset
 * (the one the custom functions answer from): it restores the last good published dataset and checks
 * for a newer one if asked to. App hands both down through context.
 */
import { detectStorage } from "../runtime/storage";
import { createRoot } from "react-dom/client";
import type { LiveUpdater } from "../core/live";
import { bundledDataset, live } from "../runtime/dataset";
import { App } from "./App";
import { detectHost } from "./host";
import type { Lang } from "./i18n";
import type { Render } from "./types";

async function main() {
  const container = document.getElementById("container");
  if (!container) return;
  const host = await detectHost();
  // One storage for every setting: the dataset URL and schedule (the updater's) and the UI language.
  const storage = detectStorage();
  const root = createRoot(container);
  const render = (updater?: LiveUpdater, dataSettings?: Render<Lang>) =>
    root.render(
      <App
        host={host}
        live={live}
        loading={bundledDataset}
        updater={updater}
        settings={storage}
        dataSettings={dataSettings}
      />,
    );
  render();
  // The updater compares with the dataset in use, so it starts once the bundled one is there (or failed);
  // its code and the settings form are not needed for the first paint.
  await bundledDataset.settled;
  // Each on its own: a settings form that fails to load must not keep the published dataset from
  // being restored and checked.
  const settingsForm = import(/* webpackChunkName: "data-settings" */ "./components/DataSettings").then(
    (module) => module.DataSettings,
    () => undefined,
  );
  const { createLiveUpdater } = await import(/* webpackChunkName: "updater" */ "../runtime/updater");
  const updater = createLiveUpdater(live, storage);
  void updater.start();
  render(updater);
  const DataSettings = await settingsForm;
  if (DataSettings) render(updater, (lang) => <DataSettings lang={lang} />);
}

void main();
