/** HH formula text for a fact or an indicator. Pure: the task pane shows it before inserting it. */
import { ACTUAL_KINDS, isActualKind, TARGET_KINDS } from "../core/kinds";
import { factMeasures, lookupLevel, lookupNamed } from "../core/query";
import { CITY } from "../core/regions";
import type { Fact, Indicator, Kind } from "../core/schema";
import type { IndicatorStore } from "../core/store";

/** An Excel string literal. */
export function quoteArg(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The Chinese name when it reads back as this indicator's level (readable), else the id (unambiguous). */
function indicatorName(store: IndicatorStore, indicator: Indicator): string {
  const result = store.resolver.resolve(indicator.zh);
  return "reading" in result && result.reading.indicator.id === indicator.id && result.reading.measure === "level"
    ? indicator.zh
    : indicator.id;
}

export function indicatorArg(store: IndicatorStore, indicator: Indicator): string {
  return quoteArg(indicatorName(store, indicator));
}

/** A name for a change of the indicator (地区生产总值增量), when it reads back as exactly that. */
function changeArg(store: IndicatorStore, indicator: Indicator, measure: Fact["measure"]): string | undefined {
  const word = measure === "abs_change" ? "增量" : measure === "pp_change" ? "百分点" : "增速";
  for (const name of [indicator.zh, indicator.id]) {
    const result = store.resolver.resolve(`${name}${word}`);
    if ("reading" in result && result.reading.indicator.id === indicator.id && result.reading.measure === measure)
      return quoteArg(`${name}${word}`);
  }
  return undefined;
}

/** Years as numbers (2025), anything else as text ("2021-2025"). */
export function periodArg(period: string): string {
  return /^\d{4}$/.test(period) ? period : quoteArg(period);
}

/** The region argument, or "" for the city, which every function defaults to. */
export function regionArg(region: string): string {
  return region === CITY ? "" : quoteArg(region);
}

/** Drops trailing empty optional arguments: f(a,b,,) → f(a,b). */
export function call(name: string, args: string[]): string {
  const list = [...args];
  while (list.length > 0 && list[list.length - 1] === "") list.pop();
  return `HH.${name}(${list.join(",")})`;
}

export type FactFormula =
  | {
      ok: true;
      formula: string;
      /** The formula returns another source's figure for the same key. */ returnsChosen: boolean;
    }
  | { ok: false; reason: "measure" };

/** The live formula that returns this figure (or the figure lookups choose for its key). */
export function factFormula(store: IndicatorStore, fact: Fact): FactFormula {
  const indicator = store.indicators.get(fact.indicator);
  if (!indicator) return { ok: false, reason: "measure" };
  const chosen = store.chosen(fact) ?? fact;
  const returnsChosen = chosen.id !== fact.id;
  const name = indicatorArg(store, indicator);
  const period = periodArg(fact.period);
  const region = regionArg(fact.region);

  if (fact.measure === "level") {
    const generic: { fn: string; kinds: readonly Kind[] } = isActualKind(fact.kind)
      ? { fn: "VALUE", kinds: ACTUAL_KINDS }
      : { fn: "TARGET", kinds: TARGET_KINDS };
    // VALUE/TARGET try several kinds; use GET with an explicit kind when they would pick another fact.
    let genericPicks = false;
    try {
      genericPicks =
        lookupLevel(store, { indicator: indicator.id, period: fact.period, region: fact.region }, generic.kinds).id ===
        chosen.id;
    } catch {
      genericPicks = false;
    }
    const formula = genericPicks
      ? call(generic.fn, [name, period, region])
      : call("GET", [name, period, quoteArg(fact.kind), region]);
    return { ok: true, formula: `=${formula}`, returnsChosen };
  }
  if (fact.measure === "pct_change") {
    const hasActual = !!store.chosen({ ...fact, kind: "actual" });
    const hasTarget = !!store.chosen({ ...fact, kind: "target" });
    let kind = "";
    if (fact.kind === "estimate" && hasActual) kind = quoteArg("estimate");
    else if (fact.kind === "target") kind = quoteArg("target");
    else if (fact.kind === "plan") kind = quoteArg(hasTarget ? "plan" : "target");
    // A yearly average over a span (年均增长) is another measure than the change across it.
    const annual = !factMeasures(fact, { measure: "pct_change", annual: false, decline: false });
    const growthName = annual ? quoteArg(`${indicatorName(store, indicator)}年均增长`) : name;
    return { ok: true, formula: `=${call("GROWTH", [growthName, period, region, kind])}`, returnsChosen };
  }
  const changeName = changeArg(store, indicator, fact.measure);
  if (!changeName || !factMeasures(fact, { measure: fact.measure, annual: false, decline: false }))
    return { ok: false, reason: "measure" };
  const fn = isActualKind(fact.kind) ? "VALUE" : "TARGET";
  const kinds = fn === "VALUE" ? ACTUAL_KINDS : TARGET_KINDS;
  let picks = false;
  try {
    picks =
      lookupNamed(store, { indicator: changeName.slice(1, -1), period: fact.period, region: fact.region }, kinds).fact
        .id === chosen.id;
  } catch {
    picks = false;
  }
  const formula = picks
    ? call(fn, [changeName, period, region])
    : call("GET", [changeName, period, quoteArg(fact.kind), region]);
  return { ok: true, formula: `=${formula}`, returnsChosen };
}

/** A number as a formula literal: shares and rates as percent literals (10.14%), which Excel reads natively. */
export function numberLiteral(value: number, percent = false): string {
  if (percent) return `${trimNumber(value * 100)}%`;
  return trimNumber(value);
}

function trimNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}
