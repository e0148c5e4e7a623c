import { existsSync } from "node:fs";
import { join } from "node:path";
import type * as z from "zod";
import { formatHours, parseHours } from "../records/formats.js";
import { slugify as idSlug } from "../records/slug.js";
import type { Workspace } from "../records/workspace.js";
import { parseYaml, type PathSegment } from "../records/yaml-source.js";
import { zodProblems } from "../records/zod-problems.js";
import type { PromptChoice, Prompter } from "./prompter.js";

export type Path = PathSegment[];
export type Fields = Record<string, unknown>;

/** Sentinel choice value: ids never start with a space, so it cannot clash with a record's id. */
export const NONE = " none";

export interface FieldQuestion {
  message: string;
  path: Path;
  default?: string;
  /** Say how to skip it; an empty answer (or `-` when there is a default) leaves the field out. */
  optional?: boolean;
  /** Text to the value checked and written; the default keeps trimmed text. */
  convert?: (text: string) => unknown;
  /** A rule of `check` beyond the record's own schema (unique ids, cross-record rules), given the value once the schema accepts it (undefined when skipped): a message, or nothing. */
  also?: (value: unknown) => string | undefined;
  /** The value to write once it passed, when it differs from the checked one (a position becomes {lat, lon}). */
  store?: (value: unknown) => unknown;
}

/**
 * A record under construction and the schema it must end up passing. `prefix`
 * is where it sits in the file (`["place"]` for a host's inline place), so that
 * messages name the field as `check` does.
 */
export class Draft {
  readonly value: Fields = {};
  constructor(
    readonly schema: z.ZodType,
    readonly prefix: Path = [],
  ) {}

  /** `true`, or the messages `check` would give for the field at `path` if it held `value`. */
  verdict(path: Path, value: unknown): true | string {
    const candidate = structuredClone(this.value);
    setAt(candidate, path, value);
    const result = this.schema.safeParse(candidate);
    if (result.success) return true;
    // Only this field's problems: the fields not asked yet are missing, and that is not this answer's fault.
    const issues = result.error.issues
      .filter((issue) => startsWith(issue.path, path))
      .map((issue) => ({ ...issue, path: [...this.prefix, ...issue.path] }));
    if (issues.length === 0) return true;
    const data = this.prefix.reduceRight<unknown>((inner, key) => ({ [String(key)]: inner }), candidate);
    return zodProblems(scratchSource(), [], this.schema, issues, data)
      .map((p) => p.message)
      .join("; ");
  }
}

function scratchSource() {
  const parsed = parseYaml("answer", "{}");
  if (!parsed.source) throw new Error("cannot parse an empty mapping");
  return parsed.source;
}

function startsWith(path: readonly PropertyKey[], prefix: Path): boolean {
  return prefix.every((segment, i) => i < path.length && String(path[i]) === String(segment));
}

export function setAt(target: Fields, path: Path, value: unknown): void {
  let node: Record<PropertyKey, unknown> = target;
  path.forEach((segment, i) => {
    if (i === path.length - 1) {
      if (value === undefined) delete node[segment];
      else node[segment] = value;
      return;
    }
    node[segment] ??= typeof path[i + 1] === "number" ? [] : {};
    node = node[segment] as Record<PropertyKey, unknown>;
  });
}

export const text = (answer: string): unknown => (answer.trim() === "" ? undefined : answer.trim());
/** A number when it looks like one, else the text itself, so that the schema says what is wrong with it. */
export const numberish = (answer: string): unknown => {
  const t = answer.trim();
  if (t === "") return undefined;
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
};
export const list = (answer: string): unknown => {
  const items = answer
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return items.length === 0 ? undefined : items;
};
export const duration = (answer: string): unknown => (/^\s*\d+\s*$/.test(answer) ? Number(answer) : text(answer));
/** Hours as people type them (`9-17`, `9h-17h`, `9:00-17:00`), written as the files show them (`09:00-17:00`). */
export const hours = (answer: string): unknown => {
  const parsed = parseHours(answer.trim());
  return parsed.ok ? formatHours(parsed.value) : text(answer);
};

/** For `also`: the message when the field was skipped. The schema lets these fields out; a rule of `check` across fields does not. */
export function required(message: string): (value: unknown) => string | undefined {
  return (value) => (value === undefined ? message : undefined);
}

/** The longest id proposed from a name: longer ones make unwieldy file names. */
const MAX_PROPOSED = 40;

// Words an id should not end on: "cire-coordination-et-initiatives-pour" stops mid-phrase.
const LINKING_WORDS = new Set(
  (
    "a an and at by d de del della der des di du e en et for from het in l la le les of on op or pour par " +
    "the to und van voor y zu"
  ).split(" "),
);

/**
 * An id proposed from a name: the whole name when it is short; else the
 * longest run of its leading phrases that fits (`CPAS de Saint-Gilles (Centre
 * public d'action sociale)` → `cpas-de-saint-gilles`); else whole words, never
 * ending on a linking word like "de" or "for".
 */
