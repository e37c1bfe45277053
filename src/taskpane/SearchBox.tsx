/** The search field, in the pane's first script; the rest of Browse loads with the dataset. */
import { Input } from "@fluentui/react-components";
import { forwardRef, type KeyboardEvent } from "react";
import { useI18n } from "./i18n";
import type { Callback } from "./types";

export interface SearchBoxProps {
  query: string;
  onQuery: Callback<string>;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/** The search field: the first thing the pane paints, before the dataset has arrived. */
export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox(
  { query, onQuery, onKeyDown },
  ref,
) {
  const { t } = useI18n();
  return (
    <Input
      ref={ref}
      type="search"
      value={query}
      placeholder={t.search}
      aria-label={t.searchLabel}
      onChange={(_, d) => onQuery(d.value)}
      onKeyDown={onKeyDown}
      style={{ width: "100%" }}
    />
  );
});
