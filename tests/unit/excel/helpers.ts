/** Stores for sheet tests: the embedded dataset, and synthetic ones of any size. */
import type { Dataset, Fact } from "../../../src/core/schema";
import { IndicatorStore } from "../../../src/core/store";
import { live } from "../../../src/runtime/dataset";

export const store = live.store;

/** `n` facts cloned from the embedded dataset (unique ids and keys), plus hostile text. */
export function syntheticStore(n: number, hostile = false): IndicatorStore {
  const base = store.dataset;
  const facts: Fact[] = [];
  for (let i = 0; i < n; i++) {
    const f = base.facts[i % base.facts.length];
    const round = Math.floor(i / base.facts.length);
    facts.push({ ...f, id: `${f.id}#s${i}`, period: round === 0 ? f.period : String(1900 + round) });
  }
  const indicators = [...base.indicators];
  if (hostile) {
    indicators.push({
      id: "zz_hostile",
      zh: "@危险指标",
      en: "-minus name",
      aliases: [],
      category: "+类别",
      unit: "个",
    });
    const f = base.facts[0];
    facts[0] = {
      ...f,
      id: "hostile|1",
      indicator: "zz_hostile",
      quote: '=HYPERLINK("http://example.invalid","x")',
      note: "+1 note",
      qualifier: "-",
    };
    facts[1] = { ...base.facts[1], id: "hostile|2", quote: "@SUM(A1:A2)", note: "=1+1" };
  }
  const dataset: Dataset = { ...base, indicators, facts, conflicts: [] };
  return new IndicatorStore(dataset);
}
