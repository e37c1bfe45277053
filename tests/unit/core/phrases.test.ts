import { describe, expect, it } from "@jest/globals";
import { addedMeaning, derivePhrases, indistinctFrom, lostMeaning, phraseBefore } from "../../../scripts/lib/phrases";
import { IndicatorResolver } from "../../../src/core/resolve";
import type { Indicator } from "../../../src/core/schema";
import { live } from "../../../src/runtime/dataset";

const indicator = (id: string, zh: string, unit: string): Indicator => ({
  id,
  zh,
  en: id,
  aliases: [],
  category: "产业",
  unit,
});

function derive(indicators: Indicator[], facts: Array<[string, string, string]>) {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return derivePhrases(
    facts.map(([id, quote, figure]) => ({ fact: { indicator: id, measure: "level" as const }, quote, figure })),
    byId,
    new IndicatorResolver(indicators),
  );
}

describe("report phrases", () => {
  it("drops a whole change word: 年均增长 leaves no 年均 behind", () => {
    // Kept, 年均 would make a name that reads as an annual average for any yearly growth.
    expect(phraseBefore("规模以上工业增加值年均增长10.5%", "10.5%", 1, "pct_change")).toBe("规模以上工业增加值");
    expect(phraseBefore("城市新增道路铺装面积年均增长3%", "3%", 1, "pct_change")).toBe("城市新增道路铺装面积");
  });

  it("drops the words of a change its change words leave behind: 居民消费价格上涨 is no level", () => {
    expect(phraseBefore("居民消费价格上涨2.6%", "2.6%", 1, "pct_change")).toBeUndefined();
  });

  it("keeps an action the indicator counts: the second item of 淘汰电石产能、铁合金产能 is no name", () => {
    const eliminated = indicator("ferroalloy_eliminated", "淘汰铁合金产能", "吨");
    const { phrases, dropped } = derive(
      [eliminated],
      [["ferroalloy_eliminated", "淘汰电石产能7.5万吨、铁合金产能6万吨", "6万吨"]],
    );
    expect(phrases.get("ferroalloy_eliminated")).toBeUndefined();
    expect(dropped).toEqual([expect.objectContaining({ phrase: "铁合金产能", why: expect.stringMatching(/淘汰/) })]);
    for (const [phrase, name] of [
      ["政府债务", "化解政府债务金额"],
      ["两大主导产业重点项目", "主导产业新签约重点项目数"],
      ["创新型中小企业", "新培育创新型中小企业数"],
      ["实现工业总产值", "规模以上工业总产值"],
    ])
      expect([phrase, lostMeaning(phrase, name)]).toEqual([phrase, expect.any(String)]);
    expect(lostMeaning("淘汰铁合金产能", "淘汰铁合金产能")).toBeUndefined();
    expect(lostMeaning("规上工业总产值", "规模以上工业总产值")).toBeUndefined();
  });

  it("keeps the subject of a share: 占全市规模以上工业产值比重 is anything's share", () => {
    const share = indicator("emerging_share", "战略性新兴产业产值占规模以上工业产值比重", "%");
    const { phrases } = derive(
      [share],
      [["emerging_share", "战略性新兴产业加速发展,占全市规模以上工业产值比重超过28%", "超过28%"]],
    );
    expect(phrases.get("emerging_share")).toBeUndefined();
    expect(lostMeaning("占全市规模以上工业产值比重", share.zh)).toMatch(/战略性新兴产业产值/);
    expect(lostMeaning("战略性新兴产业占全市规模以上工业产值比重", share.zh)).toBeUndefined();
    expect(lostMeaning("六大产业集群占全市工业总产值比重已", "六大产业集群占工业总产值比重")).toBeUndefined();
    // 占用 and 占地 are no share.
    expect(lostMeaning("清理收回占用教师编制", "清理收回占用教师编制数")).toBeUndefined();
  });

  it("leaves no phrase in the dataset without a meaning word, action or share subject of its indicator", () => {
    const lost = live.store.dataset.indicators.flatMap((i) =>
      (i.phrases ?? []).flatMap((p) => {
        const why = lostMeaning(p, i.zh);
        return why ? [`${p} → ${i.id} (${i.zh}): loses ${why}`] : [];
      }),
    );
    expect(lost).toEqual([]);
  });

  it("drops a phrase that names a neighbour as well: 实施棚户区改造 (5万平方米) is the area or the count", () => {
    const area = indicator("urban_shantytown_renovation_area", "棚户区改造面积", "平方米");
    const count = indicator("urban_shantytown_renovation_projects", "棚户区改造项目数", "个");
    const { phrases, dropped } = derive([area, count], [[area.id, "实施棚户区改造5万平方米", "5万平方米"]]);
    expect(phrases.get(area.id)).toBeUndefined();
    expect(dropped).toEqual([
      {
        phrase: "实施棚户区改造",
        indicators: [area.id],
        why: expect.stringMatching(/names urban_shantytown_renovation_projects/),
      },
    ]);
    // A word of its own name tells them apart; a name the other holds whole is the general one.
    const byId = new Map([area, count].map((i) => [i.id, i]));
    expect(indistinctFrom("实施棚户区改造面积", area, byId)).toBeUndefined();
    const gdp = indicator("econ_gdp", "地区生产总值", "亿元");
    const growth = indicator("econ_gdp_growth", "地区生产总值增速", "%");
    expect(indistinctFrom("地区生产总值预计", gdp, new Map([gdp, growth].map((i) => [i.id, i])))).toBeUndefined();
  });

  it("leaves no phrase in the dataset that names another indicator as well", () => {
    const indicators = new Map(live.store.dataset.indicators.map((i) => [i.id, i]));
    const shared = live.store.dataset.indicators.flatMap((i) =>
      (i.phrases ?? []).flatMap((p) => {
        const rival = indistinctFrom(p, i, indicators);
        return rival ? [`${p} → ${i.id}, also ${rival.id}`] : [];
      }),
    );
    expect(shared).toEqual([]);
  });

  it("leaves the kind out of a phrase: 地区生产总值预计 named GDP with the word for an estimate", () => {
    expect(phraseBefore("地区生产总值预计完成3100亿元", "3100亿元")).toBe("地区生产总值");
    expect(phraseBefore("固定资产投资计划完成500亿元", "500亿元")).toBe("固定资产投资");
  });

  it("drops a phrase narrower than its indicator: 新增中小学学位 is not all new places, kindergartens included", () => {
    const places = indicator("edu_new_school_places", "新增学位数", "个");
    const { phrases, dropped } = derive([places], [[places.id, "新增中小学学位3330个", "3330个"]]);
    expect(phrases.get(places.id)).toBeUndefined();
    expect(dropped[0]?.why).toMatch(/adds the word 中小学/);
    expect(addedMeaning("五年累计完成固定资产投资", "固定资产投资")).toMatch(/累计/);
    expect(addedMeaning("新增学位", "新增学位数")).toBeUndefined();
  });

  it("leaves no phrase in the dataset that says more than its indicator", () => {
    const narrower = live.store.dataset.indicators.flatMap((i) =>
      (i.phrases ?? []).flatMap((p) => {
        const why = addedMeaning(p, i.zh);
        return why ? [`${p} → ${i.id} (${i.zh}): adds ${why}`] : [];
      }),
    );
    expect(narrower).toEqual([]);
  });
});
