/** The vintage rule: which publication of a figure lookups return, what counts as a revision or a conflict, as-of views. */
import { describe, it } from "@jest/globals";
import { fitsQualified } from "../../../src/core/qualifiers";
import { expect } from "../../jest/expect";
import { findConflicts } from "../../../src/core/conflicts";
import { HHError } from "../../../src/core/errors";
import * as q from "../../../src/core/query";
import { IndicatorStore } from "../../../src/core/store";
import { PANE_EN, PANE_ZH } from "../../../src/core/messages/pane";
import { parseAsOf, VINTAGE_RULE } from "../../../src/core/vintages";
import { ESTIMATE, REAL, REVISED, storeWith, type Publication } from "../../jest/vintage-datasets";

const GDP = { indicator: "地区生产总值", period: 2022, region: "新城区" };

function statuses(store: IndicatorStore, asOf?: string): Record<string, string> {
  return Object.fromEntries(store.publications(ESTIMATE, asOf).map((p) => [p.fact.source, p.status]));
}

function thrown(run: () => unknown): HHError {
  try {
    run();
  } catch (error) {
    if (error instanceof HHError) return error;
    throw error;
  }
  throw new Error("expected an HHError");
}

const conflictsOfGdp = (store: IndicatorStore) =>
  findConflicts(store.dataset.facts, store.sources).filter((c) => c.key.startsWith("econ_gdp|新城区|2022|"));

describe("the chosen publication", () => {
  it("is, for every fact, the first of its figure's classified publications (single ones without classifying)", () => {
    for (const store of [new IndicatorStore(REAL), storeWith(REVISED)]) {
      for (const fact of store.dataset.facts)
        expect(store.isChosen(fact), fact.id).toBe(store.publications(fact)[0]?.fact.id === fact.id);
    }
  });
});

