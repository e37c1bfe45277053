/**
 * DataSettings — the "data source" section of the task pane, ~350 px wide.
 *
 * Props (optional): `lang?: "zh" | "en"` — UI language, the pane's `Lang` (default "zh"). Pass `useI18n().lang`.
 *
 * Mount it inside the pane's FluentProvider and a LiveProvider with an updater (App provides both).
 * It calls `updater.start()` (idempotent) so settings and the cached dataset are loaded even if the
 * entry did not start the updater yet.
 * Shows: dataset URL, check on open, check interval, "check now", the live dataset's version, date
 * and origin, the last result in one sentence, and what changed since the previous dataset.
 * All text is rendered as React text nodes (never as HTML).
 */
import { Button, Caption1, Field, Input, makeStyles, Spinner, Switch, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { checkUrlPolicy, describeRejection, MAX_INTERVAL_MINUTES, type LiveState, type Reason } from "../../core/live";
import { useLiveUpdater } from "../live";
import { useShared } from "../ui";

export interface DataSettingsProps {
  lang?: "zh" | "en";
}

const STRINGS = {
  zh: {
    section: "数据来源",
    url: "数据集地址",
    urlHint: "https:// 地址;本机测试可用 http://localhost",
    urlPlaceholder: "https://…/dataset.json",
    checkOnOpen: "打开时检查更新",
    interval: "每隔几分钟检查(0 = 不定时检查)",
    checkNow: "立即检查",
    checking: "正在检查…",
    useOlder: "仍然使用这个较旧的版本",
    live: "更新状态",
    version: "版本",
    date: "生成日期",
    origin: "来源",
    facts: "条数据",
    origins: { embedded: "内置", published: "已发布", file: "文件" },
    lastCheck: "上次检查",
    never: "尚未检查",
    changes: "与上一版本相比",
    counts: (a: number, r: number, c: number) => `新增 ${a} 条 · 删除 ${r} 条 · 数值变化 ${c} 条`,
    revised: (n: number) => `另有 ${n} 条出处或说明有修订`,
    more: (n: number) => `另有 ${n} 处数值变化`,
    notExcel: "不在 Excel 中,未重新计算工作表。",
  },
  en: {
    section: "Data source",
    url: "Dataset URL",
    urlHint: "An https:// URL; http://localhost for local testing",
    urlPlaceholder: "https://…/dataset.json",
    checkOnOpen: "Check for updates on open",
    interval: "Check every N minutes (0 = off)",
    checkNow: "Check now",
    checking: "Checking…",
    useOlder: "Use this older version anyway",
    live: "Update status",
    version: "Version",
    date: "Built",
    origin: "Origin",
    facts: "facts",
    origins: { embedded: "Bundled", published: "Published", file: "File" },
    lastCheck: "Last check",
    never: "Not checked yet",
    changes: "Since the previous dataset",
    counts: (a: number, r: number, c: number) => `${a} added · ${r} removed · ${c} values changed`,
    revised: (n: number) => `${n} more with edited sources or notes`,
    more: (n: number) => `${n} more value changes`,
    notExcel: "Not in Excel, so no sheet was recalculated.",
  },
} as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px", maxWidth: "350px", boxSizing: "border-box" },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  interval: { width: "96px" },
  card: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: "8px",
    rowGap: "2px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
  },
  label: { color: tokens.colorNeutralForeground3 },
  value: { wordBreak: "break-all", fontVariantNumeric: "tabular-nums" },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { margin: "4px 0 0", paddingLeft: "16px", fontSize: tokens.fontSizeBase200 },
  arrow: { fontVariantNumeric: "tabular-nums" },
});

function pick(reason: Reason | undefined, lang: "zh" | "en"): string {
  return reason ? reason[lang === "zh" ? "zh-CN" : "en-US"] : "";
}

function formatTime(iso: string | undefined, lang: "zh" | "en"): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(lang === "zh" ? "zh-CN" : "en-US", { hour12: false });
}

