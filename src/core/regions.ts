/**
 * The regions figures belong to, with the names an analyst types for them: Chinese full and short
 * forms, English and pinyin. Matching ignores case, spacing and full-/half-width forms.
 */
import type { Lang } from "./messages/lang";
import { normalizeName } from "./text";

export const CITY = "呼和浩特市";

interface RegionEntry {
  name: string;
  en: string;
  /** Other names; the English name and the Chinese name are always names too. */
  aliases: readonly string[];
}

/**
 * Hohhot, its districts, banners and counties, its zones, and the region above it. 全区 is no name of
 * any: in a district's report it means the district, in the region's the region.
 */
export const REGIONS: readonly RegionEntry[] = [
  {
    name: CITY,
    en: "Hohhot",
    aliases: [
      "呼和浩特",
      "呼市",
      "全市",
      "市",
      "首府",
      "青城",
      "Hohhot City",
      "Huhehaote",
      "Huhhot",
      "city",
      "citywide",
    ],
  },
  {
    name: "新城区",
    en: "Xincheng District",
    aliases: ["新城", "Xincheng", "Xincheng Qu", "呼和浩特市新城区", "呼市新城区"],
  },
  { name: "回民区", en: "Huimin District", aliases: ["回民", "Huimin", "Huimin Qu", "呼和浩特市回民区", "呼市回民区"] },
  { name: "玉泉区", en: "Yuquan District", aliases: ["玉泉", "Yuquan", "Yuquan Qu", "呼和浩特市玉泉区", "呼市玉泉区"] },
  { name: "赛罕区", en: "Saihan District", aliases: ["赛罕", "Saihan", "Saihan Qu", "呼和浩特市赛罕区", "呼市赛罕区"] },
  {
    name: "土默特左旗",
    en: "Tumed Left Banner",
    aliases: ["土左旗", "Tumed Left", "Tumote Zuoqi", "Tumote Left Banner", "Tumd Left Banner", "Tuzuoqi"],
  },
  { name: "托克托县", en: "Togtoh County", aliases: ["托县", "Togtoh", "Tuoketuo"] },
  { name: "和林格尔县", en: "Horinger County", aliases: ["和林县", "Horinger", "Helingeer"] },
  { name: "清水河县", en: "Qingshuihe County", aliases: ["清水河", "Qingshuihe"] },
  { name: "武川县", en: "Wuchuan County", aliases: ["武川", "Wuchuan"] },
  {
    name: "呼和浩特经济技术开发区",
    en: "Hohhot Economic and Technological Development Zone",
    aliases: ["经开区", "经济技术开发区", "呼和浩特经开区", "Hohhot ETDZ", "ETDZ", "Hohhot Economic Development Zone"],
  },
  { name: "和林格尔新区", en: "Horinger New Area", aliases: ["和林新区", "Helingeer New Area"] },
  {
    name: "内蒙古自治区",
    en: "Inner Mongolia",
    aliases: ["内蒙古", "自治区", "Inner Mongolia Autonomous Region", "Nei Mongol", "Neimenggu"],
  },
  { name: "东乌素图村", en: "Dongwusutu Village", aliases: ["东乌素图", "Dongwusutu"] },
];

const BY_NAME = new Map<string, string>();
for (const region of REGIONS) {
  for (const text of [region.name, region.en, ...region.aliases]) BY_NAME.set(normalizeName(text), region.name);
}

/** The canonical region a typed name means, or undefined. */
export function regionByName(text: string): string | undefined {
  return BY_NAME.get(normalizeName(text));
}

export function regionEnglish(name: string): string {
  return REGIONS.find((r) => r.name === name)?.en ?? name;
}

/** A region's name in the reader's language. */
export function regionName(name: string, lang: Lang): string {
  return lang === "en" ? regionEnglish(name) : name;
}

/**
 * Region words that may open (or, in English, close) an indicator name: 全市GDP, 新城区GDP, Hohhot GDP,
 * GDP Xincheng. 自治区 is left out of names (自治区级 is a rank, not a place).
 */
export const NAME_REGION_WORDS: ReadonlyArray<{ key: string; region: string }> = [...BY_NAME.entries()]
  .filter(([key]) => key !== normalizeName("自治区"))
  .map(([key, region]) => ({ key, region }))
  .sort((a, b) => b.key.length - a.key.length);