describe("the figure lookups return", () => {
  it("is the actual once published: an estimate replaced by an actual is a revision, not a conflict", () => {
    const store = storeWith([{ id: "101", type: "统计公报", date: "2023-04-10", value: 670.2 }]);
    expect(q.value(store, GDP)).toBe(670.2);
    expect(q.get(store, { ...GDP, kind: "estimate" })).toBe(665);
    expect(statuses(store)).toEqual({ "101": "chosen", "004": "revised" });
    expect(conflictsOfGdp(store)).toEqual([]);
    expect(store.conflictsOf(ESTIMATE)).toEqual([]);
  });

  it("is the later official publication when it changes the figure", () => {
    const store = storeWith(REVISED);
    expect(q.value(store, GDP)).toBe(672.5);
    expect(statuses(store)).toEqual({ "102": "chosen", "101": "revised", "004": "revised" });
    expect(conflictsOfGdp(store)).toEqual([]);
  });

  it("is not changed by a later news report: news disagreeing with the official figure is a conflict", () => {
    const store = storeWith([...REVISED, { id: "103", type: "新闻报道", date: "2024-05-01", value: 680 }]);
    expect(q.value(store, GDP)).toBe(672.5);
    expect(statuses(store)["103"]).toBe("conflict");
    const [conflict] = conflictsOfGdp(store);
    expect(conflict.chosen).toContain("|102");
    expect(conflict.facts.map((id) => id.slice(-3))).toEqual(["102", "103"]);
    expect(conflict.reason).toContain("政府工作报告 outranks 新闻报道");
  });

  it("counts news restating a figure since revised as history, not as a conflict", () => {
    const store = storeWith([...REVISED, { id: "103", type: "新闻报道", date: "2023-05-01", value: 670.2 }]);
    expect(statuses(store)["103"]).toBe("revised");
    expect(conflictsOfGdp(store)).toEqual([]);
  });

  it("keeps two official sources of one date with different numbers a conflict, the bulletin chosen", () => {
    const sameDay: Publication[] = [
      { id: "103", type: "进展报告", date: "2023-04-10", value: 671 },
      { id: "101", type: "统计公报", date: "2023-04-10", value: 670.2 },
    ];
    const store = storeWith(sameDay);
    expect(q.value(store, GDP)).toBe(670.2);
    expect(statuses(store)).toEqual({ "101": "chosen", "103": "conflict", "004": "revised" });
    const bulletin = store.chosen({ ...ESTIMATE, kind: "actual" })!;
    expect(store.conflictsOf(bulletin).map((f) => f.source)).toEqual(["103"]);
    expect(conflictsOfGdp(store)[0].reason).toContain("统计公报 outranks 进展报告 (same date)");
  });

  it("never lets a later bound (超670亿元) revise an exact figure", () => {
    const store = storeWith([
      { id: "101", type: "统计公报", date: "2023-04-10", value: 670.2 },
      { id: "102", type: "政府工作报告", date: "2024-01-08", value: 670, qualifier: "超" },
    ]);
    expect(q.value(store, GDP)).toBe(670.2);
    // 670.2 is over 670: the bound agrees with the figure (data/README: only a bound that disagrees conflicts).
    expect(statuses(store)["102"]).toBe("agrees");
  });

  it("puts a bound or an approximation the exact figure does not fit in conflict", () => {
    const store = storeWith([
      { id: "101", type: "统计公报", date: "2023-04-10", value: 670.2 },
      { id: "102", type: "政府工作报告", date: "2024-01-08", value: 680, qualifier: "超" },
    ]);
    expect(q.value(store, GDP)).toBe(670.2);
    expect(statuses(store)["102"]).toBe("conflict");
  });

  it("puts any actual over an estimate, and keeps secondary sources disagreeing with each other in conflict", () => {
    const store = storeWith([
      { id: "103", type: "新闻报道", date: "2023-02-01", value: 666 },
      { id: "104", type: "访谈", date: "2023-03-01", value: 667 },
    ]);
    expect(q.value(store, GDP)).toBe(667);
    expect(statuses(store)).toEqual({ "104": "chosen", "103": "conflict", "004": "revised" });
  });

  it("keeps the official estimate over later news estimates, which conflict with it", () => {
    const store = storeWith([
      { id: "103", type: "新闻报道", date: "2023-02-01", value: 666, kind: "estimate" },
      { id: "104", type: "访谈", date: "2023-03-01", value: 665, kind: "estimate" },
    ]);
    expect(q.value(store, GDP)).toBe(665);
    expect(statuses(store)).toEqual({ "004": "chosen", "104": "agrees", "103": "conflict" });
    expect(conflictsOfGdp(store)[0].key).toBe("econ_gdp|新城区|2022|estimate|level");
  });
});

describe("targets and plans", () => {
  it("keep their own ranking: a later official target replaces an earlier one, and is never mixed with actuals", () => {
    const store = storeWith([
      { id: "101", type: "政府工作报告", date: "2021-01-10", value: 640, kind: "target" },
      { id: "102", type: "政府工作报告", date: "2022-01-10", value: 650, kind: "target" },
    ]);
    expect(q.target(store, GDP)).toBe(650);
    expect(q.value(store, GDP)).toBe(665);
    const target = store.chosen({ ...ESTIMATE, kind: "target" })!;
    expect(Object.fromEntries(store.publications(target).map((p) => [p.fact.source, p.status]))).toEqual({
      "102": "chosen",
      "101": "revised",
    });
    expect(q.target(store, { ...GDP, asOf: "2021-06-30" })).toBe(640);
  });
});

