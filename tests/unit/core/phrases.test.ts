import { describe, expect, it } from "@jest/globals";
import { phraseBefore } from "../../../scripts/lib/phrases";

describe("report phrases", () => {
  it("drops a whole change word: 年均增长 leaves no 年均 behind", () => {
    // Kept, 年均 would make a name that reads as an annual average for any yearly growth.
    expect(phraseBefore("规模以上工业增加值年均增长10.5%", "10.5%", 1, "pct_change")).toBe("规模以上工业增加值");
    expect(phraseBefore("城市新增道路铺装面积年均增长3%", "3%", 1, "pct_change")).toBe("城市新增道路铺装面积");
  });
});
