/** A figure's revision history: every publication (estimate, actual, later revisions) with its date, source and status. */
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { DOCUMENT_TYPE_LABEL, STATUS_LABEL } from "../core/messages/vintages";
import type { Fact } from "../core/schema";
import type { IndicatorStore } from "../core/store";
import type { PublicationStatus } from "../core/vintages";
import { figureText, sourceTitle } from "./format";
import { useI18n } from "./i18n";
import { useShared } from "./ui";

const useStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "3px 4px",
    textAlign: "left",
    verticalAlign: "top",
  },
  value: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  current: { backgroundColor: tokens.colorBrandBackground2 },
});

const STATUS_COLOR: Record<PublicationStatus, "brand" | "informative" | "subtle" | "danger"> = {
  chosen: "brand",
  agrees: "subtle",
  revised: "informative",
  conflict: "danger",
};

export interface RevisionHistoryProps {
  store: IndicatorStore;
  /** The figure shown in the detail; its estimate, actual and every other publication are listed. */
  fact: Fact;
}

/** Nothing for a figure published once; otherwise a table, newest vintage first in the rule's order. */
export function RevisionHistory({ store, fact }: RevisionHistoryProps) {
  const { t, lang, kind } = useI18n();
  const s = useStyles();
  const shared = useShared();
  const publications = useMemo(() => store.publications(fact), [store, fact]);
  if (publications.length < 2) return null;
  const columns = t.revisionColumns;
  return (
    <section aria-label={t.revisionHistory(publications.length)} data-testid="revision-history">
      <h3 className={shared.heading}>{t.revisionHistory(publications.length)}</h3>
      <table className={s.table}>
        <thead>
          <tr>
            <th className={s.cell}>{columns.date}</th>
            <th className={s.cell}>{columns.source}</th>
            <th className={s.cell}>{columns.kind}</th>
            <th className={`${s.cell} ${s.value}`}>{columns.value}</th>
            <th className={s.cell}>{columns.status}</th>
          </tr>
        </thead>
        <tbody>
          {publications.map(({ fact: f, source, status }) => (
            <tr
              key={f.id}
              className={f.id === fact.id ? s.current : undefined}
              aria-current={f.id === fact.id ? "true" : undefined}
              data-status={status}
            >
              <td className={`${s.cell} ${shared.number}`}>{source?.date}</td>
              <td className={s.cell} title={sourceTitle(source, lang)}>
                {f.source}
                {source ? ` · ${DOCUMENT_TYPE_LABEL[lang][source.type]}` : ""}
              </td>
              <td className={s.cell}>{kind[f.kind]}</td>
              <td className={`${s.cell} ${s.value}`}>{figureText(f, lang)}</td>
              <td className={s.cell}>
                <Badge appearance="tint" size="small" color={STATUS_COLOR[status]}>
                  {STATUS_LABEL[lang][status]}
                </Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={shared.caption}>{t.asOfChosen}</div>
    </section>
  );
}
