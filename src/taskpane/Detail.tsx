/** One indicator: its series, a chart of actuals vs targets, the quote with its document, conflicts, and inserts. */
import { OTHER_LANG } from "../core/messages/lang";
import { isActualKind } from "../core/kinds";
import { Badge, Button, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef } from "react";
import { seriesPoints } from "../core/analysis";
import { factKey } from "../core/conflicts";
import { endYear } from "../core/periods";
import { factMeasureLabel, targetBase } from "../core/query";
import type { Fact } from "../core/schema";
import type { IndicatorStore } from "../core/store";
import { isPercentUnit } from "../core/units";
import { factFormula } from "../excel/formulas";
import { chartBlock } from "../excel/tables";
import { insertChart, insertFormula } from "../excel/workbook-writer";
import { SeriesChart } from "./charts";
import { RevisionHistory } from "./RevisionHistory";
import { figureText, indicatorName, sourceTitle } from "./format";
import { API, type SheetAccess } from "./host";
import { useI18n } from "./i18n";
import { SheetButton, StatusLine, useAction, useShared } from "./ui";
import type { Callback } from "./types";

const useStyles = makeStyles({
  top: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "6px", marginBottom: "4px" },
  title: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    lineHeight: tokens.lineHeightBase400,
  },
  en: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  chips: { display: "flex", gap: "4px", flexWrap: "wrap", margin: "4px 0" },
  rowButton: {
    display: "grid",
    gridTemplateColumns: "78px 52px minmax(0,1fr) 34px",
    alignItems: "center",
    gap: "4px",
    width: "100%",
    border: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "4px 4px",
    background: "transparent",
    textAlign: "left",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  value: { textAlign: "right", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  figure: {
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightHero700,
    fontVariantNumeric: "tabular-nums",
  },
  quote: {
    margin: "4px 0",
    padding: "6px 8px",
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  conflict: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "4px 0",
    fontSize: tokens.fontSizeBase200,
  },
});

export interface DetailProps {
  store: IndicatorStore;
  fact: Fact;
  onBack: () => void;
  onSelect: Callback<Fact>;
  access: SheetAccess;
}

