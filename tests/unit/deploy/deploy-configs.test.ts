/**
 * The deploy/ configurations set what the add-in needs from its host (the rules of src/hosting/policy.ts,
 * which `hh serve` follows): CORS for Excel on the web and the dataset check, every MIME type, the pages'
 * CSP, nosniff, caching. And the README shows each file exactly, so the two cannot drift.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";
import {
  CACHE_IMMUTABLE,
  CORS,
  MIME_TYPES,
  NON_PAGE_CSP,
  PAGE_CSP,
  cacheControlFor,
} from "../../../src/hosting/policy";

const ROOT = join(__dirname, "../../..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

/** The pages a build emits (tests/e2e/build.test.ts checks they exist). */
const PAGES = ["taskpane.html", "commands.html", "help.html", "support.html"];
const DEPLOY_FILES = [
  "deploy/nginx/hh-indicators.conf",
  "deploy/azure-static-web-apps/staticwebapp.config.json",
  "deploy/s3-cloudfront/response-headers-policy.json",
  "deploy/s3-cloudfront/bucket-cors.json",
  "deploy/s3-cloudfront/upload.sh",
  "deploy/github-pages/deploy-pages.yml",
];

describe("nginx", () => {
  const conf = read("deploy/nginx/hh-indicators.conf");
  const header = (name: string) => conf.match(new RegExp(`add_header ${name} (.+) always;`))?.[1];
  const map = (variable: string) =>
    conf.match(new RegExp(`map \\$uri \\$${variable} \\{\n([\\s\\S]*?)\n\\}`))?.[1] ?? "";

  it("sends CORS for every file, a preflight answer and the ETag exposed", () => {
    expect(header("Access-Control-Allow-Origin")).toBe('"*"');
    expect(header("Access-Control-Allow-Methods")).toBe(`"${CORS.allowMethods}"`);
    expect(header("Access-Control-Allow-Headers")).toBe(`"${CORS.allowHeaders}"`);
    expect(header("Access-Control-Expose-Headers")).toBe(`"${CORS.exposeHeaders}"`);
    expect(conf).toMatch(/if \(\$request_method = OPTIONS\) \{ return 204; \}/);
    expect(conf).toMatch(/etag on;/);
  });

  it("gives every file type its MIME type (charset where policy has one)", () => {
    const types = conf.match(/types \{([^}]*)\}/)![1];
    const charsetTypes = conf.match(/charset_types ([^;]+);/)![1].split(/\s+/);
    const byExtension: Record<string, string> = {};
    for (const line of types
      .split(";")
      .map((l) => l.trim().split(/\s+/))
      .filter((l) => l.length > 1)) {
      const [type, ...extensions] = line;
      for (const extension of extensions)
        byExtension[`.${extension}`] = charsetTypes.includes(type) ? `${type}; charset=utf-8` : type;
    }
    expect(byExtension).toEqual(MIME_TYPES);
    expect(conf).toMatch(/default_type application\/octet-stream;/);
    expect(header("X-Content-Type-Options")).toBe('"nosniff"');
  });

  it("puts the pages' CSP on HTML and the locked one elsewhere", () => {
    expect(header("Content-Security-Policy")).toBe("$hh_csp");
    expect(map("hh_csp")).toContain(`~*\\.html$ "${PAGE_CSP}";`);
    expect(map("hh_csp")).toContain(`default "${NON_PAGE_CSP}";`);
  });

  it("caches as the policy says: immutable for content-hashed names, revalidate otherwise", () => {
    expect(header("Cache-Control")).toBe("$hh_cache_control");
    const [, pattern, value] = map("hh_cache_control").match(/"~\*(\S+)" "([^"]+)";/)!;
    expect(value).toBe(CACHE_IMMUTABLE);
    expect(map("hh_cache_control")).toContain('default "no-cache";');
    const nginxRegex = new RegExp(pattern, "i");
    for (const name of ["/vendors.3f2a1b4c5d6e7f80.js", "/taskpane.js", "/data/dataset.json", "/taskpane.html"])
      expect(nginxRegex.test(name) ? CACHE_IMMUTABLE : "no-cache", name).toBe(cacheControlFor(name));
  });

  it("answers only its host name, only GET/HEAD/OPTIONS, follows no symlink and hides dotfiles", () => {
    expect(conf).toMatch(/if \(\$host != "addin\.example\.org"\) \{ return 421; \}/);
    expect(conf).toMatch(/if \(\$request_method !~ \^\(GET\|HEAD\|OPTIONS\)\$\) \{ return 405; \}/);
    expect(conf).toMatch(/disable_symlinks on;/);
    expect(conf).toMatch(/location ~ \/\\\. \{ return 404; \}/);
  });
});

