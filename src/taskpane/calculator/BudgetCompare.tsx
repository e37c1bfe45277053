/** The budget comparison: reported growths ranked only against growths over a comparable base. */
import { Checkbox, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { budgetCandidates, compareGrowths, defaultBudgetSelection, describeGrowth } from "../../core/budget";
import type { Fact } from "../../core/schema";
import { CITY, type IndicatorStore } from "../../core/store";
import { insertBlockAtSelection } from "../../excel/workbook-writer";
import { BarChart } from "../charts";
import { figureText, indicatorName } from "../format";
import { API, type SheetAccess } from "../host";
import { useI18n } from "../i18n";
import { matchIndicators } from "../search";
import { SheetButton, StatusLine, useAction, useShared } from "../ui";
import { budgetBlock, BUDGET_GROWTH_COLUMN, comparisonText } from "./budget-sheet";
import { useCalcStyles } from "./styles";

const useStyles = makeStyles({
  checkLabel: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    paddingTop: "4px",
    paddingBottom: "4px",
  },
  nowrap: { whiteSpace: "nowrap" },
  groupTitle: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, marginTop: "4px" },
});

export function BudgetCompare({ store, access }: { store: IndicatorStore; access: SheetAccess }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const calc = useCalcStyles();
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
        allComparable ? { dataBarColumn: BUDGET_GROWTH_COLUMN } : {},
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
      <div className={calc.list} role="group" aria-label={t.modes.budget}>
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
