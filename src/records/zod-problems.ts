import type * as z from "zod";
import { didYouMean } from "./did-you-mean.js";
import { describe } from "./formats.js";
import type { Problem } from "./problem.js";
import type { PathSegment, YamlSource } from "./yaml-source.js";

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/**
 * Turn zod's issues for one record into positioned problems. `base` is where the
 * record sits in its file (`[]`, or `[3]` for the fourth record of a list file);
 * `label` names the record in messages.
 */
export function zodProblems(
  source: YamlSource,
  base: PathSegment[],
  schema: AnySchema,
  issues: readonly Issue[],
  data: unknown,
): Problem[] {
  const flat = issues.flatMap((issue) => flattenUnion(issue, data));
  const problems: Problem[] = [];
  // A misspelt key and the required key it was meant to be are one mistake: say it once.
  const explained = new Set<string>();
  for (const issue of flat) {
    if (issue.code !== "unrecognized_keys") continue;
    const known = knownKeys(schema, issue.path);
    for (const key of issue.keys) {
      const suggestion = didYouMean(key, known);
      const hint = suggestion
        ? ` (did you mean \`${suggestion}\`?)`
        : known.length > 0
          ? ` (expected one of: ${known.join(", ")})`
          : "";
      if (suggestion) explained.add(pathKey([...issue.path, suggestion]));
      problems.push(source.problemAt([...base, ...segments(issue.path), key], `unknown key \`${key}\`${hint}`, true));
    }
  }
  for (const issue of flat) {
    if (issue.code === "unrecognized_keys") continue;
    const missing = issue.code === "invalid_type" && valueAt(data, issue.path) === undefined;
    if (missing && explained.has(pathKey(issue.path))) continue;
    const field = label(issue.path);
    if (missing) {
      problems.push(source.problemAt([...base, ...segments(issue.path)], `missing \`${field}\``));
      continue;
    }
    problems.push(
      source.problemAt(
        [...base, ...segments(issue.path)],
        `${field ? `${field}: ` : ""}${message(issue, valueAt(data, issue.path))}`,
      ),
    );
  }
  return problems;
}

/** A union's issues come per branch with paths relative to the union: keep the branch that matched the value's shape. */
function flattenUnion(issue: Issue, data: unknown): Issue[] {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
  const branches = issue.errors.map((branch) =>
    branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue),
  );
  const shaped = branches.filter(
    (branch) => !branch.some((inner) => inner.code === "invalid_type" && inner.path.length === issue.path.length),
  );
  if (shaped.length > 0) return (shaped[0] ?? []).flatMap((inner) => flattenUnion(inner, data));
  const value = valueAt(data, issue.path);
  return [
    { ...issue, code: "custom", message: `expected ${unionExpectation(branches)}, got ${describe(value)}` } as Issue,
  ];
}

function unionExpectation(branches: Issue[][]): string {
  const names = new Set<string>();
  for (const branch of branches)
    for (const inner of branch) if (inner.code === "invalid_type") names.add(typeName(inner.expected));
  return [...names].join(" or ") || "another kind of value";
}

function message(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      // zod reports 2.5 for an int as a wrong type ("expected a number, got number"): it is the right type, not whole.
      if (issue.expected === "int" && typeof value === "number" && Number.isFinite(value))
        return `must be a whole number, got ${String(value)}`;
      return `expected ${typeName(issue.expected)}, got ${describe(value)}`;
    case "too_small":
      if (issue.origin === "string") return "must not be empty";
      if (issue.origin === "array")
        return `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? "" : "s"}`;
      if (issue.minimum === 0 && !issue.inclusive) return `must be greater than 0, got ${String(value)}`;
      return hasCustomMessage(issue)
        ? issue.message
        : `must be at least ${String(issue.minimum)}, got ${String(value)}`;
    case "too_big":
      return hasCustomMessage(issue) ? issue.message : `must be at most ${String(issue.maximum)}, got ${String(value)}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(", ")}, got ${describe(value)}`;
    case "not_multiple_of":
      return `must be a whole number, got ${String(value)}`;
    default:
      return issue.message;
  }
}

function hasCustomMessage(issue: Issue): boolean {
  return !/^(Too small|Too big|Invalid)/.test(issue.message);
}

function typeName(expected: string): string {
  switch (expected) {
    case "string":
      return "text";
    case "number":
    case "int":
      return "a number";
    case "boolean":
      return "true or false";
    case "array":
      return "a list";
    case "object":
    case "record":
      return "a mapping";
    default:
      return expected;
  }
}

function segments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((s) => (typeof s === "number" ? s : String(s)));
}

function label(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path)
    out += typeof segment === "number" ? `[${segment}]` : `${out ? "." : ""}${String(segment)}`;
  return out;
}

function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join("\u0000");
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** Keys the schema accepts for the mapping at `path`, found by walking zod's definitions. */
export function knownKeys(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  const walk = (s: AnySchema, rest: readonly PropertyKey[]): void => {
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case "object": {
        const shape = def.shape as Record<string, AnySchema>;
        if (rest.length === 0) Object.keys(shape).forEach((k) => keys.add(k));
        else {
          const next = shape[String(rest[0])];
          if (next) walk(next, rest.slice(1));
        }
        return;
      }
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
        walk(def.innerType as AnySchema, rest);
        return;
      case "pipe":
        walk(def.in as AnySchema, rest);
        walk(def.out as AnySchema, rest);
        return;
      case "array":
        if (rest.length > 0 && typeof rest[0] === "number") walk(def.element as AnySchema, rest.slice(1));
        return;
      case "union":
        for (const option of def.options as AnySchema[]) walk(option, rest);
        return;
      case "record":
        if (rest.length > 0) walk(def.valueType as AnySchema, rest.slice(1));
        return;
      default:
        return;
    }
  };
  walk(schema, path);
  return [...keys].sort();
}
