import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from "yaml";
import { stripControlCharacters } from "./control-characters.js";
import { parsePlainYaml } from "./plain-yaml.js";
import type { Problem } from "./problem.js";
import { formatSize, MAX_RECORD_BYTES } from "./read-text-file.js";

/** Larger record files are refused: a workspace file is hand-written, a few kilobytes. */
export const MAX_FILE_BYTES = MAX_RECORD_BYTES;
/** yaml's own guard: expanding more aliases than this is treated as a "billion laughs" attack. */
export const MAX_ALIAS_COUNT = 100;

export type PathSegment = string | number;

const PARSE_OPTIONS = {
  prettyErrors: false,
  uniqueKeys: true,
  schema: "core",
  version: "1.2",
  strict: true,
} as const;

/**
 * A parsed YAML file that can turn a path inside its data into a line and
 * column. A file read by the plain-subset parser has no document yet: the
 * library composes it, with positions, the first time a problem needs one.
 */
export class YamlSource {
  private composed: { doc: Document.Parsed; lines: LineCounter } | undefined;

  constructor(
    readonly file: string,
    private readonly text: string,
    composed?: { doc: Document.Parsed; lines: LineCounter },
  ) {
    this.composed = composed;
  }

  private get doc(): Document.Parsed {
    return this.positions().doc;
  }

  private get lines(): LineCounter {
    return this.positions().lines;
  }

  private positions(): { doc: Document.Parsed; lines: LineCounter } {
    if (!this.composed) {
      const lines = new LineCounter();
      this.composed = { doc: parseDocument(this.text, { ...PARSE_OPTIONS, lineCounter: lines }), lines };
    }
    return this.composed;
  }

  /** Problem at the node a data path names (or at the deepest node of the path that exists). `onKey` points at the key instead of the value. */
  problemAt(path: readonly PathSegment[], message: string, onKey = false): Problem {
    const offset = this.offsetOf(path, onKey);
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col, message };
  }

  private offsetOf(path: readonly PathSegment[], onKey: boolean): number {
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (const [i, segment] of path.entries()) {
      node = this.resolve(node);
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return offset;
        const keyStart = rangeStart(pair.key);
        if (last && onKey && keyStart !== undefined) return keyStart;
        // `key:` with nothing after it has no value node: point at the key.
        const valueStart = rangeStart(pair.value);
        offset = valueStart ?? keyStart ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        const item = node.items[segment];
        const start = rangeStart(item);
        if (start === undefined) return offset;
        offset = start;
        node = item;
      } else {
        return offset;
      }
    }
    return offset;
  }

  private resolve(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

export type ParsedYaml =
  | { source: YamlSource; data: unknown; problems: Problem[] }
  | { source?: undefined; data?: undefined; problems: Problem[] };

/**
 * Parse one record file with positions. YAML 1.2 core schema only: no custom
 * tags (they could smuggle in types), duplicate keys are errors, and alias
 * expansion is bounded.
 */
export function parseYaml(file: string, text: string): ParsedYaml {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_FILE_BYTES) return { problems: [oversized(file, bytes)] };
  // Most record files are plain YAML that the library would read without a problem: read those directly.
  const plain = parsePlainYaml(text);
  if (plain) return { source: new YamlSource(file, text), data: plain.data, problems: [] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lines });
  const source = new YamlSource(file, text, { doc, lines });
  const at = (offset: number, message: string): Problem => ({ file, ...lines.linePos(offset), message });

  const problems: Problem[] = doc.errors.map((e) => {
    const opened = /flow (sequence|mapping)/i.test(e.message) ? unclosedBracket(text, e.pos[0]) : undefined;
    const where =
      opened === undefined
        ? ""
        : ` (the \`${text[opened]}\` opened at ${lines.linePos(opened).line}:${lines.linePos(opened).col} is not closed)`;
    return at(e.pos[0], `${yamlMessage(e.code, e.message, text.slice(e.pos[0]))}${where}`);
  });
  // Only a file with a `!` can hold a tag, and only one with control characters or a `\` escape (`"\e[2J"`)
  // can give a value that needs cleaning: most files skip the walk.
  if (text.includes("!") || text.includes("\\") || stripControlCharacters(text) !== text)
    visit(doc, {
      Node(_key, node) {
        // Record text never carries terminal escapes or bidi overrides: it is printed, and written into calendars and letters.
        if (isScalar(node) && typeof node.value === "string") node.value = stripControlCharacters(node.value);
        if (node.tag && !STANDARD_TAGS.has(node.tag)) {
          const shown = node.tag.replace(/^tag:yaml\.org,2002:/, "!!");
          // The node's range starts after its tag; point at the tag itself when it is on the same line.
          const start = node.range?.[0] ?? 0;
          const bang = text.lastIndexOf("!", start);
          const tagStart = bang >= 0 && !text.slice(bang, start).includes("\n") ? bang : start;
          problems.push(at(tagStart, `tag \`${shown}\` is not allowed: records use plain YAML values`));
        }
      },
    });
  if (problems.length > 0) return { problems };
  try {
    return { source, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), problems };
  } catch (error) {
    let first = 0;
    visit(doc, {
      Alias(_key, node) {
        first = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const message =
      error instanceof ReferenceError
        ? `aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT}): refusing to load a possible "billion laughs" file`
        : `cannot read YAML: ${(error as Error).message}`;
    return { problems: [at(first, message)] };
  }
}

const STANDARD_TAGS = new Set([
  "tag:yaml.org,2002:str",
  "tag:yaml.org,2002:int",
  "tag:yaml.org,2002:float",
  "tag:yaml.org,2002:bool",
  "tag:yaml.org,2002:null",
  "tag:yaml.org,2002:map",
  "tag:yaml.org,2002:seq",
]);

function yamlMessage(code: string, message: string, rest: string): string {
  if (code === "DUPLICATE_KEY") {
    const key = /^["']?([^:\n"']+)/.exec(rest)?.[1]?.trim();
    return `duplicate key${key ? ` \`${key}\`` : ""}: it already appears earlier in the same mapping`;
  }
  const first = message.split("\n")[0] ?? message;
  return `YAML syntax error: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

/** Offset of the last `[` or `{` still open at `end`, skipping quoted text and comments; yaml reports the error where it noticed, often a line later. */
function unclosedBracket(text: string, end: number): number | undefined {
  const open: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < end && i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === "\n") quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "#" && (i === 0 || /\s/.test(text[i - 1] ?? ""))) while (i < end && text[i] !== "\n") i++;
    else if (ch === "[" || ch === "{") open.push(i);
    else if (ch === "]" || ch === "}") open.pop();
  }
  return open.at(-1);
}

export function oversized(file: string, bytes: number): Problem {
  return {
    file,
    line: 1,
    col: 1,
    message: `file is ${formatSize(bytes)}, larger than the ${formatSize(MAX_FILE_BYTES)} a record file may be`,
  };
}
