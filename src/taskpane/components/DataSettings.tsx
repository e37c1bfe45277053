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
import { LOCALE } from "../../core/messages/lang";
import { SETTINGS_MESSAGES } from "../../core/messages/settings";
import { Button, Caption1, Field, Input, makeStyles, Spinner, Switch, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { checkUrlPolicy, describeRejection, MAX_INTERVAL_MINUTES, type LiveState, type Reason } from "../../core/live";
import { useLiveUpdater } from "../live";
import { useShared } from "../ui";

export interface DataSettingsProps {
  lang?: "zh" | "en";
}

const STRINGS = SETTINGS_MESSAGES;

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
  return reason ? reason[LOCALE[lang] as keyof Reason] : "";
}

function formatTime(iso: string | undefined, lang: "zh" | "en"): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(LOCALE[lang], { hour12: false });
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
                  {example.indicator[lang]} · {example.region} · {example.period}:{" "}
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
