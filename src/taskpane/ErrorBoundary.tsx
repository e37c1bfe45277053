/** Keeps one broken record or view from blanking the pane: its place shows a one-line message instead. */
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { Component, type ReactNode } from "react";
import { useI18n } from "./i18n";

interface Props {
  /** What to show instead, given the error. */
  fallback: (error: Error) => ReactNode;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    // Visible in the browser console for a bug report; the user sees the fallback.
    console.error("HH Indicators:", error);
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/**
 * A boundary around a whole view (a tab's panel, the figure's detail): it says what failed in the
 * view's place, and offers the way back where there is one, so the rest of the pane keeps working.
 */
export function ViewBoundary({ children, onBack }: { children: ReactNode; onBack?: () => void }) {
  return <ErrorBoundary fallback={(error) => <BrokenView error={error} onBack={onBack} />}>{children}</ErrorBoundary>;
}

function BrokenView({ error, onBack }: { error: Error; onBack?: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{t.brokenView(error.message)}</MessageBarBody>
      </MessageBar>
      {onBack ? (
        <Button appearance="subtle" onClick={onBack}>
          {t.back}
        </Button>
      ) : null}
    </div>
  );
}
