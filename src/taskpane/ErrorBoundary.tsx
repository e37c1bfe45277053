/** Keeps one broken record or view from blanking the pane: its place shows a one-line message instead. */
import { Component, type ReactNode } from "react";

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
