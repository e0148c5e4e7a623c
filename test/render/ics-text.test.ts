import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldLine, icsDocument, icsQuotedParam, icsText, icsTextList, icsUri } from "../../src/render/ics-text.js";

const octets = (s: string) => Buffer.byteLength(s, "utf8");
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, "");

describe("icsText (RFC 5545 §3.3.11)", () => {
  it("escapes backslash, semicolon and comma, and writes every line break as \\n", () => {
    expect(icsText("a\\b;c,d")).toBe("a\\\\b\\;c\\,d");
    expect(icsText("one\r\ntwo\nthree\rfour\u2028five")).toBe("one\\ntwo\\nthree\\nfour\\nfive");
  });

  it("drops control characters but keeps tabs, quotes, colons and non-ASCII text", () => {
    expect(icsText("a\u0000b\u0007c\u007fd\u0085e")).toBe("abcde");
    expect(icsText('Tab\there "q": Ljubljana, Žalec')).toBe('Tab\there "q": Ljubljana\\, Žalec');
  });

  it("never leaves a raw line break, so text cannot start a property of its own", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => !/[\r\n]/.test(icsText(s))));
  });

  it("joins list values with bare commas, escaping the commas inside values", () => {
    expect(icsTextList(["Study visit", "a,b"])).toBe("Study visit,a\\,b");
  });
});

describe("icsQuotedParam (RFC 5545 §3.2)", () => {
  it("always quotes, and turns double quotes (which have no escape) into single ones", () => {
    expect(icsQuotedParam('Mallory "The Boss"; ROLE=CHAIR:x')).toBe(`"Mallory 'The Boss'; ROLE=CHAIR:x"`);
    expect(icsQuotedParam("Roxanne Lemercier")).toBe('"Roxanne Lemercier"');
  });

  it("keeps one line: breaks become spaces, controls go", () => {
    expect(icsQuotedParam("a\r\nb\nc\u0001")).toBe('"a b c"');
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    const unsafe = /["\r\n\u0000-\u0008\u000a-\u001f\u007f]/;
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        (s) => /^"[^"]*"$/.test(icsQuotedParam(s)) && !unsafe.test(icsQuotedParam(s).slice(1, -1)),
      ),
    );
  });
});

describe("icsUri", () => {
  it("keeps the address as it is but without line breaks or controls", () => {
    expect(icsUri("https://example.org/a?b=1&c=2\r\nX:y")).toBe("https://example.org/a?b=1&c=2X:y");
  });
});

describe("foldLine (RFC 5545 §3.1)", () => {
  it("leaves a line of 75 octets alone and folds at 76", () => {
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    expect(foldLine("x".repeat(76))).toBe(`${"x".repeat(75)}\r\n x`);
  });

  it("counts octets, not characters: 75 accented letters take 150 octets", () => {
    const folded = foldLine("é".repeat(75));
    for (const line of folded.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n")[0]).toBe("é".repeat(37));
    expect(unfold(folded)).toBe("é".repeat(75));
  });

  it("never cuts a multi-byte character or a surrogate pair", () => {
    const line = `SUMMARY:${"a€😀ž".repeat(40)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      expect(part).not.toMatch(/\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(unfold(folded)).toBe(line);
  });

  it("for any text: lines of at most 75 octets that unfold to the original", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (s) => {
        const folded = foldLine(`DESCRIPTION:${icsText(s)}`);
        return folded.split("\r\n").every((l) => octets(l) <= 75) && unfold(folded) === `DESCRIPTION:${icsText(s)}`;
      }),
    );
  });
});

describe("icsDocument", () => {
  it("ends every line, the last included, with CRLF", () => {
    expect(icsDocument(["BEGIN:VCALENDAR", "END:VCALENDAR"])).toBe("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
  });
});
