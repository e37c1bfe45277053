/** Progress of a long sheet write, with its Cancel button; the bar's space is kept so nothing moves when a run starts. */
import { Button, ProgressBar } from "@fluentui/react-components";
import { useI18n } from "../i18n";

export interface WriteProgressProps {
  /** 0–1. */
  value: number;
  /** What is being done now ("写入 12,000 / 100,000 行"). */
  label: string;
  visible: boolean;
  /** Shown while the write can still be cancelled. */
  onCancel?: () => void;
  cancelling: boolean;
}

export function WriteProgress({ value, label, visible, onCancel, cancelling }: WriteProgressProps) {
  const { t } = useI18n();
  return (
    <div style={{ display: "flex", alignItems: "center", gap: 8, minHeight: 24 }}>
      <ProgressBar
        value={value}
        max={1}
        thickness="large"
        aria-label={label || t.loadTitle}
        style={{ flex: 1, visibility: visible ? "visible" : "hidden" }}
      />
      {onCancel ? (
        <Button size="small" disabled={cancelling} onClick={onCancel}>
          {t.cancelLoad}
        </Button>
      ) : null}
    </div>
  );
}
