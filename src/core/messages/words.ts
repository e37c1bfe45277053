/** Small words that go around numbers and lists, in both languages. */
import type { Lang } from "./lang";

interface Words {
  /** A change of "basically zero" (基本持平), said in words rather than 0%. */
  flat: string;
  listSeparator: string;
  /** Before a growth's base: 较十三五 / vs 十三五. */
  versus: string;
  /** Axis abbreviations for 10^8 and 10^4. */
  hundredMillion: string;
  tenThousand: string;
}

export const WORDS: Record<Lang, Words> = {
  zh: { flat: "基本持平", listSeparator: "、", versus: "较", hundredMillion: "亿", tenThousand: "万" },
  en: { flat: "flat", listSeparator: ", ", versus: "vs ", hundredMillion: "00M", tenThousand: "0k" },
};
