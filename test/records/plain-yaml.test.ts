import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument, stringify } from "yaml";
import { parsePlainYaml, resolvePlain } from "../../src/records/plain-yaml.js";
import { MAX_ALIAS_COUNT, parseYaml } from "../../src/records/yaml-source.js";
import { writeRegistryWorkspace } from "../../bench/registry.js";
import { repoRoot, tempDir } from "../helpers/files.js";

// The plain-subset parser may answer only for text the `yaml` library reads
// without a problem, and then with exactly the library's data. Every check
// here compares the two on the same text: generated records written by the
// library in all its styles, the same texts mutated at random (where the
// library often rejects them), soups of YAML tokens, and every record file
// of the repository.

/** What parseYaml's library path gives: the data, or undefined when the library reports a problem. */
function library(text: string): { data: unknown } | undefined {
  const doc = parseDocument(text, {
    prettyErrors: false,
    uniqueKeys: true,
    schema: "core",
    version: "1.2",
    strict: true,
  });
  if (doc.errors.length > 0) return undefined;
  return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
}

/** Same shape, same key order, same values (`Object.is`: -0 is not 0, NaN is NaN). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" || typeof b === "number") return Object.is(a, b);
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** How many texts each property saw, and how many of them the plain parser answered for. */
const stats = new Map<string, { plain: number; total: number }>();

/** The property: when the plain parser answers, the library agrees, without a problem. */
const agrees = (name: string) => (text: string) => {
  const count = stats.get(name) ?? { plain: 0, total: 0 };
  stats.set(name, count);
  count.total++;
  const plain = parsePlainYaml(text);
  if (!plain) return true;
  count.plain++;
  const lib = library(text);
  if (!lib) throw new Error(`plain parser accepted what the library rejects:\n${text}`);
  if (!same(plain.data, lib.data))
    throw new Error(
      `different data for:\n${text}\nplain: ${JSON.stringify(plain.data)}\nlibrary: ${JSON.stringify(lib.data)}`,
    );
  return true;
};

const tricky = [..." :#'\"-,[]{}?&*!|>%@`~.+_0123456789eExo\u00a0é—日😀\u2028\ufeff\t\r\\\n"];
const plainUnit = fc.constantFrom(..."abcdefghij xyz-.,'0123456789".split(""));
const word = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: plainUnit, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(plainUnit, fc.constantFrom(...tricky)), maxLength: 12 }) },
);
const key = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom("id", "name", "themes", "geo", "lat", "step_free", "host-1", "a.b", "_x", "k2"),
  },
  fc.constantFrom("null", "true", "False", "1", "0x1f", ".5", "~", "__proto__", "-x", "a b", "é", "<<", "? a"),
  word,
);
const scalar = fc.oneof(
  word,
  fc.constantFrom("09:30-13:30", "2026-03-11", "women's empowerment", "Rue 1, Bruxelles", "https://x.org/a#b", "C#"),
  fc.constantFrom(
    "yes",
    "no",
    "NULL",
    "True",
    "TRUE",
    ".inf",
    "-.Inf",
    ".NaN",
    "0o17",
    "+12",
    "1e3",
    "1.",
    "-0",
    "007",
  ),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
);
const { value: anyValue } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("list"), tie("map")),
  list: fc.array(tie("value"), { maxLength: 4 }),
  map: fc.dictionary(key, tie("value"), { maxKeys: 5 }),
}));
/** Shaped like a record: named keys, short text, numbers, nesting a level or two deep. */
const recordKey = fc.constantFrom(
  "id",
  "name",
  "themes",
  "geo",
  "lat",
  "lon",
  "step_free",
  "host-1",
  "a.b",
  "_x",
  "k2",
);
const { value: recordValue } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, scalar, tie("list"), tie("map")),
  // Records hold lists of scalars or of mappings, never lists of lists.
  list: fc.array(fc.oneof(scalar, tie("map")), { maxLength: 3 }),
  map: fc.dictionary(recordKey, tie("value"), { maxKeys: 3 }),
}));
const top = fc.oneof(
  fc.dictionary(recordKey, recordValue, { minKeys: 1, maxKeys: 6 }),
  fc.array(fc.dictionary(recordKey, recordValue, { minKeys: 1, maxKeys: 4 }), { minLength: 1, maxLength: 3 }),
  fc.dictionary(key, anyValue, { minKeys: 1, maxKeys: 6 }),
  fc.array(anyValue, { minLength: 1, maxLength: 4 }),
);
const style = fc.record({
  indent: fc.constantFrom(2, 3, 4),
  indentSeq: fc.boolean(),
  defaultKeyType: fc.constantFrom(null, "PLAIN", "PLAIN") as fc.Arbitrary<null | "PLAIN">,
  defaultStringType: fc.constantFrom("PLAIN", "PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE") as fc.Arbitrary<
    "PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE"
  >,
  collectionStyle: fc.constantFrom("any", "any", "block", "flow") as fc.Arbitrary<"any" | "block" | "flow">,
  flowCollectionPadding: fc.boolean(),
  lineWidth: fc.constantFrom(0, 16, 80, 80),
});
const written = fc.tuple(top, style).map(([data, options]) => stringify(data, options));

