/** support.html: both languages from the message table, the wrong-figure route, versions, the page's CSP. */
import { describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";
import { HOSTING_MESSAGES } from "../../../src/core/messages/hosting";
import { PAGE_CSP } from "../../../src/hosting/policy";
import { supportPage } from "../../../src/support/support-page";

const html = supportPage({ csp: PAGE_CSP, addinVersion: "0.1.0", datasetVersion: "2026.12.02+2e0089cb" });
const text = html
  .replace(/<[^>]+>/g, "\n")
  .replace(/&quot;/g, '"')
  .replace(/&#39;/g, "'")
  .replace(/&amp;/g, "&");

describe("support page", () => {
  it.each(["zh", "en"] as const)("has every %s sentence: help, reporting a wrong figure, sources, versions", (lang) => {
    const support = HOSTING_MESSAGES[lang].support;
    for (const sentence of [
      support.title,
      support.intro,
      ...support.help,
      support.wrongFigureHeading,
      support.wrongFigureIntro,
      ...support.wrongFigureSteps,
      support.wrongFigureAfter,
      support.sources,
      support.version("0.1.0", "2026.12.02+2e0089cb"),
    ])
      expect(text, sentence).toContain(sentence);
  });

  it("links the function reference rather than being it, and carries the pages' CSP", () => {
    expect(html).toContain('<a href="help.html">');
    expect(html).not.toMatch(/HH\.TARGETGAP|HH\.CAGR/);
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)![1];
    expect(csp.replace(/&#39;/g, "'")).toBe(PAGE_CSP);
    expect(html).not.toMatch(/<script/);
  });
});
