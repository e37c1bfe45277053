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
