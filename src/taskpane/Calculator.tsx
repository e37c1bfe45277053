/** The growth-rate calculator: five modes, budget comparison and the consistency check. */
import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Fact } from "../core/schema";
import { CITY, type IndicatorStore } from "../core/store";
import { insertBlockAtSelection, insertFormula, readSelection } from "../excel/run";
import {
  budgetBlock,
  budgetCandidates,
  checkGrowth,
  compute,
  datasetChecks,
  defaultBudgetSelection,
  fieldExpr,
  fieldFromCell,
  fieldFromFact,
  MODE_FIELDS,
  sortByGrowth,
  typed,
  type Mode,
  type NumberField,
} from "./calc";
import { BarChart } from "./charts";
import { decimalsOf, figureText, formatNumber, indicatorName, parseNumber, percentText, valueText } from "./format";
import { API, type SheetAccess } from "./host";
import { useI18n } from "./i18n";
import { matchIndicators } from "./search";
import { SheetButton, StatusLine, useAction, useShared } from "./ui";
import type { Callback } from "./types";

const useStyles = makeStyles({
  fields: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "6px 8px" },
  input: { width: "100%", minWidth: 0 },
  origin: {
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
    minHeight: "14px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  pickRow: { display: "flex", justifyContent: "flex-end" },
  picker: {
    gridColumn: "1 / -1",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "6px",
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
  pickItem: {
    textAlign: "left",
    border: "none",
    background: "transparent",
    padding: "3px 4px",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    cursor: "pointer",
    color: tokens.colorNeutralForeground1,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  result: {
    marginTop: "8px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: "92px",
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  list: {
    maxHeight: "176px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "2px 4px",
  },
  checkLabel: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    paddingTop: "4px",
    paddingBottom: "4px",
  },
  check: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "4px 0",
    fontSize: tokens.fontSizeBase200,
  },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

type AllFields = Record<Mode, Record<string, NumberField>>;

function emptyFields(): AllFields {
  const out = {} as AllFields;
  for (const mode of Object.keys(MODE_FIELDS) as Mode[]) {
    out[mode] = Object.fromEntries(MODE_FIELDS[mode].map((f) => [f.name, typed("", f.percent)]));
  }
  return out;
}

const PLACEHOLDER: Record<string, string> = {
  previous: "46.85",
  current: "51.60",
  start: "100",
  end: "133.1",
  years: "3",
  growth: "10.14",
  target: "60",
  currentYear: "2023",
  targetYear: "2025",
  value: "51.60",
  rate: "8",
};

type CalcView = Mode | "budget" | "check";

export function Calculator({ store, access }: { store: IndicatorStore; access: SheetAccess }) {
  const { t } = useI18n();
  const shared = useShared();
  const [view, setView] = useState<CalcView>("cagr");
  return (
    <div className={shared.section}>
      <Field label={t.mode} size="small">
        <Select size="small" value={view} onChange={(_, d) => setView(d.value as CalcView)}>
          {(["change", "cagr", "base", "required", "project", "budget", "check"] as const).map((m) => (
            <option key={m} value={m}>
              {t.modes[m]}
            </option>
          ))}
        </Select>
      </Field>
      {/* Views stay mounted (hidden) so their inputs survive switching. */}
      <div hidden={view === "budget" || view === "check"}>
        <FormulaModes store={store} access={access} mode={view === "budget" || view === "check" ? "cagr" : view} />
      </div>
      <div hidden={view !== "budget"}>
        <BudgetCompare store={store} access={access} />
      </div>
      <div hidden={view !== "check"}>
        <Consistency store={store} access={access} />
      </div>
    </div>
  );
}

function resultText(value: number, percent: boolean, lang: "zh" | "en") {
  return percent ? percentText(value, lang) : formatNumber(value, lang, 2);
}

function FormulaModes({ store, access, mode }: { store: IndicatorStore; access: SheetAccess; mode: Mode }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const shared = useShared();
  const [all, setAll] = useState<AllFields>(emptyFields);
  const [share, setShare] = useState(false);
  const action = useAction();
  const fields = all[mode];
  const setField = (name: string, field: NumberField) => {
    setAll((prev) => ({ ...prev, [mode]: { ...prev[mode], [name]: field } }));
    if (mode === "required" && (name === "current" || name === "target") && field.origin === "data")
      setShare(field.percent);
  };
  const cellFields = Object.values(fields).filter((f) => f.origin === "cell" && f.ref);
  // Shown as it would read on the inputs' sheet; the inserted formula is rebuilt for the target sheet.
  const result = compute(mode, fields, { share, sheet: cellFields[0]?.sheet ?? "" });
  const avoid = cellFields.length
    ? { sheet: cellFields[0].sheet ?? "", cells: cellFields.map((f) => f.ref as string) }
    : undefined;
  const formulaReason = access.reason(API.formula);

  const read = () =>
    action.run(async () => {
      const selection = await readSelection(access.run);
      if (selection.cells.length === 0) return t.readNone;
      const next = { ...fields };
      MODE_FIELDS[mode].forEach((spec, i) => {
        const cell = selection.cells[i];
        if (cell) next[spec.name] = fieldFromCell(selection.sheet, cell.cell, cell.value, spec.percent);
      });
      setAll((prev) => ({ ...prev, [mode]: next }));
      return t.readDone(Math.min(selection.cells.length, MODE_FIELDS[mode].length), selection.address);
    });

  const insert = (index: number) =>
    action.run(async () => {
      const outcome = result.ok ? result.outcomes[index] : undefined;
      if (!outcome) return "";
      const inserted = await insertFormula(access.run, {
        build: (sheet) => {
          const r = compute(mode, fields, { share, sheet });
          return r.ok ? r.outcomes[index].formula : outcome.formula;
        },
        percent: outcome.percent,
        avoid,
      });
      return t.inserted(inserted.address);
    });

  const labels: Record<string, string> = {
    previous: t.previous,
    current: t.current,
    start: t.start,
    end: t.end,
    years: t.years,
    growth: t.growth,
    target: t.target,
    currentYear: t.currentYear,
    targetYear: t.targetYear,
    value: t.value,
    rate: t.rate,
  };
  const resultLabel: Record<Mode, string[]> = {
    change: [t.pctChange, t.absChange],
    cagr: [t.cagrResult],
    base: [t.baseResult],
    required: [share ? t.requiredShare : t.requiredResult],
    project: [t.projectResult],
  };

  return (
    <div>
      <div className={shared.row} style={{ justifyContent: "space-between", margin: "6px 0" }}>
        <SheetButton reason={access.reason(API.read)} onClick={read} disabled={action.busy}>
          {t.readSelection}
        </SheetButton>
      </div>
      <div className={s.fields}>
        {MODE_FIELDS[mode].map((spec) => (
          <NumberInput
            key={`${mode}-${spec.name}`}
            store={store}
            label={labels[spec.name]}
            placeholder={PLACEHOLDER[spec.name]}
            field={fields[spec.name]}
            kind={spec.kind}
            onChange={(f) => setField(spec.name, f)}
          />
        ))}
      </div>
      {mode === "required" ? (
        <Checkbox checked={share} onChange={(_, d) => setShare(Boolean(d.checked))} label={t.share} />
      ) : null}
      <div className={s.result} aria-live="polite" data-testid="calc-result">
        {result.ok ? (
          result.outcomes.map((o, i) => (
            <div key={i}>
              <span className={shared.caption}>{resultLabel[mode][i]}: </span>
              <span className={s.big}>
                {mode === "required" && share
                  ? `${o.value < 0 ? "−" : "+"}${formatNumber(Math.abs(o.value) * 100, lang)} ${t.pp}${t.perYear}`
                  : resultText(o.value, o.percent, lang)}
              </span>
              <div className={shared.formulaBox}>{o.formula}</div>
            </div>
          ))
        ) : (
          <span className={shared.caption}>{result.message ?? t.enterNumbers}</span>
        )}
      </div>
      <div className={shared.row} style={{ marginTop: 6 }}>
        {mode === "change" ? (
          <>
            <SheetButton
              appearance="primary"
              reason={formulaReason}
              disabled={!result.ok || action.busy}
              onClick={() => insert(0)}
            >
              {t.insertPct}
            </SheetButton>
            <SheetButton reason={formulaReason} disabled={!result.ok || action.busy} onClick={() => insert(1)}>
              {t.insertAbs}
            </SheetButton>
          </>
        ) : (
          <SheetButton
            appearance="primary"
            reason={formulaReason}
            disabled={!result.ok || action.busy}
            onClick={() => insert(0)}
          >
            {t.insertFormula}
          </SheetButton>
        )}
      </div>
      <StatusLine message={action.message || formulaReason} error={action.error} />
    </div>
  );
}

function NumberInput({
  store,
  label,
  placeholder,
  field,
  kind,
  onChange,
}: {
  store: IndicatorStore;
  label: string;
  placeholder: string;
  field: NumberField;
  kind: "level" | "rate" | "count";
  onChange: Callback<NumberField>;
}) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const [picking, setPicking] = useState(false);
  const origin =
    field.origin === "cell"
      ? t.fromCell(field.label ?? "")
      : field.origin === "data"
        ? `${t.fromData}: ${field.label ?? ""}`
        : "";
  return (
    <>
      <div>
        <Field label={label} size="small">
          <Input
            size="small"
            inputMode="decimal"
            className={s.input}
            value={field.text}
            placeholder={placeholder}
            contentAfter={field.percent ? <span aria-hidden="true">%</span> : undefined}
            // Typing keeps the field's scale (a share picked as 51.04 % stays in percent) until it is cleared.
            onChange={(_, d) => onChange(typed(d.value, kind === "rate" || (field.percent && d.value !== "")))}
          />
        </Field>
        <div className={s.origin} title={origin}>
          {origin}
          {kind !== "count" ? (
            <Button
              size="small"
              appearance="transparent"
              style={{ minWidth: 0, padding: "0 2px", height: 14, fontSize: 11, float: "right" }}
              onClick={() => setPicking(!picking)}
              aria-expanded={picking}
            >
              {picking ? t.pickClose : t.pick}
            </Button>
          ) : null}
        </div>
      </div>
      {picking ? (
        <FactPicker
          store={store}
          measure={kind === "rate" ? "pct_change" : "level"}
          onPick={(fact) => {
            const indicator = store.indicators.get(fact.indicator);
            onChange(fieldFromFact(store, fact, `${indicatorName(indicator, lang)} ${fact.period}`));
            setPicking(false);
          }}
          onClose={() => setPicking(false)}
        />
      ) : null}
    </>
  );
}

function FactPicker({
  store,
  measure,
  onPick,
  onClose,
}: {
  store: IndicatorStore;
  measure: Fact["measure"];
  onPick: Callback<Fact>;
  onClose: () => void;
}) {
  const { t, lang, kind } = useI18n();
  const s = useStyles();
  const [query, setQuery] = useState("");
  const facts = useMemo(() => {
    const out: Fact[] = [];
    for (const indicator of matchIndicators(store, query)) {
      for (const f of store.series(indicator.id)) {
        if (f.measure === measure && store.facts(f.indicator, f.region, f.period, f.kind, f.measure)[0]?.id === f.id)
          out.push(f);
      }
      if (out.length >= 8) break;
    }
    return out.slice(0, 8);
  }, [store, query, measure]);
  return (
    <div className={s.picker} onKeyDown={(e) => e.key === "Escape" && (e.stopPropagation(), onClose())}>
      <Input
        size="small"
        autoFocus
        value={query}
        placeholder={t.pickSearch}
        aria-label={t.pickSearch}
        onChange={(_, d) => setQuery(d.value)}
      />
      {facts.map((f) => (
        <button type="button" key={f.id} className={s.pickItem} onClick={() => onPick(f)}>
          {indicatorName(store.indicators.get(f.indicator), lang)} · {f.region === CITY ? "" : `${f.region} · `}
          {f.period} {kind[f.kind]} · <strong>{figureText(f, lang)}</strong>
        </button>
      ))}
    </div>
  );
}

function BudgetCompare({ store, access }: { store: IndicatorStore; access: SheetAccess }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const shared = useShared();
  const candidates = useMemo(() => budgetCandidates(store), [store]);
  const [selected, setSelected] = useState<string[]>(() => defaultBudgetSelection(store, candidates));
  const [filter, setFilter] = useState("");
  const action = useAction();
  // Ticked lines first (in the order they were ticked when the list opened), then the rest.
  const visible = useMemo(() => {
    const ids = filter.trim() ? new Set(matchIndicators(store, filter).map((i) => i.id)) : undefined;
    const shown = candidates.filter((f) => !ids || ids.has(f.indicator) || selected.includes(f.id));
    return [...shown.filter((f) => selected.includes(f.id)), ...shown.filter((f) => !selected.includes(f.id))];
    // Not re-sorted on every tick: rows would jump under the pointer.
  }, [candidates, filter, store]);
  const chosen = sortByGrowth(candidates.filter((f) => selected.includes(f.id)));
  const reason = access.reason(API.block);
  const label = (f: Fact) => indicatorName(store.indicators.get(f.indicator), lang);

  const insert = () =>
    action.run(async () => {
      const result = await insertBlockAtSelection(access.run, budgetBlock(store, chosen, t.budgetHeader, lang), {
        dataBarColumn: 2,
      });
      return result.ok ? t.inserted(result.address) : t.occupied(result.address);
    });

  return (
    <div className={shared.section} style={{ marginTop: 6 }}>
      <div className={shared.caption}>{t.budgetHint}</div>
      <Input
        size="small"
        type="search"
        value={filter}
        placeholder={t.budgetFilter}
        aria-label={t.budgetFilter}
        onChange={(_, d) => setFilter(d.value)}
      />
      <div className={s.list} role="group" aria-label={t.modes.budget}>
        {visible.map((f) => (
          <div key={f.id}>
            <Checkbox
              checked={selected.includes(f.id)}
              onChange={(_, d) => setSelected(d.checked ? [...selected, f.id] : selected.filter((id) => id !== f.id))}
              label={{
                className: s.checkLabel,
                children: `${label(f)} · ${f.period}${f.region === CITY ? "" : ` · ${f.region}`} · ${valueText(f, lang)}`,
              }}
            />
          </div>
        ))}
      </div>
      {chosen.length >= 2 ? (
        <BarChart title={t.modes.budget} bars={chosen.map((f) => ({ key: f.id, label: label(f), value: f.value }))} />
      ) : (
        <div className={shared.caption}>{t.budgetEmpty}</div>
      )}
      <div className={shared.row}>
        <SheetButton appearance="primary" reason={reason} disabled={chosen.length < 2 || action.busy} onClick={insert}>
          {t.budgetInsert}
        </SheetButton>
      </div>
      <StatusLine message={action.message || reason} error={action.error} />
    </div>
  );
}

function Consistency({ store, access }: { store: IndicatorStore; access: SheetAccess }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const shared = useShared();
  const checks = useMemo(() => datasetChecks(store), [store]);
  const [prev, setPrev] = useState("");
  const [cur, setCur] = useState("");
  const [stated, setStated] = useState("");
  const action = useAction();
  const p = parseNumber(prev);
  const c = parseNumber(cur);
  const g = parseNumber(stated);
  let manual: ReturnType<typeof checkGrowth> | undefined;
  if (p !== undefined && c !== undefined && g !== undefined && p !== 0) {
    manual = checkGrowth(
      { value: p, decimals: decimalsOf(prev) },
      { value: c, decimals: decimalsOf(cur) },
      { value: g / 100, decimals: decimalsOf(stated) },
    );
  }
  const reason = access.reason(API.formula);
  const formula =
    p !== undefined && c !== undefined ? `=HH.YOY(${fieldExpr(typed(cur), "")},${fieldExpr(typed(prev), "")})` : "";

  return (
    <div className={shared.section} style={{ marginTop: 6 }}>
      <div className={shared.caption}>{t.checkHint}</div>
      <h3 className={shared.heading}>{t.checkList}</h3>
      {checks.length === 0 ? <div className={shared.caption}>{t.noCheck}</div> : null}
      <div className={s.list}>
        {checks.map((item) => {
          const indicator = store.indicators.get(item.growth.indicator);
          return (
            <div key={item.growth.id} className={s.check}>
              <div>
                <strong>{indicatorName(indicator, lang)}</strong> · {item.growth.region} · {item.growth.period}
              </div>
              <div>
                {item.current.reported.text} · {t.stated.replace(" %", "")} {item.growth.reported.text}
              </div>
              {item.check ? (
                <div>
                  {t.computed} {percentText(item.check.computed, lang)} —{" "}
                  <span className={item.check.consistent ? s.ok : s.bad}>
                    {item.check.consistent ? t.consistent : t.inconsistent}
                  </span>
                </div>
              ) : item.implied !== undefined ? (
                <div className={shared.caption}>
                  {t.implied(valueText({ value: item.implied, unit: item.current.unit, measure: "level" }, lang))}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
      <h3 className={shared.heading}>{t.checkManual}</h3>
      <div className={s.fields}>
        <DecimalField label={t.previous} value={prev} placeholder="46.85" onChange={setPrev} />
        <DecimalField label={t.current} value={cur} placeholder="51.60" onChange={setCur} />
        <DecimalField label={t.stated} value={stated} placeholder="10.14" onChange={setStated} />
      </div>
      <div className={s.result} aria-live="polite" style={{ minHeight: 56 }}>
        {manual ? (
          <div>
            <span className={shared.caption}>{t.computed}: </span>
            <span className={s.big}>{percentText(manual.computed, lang)}</span>{" "}
            <span className={manual.consistent ? s.ok : s.bad}>
              {manual.consistent ? t.consistent : t.inconsistent}
            </span>
            <div className={shared.formulaBox}>{formula}</div>
          </div>
        ) : (
          <span className={shared.caption}>{t.enterNumbers}</span>
        )}
      </div>
      <div className={shared.row}>
        <SheetButton
          appearance="primary"
          reason={reason}
          disabled={!formula || action.busy}
          onClick={() =>
            action.run(async () => {
              const r = await insertFormula(access.run, { build: () => formula, percent: true });
              return t.inserted(r.address);
            })
          }
        >
          {t.insertFormula}
        </SheetButton>
      </div>
      <StatusLine message={action.message || reason} error={action.error} />
    </div>
  );
}

/** A small typed-number field (the consistency check's manual inputs). */
function DecimalField(props: { label: string; value: string; placeholder: string; onChange: Callback<string> }) {
  const s = useStyles();
  return (
    <Field label={props.label} size="small">
      <Input
        size="small"
        className={s.input}
        inputMode="decimal"
        value={props.value}
        placeholder={props.placeholder}
        onChange={(_, d) => props.onChange(d.value)}
      />
    </Field>
  );
}
