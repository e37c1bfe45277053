/** The task pane shell: header with language switch, preview banner, tabs. */
import type { KeyValueStorage } from "../core/live/ports";
import { LANGUAGE_KEY, parseLanguage } from "../core/live/settings";
import { LOCALE, OTHER_LANG } from "../core/messages/lang";
import { Button, FluentProvider, makeStyles, mergeClasses, tokens, webLightTheme } from "@fluentui/react-components";
import {
  Suspense,
  type DependencyList,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { DatasetHolder, LiveUpdater } from "../core/live";
import type { Fact } from "../core/schema";
import type { Run } from "../excel/workbook-writer";
import type { DatasetLoading } from "../runtime/bundled-dataset";
import { ErrorBoundary, ViewBoundary } from "./ErrorBoundary";
import { sheetAccess, type HostInfo } from "./host";
import { I18nContext, i18n, languageFor, useI18n, type Lang } from "./i18n";
import { LiveProvider, useDatasetState, useLiveStore } from "./live";
import {
  BrowsePanel,
  CalculatorTab,
  DataTab,
  DetailPanel,
  PreviewBannerPart,
  preloadPanels,
  SheetsTab,
  TabBarPart,
  usePanelSettled,
} from "./panels";
import type { TabBarProps } from "./TabBar";
import { TAB_BAR_HEIGHT, TABS, type Render, type TabId } from "./types";
import { SearchBox } from "./SearchBox";
import { NO_FILTERS, type Filters } from "./search";
import { useSearch } from "./useSearch";
import { StatusLine } from "./ui";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    minWidth: "280px",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    padding: "6px 12px 0",
    height: "36px",
    flexShrink: 0,
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0, whiteSpace: "nowrap" },
  subtitle: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    marginLeft: "6px",
  },
  banner: { margin: "4px 12px 8px", flexShrink: 0 },
  tabs: { padding: "0 4px", flexShrink: 0, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  // The tab bar's place while its code loads, so the search box below it does not move when it arrives.
  tabsPlaceholder: { boxSizing: "content-box", height: `${TAB_BAR_HEIGHT}px` },
  main: { flexGrow: 1, overflowY: "auto", scrollbarGutter: "stable", padding: "8px 12px 16px" },
});

/**
 * Fluent's font list names no Chinese font, so every Chinese character went through the browser's
 * slow system fallback: name the usual CJK system fonts (Windows, macOS, Linux) before the generic one.
 */
const THEME = {
  ...webLightTheme,
  fontFamilyBase: `${webLightTheme.fontFamilyBase.replace(/,\s*sans-serif\s*$/, "")}, "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif`,
};

export interface AppProps {
  host: HostInfo;
  /** The dataset the pane shows; in the add-in, the runtime's one, which the custom functions share. */
  live: DatasetHolder;
  /** Keeps `live` up to date from a published URL; provided to the dataset-URL settings. */
  updater?: LiveUpdater;
  /** The add-in's own dataset file on its way; absent where `live` holds a dataset from the start. */
  loading?: DatasetLoading;
  /** Excel.run, or a mock in tests. */
  run?: Run;
  /** Where settings are kept (the same storage as the updater's); the UI language goes there too. */
  settings?: KeyValueStorage;
  /**
   * The dataset-URL settings, shown in the 数据 / Data tab, e.g.
   * `dataSettings={(lang) => <DataSettings lang={lang} />}`.
   */
  dataSettings?: Render<Lang>;
}

/** Provides the live dataset and its updater to everything below. */
export function App({ live, updater, ...props }: AppProps) {
  return (
    <LiveProvider live={live} updater={updater}>
      <Pane {...props} />
    </LiveProvider>
  );
}

