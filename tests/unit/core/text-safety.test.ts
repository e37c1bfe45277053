import { describe, expect, it } from "@jest/globals";
import { forTerminal } from "../../../src/core/text-safety";
import { withoutBom } from "../../../src/core/live/text";

describe("forTerminal", () => {
  it("shows OSC, CSI, C1, DEL and bidi overrides as visible escapes and keeps the rest", () => {
    const hostile = "GDP\x1b]0;pwned\x07 \x1b[2J \u009b31m \x7f \u202eevil\u202c \u2066x\u2069 \r";
    const shown = forTerminal(hostile);
    expect(shown).toBe(
      "GDP\\u001b]0;pwned\\u0007 \\u001b[2J \\u009b31m \\u007f \\u202eevil\\u202c \\u2066x\\u2069 \\u000d",
    );
    // Nothing lost: every escape names the character it replaced.
    expect(JSON.parse(`"${shown}"`)).toBe(hostile);
  });

  it("keeps the CLI's own line breaks and columns, and Chinese text", () => {
    expect(forTerminal("地区生产总值\t亿元\n  第15行")).toBe("地区生产总值\t亿元\n  第15行");
  });

  it("leaves a JSON line valid JSON with the same meaning", () => {
    const value = { zh: "名\u202e称", note: "a\u0085b\x7f" };
    expect(JSON.parse(forTerminal(JSON.stringify(value)))).toEqual(value);
  });
});

describe("withoutBom", () => {
  it("removes exactly one leading byte-order mark", () => {
    expect(withoutBom('\ufeff{"a":1}')).toBe('{"a":1}');
    expect(withoutBom('\ufeff\ufeff{"a":1}')).toBe('\ufeff{"a":1}');
    expect(withoutBom('{"a":"\ufeff"}')).toBe('{"a":"\ufeff"}');
  });
});
