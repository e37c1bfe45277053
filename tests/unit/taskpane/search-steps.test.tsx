/** A large dataset's search, a step at a time: the same figures in the same order, the first ones at once. */
import { describe, expect, it } from "@jest/globals";
import { act, renderHook, waitFor } from "@testing-library/react";
import { countFacts } from "../../../src/core/lazy-facts";
import { IndicatorStore } from "../../../src/core/store";
import { decodeDataset, encodeDatasetObject } from "../../../src/core/wire";
import { live } from "../../../src/runtime/dataset";
import { filterOptions, NO_FILTERS, searchFacts, searchInSteps, SEARCH_STEP_FACTS } from "../../../src/taskpane/search";
import { useSearch } from "../../../src/taskpane/useSearch";
import { syntheticStore } from "../excel/helpers";

const store = live.store;

describe("the search in steps", () => {
  it("finds the same figures in the same order in small steps as at once, each step only appending", () => {
    for (const filters of [NO_FILTERS, { ...NO_FILTERS, query: "学位" }, { ...NO_FILTERS, query: "GDP增速" }]) {
      const whole = searchFacts(store, filters);
      const stepped = searchInSteps(store, filters);
      let steps = 0;
      let before: string[] = [];
      for (let done = false; !done; steps++) {
        done = stepped.step(25);
        const ids = stepped.results.map((f) => f.id);
        expect(ids.slice(0, before.length)).toEqual(before);
        before = ids;
      }
      expect(stepped.results).toEqual(whole);
      if (filters === NO_FILTERS) expect(steps).toBeGreaterThan(10);
    }
    // The bundled dataset is searched in one step, as before.
    expect(searchInSteps(store, NO_FILTERS).step()).toBe(true);
  });

  it("counts regions and periods without making a decoded dataset's facts, as a plain one does", () => {
    const decoded = decodeDataset(encodeDatasetObject(store.dataset));
    for (const field of ["region", "period"] as const)
      expect([...countFacts(decoded, field)]).toEqual([...countFacts(store.dataset, field)]);
    expect(filterOptions(new IndicatorStore(decoded))).toEqual(filterOptions(store));
  });

  it("lists a large dataset's first figures at once and the rest in later tasks, then says it is complete", async () => {
    const large = syntheticStore(3 * SEARCH_STEP_FACTS);
    const whole = searchFacts(large, NO_FILTERS);
    const { result } = renderHook(() => useSearch(large, NO_FILTERS));
    const first = result.current;
    expect(first.complete).toBe(false);
    expect(first.results.length).toBeGreaterThan(0);
    expect(first.results.length).toBeLessThan(whole.length);
    await waitFor(() => expect(result.current.complete).toBe(true), { timeout: 20_000 });
    expect(result.current.results).toEqual(whole);
  });

  it("starts over for new filters and stops the old search", async () => {
    const large = syntheticStore(3 * SEARCH_STEP_FACTS);
    const { result, rerender } = renderHook(({ query }) => useSearch(large, { ...NO_FILTERS, query }), {
      initialProps: { query: "" },
    });
    expect(result.current.complete).toBe(false);
    act(() => rerender({ query: "公办园占比" }));
    await waitFor(() => expect(result.current.complete).toBe(true), { timeout: 20_000 });
    expect(result.current.results).toEqual(searchFacts(large, { ...NO_FILTERS, query: "公办园占比" }));
  });
});
