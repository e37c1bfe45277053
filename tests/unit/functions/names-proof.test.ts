/**
 * The proof that names mean what they say: thousands of names generated from the dataset itself (every
 * indicator × its id, names, aliases and report phrases × with and without measure words × regions in
 * Chinese and English × periods), each evaluated as Excel would call the function. Every answer is the
 * figure of the measure, region and period the name states, or an error — never another figure.
 */
import { describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";
import "../../../src/functions/custom-functions-fallback";
import { isCustomFunctionsError } from "../../../src/functions/custom-functions-fallback";
import * as functions from "../../../src/functions/functions";
import { evaluateFormulas } from "../../../src/cli/engine";
import { endYear, isYear } from "../../../src/core/periods";
import { regionEnglish } from "../../../src/core/regions";
import { normalizeName } from "../../../src/core/resolve";
import type { Fact, Indicator, Kind, Measure } from "../../../src/core/schema";
import { live } from "../../../src/runtime/dataset";

const store = live.store;
const CITY = "呼和浩特市";

interface Intent {
  indicator: Indicator;
  measure: Measure;
  annual: boolean;
  decline: boolean;
  region: string;
  period: string;
  fn: "VALUE" | "TARGET";
}
interface Case {
  name: string;
  region?: string;
  period: string;
  intent?: Intent;
  /** The name is shared by several indicators: the answer must be an error. */
  ambiguous?: boolean;
}

/** Every name of every indicator, as the dataset spells it: the exact names a decorated name is tested against. */
const exactNames = new Map<string, string>();
/** Names several indicators share (data/catalog.yaml `ambiguous:`): they must name them all, never answer. */
const sharedNames = new Set<string>();
for (const i of store.dataset.indicators) {
  const en = i.en.replace(/\s*[((][^()()]*[))]\s*/g, " ").trim();
  for (const n of new Set([i.id, i.zh, i.en, en, ...i.aliases, ...(i.phrases ?? [])].map(normalizeName))) {
    if (exactNames.has(n) && exactNames.get(n) !== i.id) sharedNames.add(n);
    exactNames.set(n, i.id);
  }
}

const DECORATIONS: Array<{ measure: Measure; annual?: boolean; decline?: boolean; make: (n: string) => string }> = [
  { measure: "level", make: (n) => n },
  { measure: "pct_change", make: (n) => `${n}增速` },
  { measure: "pct_change", make: (n) => `${n}增长率` },
  { measure: "pct_change", make: (n) => `${n} growth` },
  { measure: "pct_change", annual: true, make: (n) => `${n}年均增长` },
  { measure: "pct_change", decline: true, make: (n) => `${n}降幅` },
  { measure: "abs_change", make: (n) => `新增${n}` },
  { measure: "abs_change", make: (n) => `${n}增量` },
  { measure: "abs_change", make: (n) => `new ${n}` },
  { measure: "pp_change", make: (n) => `${n}个百分点` },
];

/** The answer the spec gives for an intent, computed here from the facts without the resolver. */
function expected(intent: Intent): number | undefined {
  const kinds: Kind[] = intent.fn === "VALUE" ? ["actual", "estimate"] : ["target", "plan"];
  const span = /^\d{4}-\d{4}$/.test(intent.period);
  // Only a share's target is looked for at a span's end (its level at the plan's horizon); nothing else
  // at a span is its end year's figure, and a quarter, half or months are never the year.
  const horizon = (kind: Kind) =>
    span && kind === "target" && intent.measure === "level" && /^(%|个百分点|百分点)$/.test(intent.indicator.unit);
  const yearly = (f: Fact) => f.base === undefined || f.base === "上年" || f.base === "同比";
  const fits = (f: Fact) => {
    if (f.measure !== "pct_change" && f.measure !== "abs_change") return true;
    // A year's change is against the year before, not a change since an earlier year (2025 较2020).
    if (isYear(f.period)) return yearly(f) || f.base === String(Number(f.period) - 1);
    // A half's or quarter's 同比 is its own growth, never a yearly average.
    if (!/^\d{4}-\d{4}$/.test(f.period)) return yearly(f) && !intent.annual;
    if (intent.annual) return yearly(f);
    return !yearly(f) || f.measure === "abs_change";
  };
  const tries: Array<[string, Kind]> = [
    ...kinds.map((kind): [string, Kind] => [intent.period, kind]),
    ...kinds.filter(horizon).map((kind): [string, Kind] => [String(endYear(intent.period)), kind]),
  ];
  for (const [period, kind] of tries) {
    const fact = store.facts(intent.indicator.id, intent.region, period, kind, intent.measure).find(fits);
    if (fact) {
      if (!intent.decline) return fact.value;
      return fact.value > 0 ? undefined : -fact.value;
    }
  }
  return undefined;
}

function generate(): Case[] {
  const cases: Case[] = [];
  let turn = 0;
  for (const indicator of store.dataset.indicators) {
    const facts = store.series(indicator.id);
    const regions = [...new Set([CITY, ...facts.map((f) => f.region)])];
    const periods = [...new Set(facts.map((f) => f.period)), "2019"];
    const names = [indicator.id, indicator.zh, indicator.en, ...indicator.aliases, ...(indicator.phrases ?? [])];
    for (const name of names) {
      for (const decoration of DECORATIONS) {
        turn++;
        // Mostly a figure of the decorated measure that exists, so most names should be answered; else any.
        const existing = facts.filter((f) => f.measure === decoration.measure);
        const fact = turn % 5 !== 0 && existing.length ? existing[turn % existing.length] : undefined;
        const region = fact?.region ?? regions[turn % regions.length];
        const period = fact?.period ?? periods[turn % periods.length];
        const fn = fact
          ? fact.kind === "actual" || fact.kind === "estimate"
            ? "VALUE"
            : "TARGET"
          : turn % 3 === 0
            ? "TARGET"
            : "VALUE";
        const text = decoration.make(name);
        // A decorated name that is itself another name (新增 + 学位 = 新增学位) means that name's level.
        const own = exactNames.get(normalizeName(text));
        const intent: Intent = own
          ? {
              indicator: store.indicators.get(own)!,
              measure: "level",
              annual: false,
              decline: false,
              region,
              period,
              fn,
            }
          : {
              indicator,
              measure: decoration.measure,
              annual: decoration.annual ?? false,
              decline: decoration.decline ?? false,
              region,
              period,
              fn,
            };
        const ambiguous = sharedNames.has(normalizeName(name)) || undefined;
        // The region three ways: omitted (the city), in Chinese, in English; or in the name itself.
        const form = turn % 4;
        if (form === 0 && region === CITY) cases.push({ name: text, period, intent, ambiguous });
        else if (form === 1 && !own)
          cases.push({ name: `${region === CITY ? "全市" : region}${text}`, period, intent, ambiguous });
        else if (form === 2) cases.push({ name: text, region: regionEnglish(region), period, intent, ambiguous });
        else cases.push({ name: text, region, period, intent, ambiguous });
      }
    }
  }
  return cases;
}

/** Words that change the meaning, swapped: the swapped name must never find the original's figure. */
const OPPOSITES: Array<[string, string]> = [
  ["公办", "民办"],
  ["城镇", "农村"],
  ["农村", "城镇"],
  ["新增", "减少"],
  ["public", "private"],
  ["urban", "rural"],
  ["rural", "urban"],
];

function call(c: Case, fn: "VALUE" | "TARGET"): unknown {
  return fn === "VALUE" ? functions.value(c.name, c.period, c.region) : functions.target(c.name, c.period, c.region);
}

describe("names mean what they say", () => {
  it("answers thousands of generated names with the named figure or an error, never another figure", () => {
    const cases = generate();
    let answered = 0;
    let errors = 0;
    const wrong: string[] = [];
    const unanswered: string[] = [];
    for (const c of cases) {
      const intent = c.intent!;
      const want = c.ambiguous ? undefined : expected(intent);
      const got = call(c, intent.fn);
      if (isCustomFunctionsError(got)) {
        if (want !== undefined) unanswered.push(`HH.${intent.fn}("${c.name}",${c.period},${c.region ?? ""})`);
        errors++;
        continue;
      }
      if (typeof got === "number" && want !== undefined && got === want) answered++;
      else
        wrong.push(
          `HH.${intent.fn}("${c.name}",${c.period},${c.region ?? ""}) → ${String(got)}, expected ${want ?? "an error"}`,
        );
    }
    console.log(
      `names proof: ${cases.length} names, ${answered} answered, ${errors} #N/A or #VALUE! (${unanswered.length} of them for a figure that exists), ${wrong.length} wrong`,
    );
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    expect(answered).toBeGreaterThanOrEqual(1000);
    // Every name whose figure exists finds it: the reading is not merely cautious.
    expect(unanswered.slice(0, 20)).toEqual([]);
  });

  it("never finds a figure under a name with a meaning word swapped", () => {
    let tried = 0;
    const wrong: string[] = [];
    for (const indicator of store.dataset.indicators) {
      for (const name of [indicator.zh, indicator.en, ...indicator.aliases]) {
        for (const [from, to] of OPPOSITES) {
          if (!name.includes(from)) continue;
          const swapped = name.replace(from, to);
          if (exactNames.has(normalizeName(swapped))) continue; // the other figure exists under that name
          tried++;
          const fact = store.series(indicator.id)[0];
          if (!fact) continue;
          const got = functions.value(swapped, fact.period, fact.region);
          if (!isCustomFunctionsError(got)) wrong.push(`${swapped} → ${String(got)}`);
        }
      }
    }
    console.log(`swapped meaning words: ${tried} names, ${wrong.length} answered`);
    expect(tried).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });

  it("gives no figure for a report's words that lack what the indicator means", () => {
    // The capacity, not the capacity eliminated (淘汰电石产能7.5万吨、铁合金产能6万吨); a share without its subject.
    const eliminated = store.facts("industry_ferroalloy_capacity_eliminated", CITY, "2022", "actual", "level")[0];
    const share = store.facts("industry_strategic_emerging_output_share", CITY, "2017", "actual", "level")[0];
    expect([eliminated?.value, share?.value]).toEqual([60000, 0.28]);
    for (const [name, period] of [
      ["铁合金产能", "2022"],
      ["占全市规模以上工业产值比重", "2017"],
      ["全市铁合金产能", "2022"],
    ])
      expect([name, isCustomFunctionsError(functions.value(name, period))]).toEqual([name, true]);
  });

  it("never lands a name with one character dropped on another figure", () => {
    let tried = 0;
    const wrong: string[] = [];
    for (const indicator of store.dataset.indicators) {
      const fact = store.series(indicator.id)[0];
      if (!fact || [...indicator.zh].length < 4) continue;
      const chars = [...indicator.zh];
      const near = [...chars.slice(0, 1), ...chars.slice(2)].join("");
      if (exactNames.has(normalizeName(near))) continue;
      tried++;
      const got = functions.value(near, fact.period, fact.region);
      if (!isCustomFunctionsError(got)) wrong.push(`${near} (near ${indicator.zh}) → ${String(got)}`);
    }
    expect(tried).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it("gives the same answers through the formula engine", async () => {
    // HyperFormula does not read "" inside a string literal, so names with a double quote stay out.
    const sample = generate().filter((c, i) => i % 40 === 0 && !c.name.includes('"'));
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const formulas = sample.map((c) => {
      const period = isYear(c.period) ? c.period : quote(c.period);
      return `=HH.${c.intent!.fn}(${quote(c.name)},${period}${c.region ? `,${quote(c.region)}` : ""})`;
    });
    const results = await evaluateFormulas(formulas);
    results.forEach((result, i) => {
      const direct = call(sample[i], sample[i].intent!.fn);
      if (isCustomFunctionsError(direct)) expect(result.ok, formulas[i]).toBe(false);
      else expect(result, formulas[i]).toMatchObject({ ok: true, value: direct });
    });
    expect(sample.length).toBeGreaterThan(100);
  }, 60000);
});
