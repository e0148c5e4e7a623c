// The `yaml` library composes a full document (every node with its range) for
// each file: on a registry of 2,000 record files that is most of a `check`
// (BENCHMARKS.md, "Registry"). Record files are nearly always written in a
// small, plain part of YAML: block mappings and sequences, one-line scalars,
// one-line flow collections, comments. This reads that part directly and
// gives up (undefined) on anything else, so the library parses the file
// instead. It only ever answers for text the library reads without a
// problem, and then with the same data (test/records/plain-yaml.test.ts
// checks this on generated, mutated and real record files); positions are
// worked out by the library, later, only for a file that has a problem.

/** Parsed data, or undefined when the text is outside the plain subset (the library decides then). */
export function parsePlainYaml(text: string): { data: unknown } | undefined {
  if (!SAFE_TEXT.test(text)) return undefined;
  const lines: Line[] = [];
  const raw = text.split("\n");
  for (const line of raw) {
    let indent = 0;
    while (line.charCodeAt(indent) === SPACE) indent++;
    if (indent === line.length || line.charCodeAt(indent) === HASH) continue; // blank or comment
    // Document markers and directives are the library's business.
    if (indent === 0 && (line.startsWith("---") || line.startsWith("...") || line.startsWith("%"))) return undefined;
    lines.push({ indent, text: line.slice(indent) });
  }
  const first = lines[0];
  if (!first || first.indent !== 0) return undefined;
  const reader = new Reader(lines);
  try {
    const data = reader.block(0);
    return reader.done() ? { data } : undefined;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

interface Line {
  indent: number;
  text: string;
}

const SPACE = 0x20;
const HASH = 0x23;
const GIVE_UP = new Error("outside the plain subset");

/**
 * Printable ASCII, line feeds and printable non-ASCII: no tab, no CR, no
 * backslash (escapes), no `!` (tags), no control or bidi characters (the
 * walk in parseYaml cleans those), no BOM, line or paragraph separators,
 * non-characters U+FFFE and U+FFFF.
 */
const SAFE_TEXT =
  /^[\n\u0020\u0022-\u005b\u005d-\u007e\u00a0-\u2027\u202f-\u2065\u206a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]*$/u;

/** A mapping key as records write them (`step_free`, `host-1`): kept to names that resolve to text. */
const KEY = /^([A-Za-z0-9_][A-Za-z0-9_.-]{0,200}):(?: +|$)/;

class Reader {
  private at = 0;
  constructor(private readonly lines: Line[]) {}

  done(): boolean {
    return this.at === this.lines.length;
  }

  /** The block node starting at the current line, whose indentation is `indent`. */
  block(indent: number): unknown {
    const line = this.lines[this.at];
    if (!line || line.indent !== indent) throw GIVE_UP;
    return isEntry(line.text) ? this.sequence(indent) : this.mapping(indent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (;;) {
      const line = this.lines[this.at];
      if (!line || line.indent < indent) return map;
      if (line.indent > indent || isEntry(line.text)) throw GIVE_UP;
      const match = KEY.exec(line.text);
      if (!match) throw GIVE_UP;
      const key = match[1] as string;
      if (Object.hasOwn(map, key) || !isTextKey(key)) throw GIVE_UP;
      const rest = line.text.slice(match[0].length);
      this.at++;
      if (rest === "" || rest.charCodeAt(0) === HASH) {
        const next = this.lines[this.at];
        if (next && next.indent > indent) map[key] = this.block(next.indent);
        // `key:` followed by `- item` at the key's own indentation: the list is the key's value.
        else if (next && next.indent === indent && isEntry(next.text)) map[key] = this.sequence(indent);
        else map[key] = null;
      } else {
        map[key] = inlineValue(rest);
        this.noContinuation(indent);
      }
    }
  }

  private sequence(indent: number): unknown[] {
    const list: unknown[] = [];
    for (;;) {
      const line = this.lines[this.at];
      if (!line || line.indent < indent) return list;
      if (line.indent > indent) throw GIVE_UP;
      if (!isEntry(line.text)) return list; // the mapping this list is a value of goes on
      let skip = 1;
      while (line.text.charCodeAt(skip) === SPACE) skip++;
      const rest = line.text.slice(skip);
      if (rest === "" || rest.charCodeAt(0) === HASH) {
        this.at++;
        const next = this.lines[this.at];
        list.push(next && next.indent > indent ? this.block(next.indent) : null);
      } else if (isEntry(rest)) {
        throw GIVE_UP; // `- - a`
      } else if (KEY.test(rest)) {
        // `- key: value`: a mapping whose keys line up with this first one.
        this.lines[this.at] = { indent: indent + skip, text: rest };
        list.push(this.mapping(indent + skip));
      } else {
        this.at++;
        list.push(inlineValue(rest));
        this.noContinuation(indent);
      }
    }
  }

  /** A value that ends its line may not go on on the next, more indented one (a multi-line scalar). */
  private noContinuation(indent: number): void {
    const next = this.lines[this.at];
    if (next && next.indent > indent) throw GIVE_UP;
  }
}

function isEntry(text: string): boolean {
  return text.charCodeAt(0) === 0x2d && (text.length === 1 || text.charCodeAt(1) === SPACE);
}

function isTextKey(key: string): boolean {
  return key !== "__proto__" && typeof resolvePlain(key) === "string";
}

/** A value on the rest of a line: a quoted or plain scalar, or a flow collection, then at most a comment. */
function inlineValue(text: string): unknown {
  const c = text.charCodeAt(0);
  if (c === 0x5b || c === 0x7b || c === 0x22 || c === 0x27) {
    const flow = new Flow(text);
    const value = flow.value();
    flow.end();
    return value;
  }
  if (!startsPlain(text, false)) throw GIVE_UP;
  let end = text.length;
  const comment = text.indexOf(" #");
  if (comment >= 0) end = comment;
  let value = text.slice(0, end);
  while (value.charCodeAt(value.length - 1) === SPACE) value = value.slice(0, -1);
  // `: ` would make a mapping; brackets inside a plain scalar are left to the library.
  if (value.includes(": ") || value.endsWith(":") || /[[\]{}]/.test(value)) throw GIVE_UP;
  return resolvePlain(value);
}

/** A plain scalar may not start with an indicator; `-` may, before a character that could go on the scalar. */
function startsPlain(text: string, flow: boolean): boolean {
  const c = text[0] ?? "";
  if (c === "-") {
    const next = text[1];
    return next !== undefined && next !== " " && !(flow && ",[]{}".includes(next));
  }
  return !"?:,[]{}#&*!|>'\"%@`".includes(c);
}

/** One-line flow collections (`[fri, sat]`, `{lat: 50.8, lon: 4.3}`) and quoted scalars. */
class Flow {
  private i = 0;
  constructor(private readonly text: string) {}

  value(): unknown {
    const c = this.text[this.i];
    if (c === "[") return this.sequence();
    if (c === "{") return this.mapping();
    if (c === '"') return this.doubleQuoted();
    if (c === "'") return this.singleQuoted();
    return this.plain();
  }

  /** Only spaces and a comment may follow the value. */
  end(): void {
    const start = this.i;
    this.spaces();
    if (this.i === this.text.length) return;
    if (this.text[this.i] === "#" && this.i > start) return;
    throw GIVE_UP;
  }

  private sequence(): unknown[] {
    const list: unknown[] = [];
    this.i++;
    this.spaces();
    if (this.text[this.i] === "]") {
      this.i++;
      return list;
    }
    for (;;) {
      this.spaces();
      list.push(this.value());
      this.spaces();
      const c = this.text[this.i++];
      if (c === "]") return list;
      if (c !== ",") throw GIVE_UP;
      this.spaces();
      if (this.text[this.i] === "]") throw GIVE_UP; // a trailing comma is left to the library
    }
  }

  private mapping(): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    this.i++;
    this.spaces();
    if (this.text[this.i] === "}") {
      this.i++;
      return map;
    }
    for (;;) {
      this.spaces();
      const match = KEY.exec(this.text.slice(this.i));
      // `{a:b}` is one plain scalar, `{a: }` an empty value: both left to the library.
      if (!match || !match[0].endsWith(" ")) throw GIVE_UP;
      const key = match[1] as string;
      if (Object.hasOwn(map, key) || !isTextKey(key)) throw GIVE_UP;
      this.i += match[0].length;
      const c = this.text[this.i];
      if (c === undefined || c === "," || c === "}" || c === "#") throw GIVE_UP;
      map[key] = this.value();
      this.spaces();
      const next = this.text[this.i++];
      if (next === "}") return map;
      if (next !== ",") throw GIVE_UP;
      this.spaces();
      if (this.text[this.i] === "}") throw GIVE_UP;
    }
  }

  private doubleQuoted(): string {
    const close = this.text.indexOf('"', this.i + 1);
    if (close < 0) throw GIVE_UP; // goes on on the next line
    const value = this.text.slice(this.i + 1, close);
    this.i = close + 1;
    return value;
  }

  private singleQuoted(): string {
    let value = "";
    let from = this.i + 1;
    for (;;) {
      const close = this.text.indexOf("'", from);
      if (close < 0) throw GIVE_UP;
      value += this.text.slice(from, close);
      if (this.text[close + 1] === "'") {
        value += "'";
        from = close + 2;
      } else {
        this.i = close + 1;
        return value;
      }
    }
  }

  /** A plain scalar inside a flow collection: up to a `,`, a closing bracket or the end; `a:b` is fine, `a: b` is not. */
  private plain(): unknown {
    const rest = this.text.slice(this.i);
    if (!startsPlain(rest, true)) throw GIVE_UP;
    const match = /^[^,[\]{}#:]*(?::[A-Za-z0-9][^,[\]{}#:]*)*/.exec(rest);
    let value = match ? match[0] : "";
    this.i += value.length;
    const stop = this.text[this.i];
    if (stop !== undefined && stop !== "," && stop !== "]" && stop !== "}") throw GIVE_UP;
    while (value.charCodeAt(value.length - 1) === SPACE) value = value.slice(0, -1);
    if (value === "") throw GIVE_UP;
    return resolvePlain(value);
  }

  private spaces(): void {
    while (this.text.charCodeAt(this.i) === SPACE) this.i++;
  }
}

/**
 * A plain scalar's value under YAML 1.2's core schema, tested in the order
 * the `yaml` library tests its tags (null, bool, octal, decimal and hex
 * integers, NaN and infinities, exponent floats, floats) with the same
 * conversions; anything else is text.
 */
export function resolvePlain(s: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === "t" || s[0] === "T";
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s))
    return s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? -Infinity : Infinity;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}