describe("the real dataset", () => {
  it("lists the same conflicts as the store derives, with the new school places conflict unchanged", () => {
    const store = new IndicatorStore(REAL);
    expect(findConflicts(REAL.facts, store.sources)).toEqual(REAL.conflicts);
    const places = REAL.conflicts.find((c) => c.key === "edu_new_school_places|呼和浩特市|2022|actual|level")!;
    expect(places.chosen.endsWith("|001")).toBe(true);
    expect(places.facts.map((id) => id.slice(-3))).toEqual(["001", "000"]);
    expect(q.value(store, { indicator: "新增学位", period: 2022 })).toBe(12100);
    for (const fact of REAL.facts) {
      const listed = REAL.conflicts.find((c) => c.chosen === fact.id);
      expect(store.conflictsOf(fact).length > 0, fact.id).toBe(
        !!listed || REAL.conflicts.some((c) => c.facts.slice(1).includes(fact.id)),
      );
      if (listed) expect(store.conflictsOf(fact).map((f) => f.id)).toEqual(listed.facts.slice(1));
    }
  });
});

describe("as-of lookups", () => {
  const store = storeWith(REVISED);
  it("return the figure as known on a date: the estimate, then the actual, then the revision", () => {
    expect(q.value(store, { ...GDP, asOf: "2023-01-05" })).toBe(665); // published that day
    expect(q.value(store, { ...GDP, asOf: "2023-04-09" })).toBe(665);
    expect(q.value(store, { ...GDP, asOf: "2023-04-10" })).toBe(670.2);
    expect(q.value(store, { ...GDP, asOf: "2024-01-07" })).toBe(670.2);
    expect(q.value(store, { ...GDP, asOf: "2024-01-08" })).toBe(672.5);
    expect(q.value(store, { ...GDP, asOf: 45078 })).toBe(670.2); // Excel serial of 2023-06-01
    expect(statuses(store, "2023-06-01")).toEqual({ "101": "chosen", "004": "revised" });
  });

  it("say nothing had been published before the first publication, and when it was", () => {
    const error = thrown(() => q.value(store, { ...GDP, asOf: "2023-01-04" }));
    expect(error.code).toBe("N/A");
    expect(error.message).toContain("截至 2023-01-04 尚未公布 地区生产总值 新城区 2022");
    expect(error.message).toContain("nothing had been published by 2023-01-04");
    expect(error.message).toContain("first published 2023-01-05");
  });

  it("still say what exists when the figure was never published", () => {
    const error = thrown(() => q.value(store, { ...GDP, period: 2019, asOf: "2024-01-01" }));
    expect(error.message).toContain("没有实际/预计数据");
    expect(error.message).not.toContain("first published");
  });

  it("apply to HH.SERIES: one row per figure, as known then", () => {
    const rows = (asOf?: string) =>
      q.series(store, { indicator: "地区生产总值", region: "新城区", asOf }).filter((r) => r[0] === "2022");
    expect(rows("2023-02-01")).toEqual([["2022", "estimate", "level", 665, "亿元"]]);
    expect(rows("2023-06-01")).toEqual([["2022", "actual", "level", 670.2, "亿元"]]);
    expect(rows()).toEqual([["2022", "actual", "level", 672.5, "亿元"]]);
    const error = thrown(() => q.series(store, { indicator: "地区生产总值", region: "新城区", asOf: "2022-12-31" }));
    expect(error.message).toContain("first published 2023-01-05");
  });

  it("apply to HH.SOURCE, which names the figure used and what it revised", () => {
    expect(q.source(store, GDP)).toContain("《测试来源 102》");
    expect(q.source(store, GDP)).toContain(
      "修订自 670.2 亿元(来源 101,2023-04-10) / revised from 670.2 亿元 (source 101, 2023-04-10)",
    );
    expect(q.source(store, { ...GDP, asOf: "2023-06-01" })).toContain("revised from 665 亿元 (source 004, 2023-01-05)");
    expect(q.source(store, { ...GDP, asOf: "2023-02-01" })).toContain(
      "预计数,实际数尚未公布 / estimate, actual not yet published",
    );
    expect(q.source(store, { ...GDP, kind: "estimate" })).toContain(
      "since revised to 672.5 亿元 (source 102, 2024-01-08)",
    );
    expect(q.source(new IndicatorStore(REAL), GDP)).toContain("estimate, actual not yet published");
    // The 2022-12-30 work report's 1.28万 was revised by the 2023-06-27 progress report's 1.21万.
    expect(q.source(new IndicatorStore(REAL), { indicator: "新增学位", period: 2022 })).toContain(
      "revised from 12800 个 (source 013, 2022-12-30)",
    );
  });
});