export function DataSettings({ lang = "zh" }: DataSettingsProps) {
  const updater = useLiveUpdater();
  const t = STRINGS[lang];
  const s = useStyles();
  const shared = useShared();
  const subscribe = useCallback((onChange: () => void) => updater.subscribe(() => onChange()), [updater]);
  const state: LiveState = useSyncExternalStore(subscribe, () => updater.getState());
  const { settings } = state;

  const [url, setUrl] = useState(settings.url);
  const [urlError, setUrlError] = useState<Reason | undefined>();
  const [interval, setIntervalText] = useState(String(settings.intervalMinutes));

  useEffect(() => {
    void updater.start();
  }, [updater]);
  // Settings load asynchronously at start; show them once they arrive.
  useEffect(() => setUrl(settings.url), [settings.url]);
  useEffect(() => setIntervalText(String(settings.intervalMinutes)), [settings.intervalMinutes]);

  const saveUrl = async () => {
    const trimmed = url.trim();
    if (trimmed === settings.url) return setUrlError(undefined);
    if (trimmed) {
      const policy = checkUrlPolicy(trimmed);
      if (!policy.ok) return setUrlError(describeRejection(policy.code));
    }
    const saved = await updater.saveSettings({ url: trimmed });
    setUrlError(saved.ok ? undefined : saved.reason);
  };

  const saveInterval = async () => {
    const minutes = Number(interval);
    await updater.saveSettings({ intervalMinutes: Number.isFinite(minutes) ? minutes : 0 });
    setIntervalText(String(updater.getState().settings.intervalMinutes));
  };

  const checkNow = async (allowOlder = false) => {
    await saveUrl();
    await updater.checkNow({ allowOlder });
  };

  const result = state.lastResult;
  const rejected = result?.status === "rejected";
  const diff = state.lastDiff;
  const origin = state.live.origin;
  const hiddenExamples = diff ? diff.changed - diff.examples.length : 0;

  return (
    <section className={s.root} aria-label={t.section}>
      <Field
        label={t.url}
        hint={urlError ? undefined : t.urlHint}
        validationState={urlError ? "error" : "none"}
        validationMessage={urlError ? pick(urlError, lang) : undefined}
      >
        <Input
          type="url"
          value={url}
          placeholder={t.urlPlaceholder}
          onChange={(_, data) => setUrl(data.value)}
          onBlur={() => void saveUrl()}
          onKeyDown={(event) => {
            if (event.key === "Enter") void saveUrl();
          }}
        />
      </Field>

      <Switch
        label={t.checkOnOpen}
        checked={settings.checkOnOpen}
        onChange={(_, data) => void updater.saveSettings({ checkOnOpen: data.checked })}
      />

      <Field label={t.interval}>
        <Input
          className={s.interval}
          type="number"
          min={0}
          max={MAX_INTERVAL_MINUTES}
          step={1}
          value={interval}
          onChange={(_, data) => setIntervalText(data.value)}
          onBlur={() => void saveInterval()}
          onKeyDown={(event) => {
            if (event.key === "Enter") void saveInterval();
          }}
        />
      </Field>

      <div className={s.row}>
        <Button
          appearance="primary"
          size="small"
          disabled={state.checking || !url.trim()}
          onClick={() => void checkNow()}
        >
          {t.checkNow}
        </Button>
        {state.checking && <Spinner size="extra-tiny" label={t.checking} />}
        {result?.code === "older" && !state.checking && (
          <Button size="small" appearance="secondary" onClick={() => void checkNow(true)}>
            {t.useOlder}
          </Button>
        )}
      </div>

      <div className={`${shared.status} ${rejected ? shared.error : ""}`} role="status" aria-live="polite">
        {pick(result?.message, lang)}
        {result?.status === "updated" && state.recalculated === false ? ` ${t.notExcel}` : ""}
      </div>

      <h3 className={s.heading}>{t.live}</h3>
      <div className={s.card}>
        <span className={s.label}>{t.version}</span>
        <span className={s.value} data-testid="live-version">
          {state.live.version}
        </span>
        <span className={s.label}>{t.date}</span>
        <span className={s.value}>
          {state.live.builtAt.slice(0, 10)} · {state.live.facts} {t.facts}
        </span>
        <span className={s.label}>{t.origin}</span>
        <span className={s.value} data-testid="live-origin">
          {t.origins[origin.kind]}
          {origin.kind === "embedded" ? "" : ` · ${origin.location}`}
        </span>
        <span className={s.label}>{t.lastCheck}</span>
        <span className={s.value}>{state.lastCheckAt ? formatTime(state.lastCheckAt, lang) : t.never}</span>
      </div>

      {diff && (
        <div data-testid="live-diff">
          <h3 className={s.heading}>
            {t.changes} {diff.from.version}
          </h3>
          <Caption1>{t.counts(diff.added, diff.removed, diff.changed)}</Caption1>
          {diff.revised > 0 && (
            <>
              <br />
              <Caption1>{t.revised(diff.revised)}</Caption1>
            </>
          )}
          {diff.examples.length > 0 && (
            <ul className={s.list}>
              {diff.examples.map((example) => (
                <li key={example.id}>
                  {lang === "zh" ? example.indicator.zh : example.indicator.en} · {example.region} · {example.period}:{" "}
                  <span className={s.arrow}>
                    {example.before} → {example.after}
                  </span>
                </li>
              ))}
              {hiddenExamples > 0 && <li>{t.more(hiddenExamples)}</li>}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
