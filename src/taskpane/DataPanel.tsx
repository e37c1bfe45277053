/** "数据 / Data": what the live dataset is; re-renders when a new one is swapped in. */
import { sourceTitle } from "./format";
import { LOCALE } from "../core/messages/lang";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { IndicatorStore } from "../core/store";
import { useI18n } from "./i18n";
import { useShared } from "./ui";

const useStyles = makeStyles({
  dl: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    gap: "2px 10px",
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, wordBreak: "break-all", fontVariantNumeric: "tabular-nums" },
  doc: { fontSize: tokens.fontSizeBase200, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "3px 0" },
});

export interface DataPanelProps {
  store: IndicatorStore;
  /**
   * The dataset-URL settings, rendered under "数据源设置 / Dataset source"; nothing is shown while
   * it is undefined.
   */
  settings?: ReactNode;
}

export function DataPanel({ store, settings }: DataPanelProps) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const shared = useShared();
  const d = store.dataset;
  const built = new Date(d.builtAt);
  // With the settings mounted, version, date and origin show once, in their live-status card.
  const identity: Array<[string, string]> = settings
    ? []
    : [
        [t.version, d.version],
        [t.builtAt, Number.isNaN(built.getTime()) ? d.builtAt : built.toLocaleString(LOCALE[lang])],
        [t.origin, `${t.originKind[store.origin.kind] ?? store.origin.kind} · ${store.origin.location}`],
      ];
  const rows: Array<[string, string]> = [
    ...identity,
    [t.facts, String(store.factCount)],
    [t.indicators, String(d.indicators.length)],
    [t.sources, String(d.sources.length)],
    [t.conflictsCount, String(d.conflicts.length)],
  ];
  return (
    <div className={shared.section}>
      <h2 className={shared.heading}>{t.dataTitle}</h2>
      <dl className={s.dl} data-testid="dataset-info">
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: "contents" }}>
            <dt className={s.dt}>{k}</dt>
            <dd className={s.dd}>{v}</dd>
          </div>
        ))}
      </dl>
      {settings ? (
        <section aria-label={t.settings}>
          <h3 className={shared.heading}>{t.settings}</h3>
          {settings}
        </section>
      ) : null}
      <h3 className={shared.heading}>{t.documents}</h3>
      {d.sources.map((src) => (
        <div key={src.id} className={s.doc}>
          <span className={shared.mono}>{src.id}</span> {sourceTitle(src, lang)}
          <div className={shared.caption}>
            {src.issuer} · {src.date} · {src.type}
          </div>
        </div>
      ))}
    </div>
  );
}