describe("Azure Static Web Apps", () => {
  const config = JSON.parse(read("deploy/azure-static-web-apps/staticwebapp.config.json")) as {
    globalHeaders: Record<string, string>;
    routes: Array<{ route: string; headers: Record<string, string> }>;
    mimeTypes: Record<string, string>;
  };

  it("sends CORS, nosniff and no-cache on every response", () => {
    expect(config.globalHeaders).toMatchObject({
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": CORS.allowMethods,
      "Access-Control-Allow-Headers": CORS.allowHeaders,
      "Access-Control-Expose-Headers": CORS.exposeHeaders,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-cache",
      "Content-Security-Policy": NON_PAGE_CSP,
    });
  });

  it("gives every page the pages' CSP, and every type its MIME type", () => {
    for (const page of PAGES) {
      const route = config.routes.find((r) => r.route === `/${page}`);
      expect(route?.headers["Content-Security-Policy"], page).toBe(PAGE_CSP);
    }
    expect(config.mimeTypes).toEqual(MIME_TYPES);
  });
});

describe("S3 + CloudFront", () => {
  const policy = JSON.parse(read("deploy/s3-cloudfront/response-headers-policy.json")) as {
    CorsConfig: Record<string, { Quantity: number; Items: string[] } | boolean | number>;
    SecurityHeadersConfig: {
      ContentTypeOptions: { Override: boolean };
      ContentSecurityPolicy: { Override: boolean; ContentSecurityPolicy: string };
    };
  };
  const items = (name: string) => {
    const list = policy.CorsConfig[name] as { Quantity: number; Items: string[] };
    expect(list.Quantity, name).toBe(list.Items.length);
    return list.Items;
  };

  it("the response headers policy: CORS with If-None-Match and the ETag exposed, nosniff, the pages' CSP", () => {
    expect(items("AccessControlAllowOrigins")).toEqual(["*"]);
    expect(items("AccessControlAllowHeaders").join(", ")).toBe(CORS.allowHeaders);
    expect(items("AccessControlAllowMethods").join(", ")).toBe(CORS.allowMethods);
    expect(items("AccessControlExposeHeaders").join(", ")).toBe(CORS.exposeHeaders);
    expect(policy.CorsConfig.AccessControlAllowCredentials).toBe(false);
    expect(policy.SecurityHeadersConfig.ContentTypeOptions.Override).toBe(true);
    expect(policy.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).toBe(PAGE_CSP);
  });

  it("the bucket answers preflights for the dataset check", () => {
    const [rule] = (
      JSON.parse(read("deploy/s3-cloudfront/bucket-cors.json")) as { CORSRules: Array<Record<string, string[]>> }
    ).CORSRules;
    expect(rule.AllowedOrigins).toEqual(["*"]);
    expect(rule.AllowedHeaders).toContain("If-None-Match");
    expect(rule.ExposeHeaders).toEqual(["ETag"]);
  });

  it("the upload stores every type's MIME type and the policy's caching", () => {
    const script = read("deploy/s3-cloudfront/upload.sh");
    const uploads = [...script.matchAll(/^upload (\.\w+) '([^']+)' (\S+)$/gm)];
    expect(Object.fromEntries(uploads.map(([, extension, type]) => [extension, type]))).toEqual(MIME_TYPES);
    for (const [, extension, , cache] of uploads)
      expect(cache, extension).toBe(cacheControlFor(`/taskpane${extension}`));
  });
});

describe("GitHub Pages", () => {
  it("builds for the Pages URL, validates, and publishes dist/", () => {
    const workflow = read("deploy/github-pages/deploy-pages.yml");
    expect(workflow).toMatch(/ADDIN_BASE_URL: \$\{\{ steps\.pages\.outputs\.base_url \}\}\//);
    expect(workflow).toMatch(/npm run validate/);
    expect(workflow).toMatch(/upload-pages-artifact@v\d+\n\s+with:\n\s+path: dist/);
  });
});

describe("README", () => {
  const readme = read("README.md");

  it.each(DEPLOY_FILES)("shows %s exactly as it is", (file) => {
    const marker = `<!-- ${file} -->\n`;
    const at = readme.indexOf(marker);
    expect(at, `README lacks the marker ${marker.trim()}`).toBeGreaterThanOrEqual(0);
    const block = readme.slice(at + marker.length).match(/^```[a-z]*\n([\s\S]*?)```\n/);
    expect(block?.[1], `README's block for ${file} differs from the file: copy the file into it`).toBe(read(file));
  });
});