export function slugify(name: string): string {
  const slug = idSlug(name);
  if (slug.length <= MAX_PROPOSED) return slug;
  const phrases = name.split(/\s*[—–:;,(/]\s*|\s+-\s+|\)\s*/).filter((p) => idSlug(p) !== "");
  let byPhrase = "";
  for (let i = 1; i <= phrases.length; i++) {
    const candidate = idSlug(phrases.slice(0, i).join(" "));
    if (candidate.length > MAX_PROPOSED) break;
    byPhrase = candidate;
  }
  if (byPhrase.includes("-") || byPhrase.length >= 4) return byPhrase;
  // Words as written, so that "Saint-Gilles" stays whole or goes whole.
  const words = name
    .split(/\s+/)
    .map(idSlug)
    .filter((w) => w !== "");
  const kept: string[] = [];
  for (const word of words) {
    if ([...kept, word].join("-").length > MAX_PROPOSED) break;
    kept.push(word);
  }
  while (kept.length > 1 && LINKING_WORDS.has((kept.at(-1) as string).split("-").at(-1) as string)) kept.pop();
  // A first word longer than the limit is cut: an id cannot be empty.
  return kept.length > 0 ? kept.join("-") : slug.slice(0, MAX_PROPOSED);
}

/** The record's keys in the order the hand-written files use; keys not listed follow, skipped ones are left out. */
export function ordered(record: Fields, keys: readonly string[]): Fields {
  const out: Fields = {};
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key];
  for (const [key, value] of Object.entries(record)) if (!(key in out) && value !== undefined) out[key] = value;
  return out;
}

/**
 * The questions the `new` wizards share, asked against one workspace: each
 * answer is checked as `check` would check it before it goes into the draft.
 */
export class RecordWizard {
  constructor(
    readonly prompter: Prompter,
    readonly ws: Workspace,
    private readonly dir: string,
    readonly say: (text: string) => void,
  ) {}

  /** Ask one field until the answer passes; store it in the draft and return it (undefined when skipped). */
  async field(draft: Draft, q: FieldQuestion): Promise<unknown> {
    const convert = q.convert ?? text;
    const interpret = (answer: string) => (q.optional && answer.trim() === "-" ? undefined : convert(answer));
    const hint = q.optional ? (q.default !== undefined ? " (- for none)" : " (Enter to skip)") : "";
    const answer = await this.prompter.input({
      message: `${q.message}${hint}`,
      ...(q.default !== undefined ? { default: q.default } : {}),
      validate: (raw) => {
        const value = interpret(raw);
        const verdict = draft.verdict(q.path, value);
        if (verdict !== true) return verdict;
        return q.also?.(value) ?? true;
      },
    });
    const value = interpret(answer);
    const stored = value === undefined || !q.store ? value : q.store(value);
    setAt(draft.value, q.path, stored);
    return stored;
  }

  /** Tick any of `choices`; with none to offer, nothing is asked (a prompt without choices cannot be answered). */
  async tick<T>(message: string, choices: PromptChoice<T>[]): Promise<T[]> {
    return choices.length === 0 ? [] : this.prompter.checkbox({ message, choices });
  }

  async pick<T>(message: string, choices: PromptChoice<T>[], fallback?: T): Promise<T> {
    return this.prompter.select({ message, choices, ...(fallback !== undefined ? { default: fallback } : {}) });
  }

  /** A list of items of the same kind (contacts, meals): `round(i)` asks item i while the user wants one more. */
  async repeat(first: string, again: string, round: (i: number) => Promise<void>): Promise<void> {
    for (let i = 0; await this.prompter.confirm({ message: i === 0 ? first : again, default: i === 0 }); i++)
      await round(i);
  }

  async id(
    draft: Draft,
    kind: "place" | "host" | "request",
    name: string,
    path: Path = ["id"],
    inline = false,
  ): Promise<string> {
    const taken = (id: string): string | undefined => {
      const existing = this.ws.origins[kind].get(id);
      if (existing) {
        const at = existing.source.problemAt(existing.path, "");
        return `a ${kind} \`${id}\` already exists (${at.file}:${at.line}:${at.col}): choose another id`;
      }
      if (this.ws.invalid[kind].has(id))
        return `a ${kind} \`${id}\` already exists (with problems; run studyvisit check): choose another id`;
      const file = join(this.dir, `${kind}s`, `${id}.yaml`);
      if (!inline && existsSync(file)) return `${kind}s/${id}.yaml already exists: choose another id`;
      return undefined;
    };
    const base = slugify(name) || kind;
    let proposal = base;
    for (let n = 2; taken(proposal); n++) proposal = `${base}-${n}`;
    return (await this.field(draft, {
      message: "Id (lowercase letters, digits and -)",
      path,
      default: proposal,
      also: (v) => taken(String(v)),
    })) as string;
  }

  placeChoices(includeOnline: boolean): PromptChoice<string>[] {
    return [...this.ws.places.values()]
      .filter((p) => includeOnline || !p.online)
      .sort((a, b) => a.name.localeCompare(b.name, "en"))
      .map((p) => ({
        name: `${p.name} (${p.id})`,
        value: p.id,
        ...(p.address || p.online ? { description: p.address ?? p.online } : {}),
      }));
  }

  /** Themes already used by hosts (most used first) to tick, and new ones to type. */
  async themes(draft: Draft, path: Path, message: string): Promise<string[]> {
    const counts = new Map<string, number>();
    for (const host of this.ws.hosts.values())
      for (const theme of host.themes) counts.set(theme, (counts.get(theme) ?? 0) + 1);
    const known = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "en"))
      .map(([theme]) => theme);
    const picked = await this.tick(
      `${message}: tick those that apply`,
      known.map((t) => ({ name: t, value: t })),
    );
    const more = await this.field(draft, {
      message: known.length === 0 ? `${message} (comma-separated)` : "Other themes (comma-separated)",
      path,
      optional: true,
      convert: (a) => {
        const typed = (list(a) as string[] | undefined) ?? [];
        const all = [...picked, ...typed.filter((t) => !picked.includes(t))];
        return all.length === 0 ? undefined : all;
      },
    });
    return (more as string[] | undefined) ?? [];
  }
}
