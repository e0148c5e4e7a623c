import { stripControlCharactersKeepingCrlf } from "../records/control-characters.js";

/** Exactly the SGR codes style.ts emits (chalk level 1: bold, dim, their reset, colours 31–36 and their reset). */
// eslint-disable-next-line no-control-regex -- our own colour codes are what this matches
const OWN_STYLE_CODES = /\u001b\[(?:1|2|22|3[1-6]|39)m/g;

/**
 * Everything the CLI prints goes through here, whatever produced it: record
 * text (already cleaned on load), file names from the command line, messages
 * quoting a file's bytes, a user's template. Escape sequences and control
 * characters are dropped, tab, line feed and CRLF stay; with colour on, the
 * colour codes of our own Style are kept and nothing else.
 */
export function terminalSafe(text: string, keepOwnColours: boolean): string {
  if (!keepOwnColours) return stripControlCharactersKeepingCrlf(text);
  let out = "";
  let last = 0;
  for (const match of text.matchAll(OWN_STYLE_CODES)) {
    out += stripControlCharactersKeepingCrlf(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + stripControlCharactersKeepingCrlf(text.slice(last));
}

export interface TextSink {
  write(text: string): unknown;
  isTTY?: boolean;
  /** The terminal's width, where known: the progress line (src/cli/progress.ts) wraps at it. */
  readonly columns?: number | undefined;
}

/** A stream that only ever receives terminal-safe text; `colours` says, when called, whether our colour codes are on. */
export function safeSink(stream: TextSink, colours: () => boolean): TextSink {
  return {
    write: (text: string) => stream.write(terminalSafe(text, colours())),
    ...(stream.isTTY !== undefined ? { isTTY: stream.isTTY } : {}),
  };
}
