/** hh with revisions: show --as-of, and eval with an as_of argument against a published dataset that holds a revision. */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { contentText } from "../../src/core/integrity";
import { hh as run } from "../jest/hh";
import { REVISED, withPublications } from "../jest/vintage-datasets";

const hh = (...args: string[]) => run(args, { LANG: "en_US.UTF-8", LC_ALL: "" });

const dir = mkdtempSync(join(tmpdir(), "hh-revisions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The revised test dataset as a published file: its hash is the sha256 of its content. */
function publishedFile(): string {
  const dataset = withPublications(REVISED);
  const hash = createHash("sha256").update(contentText(dataset)).digest("hex");
  const file = join(dir, "dataset.json");
  writeFileSync(file, JSON.stringify({ ...dataset, hash }));
  return file;
}

describe("hh and revisions", () => {
  it("show --as-of hides what was published later and with it the conflict it brought", () => {
    const now = hh("show", "新增学位");
    expect(now.out).toContain("12800 个 [conflict]");
    const then = hh("show", "新增学位", "--as-of", "2023-07-01");
    expect(then.code).toBe(0);
    expect(then.out).toContain("as known on 2023-07-01");
    expect(then.out).toContain("2022 实际 呼和浩特市: 12100 个");
    // The 2022-12-30 work report's figure was known (and revised by 001); the news of 2023-10-25 was not yet.
    expect(then.out).toContain("12800 个 [revised]");
    expect(then.out).not.toContain("全力建设");
    expect(then.out).not.toContain("≠");
    expect(hh("show", "新增学位", "--as-of", "2020-01-01").out).toContain("nothing had been published");
    const bad = hh("show", "新增学位", "--as-of", "soon");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("as_of must be a date");
  });

  it("eval answers as of a date from a published dataset with a revision", () => {
    const file = publishedFile();
    const { code, out } = hh(
      "eval",
      "--dataset",
      file,
      '=HH.VALUE("地区生产总值",2022,"新城区")',
      '=HH.VALUE("地区生产总值",2022,"新城区",,"2023-02-01")',
      '=HH.VALUE("地区生产总值",2022,"新城区",,DATE(2023,6,1))',
    );
    expect(out.trim().split("\n")).toEqual(["672.5", "665", "670.2"]);
    expect(code).toBe(0);
  });
});
