/** Search as you type with filters; one row per figure. */
import { isActualKind } from "../core/kinds";
import { Badge, Button, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { Fact } from "../core/schema";
import type { IndicatorStore } from "../core/store";
import { figureText, indicatorName } from "./format";
import { useI18n } from "./i18n";
import { factMeasureLabel, measureName } from "../core/query";
import { regionName } from "../core/regions";
import { filterOptions, NO_FILTERS, queryReading, type Filters } from "./search";
import { ErrorBoundary } from "./ErrorBoundary";
import { SearchBox } from "./SearchBox";
import { useShared } from "./ui";
import type { Callback } from "./types";

/** Rows rendered at first (a pane shows about ten), and how many more each time the list's end nears. */
const FIRST_ROWS = 20;
const PAGE = 50;

const useStyles = makeStyles({
  readAs: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, marginTop: "4px" },
  filters: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: "4px 6px", marginTop: "6px" },
  filter: { display: "flex", flexDirection: "column", minWidth: 0 },
  filterLabel: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  countRow: { display: "flex", justifyContent: "space-between", alignItems: "center", height: "28px" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    gap: "0 8px",
    width: "100%",
    textAlign: "left",
    padding: "6px 6px",
    border: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    font: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  name: {
    fontWeight: tokens.fontWeightSemibold,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    fontSize: tokens.fontSizeBase300,
  },
  meta: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    display: "flex",
    // A long value leaves the line narrow: badges go to the next line whole, never a character a line.
    flexWrap: "wrap",
    gap: "2px 4px",
    alignItems: "center",
    minWidth: 0,
  },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  value: {
    gridRow: "1 / span 2",
    gridColumn: 2,
    alignSelf: "center",
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    fontWeight: tokens.fontWeightSemibold,
    maxWidth: "130px",
  },
  empty: { padding: "12px 4px", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface BrowseProps {
  store: IndicatorStore;
  filters: Filters;
  onFilters: Callback<Filters>;
  results: readonly Fact[];
  /** False while a large dataset's search is still finding figures (useSearch). */
  complete?: boolean;
  onOpen: Callback<Fact>;
  /** The fact whose detail was just closed: focus goes back to its row. */
  returnFocusTo?: string;
  /** The search box the pane painted first had focus: this one takes it over, caret at the end. */
  focusSearch?: boolean;
}

export function Browse({
  store,
  filters,
  onFilters,
  results,
  complete = true,
  onOpen,
  returnFocusTo,
  focusSearch,
}: BrowseProps) {
  const { t, lang, kind } = useI18n();
  const s = useStyles();
  const shared = useShared();
  const options = useMemo(() => filterOptions(store), [store]);
  const [shown, setShown] = useState(FIRST_ROWS);
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);

  useEffect(() => setShown(FIRST_ROWS), [filters]);
  // More rows as the list's end scrolls near; the button does the same by hand (or where there is no observer).
  const more = results.length > shown;
  useEffect(() => {
    const end = moreRef.current;
    if (!end || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown((n) => n + PAGE);
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(end);
    return () => observer.disconnect();
  }, [more, shown]);
  useLayoutEffect(() => {
    const box = searchRef.current;
    if (!focusSearch || !box) return;
    box.focus({ preventScroll: true });
    box.setSelectionRange(box.value.length, box.value.length);
    // Only when it mounts in place of the first search box, not when the prop changes later.
  }, []);
  useEffect(() => {
    if (!returnFocusTo) return;
    const row = listRef.current?.querySelector<HTMLButtonElement>(
      `[data-fact="${returnFocusTo.replace(/["\\]/g, "\\$&")}"]`,
    );
    row?.focus({ preventScroll: true });
  }, [returnFocusTo]);

  const set = (patch: Partial<Filters>) => onFilters({ ...filters, ...patch });
  const rows = () =>
    listRef.current ? [...listRef.current.querySelectorAll<HTMLButtonElement>("button[data-fact]")] : [];

  // Arrow keys move between rows; from the search box, Down enters the list.
  const onListKey = (event: KeyboardEvent) => {
    const list = rows();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "ArrowDown" && index < list.length - 1) list[index + 1].focus();
    else if (event.key === "ArrowUp") (index > 0 ? list[index - 1] : searchRef.current)?.focus();
    else if (event.key === "Home") list[0]?.focus();
    else if (event.key === "End") list[list.length - 1]?.focus();
    else return;
    event.preventDefault();
  };

  const filtered = filters.category || filters.region || filters.kind || filters.year;
  const reading = useMemo(() => queryReading(store, filters.query), [store, filters.query]);
  return (
    <div>
      <SearchBox
        ref={searchRef}
        query={filters.query}
        onQuery={(query) => set({ query })}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            rows()[0]?.focus();
            e.preventDefault();
          }
        }}
      />
      {reading && (reading.measure !== "level" || reading.region || reading.match === "phrase") ? (
        <div className={s.readAs} data-testid="read-as">
          {t.readAs(
            [
              indicatorName(reading.indicator, lang),
              reading.measure === "level" ? "" : measureName(reading, lang),
              reading.region ? regionName(reading.region, lang) : "",
            ]
              .filter(Boolean)
              .join(" · "),
          )}
        </div>
      ) : null}
      <div className={s.filters}>
        <FilterSelect
          label={t.category}
          value={filters.category}
          onChange={(v) => set({ category: v })}
          options={options.categories.map((c) => [c, c])}
        />
        <FilterSelect
          label={t.region}
          value={filters.region}
          onChange={(v) => set({ region: v })}
          options={options.regions.map((r) => [r, r])}
        />
        <FilterSelect
          label={t.kind}
          value={filters.kind}
          onChange={(v) => set({ kind: v as Filters["kind"] })}
          options={(["actual", "estimate", "plan", "target"] as const).map((k) => [k, kind[k]])}
        />
        <FilterSelect
          label={t.year}
          value={filters.year}
          onChange={(v) => set({ year: v })}
          options={options.years.map((y) => [y, y])}
        />
      </div>
      <div className={s.countRow}>
        <span className={shared.caption} aria-live="polite">
          {complete ? t.results(results.length) : t.resultsSoFar(results.length)}
        </span>
        {filtered ? (
          <Button
            size="small"
            appearance="transparent"
            onClick={() => onFilters({ ...NO_FILTERS, query: filters.query })}
          >
            {t.clearFilters}
          </Button>
        ) : null}
      </div>
      {results.length === 0 && complete ? <div className={s.empty}>{t.noResults}</div> : null}
      <ul className={s.list} ref={listRef} onKeyDown={onListKey} aria-label={t.results(results.length)}>
        {results.slice(0, shown).map((fact) => {
          return (
            <li key={fact.id}>
              <ErrorBoundary fallback={(e) => <div className={s.empty}>{t.brokenRecord(e.message)}</div>}>
                <ResultRow store={store} fact={fact} onOpen={onOpen} />
              </ErrorBoundary>
            </li>
          );
        })}
      </ul>
      {more ? (
        <Button
          ref={moreRef}
          size="small"
          appearance="subtle"
          onClick={() => setShown(shown + PAGE)}
          style={{ marginTop: 6 }}
        >
          {t.showMore(Math.min(PAGE, results.length - shown))}
        </Button>
      ) : null}
    </div>
  );
}

