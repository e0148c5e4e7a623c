// The few lexical rules of RFC 5545 that every iCalendar writer must get
// right: TEXT escaping (§3.3.11), quoted parameter values (§3.2), line
// folding at 75 octets (§3.1) and CRLF line ends.

const CRLF = "\r\n";
const MAX_OCTETS = 75;

// CONTROL of RFC 5545 (all C0 but HTAB, and DEL) plus C1, which no client expects in text.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/** A TEXT value: backslash, semicolon and comma escaped, every line break as `\n`, controls dropped. */
export function icsText(value: string): string {
  return value
    .replace(LINE_BREAKS, "\n")
    .replace(CONTROLS, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** Several TEXT values as one list value (CATEGORIES): each escaped, joined by bare commas. */
export function icsTextList(values: readonly string[]): string {
  return values.map(icsText).join(",");
}

/**
 * A parameter value, always as a quoted-string. A quoted-string may hold any
 * character but CONTROL and DQUOTE, and has no escape at all (`\"` is not
 * iCalendar), so double quotes become single ones and line breaks spaces.
 */
export function icsQuotedParam(value: string): string {
  const clean = value.replace(LINE_BREAKS, " ").replace(/\t/g, " ").replace(CONTROLS, "").replace(/"/g, "'").trim();
  return `"${clean}"`;
}

/** A URI or CAL-ADDRESS value: not escaped (that would change it), but never a line break or control. */
export function icsUri(value: string): string {
  return value.replace(LINE_BREAKS, "").replace(/\t/g, "").replace(CONTROLS, "").trim();
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Fold one content line so that no physical line exceeds 75 octets of UTF-8,
 * CRLF excluded. The continuation's leading space counts toward its 75; a
 * multi-byte character is never cut in two (iterating by code point keeps
 * surrogate pairs whole too).
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** A property line `NAME;P1="v":value` from already-encoded parts. */
export function icsProperty(name: string, value: string, params: readonly (readonly [string, string])[] = []): string {
  return `${name}${params.map(([key, v]) => `;${key}=${v}`).join("")}:${value}`;
}

/** The whole object: every line folded, CRLF after each, the last one included. */
export function icsDocument(lines: readonly string[]): string {
  return lines.map(foldLine).join(CRLF) + CRLF;
}
