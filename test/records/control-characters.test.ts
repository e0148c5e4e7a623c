import { describe, expect, it } from "vitest";
import { terminalSafe } from "../../src/cli/terminal-text.js";
import { createStyle } from "../../src/cli/style.js";
import { stripControlCharacters } from "../../src/records/control-characters.js";
import { parseYaml } from "../../src/records/yaml-source.js";

const ESC = "\u001b";

describe("stripControlCharacters: record text a terminal cannot be steered by", () => {
  it.each([
    ["clear screen (CSI)", `${ESC}[2JSchaerbeek`, "Schaerbeek"],
    ["colour and cursor moves", `${ESC}[31;1mRed${ESC}[0m ${ESC}[10;20H`, "Red "],
    ["window title (OSC, BEL-terminated)", `Hub${ESC}]0;pwned\u0007 Brussels`, "Hub Brussels"],
    ["hyperlink (OSC 8, ST-terminated)", `${ESC}]8;;http://evil${ESC}\\click${ESC}]8;;${ESC}\\`, "click"],
    ["C1 CSI", "a\u009b2Jb", "ab"],
    ["C0 and DEL", "a\u0000b\u0007c\u0008d\u007fe", "abcde"],
    ["bidi overrides and isolates", "abc\u202edcba\u202c \u2066x\u2069", "abcdcba x"],
    ["single-character escapes", `a${ESC}cb${ESC}7c`, "abc"],
  ])("%s", (_name, input, expected) => {
    expect(stripControlCharacters(input)).toBe(expected);
  });

  it("keeps tabs, line feeds and text, and turns CR and CRLF into line feeds", () => {
    expect(stripControlCharacters("a\tb\nc")).toBe("a\tb\nc");
    expect(stripControlCharacters("Line one\r\nLine two\rthree")).toBe("Line one\nLine two\nthree");
    expect(stripControlCharacters("Zoë, Ljubljana — 日本 ✓")).toBe("Zoë, Ljubljana — 日本 ✓");
  });
});

describe("parseYaml: record values come out clean", () => {
  it.each([
    ["raw control characters", `name: "${ESC}[2JHub"\n`],
    ["double-quoted escapes", 'name: "\\e[2JHub\\u202e"\n'],
    ["a hex escape", 'name: "\\x1b[31mHub"\n'],
  ])("%s", (_name, text) => {
    expect(parseYaml("f.yaml", text).data).toEqual({ name: "Hub" });
  });

  it("reports a tag in a file without control characters", () => {
    expect(parseYaml("f.yaml", "size: !!binary aGk=\n").problems.map((p) => p.message)).toEqual([
      "tag `!!binary` is not allowed: records use plain YAML values",
    ]);
  });
});

describe("terminalSafe: the CLI's output sink", () => {
  it("keeps our own colours when they are on, and nothing else", () => {
    const style = createStyle(true);
    const line = `${style.bold("microstart")}  ${ESC}[2JEvil${ESC}[5m${ESC}[41m ${style.error("error:")}`;
    expect(terminalSafe(line, true)).toBe(`${style.bold("microstart")}  Evil ${style.error("error:")}`);
    expect(terminalSafe(line, false)).toBe("microstart  Evil error:");
  });

  it("keeps the CRLF of an .ics printed on stdout, drops a lone CR", () => {
    expect(terminalSafe("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", false)).toBe("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    expect(terminalSafe("100%\rdone", false)).toBe("100%done");
  });
});