export function Detail({ store, fact, onBack, onSelect, access }: DetailProps) {
  const { t, lang, kind } = useI18n();
  const s = useStyles();
  const shared = useShared();
  const indicator = store.indicators.get(fact.indicator);
  const source = store.sources.get(fact.source);
  const regions = store.regionsOf(fact.indicator);
  const backRef = useRef<HTMLButtonElement>(null);
  const figureRef = useRef<HTMLElement>(null);
  const action = useAction();

  useEffect(() => backRef.current?.focus(), [fact.indicator]);

  const series = useMemo(
    () => store.series(fact.indicator).filter((f) => f.region === fact.region),
    [store, fact.indicator, fact.region],
  );
  const points = useMemo(() => seriesPoints(store, fact.indicator, fact.region), [store, fact.indicator, fact.region]);
  const conflicts = store.conflictsOf(fact);
  // A target or plan: the figure HH.TARGETGAP and HH.TARGETRATE measure it from.
  const isTarget = fact.measure === "level" && !isActualKind(fact.kind);
  const base = isTarget ? targetBase(store, fact) : undefined;
  const chosen = store.chosen(fact);
  const conflictRecord = store.dataset.conflicts.find((c) => c.key === factKey(fact));
  const formula = factFormula(store, fact);
  const formulaReason = access.reason(API.formula);
  const chartReason = access.reason(API.chart);

  const doInsertFormula = () =>
    action.run(async () => {
      if (!formula.ok) return "";
      const result = await insertFormula(access.run, {
        build: () => formula.formula,
        percent: isPercentUnit(fact.unit),
      });
      return t.inserted(result.address);
    });
  const doInsertChart = () =>
    action.run(async () => {
      if (!indicator) return "";
      const result = await insertChart(access.run, {
        lang,
        chartName: `HH ${indicator.id} ${fact.region}`.slice(0, 250),
        title: `${indicatorName(indicator, lang)}${regions.length > 1 ? ` · ${fact.region}` : ""}`,
        block: chartBlock(store, indicator, fact.region, lang),
      });
      const avoided = result.avoided ? ` ${t.avoided(result.avoided, result.sheet)}` : "";
      return (result.existed ? t.chartExists(result.sheet) : t.chartInserted(result.sheet)) + avoided;
    });

  return (
    <div
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onBack();
        }
      }}
    >
      <div className={s.top}>
        <Button ref={backRef} size="small" appearance="subtle" onClick={onBack}>
          {t.back}
        </Button>
        {regions.length > 1 ? (
          <Select
            size="small"
            aria-label={t.region}
            value={fact.region}
            onChange={(_, d) => {
              const next = store.series(fact.indicator).find((f) => f.region === d.value);
              if (next) onSelect(next);
            }}
          >
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        ) : null}
      </div>
      <h2 className={s.title}>{indicatorName(indicator, lang) || fact.indicator}</h2>
      <div className={s.en}>{indicatorName(indicator, OTHER_LANG[lang])}</div>
      <div className={s.chips}>
        <Badge appearance="outline" size="small">
          {indicator?.category}
        </Badge>
        <Badge appearance="outline" size="small">
          {fact.region}
        </Badge>
        <Badge appearance="outline" size="small" className={shared.mono}>
          {fact.indicator}
        </Badge>
      </div>

      {/* The figure the user opened comes first: value, quote, document. */}
      <section ref={figureRef} aria-label={`${fact.period} ${kind[fact.kind]}`} style={{ scrollMarginTop: 8 }}>
        <h3 className={shared.heading}>
          {fact.period} · {kind[fact.kind]}
          {fact.measure !== "level" ? ` · ${factMeasureLabel(fact, lang)}` : ""}
        </h3>
        <div className={s.figure} data-testid="figure">
          {figureText(fact, lang)}
        </div>
        <blockquote className={s.quote} aria-label={t.quote} data-testid="quote">
          “{fact.quote}”
        </blockquote>
        <div className={shared.caption} data-testid="citation">
          {sourceTitle(source, lang)} · {source?.issuer} · {source?.date} · {t.line(fact.line)}
        </div>
        {fact.note ? (
          <div className={shared.caption}>
            {t.note}: {fact.note}
          </div>
        ) : null}
        {isTarget ? (
          <div className={shared.caption} data-testid="target-base">
            {base
              ? t.targetBase(
                  `${base.period} ${kind[base.kind]} ${figureText(base, lang)} (${base.source} · ${t.line(base.line)})`,
                )
              : t.noTargetBase(endYear(fact.period))}
          </div>
        ) : null}
      </section>

      <div className={shared.formulaBox} data-testid="formula" aria-label={t.formula} style={{ marginTop: 8 }}>
        {formula.ok ? formula.formula : t.noFormula}
      </div>
      {formula.ok && formula.returnsChosen && chosen ? (
        <div className={shared.caption}>
          {t.notChosen} {figureText(chosen, lang)} ({chosen.source})
        </div>
      ) : null}
      <div className={shared.row} style={{ marginTop: 6 }}>
        <SheetButton
          appearance="primary"
          reason={formulaReason}
          disabled={!formula.ok || action.busy}
          onClick={doInsertFormula}
        >
          {t.insertFormula}
        </SheetButton>
        <SheetButton reason={chartReason} disabled={points.length === 0 || action.busy} onClick={doInsertChart}>
          {t.insertChart}
        </SheetButton>
      </div>
      <StatusLine
        message={action.message || formulaReason || (points.length === 0 ? t.noChartData : "")}
        error={action.error}
      />

      {conflicts.length > 0 ? (
        <section aria-label={t.conflicts(conflicts.length)}>
          <h3 className={shared.heading}>{t.conflicts(conflicts.length)}</h3>
          {conflicts.map((c) => {
            const cs = store.sources.get(c.source);
            return (
              <div key={c.id} className={s.conflict}>
                <strong className={shared.number}>{figureText(c, lang)}</strong> — {sourceTitle(cs, lang)} · {cs?.date}
                <div>“{c.quote}”</div>
              </div>
            );
          })}
          {chosen ? (
            <div className={shared.caption}>
              {t.chosenBecause}: {figureText(chosen, lang)} ({chosen.source})
              {conflictRecord ? ` — ${conflictRecord.reason}` : ""}
            </div>
          ) : null}
        </section>
      ) : null}

      <RevisionHistory store={store} fact={fact} />

      <h3 className={shared.heading}>{t.chart}</h3>
      <SeriesChart points={points} unit={indicator?.unit ?? fact.unit} />

      <h3 className={shared.heading}>{t.series}</h3>
      <div role="list" aria-label={t.series}>
        {series.map((f) => {
          const isChosen = store.isChosen(f);
          return (
            <div role="listitem" key={f.id}>
              <button
                type="button"
                className={`${s.rowButton} ${f.id === fact.id ? s.selected : ""}`}
                aria-current={f.id === fact.id ? "true" : undefined}
                onClick={() => {
                  onSelect(f);
                  figureRef.current?.scrollIntoView?.({ block: "start", behavior: "smooth" });
                }}
                data-series={f.id}
              >
                <span>{f.period}</span>
                <span>
                  {kind[f.kind]}
                  {f.measure !== "level" ? `·${factMeasureLabel(f, lang)}` : ""}
                </span>
                <span className={s.value}>
                  {figureText(f, lang)}
                  {isChosen ? "" : " *"}
                </span>
                <span className={shared.caption}>{f.source}</span>
              </button>
            </div>
          );
        })}
      </div>
      {indicator?.def ? (
        <div className={shared.caption} style={{ marginTop: 6 }}>
          {indicator.def}
        </div>
      ) : null}
    </div>
  );
}
