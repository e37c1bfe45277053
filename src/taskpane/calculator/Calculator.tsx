/** The calculator tab: the growth-rate modes, the budget comparison and the consistency check. */
import { Field, Select } from "@fluentui/react-components";
import { useState } from "react";
import type { IndicatorStore } from "../../core/store";
import type { SheetAccess } from "../host";
import { useI18n } from "../i18n";
import { useShared } from "../ui";
import { BudgetCompare } from "./BudgetCompare";
import { Consistency } from "./Consistency";
import { GrowthModes } from "./GrowthModes";
import type { Mode } from "./modes";

type CalcView = Mode | "budget" | "check";

export interface CalculatorProps {
  store: IndicatorStore;
  access: SheetAccess;
}

export function Calculator({ store, access }: CalculatorProps) {
  const { t } = useI18n();
  const shared = useShared();
  const [view, setView] = useState<CalcView>("cagr");
  // The budget and check views list the whole dataset: built when first opened, then kept.
  const [opened, setOpened] = useState<ReadonlySet<CalcView>>(() => new Set([view]));
  const open = (next: CalcView) => {
    setView(next);
    setOpened((seen) => (seen.has(next) ? seen : new Set([...seen, next])));
  };
  return (
    <div className={shared.section}>
      <Field label={t.mode} size="small">
        <Select size="small" value={view} onChange={(_, d) => open(d.value as CalcView)}>
          {(["change", "cagr", "base", "required", "project", "budget", "check"] as const).map((m) => (
            <option key={m} value={m}>
              {t.modes[m]}
            </option>
          ))}
        </Select>
      </Field>
      {/* Views stay mounted (hidden) once opened, so their inputs survive switching. */}
      <div hidden={view === "budget" || view === "check"}>
        <GrowthModes store={store} access={access} mode={view === "budget" || view === "check" ? "cagr" : view} />
      </div>
      {opened.has("budget") ? (
        <div hidden={view !== "budget"}>
          <BudgetCompare store={store} access={access} />
        </div>
      ) : null}
      {opened.has("check") ? (
        <div hidden={view !== "check"}>
          <Consistency store={store} access={access} />
        </div>
      ) : null}
    </div>
  );
}
