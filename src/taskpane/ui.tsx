/** Small shared pieces: styles, status lines and sheet-action buttons. */
import { Button, makeStyles, tokens, type ButtonProps } from "@fluentui/react-components";
import { useCallback, useState, type ReactNode } from "react";
import { useI18n } from "./i18n";

export const useShared = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "6px", marginBottom: "12px" },
  row: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap" },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: "4px 0 2px" },
  caption: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    lineHeight: tokens.lineHeightBase200,
  },
  status: {
    fontSize: tokens.fontSizeBase200,
    minHeight: "32px",
    lineHeight: "16px",
    color: tokens.colorNeutralForeground2,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: "break-all" },
  formulaBox: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    wordBreak: "break-all",
    backgroundColor: tokens.colorNeutralBackground3,
    padding: "4px 6px",
    borderRadius: tokens.borderRadiusMedium,
    minHeight: "18px",
  },
  number: { fontVariantNumeric: "tabular-nums" },
});

/** A one-line live region with reserved height, so messages never push the layout around. */
export function StatusLine({ message, error }: { message: string; error?: boolean }) {
  const s = useShared();
  return (
    <div className={`${s.status} ${error ? s.error : ""}`} role="status" aria-live="polite">
      {message}
    </div>
  );
}

/** A button for a sheet action: disabled with its one-line reason outside Excel. */
export function SheetButton({ reason, children, ...props }: ButtonProps & { reason: string; children: ReactNode }) {
  return (
    <Button size="small" {...props} disabled={Boolean(reason) || props.disabled} title={reason || undefined}>
      {children}
    </Button>
  );
}

/** Runs a sheet action and keeps its message. */
export function useAction() {
  const { t } = useI18n();
  const [state, setState] = useState<{ busy: boolean; message: string; error: boolean }>({
    busy: false,
    message: "",
    error: false,
  });
  const run = useCallback(
    async (action: () => Promise<string>) => {
      setState({ busy: true, message: "", error: false });
      try {
        const message = await action();
        setState({ busy: false, message, error: false });
      } catch (error) {
        setState({
          busy: false,
          message: t.error(error instanceof Error ? error.message : String(error)),
          error: true,
        });
      }
    },
    [t],
  );
  return { ...state, run, setMessage: (message: string, error = false) => setState({ busy: false, message, error }) };
}
