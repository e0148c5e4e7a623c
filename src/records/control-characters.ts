/* eslint-disable no-control-regex -- finding control characters is the point of this file */

// A terminal obeys what it is sent: `ESC[2J` in a host's name clears the
// screen, an OSC sequence can retitle the window or forge a link, U+202E
// reverses the text after it. Record text is cleaned of all of them when it is
// loaded, and the CLI cleans whatever it prints once more (src/cli/terminal-text.ts).

/** Whole escape sequences, so `ESC[2J` leaves nothing behind, not a stray `[2J`: CSI, OSC/DCS/PM/APC/SOS strings, two-character escapes. */
const ESCAPE_SEQUENCES =
  /\u001b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|[ -/]*[0-~]?)|\u009b[0-?]*[ -/]*[@-~]?|[\u0090\u0098\u009d-\u009f][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?/g;
/** C0 except tab and line feed, DEL, C1, and the bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069). */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same, keeping a carriage return that ends a line (CRLF, as iCalendar text has). */
const CONTROLS_BUT_CRLF = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/** Text without escape sequences or control characters; tab and line feed stay, and a CR or CRLF line break becomes a line feed. */
export function stripControlCharacters(text: string): string {
  return hasControl(text) ? text.replace(/\r\n?/g, "\n").replace(ESCAPE_SEQUENCES, "").replace(CONTROLS, "") : text;
}

/** As `stripControlCharacters`, but a CR before a LF stays, so CRLF text (an .ics on stdout) keeps its line ends. */
export function stripControlCharactersKeepingCrlf(text: string): string {
  return hasControl(text) ? text.replace(ESCAPE_SEQUENCES, "").replace(CONTROLS_BUT_CRLF, "") : text;
}

const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hasControl(text: string): boolean {
  return ANY_CONTROL.test(text);
}
