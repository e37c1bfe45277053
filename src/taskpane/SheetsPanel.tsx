/** "加载到工作表": the visible results or the whole dataset into owned sheets, with progress. */
import { WORDS } from "../core/messages/words";
import { ProgressBar, Radio, RadioGroup } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Fact } from "../core/schema";
import type { IndicatorStore } from "../core/store";
import { targetRows } from "../core/analysis";
import { factsBlock, sourcesBlock, targetsBlock } from "../excel/tables";
import { loadIntoSheets } from "../excel/workbook-writer";
import { API, type SheetAccess } from "./host";
import { useI18n } from "./i18n";
import { SheetButton, StatusLine, useAction, useShared } from "./ui";

export interface SheetsPanelProps {
  store: IndicatorStore;
  /** The facts the Browse tab shows now (its search and filters). */
  visible: readonly Fact[];
  access: SheetAccess;
}

export function SheetsPanel({ store, visible, access }: SheetsPanelProps) {
  const { t, lang } = useI18n();
  const shared = useShared();
  const [scope, setScope] = useState<"visible" | "all">("all");
  const [progress, setProgress] = useState({ value: 0, step: "" });
  const action = useAction();
  const facts = scope === "all" ? store.dataset.facts : visible;
  const counts = useMemo(
    () => ({
      sources: new Set(facts.map((f) => f.source)).size,
      targets: targetRows(store, facts).length,
    }),
    [store, facts],
  );
  const reason = access.reason(API.load);

  const load = () =>
    action.run(async () => {
      setProgress({ value: 0.02, step: t.steps.inspect });
      const request = {
        lang,
        facts: factsBlock(store, facts, lang),
        sources: sourcesBlock(store, facts, lang),
        targets: targetsBlock(store, facts, lang),
      };
      const result = await loadIntoSheets(access.run, request, (value, step) =>
        setProgress({ value, step: t.steps[step] }),
      );
      const names = result.sheets
        .map((sheet) => `「${sheet.name}」${sheet.created ? "" : t.refreshed}`)
        .join(WORDS[lang].listSeparator);
      const avoided = result.sheets
        .filter((sheet) => sheet.avoided)
        .map((sheet) => t.avoided(sheet.avoided!, sheet.name));
      return [t.loaded(names), ...avoided].join(" ");
    });

  return (
    <div className={shared.section}>
      <h2 className={shared.heading}>{t.loadTitle}</h2>
      <RadioGroup value={scope} onChange={(_, d) => setScope(d.value as "visible" | "all")} aria-label={t.scope}>
        <Radio value="visible" label={t.scopeFiltered(visible.length)} />
        <Radio value="all" label={t.scopeAll(store.dataset.facts.length)} />
      </RadioGroup>
      <div className={shared.caption}>{t.loadWhat(facts.length, counts.sources, counts.targets)}</div>
      <div className={shared.row}>
        <SheetButton appearance="primary" reason={reason} disabled={action.busy || facts.length === 0} onClick={load}>
          {action.busy ? t.loading : t.loadButton}
        </SheetButton>
      </div>
      <StatusLine message={action.busy ? progress.step : action.message || reason} error={action.error} />
      {/* Always rendered: the bar's space is reserved so nothing moves when a run starts. */}
      <div style={{ height: 12, display: "flex", flexDirection: "column", justifyContent: "center" }}>
        <ProgressBar
          value={progress.value}
          max={1}
          thickness="large"
          aria-label={progress.step || t.loadTitle}
          style={{ visibility: action.busy || progress.value > 0 ? "visible" : "hidden" }}
        />
      </div>
      <div className={shared.caption}>{t.ownership}</div>
    </div>
  );
}
