/**
 * The pane's live dataset and its updater, handed down through React context. The entry
 * (index.tsx) builds both once for the runtime and gives them to App, which provides them; tests
 * provide their own.
 */
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from "react";
import type { DatasetHolder, LiveUpdater } from "../core/live";
import type { IndicatorStore } from "../core/store";
import type { DatasetLoading, DatasetState } from "../runtime/bundled-dataset";

interface Live {
  live: DatasetHolder;
  updater?: LiveUpdater;
}

const LiveContext = createContext<Live | undefined>(undefined);

export interface LiveProviderProps {
  live: DatasetHolder;
  /** Absent when the pane does not follow a published dataset. */
  updater?: LiveUpdater;
  children: ReactNode;
}

export function LiveProvider({ live, updater, children }: LiveProviderProps) {
  const value = useMemo(() => ({ live, updater }), [live, updater]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

function useLive(): Live {
  const value = useContext(LiveContext);
  if (!value) throw new Error("useLiveStore/useLiveUpdater need a LiveProvider");
  return value;
}

/** The live store, undefined until a dataset is loaded; re-renders when one is swapped in. */
export function useLiveStore(): IndicatorStore | undefined {
  const { live } = useLive();
  const subscribe = useCallback(
    (onChange: () => void) => {
      const off = live.subscribe(() => onChange());
      return () => {
        off();
      };
    },
    [live],
  );
  return useSyncExternalStore(subscribe, () => (live.loaded ? live.store : undefined));
}

/** The bundled dataset's loading state (ready where none is given: the dataset was there from the start). */
export function useDatasetState(loading: DatasetLoading | undefined): DatasetState {
  const subscribe = useCallback((onChange: () => void) => loading?.subscribe(onChange) ?? (() => undefined), [loading]);
  return useSyncExternalStore(subscribe, () => loading?.state ?? READY);
}

const READY: DatasetState = { status: "ready" };

/** The updater that keeps the live dataset up to date. */
export function useLiveUpdater(): LiveUpdater {
  const { updater } = useLive();
  if (!updater) throw new Error("no live updater was provided");
  return updater;
}
