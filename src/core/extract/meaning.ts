/**
 * Words that make a name what it is: a phrase or a similar name without one of them names a broader or
 * neighbouring figure (农村…收入 is not 全体居民…收入, 学位 not 新增学位). Report phrases and the
 * extractor's name suggestions both check them.
 */
export const MEANING_WORDS = [
  "新增",
  "累计",
  "年均",
  "人均",
  "生均",
  "公办",
  "民办",
  "普惠",
  "城镇",
  "农村",
  "城乡",
  "乡村",
  "全体",
  "国家级",
  "自治区级",
  "市级",
  "率",
  "占比",
  "比例",
  "比重",
  "排名",
] as const;

/**
 * Actions done to things in the period: an indicator counting them means the things acted on, and a name
 * without the action names the things themselves (淘汰铁合金产能 is not 铁合金产能, 化解政府债务 not the
 * debt, 新认定高新技术企业 not 高新技术企业). Report phrases must keep them; the extractor's suggestions
 * are reviewed, and a list such as 淘汰电石产能、铁合金产能 rightly carries the action to its second item.
 */
export const ACTION_WORDS = [
  "淘汰",
  "替代",
  "治理",
  "整治",
  "关停",
  "关闭",
  "取缔",
  "拆除",
  "压减",
  "削减",
  "化解",
  "清理",
  "收回",
  "清缴",
  "处置",
  "解决",
  "修复",
  "盘活",
  "改造",
  "维修",
  "培育",
  "认定",
  "签约",
  "开工",
  "新建",
  "建成",
  "引进",
  "筹集",
  "争取",
  "上线",
] as const;

/**
 * Classes that narrow a name, with the short forms that say the same (规上): 工业总产值 is all of
 * industry, not 规模以上工业总产值. Checked for report phrases; the extractor reads 规上 and 规模以上 alike.
 */
export const CLASS_WORDS: ReadonlyArray<readonly [string, ...string[]]> = [["规模以上", "规上"]];