/** A random edit of a text: insert a tricky character, delete a stretch, re-indent or duplicate a line. */
const mutated = fc
  .tuple(
    written,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom("insert", "delete", "indent", "dedent", "duplicate"),
        fc.constantFrom(...tricky),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([text, edits]) => {
    let t = text;
    for (const [at, kind, ch] of edits) {
      const i = t.length === 0 ? 0 : at % t.length;
      const lineStart = t.lastIndexOf("\n", i - 1) + 1;
      if (kind === "insert") t = t.slice(0, i) + ch + t.slice(i);
      else if (kind === "delete") t = t.slice(0, i) + t.slice(i + 1 + (at % 3));
      else if (kind === "indent") t = `${t.slice(0, lineStart)} ${t.slice(lineStart)}`;
      else if (kind === "dedent") t = t[lineStart] === " " ? t.slice(0, lineStart) + t.slice(lineStart + 1) : t;
      else {
        const end = t.indexOf("\n", i);
        const line = t.slice(lineStart, end < 0 ? t.length : end + 1);
        t = t.slice(0, lineStart) + line + t.slice(lineStart);
      }
    }
    return t;
  });

/** Lines of YAML at random indentations, some with a stray token: the grammar's corners rather than a writer's habits. */
const token = fc.constantFrom(
  "v",
  "1",
  "-2",
  "0.5",
  "null",
  "true",
  "'x'",
  '"y z"',
  "'it''s'",
  "[]",
  "{}",
  "[a, b]",
  "[ 'a' , \"b\" ]",
  "{a: 1, b: [x]}",
  "{a: 1,}",
  "a:b",
  "a b",
  "C#",
  "x #c",
  "é",
);
const stray = fc.constantFrom(
  "",
  "",
  "",
  " ",
  ":",
  " :",
  "#c",
  " #c",
  ",",
  "[",
  "]",
  "{",
  "}",
  "'",
  '"',
  "&x",
  "*x",
  "|",
  ">-",
  "? ",
  "- ",
  "---",
);
const soupLine = fc.tuple(
  fc.constantFrom(0, 0, 0, 2, 2, -2, -4, 1, -1, 4),
  fc.constantFrom("key: T", "key: T", "key:", "- T", "- key: T", "- key:", "-", "# comment", "", "T", "- - T"),
  fc.constantFrom("id", "name", "a", "b", "c", "themes"),
  token,
  fc.oneof({ weight: 4, arbitrary: fc.constant("") }, stray),
  fc.boolean(),
);
/** Each line's indentation moves from the one before (same, deeper, shallower, off by one). */
const soup = fc.array(soupLine, { minLength: 1, maxLength: 8 }).map((lines) => {
  let indent = 0;
  const text = lines.map(([delta, shape, k, t, s, front], i) => {
    indent = i === 0 ? 0 : Math.max(0, indent + delta);
    const body = shape.replace("key", k).replace("T", t);
    return " ".repeat(indent) + (front ? s + body : body + s);
  });
  return `${text.join("\n")}\n`;
});

