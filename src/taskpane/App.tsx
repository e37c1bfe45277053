/** The task pane shell: header with language switch, preview banner, tabs. */
import type { KeyValueStorage } from "../core/live/ports";
import { LANGUAGE_KEY, parseLanguage } from "../core/live/settings";
import { LOCALE, OTHER_LANG } from "../core/messages/lang";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { LiveDataset, LiveUpdater } from "../core/live";
import type { Fact } from "../core/schema";
import type { Run } from "../excel/workbook-writer";
import { Browse } from "./Browse";
import { Calculator } from "./calculator/Calculator";
import { DataPanel } from "./DataPanel";
import { Detail } from "./Detail";
import { ViewBoundary } from "./ErrorBoundary";
import { sheetAccess, type HostInfo } from "./host";
import { I18nContext, i18n, languageFor, type Lang } from "./i18n";
import { LiveProvider, useLiveStore } from "./live";
import { NO_FILTERS, searchFacts, type Filters } from "./search";
import { SheetsPanel } from "./SheetsPanel";
import type { Render } from "./types";

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
  banner: { margin: "4px 12px 0", flexShrink: 0 },
  tabs: { padding: "0 4px", flexShrink: 0, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  main: { flexGrow: 1, overflowY: "auto", scrollbarGutter: "stable", padding: "8px 12px 16px" },
});

type TabId = "browse" | "sheets" | "calc" | "data";

export interface AppProps {
  host: HostInfo;
  /** The dataset the pane shows; in the add-in, the runtime's one, which the custom functions share. */
  live: LiveDataset;
  /** Keeps `live` up to date from a published URL; provided to the dataset-URL settings. */
  updater?: LiveUpdater;
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

function Pane({ host, run, settings, dataSettings }: Omit<AppProps, "live" | "updater">) {
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
  const results = useMemo(() => searchFacts(store, filters), [store, filters]);
  const access = useMemo(() => sheetAccess(host, strings.t, run), [host, strings, run]);

  // Opening a figure starts at its top; going back returns to where the list was.
  const mainRef = useRef<HTMLElement>(null);
  const listScroll = useRef(0);
  const detailOpen = Boolean(open);
  useLayoutEffect(() => {
    if (mainRef.current) mainRef.current.scrollTop = detailOpen ? 0 : listScroll.current;
  }, [detailOpen]);

  // Each tab keeps its own scroll position (the panels share one scrolling <main>).
  const tabScroll = useRef<Partial<Record<TabId, number>>>({});
  const selectTab = (next: TabId) => {
    tabScroll.current[tab] = mainRef.current?.scrollTop ?? 0;
    setTab(next);
  };
  useLayoutEffect(() => {
    if (mainRef.current) mainRef.current.scrollTop = tabScroll.current[tab] ?? 0;
  }, [tab]);

  // A new dataset may not contain the open figure any more.
  useEffect(() => {
    if (open && !store.dataset.facts.some((f) => f.id === open.id)) setOpen(undefined);
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
      <FluentProvider theme={webLightTheme} className={s.root} lang={LOCALE[lang]}>
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
        {!host.excel ? (
          <MessageBar intent="warning" className={s.banner} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.preview}</MessageBarTitle>
              {t.previewDetail}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <TabList
          className={s.tabs}
          size="small"
          selectedValue={tab}
          onTabSelect={(_, d) => selectTab(d.value as TabId)}
        >
          <Tab value="browse">{t.tabBrowse}</Tab>
          <Tab value="sheets">{t.tabSheets}</Tab>
          <Tab value="calc">{t.tabCalc}</Tab>
          <Tab value="data">{t.tabData}</Tab>
        </TabList>
        <main className={s.main} ref={mainRef}>
          {/* Panels stay mounted and are only hidden, so their state survives switching tabs. */}
          <section hidden={tab !== "browse"} aria-label={t.tabBrowse}>
            <div hidden={Boolean(open)}>
              <ViewBoundary>
                <Browse
                  store={store}
                  filters={filters}
                  onFilters={setFilters}
                  results={results}
                  returnFocusTo={open ? undefined : returnFocus}
                  onOpen={(fact) => {
                    listScroll.current = mainRef.current?.scrollTop ?? 0;
                    setOpen(fact);
                    setReturnFocus(undefined);
                  }}
                />
              </ViewBoundary>
            </div>
            {open ? (
              // Keyed by figure: another figure opened from a broken one gets a fresh view.
              <ViewBoundary key={open.id} onBack={() => setOpen(undefined)}>
                <Detail
                  store={store}
                  fact={open}
                  access={access}
                  onSelect={setOpen}
                  onBack={() => {
                    setReturnFocus(open.id);
                    setOpen(undefined);
                  }}
                />
              </ViewBoundary>
            ) : null}
          </section>
          <section hidden={tab !== "sheets"} aria-label={t.tabSheets}>
            <ViewBoundary>
              <SheetsPanel store={store} visible={results} access={access} />
            </ViewBoundary>
          </section>
          <section hidden={tab !== "calc"} aria-label={t.tabCalc}>
            <ViewBoundary>
              <Calculator store={store} access={access} />
            </ViewBoundary>
          </section>
          <section hidden={tab !== "data"} aria-label={t.tabData}>
            <ViewBoundary>
              <DataPanel store={store} settings={dataSettings?.(lang)} />
            </ViewBoundary>
          </section>
        </main>
      </FluentProvider>
    </I18nContext.Provider>
  );
}
