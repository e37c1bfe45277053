/** The consistency check: stated growth rates against the ones computed from the stated levels. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { checkGrowth, datasetChecks } from "../../core/consistency";
import type { IndicatorStore } from "../../core/store";
import { insertFormula } from "../../excel/workbook-writer";
import { decimalsOf, indicatorName, parseNumber, percentText, valueText } from "../format";
import { API, type SheetAccess } from "../host";
import { useI18n } from "../i18n";
import { SheetButton, StatusLine, useAction, useShared } from "../ui";
import { DecimalField } from "./fields";
import { fieldExpr, typed } from "./number-field";
import { useCalcStyles } from "./styles";

const useStyles = makeStyles({
  check: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "4px 0",
    fontSize: tokens.fontSizeBase200,
  },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function Consistency({ store, access }: { store: IndicatorStore; access: SheetAccess }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const calc = useCalcStyles();
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
      <div className={calc.list}>
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
      <div className={calc.fields}>
        <DecimalField label={t.previous} value={prev} placeholder="46.85" onChange={setPrev} />
        <DecimalField label={t.current} value={cur} placeholder="51.60" onChange={setCur} />
        <DecimalField label={t.stated} value={stated} placeholder="10.14" onChange={setStated} />
      </div>
      <div className={calc.result} aria-live="polite" data-testid="check-result" style={{ minHeight: 56 }}>
        {manual ? (
          <div>
            <span className={shared.caption}>{t.computed}: </span>
            <span className={calc.big}>{percentText(manual.computed, lang)}</span>{" "}
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
