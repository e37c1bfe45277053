/** jsdom lacks a few browser APIs Fluent UI touches; small stand-ins, installed once per test file. */
import { cleanup } from "@testing-library/react";
import { afterEach, beforeAll } from "@jest/globals";
import { loadEmbedded } from "../../../src/runtime/dataset";
import { App, type AppProps } from "../../../src/taskpane/App";
import type { HostInfo } from "../../../src/taskpane/host";
import { preloadPanels } from "../../../src/taskpane/panels";

export function installShims() {
  installBrowserStubs();
  // The pane preloads its lazily loaded panels once idle; tests start with them there, as a user soon does.
  beforeAll(() => preloadPanels());
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });
}

/** The browser APIs alone, for tests that load the panels themselves. */
export function installBrowserStubs() {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!("ResizeObserver" in window)) {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
}

export const PREVIEW_HOST: HostInfo = { excel: false, supports: () => false };
export const EXCEL_HOST: HostInfo = { excel: true, displayLanguage: "zh-CN", supports: () => true };

/** The bundled dataset for this test file's panes; never swapped (a test that swaps passes its own `live`). */
const bundled = loadEmbedded();

/** The pane in preview mode over the bundled dataset unless told otherwise. */
export function app(props: Partial<AppProps> = {}) {
  return <App host={PREVIEW_HOST} live={props.live ?? bundled} {...props} />;
}