describe("parsePlainYaml: the same data as the yaml library, or no answer", () => {
  it("on records the library writes, in every style", () => {
    fc.assert(fc.property(written, agrees("written")), { numRuns: 4000, seed: 11 });
  });

  it("on those records mutated at random", () => {
    fc.assert(fc.property(mutated, agrees("mutated")), { numRuns: 6000, seed: 12 });
  });

  it("on lines of YAML tokens", () => {
    fc.assert(fc.property(soup, agrees("soup")), { numRuns: 6000, seed: 13 });
  });

  it("answers for most of them (the checks above are not vacuous)", () => {
    // Counted over the three runs above (vitest runs a file's tests in order); seeded, so the counts do not move.
    expect(stats.get("written")).toMatchObject({ total: 4000, plain: expect.toSatisfy((n: number) => n > 800) });
    expect(stats.get("mutated")).toMatchObject({ total: 6000, plain: expect.toSatisfy((n: number) => n > 300) });
    expect(stats.get("soup")).toMatchObject({ total: 6000, plain: expect.toSatisfy((n: number) => n > 600) });
  });

  it("on every record file of the repository and of the registry benchmark", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (name === "node_modules" || name.startsWith(".")) continue;
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.ya?ml$/.test(name)) files.push(path);
      }
    };
    for (const dir of ["data", "test", "templates"]) walk(dir);
    const registry = tempDir();
    writeRegistryWorkspace(registry, 40, 5);
    walk(registry);
    let plain = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
      agrees("files")(text);
      if (parsePlainYaml(text)) plain++;
    }
    expect(files.length).toBeGreaterThan(150);
    expect(plain).toBeGreaterThan(100);
  });

  it("resolves plain scalars as YAML 1.2's core schema does", () => {
    expect(
      [
        "~",
        "",
        "Null",
        "true",
        "FALSE",
        "yes",
        "0o17",
        "-12",
        "+3",
        "0x1F",
        ".inf",
        "-.Inf",
        "1e3",
        ".5",
        "1.",
        "2026-03-11",
      ].map(resolvePlain),
    ).toEqual([null, null, null, true, false, "yes", 15, -12, 3, 31, Infinity, -Infinity, 1000, 0.5, 1, "2026-03-11"]);
    expect(Object.is(resolvePlain("-0"), -0)).toBe(true);
    expect(resolvePlain(".NaN")).toBeNaN();
  });

  it("leaves to the library what is outside the subset", () => {
    for (const text of [
      "a: 1\na: 2\n", // duplicate key: the library's error
      "name: !!str x\n", // a tag
      'name: "a\\tb"\n', // an escape
      "summary: >-\n  folded\n  text\n", // a block scalar
      "a: &x 1\nb: *x\n", // anchors and aliases
      "name: two\n  lines\n", // a multi-line plain scalar
      "days: [tue,\n  wed]\n", // a flow collection over two lines
      "a:\tb\n", // a tab
      "a: 1\r\n", // CRLF
      "---\na: 1\n", // a document marker
      "  a: 1\n", // an indented top level
      "", // empty
    ])
      expect(parsePlainYaml(text), text).toBeUndefined();
  });
});

describe("parseYaml with the plain parser: positions as before", () => {
  it("covers the broken-workspace fixtures, whose golden messages were written before it", () => {
    // test/cli/broken-workspaces.test.ts compares each scenario's FILE:LINE:COL messages with expected.txt;
    // where the file at fault is plain, those positions now come from the library composing it later.
    const broken = join(repoRoot, "test", "fixtures", "broken");
    const positioned = readdirSync(broken).flatMap((scenario) =>
      readFileSync(join(broken, scenario, "expected.txt"), "utf8")
        .split("\n")
        .map((line) => /^([^:\s]+\.ya?ml):\d+:\d+: /.exec(line)?.[1])
        .filter((file): file is string => file !== undefined)
        .map((file) => join(broken, scenario, file)),
    );
    const plain = positioned.filter((file) => parsePlainYaml(readFileSync(file, "utf8")) !== undefined);
    expect(plain.length).toBeGreaterThanOrEqual(8);
  });

  it("points at the same line and column as the library would", () => {
    const text = "id: h\nname: H\nthemes: [a, b]\nplace:\n  id: p\n  geo: {lat: 50, lon: 4}\n";
    const parsed = parseYaml("f.yaml", text);
    expect(parsePlainYaml(text)).toBeDefined();
    expect(parsed.source?.problemAt(["place", "geo", "lon"], "x")).toEqual({
      file: "f.yaml",
      line: 6,
      col: 23,
      message: "x",
    });
    expect(parsed.source?.problemAt(["themes", 1], "x")).toMatchObject({ line: 3, col: 13 });
    expect(parsed.source?.problemAt(["place"], "x", true)).toMatchObject({ line: 4, col: 1 });
  });
});