function Pane({ host, run, settings, dataSettings, loading }: Omit<AppProps, "live" | "updater">) {
  const [lang, setLang] = useState<Lang>(() => languageFor(host.displayLanguage));
  // A language the user chose earlier wins over Office's display language.
  useEffect(() => {
    let current = true;
    settings
      ?.getItem(LANGUAGE_KEY)
      .then((saved) => {
        const chosen = parseLanguage(saved);
        if (current && chosen) setLang(chosen);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [settings]);
  const strings = useMemo(() => i18n(lang), [lang]);
  const store = useLiveStore();
  const s = useStyles();
  const [tab, setTab] = useState<TabId>("browse");
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [open, setOpen] = useState<Fact | undefined>();
  const [returnFocus, setReturnFocus] = useState<string | undefined>();
  const { results, complete: resultsComplete } = useSearch(store, filters);
  const access = useMemo(() => sheetAccess(host, strings.t, run), [host, strings, run]);
  const datasetState = useDatasetState(loading);
  // The result list's code arrives with the dataset; until both are there the search box stands alone.
  const browseSettled = usePanelSettled(BrowsePanel);
  // The tab bar (its keyboard navigation, tabster, is a large script) and the preview banner arrive
  // just after the first paint; the tabs are of no use before the dataset anyway.
  const tabBarSettled = usePanelSettled(TabBarPart);
  const bannerSettled = usePanelSettled(PreviewBannerPart, !host.excel);

  // Opening a figure starts at its top; going back returns to where the list was.
  const mainRef = useRef<HTMLElement>(null);
  // The search box painted before the result list's: focus moves on to the list's own box with it.
  const firstSearch = useRef<HTMLInputElement>(null);
  const listScroll = useRef(0);
  const detailOpen = Boolean(open);
  useLayoutEffectAfterMount(() => {
    if (mainRef.current) mainRef.current.scrollTop = detailOpen ? 0 : listScroll.current;
  }, [detailOpen]);

  // A tab is rendered once first opened and then kept (hidden), so its state survives switching tabs.
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set(["browse"]));
  // Each tab keeps its own scroll position (the panels share one scrolling <main>).
  const tabScroll = useRef<Partial<Record<TabId, number>>>({});
  const selectTab = (next: TabId) => {
    tabScroll.current[tab] = mainRef.current?.scrollTop ?? 0;
    setVisited((seen) => (seen.has(next) ? seen : new Set([...seen, next])));
    setTab(next);
  };
  useLayoutEffectAfterMount(() => {
    if (mainRef.current) mainRef.current.scrollTop = tabScroll.current[tab] ?? 0;
  }, [tab]);

  // The other panels' code, fetched once the pane has painted and the browser is idle.
  useEffect(() => {
    const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
    idle(() => void preloadPanels().catch(() => undefined));
  }, []);

  // A new dataset may not contain the open figure any more.
  useEffect(() => {
    if (open && store && !store.dataset.facts.some((f) => f.id === open.id)) setOpen(undefined);
  }, [store, open]);

  const switchLang = () => {
    const next = OTHER_LANG[lang];
    setLang(next);
    // If storage fails the switch still holds for this session.
    settings?.setItem(LANGUAGE_KEY, next).catch(() => undefined);
  };
  const { t } = strings;

  return (
    <I18nContext.Provider value={strings}>
      <FluentProvider theme={THEME} className={s.root} lang={LOCALE[lang]}>
        <header className={s.header}>
          <h1 className={s.title}>
            {t.appTitle}
            <span className={s.subtitle}>· {t.appSubtitle}</span>
          </h1>
          <Button
            size="small"
            appearance="subtle"
            onClick={switchLang}
            aria-label={t.switchLangLabel}
            data-testid="lang-switch"
          >
            {t.switchLang}
          </Button>
        </header>
        {tabBarSettled ? (
          // Should its script fail to load, plain buttons still switch tabs.
          <ErrorBoundary fallback={() => <PlainTabBar className={s.tabs} selected={tab} onSelect={selectTab} />}>
            <TabBarPart.Component className={s.tabs} selected={tab} onSelect={selectTab} />
          </ErrorBoundary>
        ) : (
          <div className={mergeClasses(s.tabs, s.tabsPlaceholder)} />
        )}
        <main className={s.main} ref={mainRef}>
          <section hidden={tab !== "browse"} aria-label={t.tabBrowse}>
            {store && browseSettled ? (
              <>
                <div hidden={Boolean(open)}>
                  <ViewBoundary>
                    <Loaded>
                      <BrowsePanel.Component
                        store={store}
                        filters={filters}
                        onFilters={setFilters}
                        results={results}
                        complete={resultsComplete}
                        returnFocusTo={open ? undefined : returnFocus}
                        focusSearch={firstSearch.current !== null && firstSearch.current === document.activeElement}
                        onOpen={(fact) => {
                          listScroll.current = mainRef.current?.scrollTop ?? 0;
                          setOpen(fact);
                          setReturnFocus(undefined);
                        }}
                      />
                    </Loaded>
                  </ViewBoundary>
                </div>
                {open ? (
                  // Keyed by figure: another figure opened from a broken one gets a fresh view.
                  <ViewBoundary key={open.id} onBack={() => setOpen(undefined)}>
                    <Loaded>
                      <DetailPanel.Component
                        store={store}
                        fact={open}
                        access={access}
                        onSelect={setOpen}
                        onBack={() => {
                          setReturnFocus(open.id);
                          setOpen(undefined);
                        }}
                      />
                    </Loaded>
                  </ViewBoundary>
                ) : null}
              </>
            ) : (
              // The search box paints at once; typing is kept and searched once the dataset is there.
              <>
                <SearchBox
                  ref={firstSearch}
                  query={filters.query}
                  onQuery={(query) => setFilters({ ...filters, query })}
                />
                <StatusLine
                  message={datasetState.status === "failed" ? t.datasetFailed(datasetState.detail) : t.datasetLoading}
                  error={datasetState.status === "failed"}
                />
              </>
            )}
          </section>
          {store && visited.has("sheets") ? (
            <section hidden={tab !== "sheets"} aria-label={t.tabSheets}>
              <ViewBoundary>
                <Loaded>
                  <SheetsTab.Component store={store} visible={results} access={access} />
                </Loaded>
              </ViewBoundary>
            </section>
          ) : null}
          {store && visited.has("calc") ? (
            <section hidden={tab !== "calc"} aria-label={t.tabCalc}>
              <ViewBoundary>
                <Loaded>
                  <CalculatorTab.Component store={store} access={access} />
                </Loaded>
              </ViewBoundary>
            </section>
          ) : null}
          {store && visited.has("data") ? (
            <section hidden={tab !== "data"} aria-label={t.tabData}>
              <ViewBoundary>
                <Loaded>
                  <DataTab.Component store={store} settings={dataSettings?.(lang)} />
                </Loaded>
              </ViewBoundary>
            </section>
          ) : null}
        </main>
        {!host.excel && bannerSettled ? (
          // Its script failed to load: the same words, plainly.
          <ErrorBoundary
            fallback={() => (
              <div className={s.banner} role="status">
                <strong>{t.preview}</strong> {t.previewDetail}
              </div>
            )}
          >
            <PreviewBannerPart.Component className={s.banner} />
          </ErrorBoundary>
        ) : null}
      </FluentProvider>
    </I18nContext.Provider>
  );
}

/**
 * A layout effect for changes after the first render: at mount there is no scroll position to
 * restore, and setting one would force a layout before the first frame.
 */
function useLayoutEffectAfterMount(effect: () => void, deps: DependencyList) {
  const mounted = useRef(false);
  useLayoutEffect(() => {
    if (mounted.current) effect();
    else mounted.current = true;
  }, deps);
}

/** The tabs as plain buttons, where the tab list's script failed to load (no arrow-key navigation). */
function PlainTabBar({ className, selected, onSelect }: TabBarProps) {
  const { t } = useI18n();
  return (
    <div role="tablist" className={className}>
      {TABS.map(({ id, label }) => (
        <Button
          key={id}
          role="tab"
          size="small"
          appearance={id === selected ? "secondary" : "subtle"}
          aria-selected={id === selected}
          onClick={() => onSelect(id)}
        >
          {t[label]}
        </Button>
      ))}
    </div>
  );
}

/** A lazily loaded panel, with one quiet line while its code arrives. */
function Loaded({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return <Suspense fallback={<StatusLine message={t.loadingPanel} />}>{children}</Suspense>;
}
