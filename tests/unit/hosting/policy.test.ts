/** The hosting rules: types, caching, and an old-engine check every engine can parse. */
import { createHash } from "node:crypto";
import { describe, it } from "@jest/globals";
import { expect } from "../../jest/expect";
import {
  CACHE_IMMUTABLE,
  contentSecurityPolicy,
  contentTypeFor,
  cacheControlFor,
  oldEngineCheckScript,
} from "../../../src/hosting/policy";

describe("hosting policy", () => {
  it("types files by extension, case-insensitively, and never guesses", () => {
    expect(contentTypeFor("/x/functions.json")).toBe("application/json; charset=utf-8");
    expect(contentTypeFor("/assets/ICON-32.PNG")).toBe("image/png");
    expect(contentTypeFor("/taskpane.js.map")).toBe("application/json; charset=utf-8");
    expect(contentTypeFor("/font.woff2")).toBe("font/woff2");
    expect(contentTypeFor("/README")).toBe("application/octet-stream");
    expect(contentTypeFor("/.d/file")).toBe("application/octet-stream");
    expect(contentTypeFor("/archive.exe")).toBe("application/octet-stream");
  });

  it("caches only content-hashed names for long", () => {
    expect(cacheControlFor("/vendors.3f2a1b4c.js")).toBe(CACHE_IMMUTABLE);
    expect(cacheControlFor("/taskpane.js")).toBe("no-cache");
    expect(cacheControlFor("/data/dataset.json")).toBe("no-cache");
    expect(cacheControlFor("/taskpane.html")).toBe("no-cache");
    expect(cacheControlFor("/x.3f2a1b4.js")).toBe("no-cache");
  });

  it("the old-engine check is ASCII, ES3 syntax, and hashed into both CSPs", () => {
    const script = oldEngineCheckScript();
    expect(script).toMatch(/^[\x20-\x7e]+$/);
    // No ES2015+ syntax an IE11 or EdgeHTML parser would stop at.
    expect(script).not.toMatch(/\b(let|const|class)\b|=>|`|\.\.\./);
    const hash = `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
    for (const dev of [true, false]) {
      const scriptSrc = contentSecurityPolicy(dev).match(/script-src ([^;]*)/)![1];
      expect(scriptSrc.split(" "), String(dev)).toContain(hash);
      expect(scriptSrc, String(dev)).not.toMatch(/unsafe/);
    }
  });
});