/** One figure in the results: name, value, region, period, kind, measure and conflict badges. */
function ResultRow({ store, fact, onOpen }: { store: IndicatorStore; fact: Fact; onOpen: Callback<Fact> }) {
  const { t, lang, kind } = useI18n();
  const s = useStyles();
  const indicator = store.indicators.get(fact.indicator);
  const conflicts = store.conflictsOf(fact).length;
  const planned = !isActualKind(fact.kind);
  return (
    <button type="button" className={s.item} data-fact={fact.id} onClick={() => onOpen(fact)}>
      <span className={s.name} title={indicator ? `${indicator.zh} · ${indicator.en}` : fact.indicator}>
        {indicatorName(indicator, lang)}
      </span>
      <span className={s.value}>{figureText(fact, lang)}</span>
      <span className={s.meta}>
        <span>
          {fact.region} · {fact.period}
        </span>
        <Badge
          className={s.badge}
          size="small"
          appearance={planned ? "tint" : "outline"}
          color={planned ? "brand" : "informative"}
        >
          {kind[fact.kind]}
        </Badge>
        {fact.measure !== "level" ? (
          <Badge className={s.badge} size="small" appearance="outline" color="success">
            {factMeasureLabel(fact, lang)}
          </Badge>
        ) : null}
        {conflicts > 0 ? (
          <Badge className={s.badge} size="small" appearance="tint" color="warning">
            {t.conflict}
          </Badge>
        ) : null}
      </span>
    </button>
  );
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: Callback<string>;
  options: Array<[string, string]>;
}) {
  const { t } = useI18n();
  const s = useStyles();
  return (
    <label className={s.filter}>
      <span className={s.filterLabel}>{label}</span>
      <Select size="small" value={value} onChange={(_, d) => onChange(d.value)} aria-label={label}>
        <option value="">{t.all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </Select>
    </label>
  );
}
