/** Sentences about vintages (revisions of a figure), in zh-CN and en-US: HH.SOURCE's note, statuses, hh show. */
import type { Source } from "../schema";
import type { PublicationStatus } from "../vintages";
import type { Lang } from "./lang";

interface Earlier {
  value: string;
  source: string;
  date: string;
}

export interface SourceNoteArgs {
  /** The figure used replaced this earlier one. */
  revisedFrom?: Earlier;
  /** The figure asked for (an estimate, by kind) has since been replaced by this one. */
  supersededBy?: Earlier;
  /** The figure used is an estimate and no actual has been published (by the as-of date). */
  estimateOnly: boolean;
}

const NOTE: Record<
  Lang,
  { revisedFrom: (e: Earlier) => string; supersededBy: (e: Earlier) => string; estimateOnly: string }
> = {
  zh: {
    revisedFrom: (e) => `修订自 ${e.value}(来源 ${e.source},${e.date})`,
    supersededBy: (e) => `其后已修订为 ${e.value}(来源 ${e.source},${e.date})`,
    estimateOnly: "预计数,实际数尚未公布",
  },
  en: {
    revisedFrom: (e) => `revised from ${e.value} (source ${e.source}, ${e.date})`,
    supersededBy: (e) => `since revised to ${e.value} (source ${e.source}, ${e.date})`,
    estimateOnly: "estimate, actual not yet published",
  },
};

function noteIn(lang: Lang, args: SourceNoteArgs): string {
  const parts = [
    args.revisedFrom && NOTE[lang].revisedFrom(args.revisedFrom),
    args.supersededBy && NOTE[lang].supersededBy(args.supersededBy),
    args.estimateOnly && NOTE[lang].estimateOnly,
  ].filter(Boolean);
  return parts.join(lang === "zh" ? ";" : "; ");
}

/** HH.SOURCE's note after the citation, Chinese then English (a cell cannot follow the pane's language); "" when none. */
export function sourceNote(args: SourceNoteArgs): string {
  const zh = noteIn("zh", args);
  return zh ? `${zh} / ${noteIn("en", args)}` : "";
}

/** A publication's status as the revision history and hh show print it. */
export const STATUS_LABEL: Record<Lang, Record<PublicationStatus, string>> = {
  zh: { chosen: "采用", agrees: "相同", revised: "已修订", conflict: "冲突" },
  en: { chosen: "chosen", agrees: "same figure", revised: "revised", conflict: "conflict" },
};

/** hh show's lines about vintages. */
export const SHOW_VINTAGE: Record<Lang, { asOf: (date: string) => string; nothingBy: (date: string) => string }> = {
  zh: {
    asOf: (date) => `截至 ${date} 已公布的数据(之后公布的不显示)`,
    nothingBy: (date) => `截至 ${date} 该指标尚无公布的数据`,
  },
  en: {
    asOf: (date) => `as known on ${date} (later publications hidden)`,
    nothingBy: (date) => `nothing had been published for this indicator by ${date}`,
  },
};

/** Document types as readers of each language know them. */
export const DOCUMENT_TYPE_LABEL: Record<Lang, Record<Source["type"], string>> = {
  zh: { 统计公报: "统计公报", 政府工作报告: "政府工作报告", 进展报告: "进展报告", 访谈: "访谈", 新闻报道: "新闻报道" },
  en: {
    统计公报: "statistical bulletin",
    政府工作报告: "government work report",
    进展报告: "progress report",
    访谈: "interview",
    新闻报道: "news report",
  },
};
