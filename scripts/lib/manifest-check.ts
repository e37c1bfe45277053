/**
 * Offline manifest check: Microsoft's validator needs a web service this machine cannot reach, so we
 * check what matters ourselves. Reads the manifest with office-addin-manifest's own reader, then checks
 * required elements, https everywhere, resource ids, a real support page, and (for a build) that every
 * file exists; production adds: no localhost, every add-in URL on one origin.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";

export interface ManifestCheckOptions {
  /** A build folder: every URL must point at a file in it. */
  dist?: string;
  /** The base URL the build was made for; defaults to the task pane URL's folder. */
  baseUrl?: string;
  /** Production rules: no localhost URL, every add-in URL on one origin. */
  production?: boolean;
}

const PNG_SIZES: Record<string, number> = { "Icon.16x16": 16, "Icon.32x32": 32, "Icon.80x80": 80 };

function pngSize(path: string): number | undefined {
  const bytes = readFileSync(path);
  if (bytes.length < 24 || bytes.toString("ascii", 1, 4) !== "PNG") return undefined;
  return bytes.readUInt32BE(16);
}

export async function checkManifest(path: string, options: ManifestCheckOptions = {}): Promise<string[]> {
  const problems: string[] = [];
  let info;
  try {
    info = await OfficeAddinManifest.readManifestFile(path);
  } catch (error) {
    return [`cannot read the manifest: ${(error as Error).message.split("\n")[0]}`];
  }
  const xml = readFileSync(path, "utf8");

  const required: Array<[string, unknown]> = [
    ["Id", info.id],
    ["Version", info.version],
    ["ProviderName", info.providerName],
    ["DefaultLocale", info.defaultLocale],
    ["DisplayName", info.displayName],
    ["Description", info.description],
    ["IconUrl", info.iconUrl],
    ["HighResolutionIconUrl", info.highResolutionIconUrl],
    ["SupportUrl", info.supportUrl],
    ["DefaultSettings/SourceLocation", info.defaultSettings?.sourceLocation],
    ["Permissions", info.permissions],
  ];
  for (const [name, value] of required) if (!value) problems.push(`missing required element <${name}>`);
  if (info.id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(info.id))
    problems.push(`<Id> is not a GUID: ${info.id}`);
  if (!info.hosts?.includes("Workbook")) problems.push("<Hosts> must include Workbook (Excel)");
  if (!/<Set Name="SharedRuntime" MinVersion="1.1"\s*\/>/.test(xml))
    problems.push("missing requirement SharedRuntime 1.1");
  if (!/xsi:type="CustomFunctions"/.test(xml)) problems.push("missing the CustomFunctions extension point");
  if (!/<Override Locale="en-US"/.test(xml)) problems.push("missing en-US overrides for display name and description");
  // The support page tells users how to report a wrong figure; the function reference does not.
  if (info.supportUrl && /\/help\.html([?#]|$)/.test(info.supportUrl))
    problems.push(`<SupportUrl> is the function reference (${info.supportUrl}); point it at support.html`);

  // Resource ids: every resid used is defined, and the functions namespace is HH.
  const defined = new Map<string, string>();
  for (const m of xml.matchAll(/<bt:(Image|Url|String) id="([^"]+)" DefaultValue="([^"]*)"/g)) defined.set(m[2], m[3]);
  for (const m of xml.matchAll(/resid="([^"]+)"/g)) {
    if (!defined.has(m[1])) problems.push(`resid "${m[1]}" is used but not defined in <Resources>`);
  }
  const namespaceId = xml.match(/<Namespace resid="([^"]+)"/)?.[1];
  if (namespaceId && defined.get(namespaceId) !== "HH")
    problems.push(`custom functions namespace is "${defined.get(namespaceId)}", expected "HH"`);

  // URLs: all https; in a production build none may still point at localhost.
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]*)"|<AppDomain>([^<]*)<\/AppDomain>/g)].map(
    (m) => m[1] ?? m[2],
  );
  for (const url of urls) {
    if (!url.startsWith("https://")) problems.push(`URL is not https: ${url}`);
    if (options.production && /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(url))
      problems.push(`production manifest still points at ${url}`);
  }
  // One host serves the add-in: a URL on another origin is a leftover or a typo (AppDomains aside).
  const taskpaneUrl = info.defaultSettings?.sourceLocation;
  const addinOrigin = taskpaneUrl && URL.canParse(taskpaneUrl) ? new URL(taskpaneUrl).origin : undefined;
  if (options.production && addinOrigin) {
    for (const m of xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)) {
      if (URL.canParse(m[1]) && new URL(m[1]).origin !== addinOrigin)
        problems.push(`URL ${m[1]} is not on the add-in's origin ${addinOrigin}`);
    }
  }

  if (options.dist) {
    const taskpane = info.defaultSettings?.sourceLocation ?? "";
    const base = options.baseUrl ?? taskpane.slice(0, taskpane.lastIndexOf("/") + 1);
    for (const url of new Set(urls)) {
      if (!url.startsWith(base)) {
        problems.push(`URL ${url} is outside the add-in's base URL ${base}`);
        continue;
      }
      const file = join(options.dist, decodeURIComponent(url.slice(base.length).replace(/[?#].*$/, "")));
      if (!existsSync(file)) problems.push(`missing file for ${url}: ${file}`);
    }
    for (const [id, size] of Object.entries(PNG_SIZES)) {
      const url = defined.get(id);
      if (!url?.startsWith(base)) continue;
      const file = join(options.dist, url.slice(base.length));
      if (existsSync(file) && pngSize(file) !== size) problems.push(`${id} should be a ${size}px PNG: ${url}`);
    }
  }
  return problems;
}
