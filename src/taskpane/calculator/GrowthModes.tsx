/** The five formula modes: change, CAGR, base before growth, required growth (or share step) and projection. */
import { Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { IndicatorStore } from "../../core/store";
import { insertFormula, readSelection } from "../../excel/workbook-writer";
import { formatNumber, percentText } from "../format";
import { API, type SheetAccess } from "../host";
import { useI18n } from "../i18n";
import { SheetButton, StatusLine, useAction, useShared } from "../ui";
import { NumberInput } from "./fields";
import { compute, MODE_FIELDS, type Mode, type Problem } from "./modes";
import { fieldFromCell, typed, type Fields, type NumberField } from "./number-field";
import { isShareField, withShareScale } from "./share";
import { useCalcStyles } from "./styles";

const useStyles = makeStyles({
  problem: { color: tokens.colorPaletteRedForeground1 },
});

type AllFields = Record<Mode, Fields>;

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

function resultText(value: number, percent: boolean, lang: "zh" | "en") {
  return percent ? percentText(value, lang) : formatNumber(value, lang, 2);
}

/** One mode's inputs, result and insert buttons; every mode keeps its own inputs while another is shown. */
export function GrowthModes({ store, access, mode }: { store: IndicatorStore; access: SheetAccess; mode: Mode }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const calc = useCalcStyles();
  const shared = useShared();
  const [all, setAll] = useState<AllFields>(emptyFields);
  const [share, setShare] = useState(false);
  const action = useAction();
  const fields = all[mode];
  const switchShare = (on: boolean) => {
    setShare(on);
    setAll((prev) => ({ ...prev, required: withShareScale(prev.required, on) }));
  };
  const setField = (name: string, field: NumberField) => {
    setAll((prev) => ({ ...prev, [mode]: { ...prev[mode], [name]: field } }));
    // Picking a share switches the share mode on, a level switches it off.
    if (isShareField(mode, name) && field.origin === "data" && field.percent !== share) switchShare(field.percent);
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
            spec.percent || (share && isShareField(mode, spec.name)),
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
  const fieldLabel = (name: string) => (share && isShareField(mode, name) ? `${labels[name]} %` : labels[name]);
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
      <div className={calc.fields}>
        {MODE_FIELDS[mode].map((spec) => (
          <NumberInput
            key={`${mode}-${spec.name}`}
            store={store}
            label={fieldLabel(spec.name)}
            placeholder={PLACEHOLDER[spec.name]}
            field={fields[spec.name]}
            kind={spec.kind}
            percent={share && isShareField(mode, spec.name) ? true : undefined}
            onChange={(f) => setField(spec.name, f)}
          />
        ))}
      </div>
      {mode === "required" ? (
        <Checkbox checked={share} onChange={(_, d) => switchShare(Boolean(d.checked))} label={t.share} />
      ) : null}
      <div className={calc.result} aria-live="polite" data-testid="calc-result">
        {result.ok ? (
          result.outcomes.map((o, i) => (
            <div key={i}>
              <span className={shared.caption}>{resultLabel[mode][i]}: </span>
              <span className={calc.big}>
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
