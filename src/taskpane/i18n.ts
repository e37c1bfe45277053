/** The pane's language context; the sentences live in the one message table (core/messages). */
import { createContext, useContext } from "react";
import { PANE_MESSAGES, type Strings } from "../core/messages/pane";
import { KIND_LABEL, MEASURE_LABEL, type Lang } from "../excel/labels";

export type { Lang };

export type { Strings };

export const STRINGS = PANE_MESSAGES;

export interface I18n {
  lang: Lang;
  t: Strings;
  kind: (typeof KIND_LABEL)[Lang];
  measure: (typeof MEASURE_LABEL)[Lang];
}

export function i18n(lang: Lang): I18n {
  return { lang, t: STRINGS[lang], kind: KIND_LABEL[lang], measure: MEASURE_LABEL[lang] };
}

export const I18nContext = createContext<I18n>(i18n("zh"));
export const useI18n = () => useContext(I18nContext);

/** zh-CN unless Office (or the browser) says the user works in another language. */
export function languageFor(displayLanguage: string | undefined): Lang {
  if (!displayLanguage) return "zh";
  return displayLanguage.toLowerCase().startsWith("zh") ? "zh" : "en";
}
