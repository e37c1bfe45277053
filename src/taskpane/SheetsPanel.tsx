/** "加载到工作表": the visible results or the whole dataset into owned sheets, with progress. */
import { Radio, RadioGroup } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import type { Fact } from "../core/schema";
import type { IndicatorStore } from "../core/store";
import { targetRows } from "../core/analysis";
import { factsBlock, sourcesBlock, targetsBlock } from "../excel/tables";
import { describeLoad } from "../excel/load-summary";
import { loadIntoSheets } from "../excel/workbook-writer";
import { WriteProgress } from "./components/WriteProgress";
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
  const abort = useRef<AbortController | null>(null);
  const [cancelling, setCancelling] = useState(false);
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
      abort.current = new AbortController();
      setCancelling(false);
      const request = {
        lang,
        facts: factsBlock(store, facts, lang),
        sources: sourcesBlock(store, facts, lang),
        targets: targetsBlock(store, facts, lang),
      };
      // A failed load must not leave a stale controller or a "cancelling" state behind.
      try {
        const result = await loadIntoSheets(access.run, request, {
          signal: abort.current.signal,
          resizeTables: access.reason(API.resizeTable) === "",
          onProgress: ({ step, rows, totalRows }) =>
            setProgress({
              value: totalRows > 0 ? Math.max(0.02, rows / totalRows) : 0.02,
              step:
                step === "facts" || step === "sources" || step === "targets"
                  ? t.writingRows(rows, totalRows)
                  : t.steps[step],
            }),
        });
        return describeLoad(result, lang);
      } finally {
        abort.current = null;
        setCancelling(false);
      }
    });
  const cancel = () => {
    setCancelling(true);
    abort.current?.abort();
  };

  return (
    <div className={shared.section}>
      <h2 className={shared.heading}>{t.loadTitle}</h2>
      <RadioGroup value={scope} onChange={(_, d) => setScope(d.value as "visible" | "all")} aria-label={t.scope}>
        <Radio value="visible" label={t.scopeFiltered(visible.length)} />
        <Radio value="all" label={t.scopeAll(store.factCount)} />
      </RadioGroup>
      <div className={shared.caption}>{t.loadWhat(facts.length, counts.sources, counts.targets)}</div>
      <div className={shared.row}>
        <SheetButton appearance="primary" reason={reason} disabled={action.busy || facts.length === 0} onClick={load}>
          {action.busy ? t.loading : t.loadButton}
        </SheetButton>
      </div>
      <StatusLine
        message={action.busy ? (cancelling ? t.cancelling : progress.step) : action.message || reason}
        error={action.error}
      />
      <WriteProgress
        value={progress.value}
        label={progress.step}
        visible={action.busy || progress.value > 0}
        onCancel={action.busy ? cancel : undefined}
        cancelling={cancelling}
      />
      <div className={shared.caption}>{t.ownership}</div>
    </div>
  );
}
