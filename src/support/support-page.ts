/**
 * support.html, the manifest's SupportUrl: how to get help, how to report a wrong figure, where the
 * figures come from, and the versions, in zh-CN then en-US. Built by webpack from the message table so
 * its sentences have one home; the function reference (help.html) is linked, not repeated.
 */
import { HOSTING_MESSAGES, type SupportPageText } from "../core/messages/hosting";
import { LOCALE, type Lang } from "../core/messages/lang";

export interface SupportPageOptions {
  csp: string;
  addinVersion: string;
  datasetVersion: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function section(lang: Lang, text: SupportPageText, options: SupportPageOptions): string {
  const list = (items: string[], tag: "ul" | "ol") =>
    `<${tag}>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</${tag}>`;
  return [
    `<section lang="${LOCALE[lang]}">`,
    `<h1>${escapeHtml(text.title)}</h1>`,
    `<p>${escapeHtml(text.intro)}</p>`,
    `<h2>${escapeHtml(text.helpHeading)}</h2>`,
    list(text.help, "ul"),
    `<p><a href="help.html">${escapeHtml(text.referenceLink)}</a></p>`,
    `<h2 id="wrong-figure-${lang}">${escapeHtml(text.wrongFigureHeading)}</h2>`,
    `<p>${escapeHtml(text.wrongFigureIntro)}</p>`,
    list(text.wrongFigureSteps, "ol"),
    `<p>${escapeHtml(text.wrongFigureAfter)}</p>`,
    `<h2>${escapeHtml(text.sourcesHeading)}</h2>`,
    `<p>${escapeHtml(text.sources)}</p>`,
    `<p class="version">${escapeHtml(text.version(options.addinVersion, options.datasetVersion))}</p>`,
    "</section>",
  ].join("");
}

export function supportPage(options: SupportPageOptions): string {
  const sections = (["zh", "en"] as const).map((lang) => section(lang, HOSTING_MESSAGES[lang].support, options));
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(options.csp)}">` +
    `<title>${escapeHtml(HOSTING_MESSAGES.zh.support.title)} · ${escapeHtml(HOSTING_MESSAGES.en.support.title)}</title>` +
    `<style>body{font-family:"Segoe UI","Microsoft YaHei","PingFang SC",sans-serif;max-width:760px;margin:24px auto;padding:0 16px;line-height:1.6}` +
    `section+section{border-top:1px solid #e1dfdd;margin-top:32px}.version{color:#605e5c}</style></head>` +
    `<body>${sections.join("")}</body></html>`
  );
}
