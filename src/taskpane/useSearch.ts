/** The result list's search, a step at a time for a large dataset (search.ts: searchInSteps). */
import { useEffect, useMemo, useState } from "react";
import type { Fact } from "../core/schema";
import type { IndicatorStore } from "../core/store";
import { searchInSteps, type Filters } from "./search";

export interface SearchState {
  results: readonly Fact[];
  /** False while later steps are still finding figures: the count is a count so far. */
  complete: boolean;
}

const NOTHING: SearchState = { results: [], complete: true };

/**
 * The first step runs during the render (a dataset of a few thousand facts is done in it, as a plain
 * search would be); the others each in their own task, so the page paints and takes input in between.
 * A new store or new filters start over, and the old search stops.
 */
export function useSearch(store: IndicatorStore | undefined, filters: Filters): SearchState {
  const search = useMemo(() => {
    if (!store) return undefined;
    const stepped = searchInSteps(store, filters);
    const complete = stepped.step();
    return { stepped, first: { results: stepped.results.slice(), complete } };
  }, [store, filters]);
  const [later, setLater] = useState<{ search: typeof search; state: SearchState }>();
  useEffect(() => {
    if (!search || search.first.complete) return;
    let timer: ReturnType<typeof setTimeout>;
    const next = () => {
      const complete = search.stepped.step();
      // A copy: the list's own memos see a new list at each step.
      setLater({ search, state: { results: search.stepped.results.slice(), complete } });
      if (!complete) timer = setTimeout(next, 0);
    };
    timer = setTimeout(next, 0);
    return () => clearTimeout(timer);
  }, [search]);
  if (!search) return NOTHING;
  return later?.search === search ? later.state : search.first;
}
