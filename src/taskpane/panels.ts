/**
 * The panels the pane does not need for its first paint (the result list, the figure detail and the other tabs), each
 * in its own script chunk, loaded when first shown or preloaded once the pane is idle. Once a panel's
 * code has arrived it renders without suspending, so preloading (the pane after its first paint,
 * tests before rendering) makes opening it immediate.
 */
import { lazy, useEffect, useState, type ComponentType } from "react";
import type { BrowseProps } from "./Browse";
import type { DataPanelProps } from "./DataPanel";
import type { DetailProps } from "./Detail";
import type { SheetsPanelProps } from "./SheetsPanel";
import type { TabBarProps } from "./TabBar";
import type { CalculatorProps } from "./calculator/Calculator";

interface Panel<P> {
  Component: ComponentType<P>;
  preload: () => Promise<unknown>;
  /** Whether its code has arrived (rendering it then does not suspend). */
  readonly loaded: boolean;
}

export function panel<P extends object>(load: () => Promise<ComponentType<P>>): Panel<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => (loading ??= load().then((component) => (loaded = component)));
  type Module = { default: ComponentType<P> };
  const Component = lazy((): Promise<Module> => {
    const ready = loaded;
    // React reads a thenable that calls back at once without suspending.
    if (ready) return { then: (done: (m: Module) => void) => done({ default: ready }) } as unknown as Promise<Module>;
    return preload().then((component) => ({ default: component }));
  }) as unknown as ComponentType<P>;
  return {
    Component,
    preload,
    get loaded() {
      return loaded !== undefined;
    },
  };
}

/**
 * Starts loading `panel` after the first paint and says when it has arrived or failed to (rendered then,
 * a failed panel throws its load error to the nearest error boundary).
 */
export function usePanelSettled(panel: Pick<Panel<never>, "preload" | "loaded">, wanted = true): boolean {
  const [settled, setSettled] = useState(panel.loaded);
  useEffect(() => {
    if (settled || !wanted) return;
    let current = true;
    const done = () => current && setSettled(true);
    panel.preload().then(done, done);
    return () => {
      current = false;
    };
  }, [panel, settled, wanted]);
  return settled;
}

export const TabBarPart = panel<TabBarProps>(() =>
  import(/* webpackChunkName: "tab-bar" */ "./TabBar").then((m) => m.TabBar),
);
export const PreviewBannerPart = panel<{ className: string }>(() =>
  import(/* webpackChunkName: "tab-bar" */ "./TabBar").then((m) => m.PreviewBanner),
);

export const BrowsePanel = panel<BrowseProps>(() =>
  import(/* webpackChunkName: "browse" */ "./Browse").then((m) => m.Browse),
);

export const DetailPanel = panel<DetailProps>(() =>
  import(/* webpackChunkName: "detail" */ "./Detail").then((m) => m.Detail),
);
export const SheetsTab = panel<SheetsPanelProps>(() =>
  import(/* webpackChunkName: "sheets" */ "./SheetsPanel").then((m) => m.SheetsPanel),
);
export const CalculatorTab = panel<CalculatorProps>(() =>
  import(/* webpackChunkName: "calculator" */ "./calculator/Calculator").then((m) => m.Calculator),
);
export const DataTab = panel<DataPanelProps>(() =>
  import(/* webpackChunkName: "data" */ "./DataPanel").then((m) => m.DataPanel),
);

export function preloadPanels(): Promise<unknown> {
  return Promise.all(
    [TabBarPart, PreviewBannerPart, BrowsePanel, DetailPanel, SheetsTab, CalculatorTab, DataTab].map((p) =>
      p.preload(),
    ),
  );
}
