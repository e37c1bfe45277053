/** The growth-rate calculator: five modes, budget comparison and the consistency check. */
import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Fact } from "../core/schema";
import { CITY, type IndicatorStore } from "../core/store";
import { insertBlockAtSelection, insertFormula, readSelection } from "../excel/run";
import { budgetCandidates, compareGrowths, defaultBudgetSelection, describeGrowth } from "../core/budget";
import { checkGrowth, datasetChecks } from "../core/consistency";
import {
  budgetBlock,
  comparisonText,
  compute,
  fieldExpr,
  fieldFromCell,
  fieldFromFact,
  MODE_FIELDS,
  typed,
  withScale,
  type Mode,
  type NumberField,
  type Problem,
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
  nowrap: { whiteSpace: "nowrap" },
  problem: { color: tokens.colorPaletteRedForeground1 },
  groupTitle: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, marginTop: "4px" },
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
  /** In the share mode the current and target values are shares, typed and shown in percent. */
  const isShareField = (name: string) => mode === "required" && (name === "current" || name === "target");
  const switchShare = (on: boolean) => {
    setShare(on);
    setAll((prev) => ({
      ...prev,
      required: {
        ...prev.required,
        current: withScale(prev.required.current, on),
        target: withScale(prev.required.target, on),
      },
    }));
  };
  const setField = (name: string, field: NumberField) => {
    setAll((prev) => ({ ...prev, [mode]: { ...prev[mode], [name]: field } }));
    // Picking a share switches the share mode on, a level switches it off.
    if (isShareField(name) && field.origin === "data" && field.percent !== share) switchShare(field.percent);
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
        if (cell)
          next[spec.name] = fieldFromCell(
            selection.sheet,
            cell.cell,
            cell.value,
            spec.percent || (share && isShareField(spec.name)),
          );
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
  const fieldLabel = (name: string) => (share && isShareField(name) ? `${labels[name]} %` : labels[name]);
  const problemText = (p: Problem): string => {
    switch (p.code) {
      case "share": {
        const shown = p.issue === "notNumber" ? "—" : percentText(p.value, lang);
        const text = t.shareRange(labels[p.field], shown);
        return p.origin === "cell" ? `${text} ${t.shareInCells}` : text;
      }
      case "notShare":
        return t.notShare(labels[p.field]);
      case "years":
        return t.targetYearOrder;
      case "mixedScale":
        return t.mixedScale(labels[p.percent], labels[p.plain]);
    }
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
            label={fieldLabel(spec.name)}
            placeholder={PLACEHOLDER[spec.name]}
            field={fields[spec.name]}
            kind={spec.kind}
            percent={share && isShareField(spec.name) ? true : undefined}
            onChange={(f) => setField(spec.name, f)}
          />
        ))}
      </div>
      {mode === "required" ? (
        <Checkbox checked={share} onChange={(_, d) => switchShare(Boolean(d.checked))} label={t.share} />
      ) : null}
      <div className={s.result} aria-live="polite" data-testid="calc-result">
        {result.ok ? (
          result.outcomes.map((o, i) => (
            <div key={i}>
              <span className={shared.caption}>{resultLabel[mode][i]}: </span>
              <span className={s.big}>
                {o.points
                  ? t.ppPerYear(`${o.value < 0 ? "−" : "+"}${formatNumber(Math.abs(o.value) * 100, lang)}`)
                  : resultText(o.value, o.percent, lang)}
              </span>
              <div className={shared.formulaBox}>{o.formula}</div>
            </div>
          ))
        ) : (
          <span className={result.problem ? s.problem : shared.caption} role={result.problem ? "alert" : undefined}>
            {result.problem ? problemText(result.problem) : (result.message ?? t.enterNumbers)}
          </span>
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
  percent,
  onChange,
}: {
  store: IndicatorStore;
  label: string;
  placeholder: string;
  field: NumberField;
  kind: "level" | "rate" | "count";
  /** The unit typed text takes: percent (true), plain (false), or as before (undefined, see onChange). */
  percent?: boolean;
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
            // Typing keeps the field's scale (a share picked as 51.04 % stays in percent) until it is cleared,
            // unless the mode fixes the unit (shares are always typed in percent).
            onChange={(_, d) =>
              onChange(typed(d.value, percent ?? (kind === "rate" || (field.percent && d.value !== ""))))
            }
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
  const chosen = candidates.filter((f) => selected.includes(f.id));
  const comparison = compareGrowths(chosen);
  const reason = access.reason(API.block);
  const label = (f: Fact) => indicatorName(store.indicators.get(f.indicator), lang);
  const base = (f: Fact) => comparisonText(describeGrowth(f), t);
  // One group and nothing left out: data bars may compare the whole column; otherwise they would
  // line up growths over different bases.
  const allComparable = comparison.groups.length === 1 && comparison.notRanked.length === 0;
  const reasons = ["unstatedBase", "otherBase", "otherPeriod", "alone"]
    .map((code) => ({ code, items: comparison.notRanked.filter((m) => m.reason === code) }))
    .filter((r) => r.items.length > 0);

  const insert = () =>
    action.run(async () => {
      const result = await insertBlockAtSelection(
        access.run,
        budgetBlock(store, chosen, t, lang),
        allComparable ? { dataBarColumn: 2 } : {},
      );
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
                children: (
                  <>
                    {`${label(f)} · ${f.period}${f.region === CITY ? "" : ` · ${f.region}`} · `}
                    <span className={s.nowrap}>{`${base(f)} ${figureText(f, lang)}`}</span>
                  </>
                ),
              }}
            />
          </div>
        ))}
      </div>
      {chosen.length < 2 ? <div className={shared.caption}>{t.budgetEmpty}</div> : null}
      {chosen.length >= 2 && comparison.groups.length === 0 ? (
        <div className={shared.caption}>{t.budgetNoPair}</div>
      ) : null}
      {comparison.groups.length >= 2 ? (
        <div className={shared.caption}>{t.budgetGroups(comparison.groups.length)}</div>
      ) : null}
      {comparison.groups.map((group) => {
        const words = [...new Set(group.members.map((m) => comparisonText(m, t)))].join(" / ");
        return (
          <div key={group.key} data-testid="budget-group">
            <div className={s.groupTitle}>{t.budgetGroup(words, group.members.length)}</div>
            <BarChart
              title={`${t.modes.budget} · ${words}`}
              // A qualified figure (近一半, 基本持平) says so beside the bar's two-decimal value.
              bars={group.members.map((m) => ({
                key: m.fact.id,
                label: m.fact.qualifier ? `${label(m.fact)} · ${figureText(m.fact, lang)}` : label(m.fact),
                value: m.fact.value,
              }))}
            />
          </div>
        );
      })}
      {chosen.length >= 2
        ? reasons.map((r) => (
            <div key={r.code} className={shared.caption} data-testid="budget-not-ranked">
              {t.notRanked(
                t.notRankedReason[r.code],
                r.items.map((m) => t.notRankedItem(label(m.fact), m.fact.period, comparisonText(m, t))),
              )}
            </div>
          ))
        : null}
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
  if (p !== undefined && c !== undefined && g !== undefined && p > 0) {
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
