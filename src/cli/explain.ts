/** hh resolve: how a name is read, in words a user can check. */
import { HHError } from "../core/errors";
import { KIND_LABEL } from "../core/labels";
import { ACTUAL_KINDS, citation, lookupNamed, measureName } from "../core/query";
import type { IndicatorStore } from "../core/store";

export interface Explanation {
  ok: boolean;
  name: string;
  indicator?: { id: string; zh: string; en: string; unit: string };
  measure?: string;
  measureLabel?: string;
  region?: { name: string; from: "argument" | "name" | "default" };
  matched?: { by: string; text: string; words: string[] };
  runnerUp?: { id: string; zh: string; score: number };
  figure?: { value?: number; period?: string; kind?: string; citation?: string; error?: string };
  error?: string;
  candidates?: Array<{ id: string; zh: string; score: number }>;
}

export function explainName(
  store: IndicatorStore,
  name: string,
  options: { region?: string; period?: string },
): Explanation {
  const result = store.resolver.resolve(name);
  if (!("reading" in result)) {
    return {
      ok: false,
      name,
      error: result.error,
      candidates: result.candidates.map((c) => ({ id: c.indicator.id, zh: c.indicator.zh, score: round(c.score) })),
    };
  }
  const { reading } = result;
  const runnerUp = store.resolver.similar(name, 1, reading.indicator.id)[0];
  const explained: Explanation = {
    ok: true,
    name,
    indicator: {
      id: reading.indicator.id,
      zh: reading.indicator.zh,
      en: reading.indicator.en,
      unit: reading.indicator.unit,
    },
    measure: reading.measure,
    measureLabel: `${measureName(reading)} / ${measureName(reading, "en")}`,
    matched: { by: reading.match, text: reading.matched, words: reading.words },
    runnerUp: runnerUp && { id: runnerUp.indicator.id, zh: runnerUp.indicator.zh, score: round(runnerUp.score) },
  };
  try {
    explained.region = {
      name: store.region(options.region, reading),
      from: options.region ? "argument" : reading.region ? "name" : "default",
    };
    if (options.period !== undefined) {
      const { fact, value } = lookupNamed(
        store,
        { indicator: name, period: options.period, region: options.region },
        ACTUAL_KINDS,
      );
      explained.figure = { value, period: fact.period, kind: fact.kind, citation: citation(store, fact) };
    }
  } catch (error) {
    if (!(error instanceof HHError)) throw error;
    explained.figure = {
      error: `#${error.code}${error.code === "N/A" || error.code === "DIV/0" ? "" : "!"} ${error.message}`,
    };
  }
  return explained;
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}

export function formatExplanation(e: Explanation): string {
  if (!e.ok) {
    const list = (e.candidates ?? []).map((c) => `  ${c.id}\t${c.zh}\t${c.score.toFixed(2)}`).join("\n");
    const why =
      e.error === "ambiguous" ? "is ambiguous" : e.error === "too_long" ? "is too long" : "names no indicator";
    return `"${e.name}" ${why}${list ? `; candidates:\n${list}` : ""}`;
  }
  const lines = [
    `name       ${e.name}`,
    `indicator  ${e.indicator!.id} · ${e.indicator!.zh} · ${e.indicator!.en}`,
    `measure    ${e.measure} (${e.measureLabel})`,
    `region     ${e.region?.name ?? "?"} (${e.region?.from === "default" ? "default: the city" : `from the ${e.region?.from}`})`,
    `matched    ${e.matched!.by} "${e.matched!.text}"${e.matched!.words.length ? ` + ${e.matched!.words.join(", ")}` : ""}`,
    `runner-up  ${e.runnerUp ? `${e.runnerUp.id} · ${e.runnerUp.zh} (similarity ${e.runnerUp.score.toFixed(2)})` : "none"}`,
  ];
  if (e.figure?.error) lines.push(`figure     ${e.figure.error}`);
  else if (e.figure)
    lines.push(
      `figure     ${e.figure.value} (${e.figure.period} ${KIND_LABEL.zh[e.figure.kind as keyof typeof KIND_LABEL.zh]})`,
      `           ${e.figure.citation}`,
    );
  return lines.join("\n");
}