describe("the as_of argument", () => {
  it("reads Excel serials and date text", () => {
    expect(parseAsOf(45352)).toBe("2024-03-01");
    expect(parseAsOf(45352.75)).toBe("2024-03-01");
    expect(parseAsOf("2024-03-01")).toBe("2024-03-01");
    expect(parseAsOf(" 2024/3/1 ")).toBe("2024-03-01");
    expect(parseAsOf("2024年3月1日")).toBe("2024-03-01");
    expect(parseAsOf(undefined)).toBeUndefined();
    expect(parseAsOf("")).toBeUndefined();
  });

  it.each([["2023-02-30"], ["yesterday"], [true], [-1], [Number.NaN], ["2024-13-01"], [1e9]])(
    "refuses %p with a #VALUE! that says what a date is",
    (input) => {
      const error = thrown(() => parseAsOf(input));
      expect(error.code).toBe("VALUE");
      expect(error.message).toContain('as_of must be a date: an Excel date serial or text such as "2024-03-01"');
      expect(error.message).toContain("as_of 应为日期");
    },
  );
});

describe("as-of target bases", () => {
  const store = new IndicatorStore(REAL);
  // The 2023 target of teachers introduced (source 001, 2023-06-27); its 2022 base first appears in 000 (2023-10-25).
  const target = { indicator: "edu_teachers_introduced", period: 2023 };

  it("never measure a target against a base published after the as_of date", () => {
    expect(q.targetGap(store, target)).toBe(11);
    const error = (() => {
      try {
        q.targetGap(store, { ...target, asOf: "2023-07-01" });
      } catch (e) {
        return e as HHError;
      }
      throw new Error("a gap was returned with a base not yet published");
    })();
    expect(error).toBeInstanceOf(HHError);
    expect(error.message).not.toContain("2022实际");
    const targetFact = store
      .series("edu_teachers_introduced")
      .find((f) => (f.kind === "target" || f.kind === "plan") && f.period === "2023" && f.measure === "level")!;
    expect(q.targetBase(store, targetFact, "2023-07-01")).toBeUndefined();
    expect(q.targetBase(store, targetFact)?.source).toBe("000");
  });
});

describe("fitsQualified", () => {
  it("reads bounds as bounds and about-words as near, sign included", () => {
    expect(fitsQualified(670.2, 670, "超")).toBe(true);
    expect(fitsQualified(669, 670, "超")).toBe(false);
    expect(fitsQualified(61, 60, "以上")).toBe(true);
    expect(fitsQualified(9.5, 10, "以内")).toBe(true);
    expect(fitsQualified(59.7, 60, "约")).toBe(true);
    expect(fitsQualified(50, 60, "左右")).toBe(false);
    expect(fitsQualified(-0.88, -0.9, "近")).toBe(true);
    expect(fitsQualified(-0.5, -0.9, "近")).toBe(false);
    expect(fitsQualified(0.88, -0.9, "近")).toBe(false);
  });
});

describe("the rule as the pane states it", () => {
  it("names the criteria in the order lookups apply them", () => {
    const order = (text: string, words: string[]) => words.map((word) => text.indexOf(word));
    const en = ["actual over estimate", "official", "exact figure over a bound", "latest publication"];
    for (const text of [VINTAGE_RULE, PANE_EN.asOfChosen]) {
      const at = order(text, en);
      expect(
        at.every((i, n) => i >= 0 && (n === 0 || i > at[n - 1])),
        text,
      ).toBe(true);
    }
    const at = order(PANE_ZH.asOfChosen, ["实际优先于预计", "官方文件", "确数", "最新公布"]);
    expect(at.every((i, n) => i >= 0 && (n === 0 || i > at[n - 1]))).toBe(true);
  });
});
