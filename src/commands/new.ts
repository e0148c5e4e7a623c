import { existsSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import { Document, isCollection, isMap, isScalar, isSeq, stringify, visit, type Node } from "yaml";
import type { z } from "zod";
import { RecordsError, UsageError } from "../errors.js";
import { packageRoot } from "../package-root.js";
import { formatHours, parseDuration, parseGeo, parseHours, parseMargin, WEEKDAYS } from "../records/formats.js";
import { loadWorkspace } from "../records/load-workspace.js";
import { hostSchema, placeSchema, requestSchema } from "../records/schemas.js";
import type { Workspace } from "../records/workspace.js";
import { parseYaml, type PathSegment } from "../records/yaml-source.js";
import { zodProblems } from "../records/zod-problems.js";
import type { CommandDeps } from "./context.js";
import { dataOption, type CommandDefinition } from "./definition.js";
import type { PromptChoice, Prompter } from "./prompter.js";
import { loadWorkspaceOrFail, resolveDataDir } from "./workspace-access.js";
import { writeFilesSafely } from "./write-files.js";

export const RECORD_KINDS = ["host", "place", "request"] as const;
export type RecordKindName = (typeof RECORD_KINDS)[number];

export interface NewOptions {
  kind: string;
  data?: string;
}

/** The example each kind points at when there is no terminal: the files `studyvisit init` copies. */
const EXAMPLES: Record<RecordKindName, string> = {
  host: "hosts/schaerbeek-reception.yaml",
  place: "places/town-hall.yaml",
  request: "requests/example-visit.yaml",
};

/**
 * Ask for a record, field by field, and write it as one YAML file. Every answer
 * goes through the schema `check` uses, so a refused answer shows the message
 * `check` would print and the question comes again.
 */
export async function runNew(options: NewOptions, deps: CommandDeps): Promise<number> {
  const kind = RECORD_KINDS.find((k) => k === options.kind);
  if (!kind) throw new UsageError(`unknown record kind \`${options.kind}\`: use host, place or request`);
  const dir = resolveDataDir(options.data, deps);
  const shownDir = display(deps.cwd, dir);
  if (!deps.stdinIsTTY || !deps.prompter) {
    // Waiting for answers that cannot come would hang a script or CI job: say what to do instead, at once.
    const example = display(deps.cwd, join(packageRoot(), "templates", "init", EXAMPLES[kind]));
    throw new UsageError(
      `no terminal to ask questions in: write ${shownDir === "." ? "" : `${shownDir}/`}${kind}s/<id>.yaml by hand (see ${example}) and run studyvisit check${options.data ? ` --data ${options.data}` : ""}`,
      `run \`studyvisit new ${kind}\` in a terminal to be asked for each field`,
    );
  }
  const { workspace } = loadWorkspaceOrFail(options.data, deps);
  const wizard = new Wizard(deps.prompter, workspace, dir, deps.err);
  const record = kind === "place" ? await wizard.place() : kind === "host" ? await wizard.host() : await wizard.request();

  const path = join(dir, `${kind}s`, `${String(record.id)}.yaml`);
  const content = recordYaml(record, `# ${HEADERS[kind]}, written by \`studyvisit new ${kind}\`. Edit freely; \`studyvisit check\` validates it.`);
  deps.err(deps.style.dim(`\n${content}`));
  if (!(await deps.prompter.confirm({ message: `Write ${display(deps.cwd, path)}?`, default: true }))) {
    deps.err("nothing was written");
    return 0;
  }
  writeFilesSafely([{ path, content }], { force: false, cwd: deps.cwd });

  // The wizard checked each answer; loading the workspace again checks the references and cross-record rules too.
  const shown = display(deps.cwd, path);
  const after = loadWorkspace(dir, deps.cwd);
  const own = after.problems.filter((p) => p.file === shown);
  if (own.length > 0) {
    deps.err(`wrote ${shown}, but check finds problems in it: fix them by hand`);
    throw new RecordsError(own);
  }
  deps.out(`${deps.style.ok("✓")} wrote ${shown}`);
  const others = after.problems.length;
  if (others > 0) deps.err(`note: ${others} problem${others === 1 ? "" : "s"} elsewhere in the workspace; run studyvisit check${options.data ? ` --data ${options.data}` : ""}`);
  return 0;
}

const HEADERS: Record<RecordKindName, string> = { host: "A host", place: "A place", request: "A request" };

function display(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  if (rel === "") return ".";
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel.split(sep).join("/");
}

type Path = PathSegment[];
type Fields = Record<string, unknown>;

/** Sentinel choice values: ids never start with a space, so these cannot clash with a record's id. */
const NONE = " none";
const OTHER = " other";
const INLINE = " inline";

interface FieldQuestion {
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
class Draft {
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
    const issues = result.error.issues.filter((issue) => startsWith(issue.path, path)).map((issue) => ({ ...issue, path: [...this.prefix, ...issue.path] }));
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

function setAt(target: Fields, path: Path, value: unknown): void {
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

const text = (answer: string): unknown => (answer.trim() === "" ? undefined : answer.trim());
/** A number when it looks like one, else the text itself, so that the schema says what is wrong with it. */
const numberish = (answer: string): unknown => {
  const t = answer.trim();
  if (t === "") return undefined;
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
};
const list = (answer: string): unknown => {
  const items = answer
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return items.length === 0 ? undefined : items;
};
const duration = (answer: string): unknown => (/^\s*\d+\s*$/.test(answer) ? Number(answer) : text(answer));

export function slugify(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  // Long names make unwieldy file names: keep whole words up to about 40 characters.
  if (slug.length <= 40) return slug;
  const cut = slug.slice(0, 41);
  return cut.slice(0, cut.lastIndexOf("-") > 10 ? cut.lastIndexOf("-") : 40).replace(/-+$/, "");
}

const PLACE_KINDS = ["office", "hotel", "restaurant", "station", "public-space", "community-centre", "video-call"];
const SPEC_PACE = { walking_kmh: 4.0, detour: 1.3, buffer: "10min", max_walk: "25min" };

class Wizard {
  constructor(
    private readonly prompter: Prompter,
    private readonly ws: Workspace,
    private readonly dir: string,
    private readonly say: (text: string) => void,
  ) {}

  /** Ask one field until the answer passes; store it in the draft and return it (undefined when skipped). */
  private async field(draft: Draft, q: FieldQuestion): Promise<unknown> {
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

  private async pick<T>(message: string, choices: PromptChoice<T>[], fallback?: T): Promise<T> {
    return this.prompter.select({ message, choices, ...(fallback !== undefined ? { default: fallback } : {}) });
  }

  private async id(draft: Draft, kind: "place" | "host" | "request", name: string, path: Path = ["id"], inline = false): Promise<string> {
    const taken = (id: string): string | undefined => {
      const existing = this.ws.origins[kind].get(id);
      if (existing) {
        const at = existing.source.problemAt(existing.path, "");
        return `a ${kind} \`${id}\` already exists (${at.file}:${at.line}:${at.col}): choose another id`;
      }
      if (this.ws.invalid[kind].has(id)) return `a ${kind} \`${id}\` already exists (with problems; run studyvisit check): choose another id`;
      const file = join(this.dir, `${kind}s`, `${id}.yaml`);
      if (!inline && existsSync(file)) return `${kind}s/${id}.yaml already exists: choose another id`;
      return undefined;
    };
    const base = slugify(name) || kind;
    let proposal = base;
    for (let n = 2; taken(proposal); n++) proposal = `${base}-${n}`;
    return (await this.field(draft, { message: "Id (lowercase letters, digits and -)", path, default: proposal, also: (v) => taken(String(v)) })) as string;
  }

  // ---- place ------------------------------------------------------------

  async place(): Promise<Fields> {
    const draft = new Draft(placeSchema);
    await this.placeFields(draft, false);
    return ordered(draft.value, ["id", "name", "kind", "address", "geo", "online", "step_free", "capacity"]);
  }

  private async placeFields(draft: Draft, inline: boolean): Promise<void> {
    const name = (await this.field(draft, { message: "Place name", path: ["name"] })) as string;
    await this.id(draft, "place", name, ["id"], inline);
    const online = await this.prompter.confirm({ message: "Is it a virtual venue (a video call, a webinar room)?", default: false });
    if (online) {
      await this.field(draft, { message: "Address of the call (https://…)", path: ["online"] });
      await this.field(draft, { message: "Street address", path: ["address"], optional: true });
    } else {
      // `check` wants an address and a position for every place one walks to (the same words as its cross-check).
      const id = String(draft.value.id);
      await this.field(draft, { message: "Street address", path: ["address"], also: (v) => (v === undefined ? `place \`${id}\` needs an \`address\` unless it is \`online\`` : undefined) });
      await this.field(draft, {
        message: 'Position "latitude, longitude" (copy it from a map app)',
        path: ["geo"],
        also: (v) => (v === undefined ? `place \`${id}\` needs \`geo\` (its position, to compute walking times) unless it is \`online\`` : undefined),
        store: (v) => {
          const geo = parseGeo(v);
          return geo.ok ? geo.value : v;
        },
      });
    }
    await this.placeKind(draft, online);
    if (!online) {
      const stepFree = await this.pick<boolean | string>("Step-free access (lift or ramp, no stairs)?", [
        { name: "yes", value: true },
        { name: "no", value: false },
        { name: "don't know (leave it out)", value: NONE },
      ], NONE);
      if (stepFree !== NONE) draft.value.step_free = stepFree;
    }
    await this.field(draft, { message: "How many people it holds", path: ["capacity"], optional: true, convert: numberish });
  }

  private async placeKind(draft: Draft, online: boolean): Promise<void> {
    const used = [...this.ws.places.values()].map((p) => p.kind).filter((k): k is string => k !== undefined);
    const kinds = [...new Set([...PLACE_KINDS, ...used])];
    const choice = await this.pick(
      "Kind of place",
      [...kinds.map((k) => ({ name: k, value: k })), { name: "other (type it)", value: OTHER }, { name: "leave it out", value: NONE }],
      online ? "video-call" : NONE,
    );
    if (choice === OTHER) await this.field(draft, { message: "Kind of place", path: ["kind"], optional: true });
    else if (choice !== NONE) draft.value.kind = choice;
  }

  // ---- host -------------------------------------------------------------

  async host(): Promise<Fields> {
    const draft = new Draft(hostSchema);
    const name = (await this.field(draft, { message: "Organisation name", path: ["name"] })) as string;
    await this.id(draft, "host", name);
    await this.hostPlace(draft);
    await this.themes(draft, ["themes"], "Themes of its practice");
    await this.field(draft, { message: "Languages a visit can be held in (ISO codes, comma-separated: fr, nl, en)", path: ["languages"], optional: true, convert: list });
    await this.field(draft, { message: "Kind of organisation (municipality, NGO, cooperative…)", path: ["kind"], optional: true });
    await this.field(draft, { message: "One-sentence summary", path: ["summary"], optional: true });
    await this.field(draft, { message: "Web site", path: ["url"], optional: true });
    const country = (await this.field(draft, {
      message: "Country, for public holidays (two letters, like BE)",
      path: ["country"],
      optional: true,
      ...optionalDefault(mostCommon([...this.ws.hosts.values()].map((h) => h.country))),
      convert: (a) => text(a.toUpperCase()),
    })) as string | undefined;
    if (country) {
      const regions = [...this.ws.hosts.values()].filter((h) => h.country === country).map((h) => h.region);
      await this.field(draft, { message: `Region of ${country}, if its holidays differ (like ${country}-BRU)`, path: ["region"], optional: true, ...optionalDefault(mostCommon(regions)), convert: (a) => text(a.toUpperCase()) });
    }
    await this.contacts(draft);
    await this.field(draft, { message: "Length of a visit (90, 90min, 1h30)", path: ["visit", "duration"], default: "60min", convert: duration });
    const place = typeof draft.value.place === "string" ? this.ws.places.get(draft.value.place) : (draft.value.place as { id: string; capacity?: number });
    await this.field(draft, {
      message: "Largest group it receives",
      path: ["visit", "capacity"],
      optional: true,
      convert: numberish,
      also: (v) => (place?.capacity !== undefined && typeof v === "number" && v > place.capacity ? `visit.capacity ${v} is larger than its place \`${place.id}\` holds (capacity ${place.capacity})` : undefined),
    });
    const places = this.placeChoices(false);
    if (places.length > 0) {
      const endsAt = await this.pick("Where does a visit end?", [{ name: "where it starts", value: NONE }, ...places], NONE);
      if (endsAt !== NONE) setAt(draft.value, ["visit", "ends_at"], endsAt);
    }
    await this.availability(draft);
    return ordered(draft.value, ["id", "name", "kind", "summary", "url", "themes", "languages", "country", "region", "contacts", "place", "visit", "availability"]);
  }

  private placeChoices(includeOnline: boolean): PromptChoice<string>[] {
    return [...this.ws.places.values()]
      .filter((p) => includeOnline || !p.online)
      .sort((a, b) => a.name.localeCompare(b.name, "en"))
      .map((p) => ({ name: `${p.name} (${p.id})`, value: p.id, ...(p.address || p.online ? { description: p.address ?? p.online } : {}) }));
  }

  private async hostPlace(draft: Draft): Promise<void> {
    const places = this.placeChoices(true);
    const choice = places.length === 0 ? INLINE : await this.pick("Where does it receive visitors?", [...places, { name: "a new place: describe it here", value: INLINE }]);
    if (choice !== INLINE) {
      draft.value.place = choice;
      return;
    }
    // An inline place lives in the host's file; its fields are checked where they will stand, under `place:`.
    const inline = new Draft(placeSchema, ["place"]);
    await this.placeFields(inline, true);
    draft.value.place = ordered(inline.value, ["id", "name", "kind", "address", "geo", "online", "step_free", "capacity"]);
  }

  /** Themes already used by hosts (most used first) to tick, and new ones to type. */
  private async themes(draft: Draft, path: Path, message: string): Promise<string[]> {
    const counts = new Map<string, number>();
    for (const host of this.ws.hosts.values()) for (const theme of host.themes) counts.set(theme, (counts.get(theme) ?? 0) + 1);
    const known = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "en")).map(([theme]) => theme);
    const picked = known.length === 0 ? [] : await this.prompter.checkbox({ message: `${message}: tick those that apply`, choices: known.map((t) => ({ name: t, value: t })) });
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

  private async contacts(draft: Draft): Promise<void> {
    let i = 0;
    while (await this.prompter.confirm({ message: i === 0 ? "Add a contact person (who receives the letter and the invitation)?" : "Add another contact?", default: i === 0 })) {
      const at = (key: string): Path => ["contacts", i, key];
      await this.field(draft, { message: "Contact's name (or a desk, like International Relations Office)", path: at("name") });
      await this.field(draft, { message: "Role", path: at("role"), optional: true });
      await this.field(draft, { message: "E-mail", path: at("email"), optional: true });
      await this.field(draft, { message: "Phone", path: at("phone"), optional: true });
      await this.field(draft, { message: "Language to write to them in (ISO code, like fr)", path: at("lang"), optional: true });
      i++;
    }
  }

  private async availability(draft: Draft): Promise<void> {
    const at = (...path: Path): Path => ["availability", ...path];
    const count = { weekly: 0, dates: 0, slots: 0, closed: 0 };
    const listed = (key: "slots" | "closed"): unknown[] => (((draft.value.availability as Fields | undefined)?.[key] as unknown[] | undefined) ?? []).map((x) => (key === "slots" ? (x as Fields).date : x));
    const clash = (date: unknown) => `slot on ${String(date)} falls on a date listed in \`closed\``;
    for (;;) {
      const added = count.weekly + count.dates + count.slots;
      const choice = await this.pick(
        added === 0 ? "When can it receive a delegation?" : "Anything else about when it can receive a delegation?",
        [
          { name: "every week on some days (weekly)", value: "weekly" },
          { name: "on a date, between some hours (dates)", value: "dates" },
          { name: "a fixed offer: exactly this date and time (slots)", value: "slots" },
          { name: "a date it is closed (closed)", value: "closed" },
          { name: added === 0 ? "skip: I do not know yet" : "done", value: "done" },
        ],
        added === 0 ? "weekly" : "done",
      );
      if (choice === "done") break;
      if (choice === "weekly") {
        const i = count.weekly++;
        let days: string[] = [];
        while (days.length === 0) {
          days = await this.prompter.checkbox({ message: "On which days?", choices: WEEKDAYS.map((d) => ({ name: d, value: d })) });
          if (days.length === 0) this.say("a weekly window needs at least one day, like [tue, wed]");
        }
        setAt(draft.value, at("weekly", i, "days"), days);
        await this.field(draft, { message: "Between which hours (09:00-17:00)?", path: at("weekly", i, "hours"), default: "09:00-17:00" });
      } else if (choice === "closed") {
        const i = count.closed++;
        await this.field(draft, { message: "Closed on (YYYY-MM-DD)", path: at("closed", i), also: (v) => (listed("slots").includes(v) ? clash(v) : undefined) });
      } else if (choice === "dates" || choice === "slots") {
        const i = count[choice]++;
        await this.field(draft, { message: "Date (YYYY-MM-DD)", path: at(choice, i, "date"), also: (v) => (choice === "slots" && listed("closed").includes(v) ? clash(v) : undefined) });
        await this.field(draft, { message: "Hours (09:30-11:00)", path: at(choice, i, "hours") });
      }
    }
    if (count.weekly + count.dates + count.slots === 0) {
      this.say("no availability yet: the planner will not place this host until you add `availability:` to its file");
      return;
    }
    const zone = this.ws.config.timezone;
    const tz = await this.field(draft, { message: "Time zone of these hours", path: at("timezone"), ...(zone ? { default: zone } : {}), optional: !zone });
    // The workspace's zone is the default: repeating it in every host would only be something to keep in step.
    if (tz === zone) setAt(draft.value, at("timezone"), undefined);
    const parallel = await this.field(draft, { message: "How many delegations it can receive at the same time", path: at("parallel"), default: "1", convert: numberish });
    if (parallel === 1) setAt(draft.value, at("parallel"), undefined);
  }

  // ---- request ----------------------------------------------------------

  async request(): Promise<Fields> {
    const draft = new Draft(requestSchema);
    const title = (await this.field(draft, { message: "Title of the visit", path: ["title"] })) as string;
    await this.id(draft, "request", title);
    await this.field(draft, { message: "Organiser's name", path: ["organiser", "name"] });
    await this.field(draft, { message: "Organiser's organisation", path: ["organiser", "organisation"], optional: true });
    await this.field(draft, { message: "Organiser's e-mail (hosts reply to it)", path: ["organiser", "email"] });
    await this.field(draft, { message: "Organiser's phone", path: ["organiser", "phone"], optional: true });
    await this.field(draft, { message: "Organiser's language (ISO code, like en)", path: ["organiser", "lang"], optional: true });
    await this.field(draft, { message: "Where the delegation comes from", path: ["delegation", "from"], optional: true });
    await this.field(draft, { message: "How many people in the delegation", path: ["delegation", "size"], convert: numberish });
    await this.field(draft, { message: "Who they are (comma-separated: city officials, NGO staff)", path: ["delegation", "profile"], optional: true, convert: list });
    await this.field(draft, { message: "Languages they speak (ISO codes, comma-separated: en, sl)", path: ["delegation", "languages"], optional: true, convert: list });
    setAt(draft.value, ["delegation", "step_free"], await this.prompter.confirm({ message: "Does anyone need step-free access (no stairs)?", default: false }));
    const zone = this.ws.config.timezone;
    // Written even when it is the workspace's: a request is often copied to another workspace.
    await this.field(draft, {
      message: "Time zone of the visit",
      path: ["timezone"],
      ...(zone ? { default: zone } : {}),
      also: (v) => (v === undefined ? `request \`${String(draft.value.id)}\` has no \`timezone\`, and studyvisit.yaml gives none: add \`timezone: Europe/Brussels\` (or the visit's zone)` : undefined),
    });
    await this.days(draft);
    const bases = this.placeChoices(false);
    if (bases.length > 0) {
      const base = await this.pick("Where does each day start and end (the hotel)?", [{ name: "nowhere in particular", value: NONE }, ...bases], NONE);
      if (base !== NONE) draft.value.base = base;
    }
    await this.interests(draft);
    await this.hostLists(draft);
    await this.meals(draft);
    await this.pace(draft);
    await this.field(draft, { message: "At most how many visits a day", path: ["max_visits_per_day"], optional: true, convert: numberish });
    return ordered(draft.value, ["id", "title", "organiser", "delegation", "timezone", "days", "base", "interests", "must_visit", "avoid", "priorities", "meals", "pace", "max_visits_per_day", "fixed"]);
  }

  private async days(draft: Draft): Promise<void> {
    const dates: string[] = [];
    do {
      const i = dates.length;
      const date = (await this.field(draft, {
        message: i === 0 ? "First day (YYYY-MM-DD)" : "Next day (YYYY-MM-DD)",
        path: ["days", i, "date"],
        also: (v) => (dates.includes(String(v)) ? `day ${String(v)} is listed twice` : undefined),
      })) as string;
      dates.push(date);
      await this.field(draft, { message: `Hours on ${date}`, path: ["days", i, "hours"], default: "09:00-17:00" });
    } while (await this.prompter.confirm({ message: "Add another day?", default: false }));
  }

  private async interests(draft: Draft): Promise<void> {
    const themes = await this.themes(draft, ["interests"], "What the delegation wants to learn about");
    if (themes.length < 2) return;
    const heavier = await this.prompter.checkbox({ message: "Do some interests matter more than the others? Tick them (Enter for none)", choices: themes.map((t) => ({ name: t, value: t })) });
    for (const theme of heavier) {
      const i = themes.indexOf(theme);
      // A plain theme weighs 1; a weighted one is written as {theme, weight}, as in SPEC.
      const weight = await this.field(draft, { message: `Weight of "${theme}" (1 = like the others, 3 = three times as much)`, path: ["interests", i], default: "3", convert: (a) => ({ theme, weight: numberish(a) }) });
      if ((weight as { weight: unknown }).weight === 1) setAt(draft.value, ["interests", i], theme);
    }
  }

  private async hostLists(draft: Draft): Promise<void> {
    const hosts = [...this.ws.hosts.values()].sort((a, b) => a.name.localeCompare(b.name, "en")).map((h) => ({ name: `${h.name} (${h.id})`, value: h.id }));
    if (hosts.length === 0) return;
    const must = await this.prompter.checkbox({ message: "Hosts the delegation must visit (Enter for none)", choices: hosts });
    draft.value.must_visit = must;
    const avoid = await this.prompter.checkbox({ message: "Hosts to leave out (Enter for none)", choices: hosts.filter((h) => !must.includes(h.value)) });
    draft.value.avoid = avoid;
  }

  private async meals(draft: Draft): Promise<void> {
    let i = 0;
    while (await this.prompter.confirm({ message: i === 0 ? "Plan a meal break (lunch) on each day?" : "Add another meal?", default: i === 0 })) {
      const at = (key: string): Path => ["meals", i, key];
      await this.field(draft, { message: "Name of the meal", path: at("name"), default: i === 0 ? "lunch" : "dinner" });
      const hours = (await this.field(draft, { message: "Between which hours", path: at("hours"), default: i === 0 ? "12:00-14:00" : "19:00-21:00" })) as string;
      const name = String(((draft.value.meals as Fields[])[i] as Fields).name);
      await this.field(draft, {
        message: "How long",
        path: at("duration"),
        default: "60min",
        convert: duration,
        also: (v) => {
          const span = parseHours(hours);
          const length = parseDuration(v);
          return span.ok && length.ok && length.value > span.value.end - span.value.start ? `${name} lasts ${length.value} min, longer than its hours ${formatHours(span.value)}` : undefined;
        },
      });
      const places = this.placeChoices(false);
      if (places.length > 0) {
        const chosen = await this.prompter.checkbox({ message: "Where (tick any; none = wherever the delegation is)", choices: places });
        if (chosen.length > 0) setAt(draft.value, at("places"), chosen);
      }
      i++;
    }
  }

  private async pace(draft: Draft): Promise<void> {
    const base = { ...SPEC_PACE, ...stripUndefined(this.ws.config.pace ?? {}) };
    const shown = `${base.walking_kmh} km/h, detour ${base.detour}, buffer ${formatMinutes(base.buffer)}, longest walk ${formatMinutes(base.max_walk)}`;
    if (await this.prompter.confirm({ message: `Use the workspace's walking pace (${shown})?`, default: true })) return;
    const same = (a: unknown, b: unknown) => {
      const [x, y] = [parseMargin(a), parseMargin(b)];
      return x.ok && y.ok ? x.value === y.value : String(a) === String(b);
    };
    const keep = (key: keyof typeof SPEC_PACE, value: unknown) => {
      // Only what differs from the workspace is written: the rest keeps following studyvisit.yaml.
      if (value === undefined || same(value, base[key])) setAt(draft.value, ["pace", key], undefined);
    };
    keep("walking_kmh", await this.field(draft, { message: "Walking speed of the group, km/h", path: ["pace", "walking_kmh"], default: String(base.walking_kmh), convert: numberish }));
    keep("detour", await this.field(draft, { message: "Detour factor (1.3 = streets are 30% longer than a straight line)", path: ["pace", "detour"], default: String(base.detour), convert: numberish }));
    keep("buffer", await this.field(draft, { message: "Buffer between two items", path: ["pace", "buffer"], default: formatMinutes(base.buffer), convert: duration }));
    keep("max_walk", await this.field(draft, { message: "Longest walk before taking public transport", path: ["pace", "max_walk"], default: formatMinutes(base.max_walk), convert: duration }));
    if (Object.keys((draft.value.pace as Fields | undefined) ?? {}).length === 0) delete draft.value.pace;
  }
}

function formatMinutes(value: number | string): string {
  return typeof value === "number" ? `${value}min` : value;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function optionalDefault(value: string | undefined): { default?: string } {
  return value === undefined ? {} : { default: value };
}

function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

function ordered(record: Fields, keys: readonly string[]): Fields {
  const out: Fields = {};
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key];
  for (const [key, value] of Object.entries(record)) if (!(key in out) && value !== undefined) out[key] = value;
  return out;
}

/**
 * The record as YAML that reads like the hand-written files: block style at
 * the top, short lists and mappings of plain values on one line, hours quoted
 * (YAML 1.1 readers would take 09:30 for a number of minutes).
 */
export function recordYaml(record: Fields, header: string): string {
  const doc = new Document(record);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && /^\d{1,2}[:.h]\d{2}/.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  visit(doc, {
    Map(_key, node, path) {
      if (path.length > 1 && shortAndFlat(node)) node.flow = true;
    },
    Seq(_key, node, path) {
      if (path.length > 1 && node.items.every((item) => isScalar(item)) && oneLine(node)) node.flow = true;
    },
  });
  return `${header}\n${doc.toString({ lineWidth: 120, flowCollectionPadding: false })}`;
}

function shortAndFlat(node: Node): boolean {
  if (!isMap(node)) return false;
  const flat = node.items.every(({ value }) => isScalar(value) || (isSeq(value) && value.items.every((item) => isScalar(item))) || (isMap(value) && value.items.every((p) => isScalar(p.value))));
  return flat && oneLine(node);
}

function oneLine(node: Node): boolean {
  if (!isCollection(node)) return true;
  return stringify(node.toJSON(), { collectionStyle: "flow", flowCollectionPadding: false, lineWidth: 0 }).trim().length <= 100;
}

export const newCommand: CommandDefinition = {
  name: "new",
  args: "<kind>",
  summary: "interactive wizard that writes a host, place or request record (needs a terminal)",
  options: [dataOption],
  examples: ["studyvisit new place", "studyvisit new host --data my-visit"],
  run: (args, opts, deps) => runNew({ kind: args[0] ?? "", data: opts.data as string | undefined }, deps),
};
