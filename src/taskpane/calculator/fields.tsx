/** The calculator's input fields: a number that can be typed, read from a cell or picked from the dataset. */
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Fact } from "../../core/schema";
import { CITY, type IndicatorStore } from "../../core/store";
import { figureText, indicatorName } from "../format";
import { useI18n } from "../i18n";
import { matchIndicators } from "../search";
import type { Callback } from "../types";
import { fieldFromFact, typed, type NumberField } from "./number-field";
import { useCalcStyles } from "./styles";

const useStyles = makeStyles({
  origin: {
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
    minHeight: "14px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
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
});

/** A number input with where its value came from, and a picker for a dataset figure (not for counts). */
export function NumberInput({
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
  const calc = useCalcStyles();
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
            className={calc.input}
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

/** Searches the dataset for figures of one measure (the ones lookups return) to fill an input. */
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
        if (f.measure === measure && store.isChosen(f)) out.push(f);
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

/** A small typed-number field (the consistency check's manual inputs). */
export function DecimalField(props: { label: string; value: string; placeholder: string; onChange: Callback<string> }) {
  const calc = useCalcStyles();
  return (
    <Field label={props.label} size="small">
      <Input
        size="small"
        className={calc.input}
        inputMode="decimal"
        value={props.value}
        placeholder={props.placeholder}
        onChange={(_, d) => props.onChange(d.value)}
      />
    </Field>
  );
}
