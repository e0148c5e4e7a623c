import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import * as z from "zod";
import { UsageError } from "../errors.js";
import { packageRoot } from "../package-root.js";
import { rankCandidates, type Candidate } from "../plan/candidates.js";
import { didYouMean } from "../records/did-you-mean.js";
import { languageName } from "../records/formats.js";
import { MAX_TEMPLATE_BYTES } from "../records/read-text-file.js";
import type { ResolvedRequest } from "../records/resolved-request.js";
import type { Place } from "../records/schemas.js";
import type { Workspace } from "../records/workspace.js";
import { isLetterLanguage, LETTER_LANGUAGES, type LetterLanguage } from "../render/letter-language.js";
import { renderLetter, type JointMeeting } from "../render/letter.js";
import type { CommandDeps } from "./context.js";
import { loadHolidays } from "./load-holidays.js";
import { flag, text } from "./command-line.js";
import { commandRunner } from "./definition.js";
import { readUserFile, withUserTemplate } from "./read-user-file.js";
import { resolveRequest } from "./request-arg.js";
import { loadValidWorkspace } from "./workspace-access.js";
import { writeOutputs, type OutputSet } from "./write-files.js";

export interface LetterOptions {
  data?: string;
  request: string;
  host?: string;
  all: boolean;
  lang?: LetterLanguage;
  template?: string;
  output?: string;
  force: boolean;
}

/**
 * Note-of-intention letters: `--host ID` to stdout or `-o FILE`; `--all`
 * one file per candidate host, in ranked order, into `-o DIR`. A host the
 * request excludes (too small, no time on its days…) still gets its letter
 * with `--host`, since the organiser may want to ask anyway; stderr says why
 * it is not a candidate. `--all` writes to candidates only, and to the hosts
 * of the request's joint meetings, each asked to its meeting.
 */
export async function runLetter(options: LetterOptions, deps: CommandDeps): Promise<number> {
  if ((options.host !== undefined) === options.all)
    throw new UsageError(
      "name one host with --host ID, or write to every candidate host with --all",
      "studyvisit letter REQUEST --host ID, or studyvisit letter REQUEST --all -o DIR",
    );
  if (options.all && options.output === undefined)
    throw new UsageError("--all writes one letter per host: name their folder with -o DIR");
  const userTemplate = options.template === undefined ? undefined : readUserTemplate(options.template, deps.cwd);

  const { workspace: ws } = loadValidWorkspace(options.data, deps);
  const [request, ...more] = resolveRequest(options.request, ws, deps.cwd);
  if (!request || more.length > 0)
    throw new UsageError(`${options.request} holds several requests: name one by its id`);
  const date = letterDate(deps.now, request.zone);
  const ranked = rankCandidates(request, { ws, holidays: await loadHolidays(ws) });
  const templates = new Map<LetterLanguage, string>();
  const letter = (candidate: Candidate): { language: LetterLanguage; text: string } => {
    const language = chooseLanguage(candidate, request, options.lang, deps);
    let template = userTemplate ?? templates.get(language);
    if (template === undefined) {
      const bundled = join(packageRoot(), "templates", "letters", `${language}.md`);
      template = readUserFile(bundled, bundled, { maxBytes: MAX_TEMPLATE_BYTES, what: "a template" });
      templates.set(language, template);
    }
    const meeting = jointMeeting(request, candidate.host.id, ws);
    const text = withUserTemplate(options.template, () =>
      renderLetter({ request, candidate, language, date, ...(meeting ? { joint: meeting } : {}) }, template as string),
    );
    return { language, text };
  };
  // Hosts the request meets in a joint meeting are written to whatever the ranking says of them.
  const joint = fixedJointHosts(request);

  if (options.host !== undefined) {
    const candidate = ranked.find((c) => c.host.id === options.host);
    if (!candidate) {
      const suggestion = didYouMean(options.host, ws.hosts.keys());
      throw new UsageError(
        `unknown host \`${options.host}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}`,
        "`studyvisit hosts` lists the workspace's hosts",
      );
    }
    if (candidate.excluded && !joint.has(candidate.host.id))
      deps.err(
        deps.style.warn(
          `note: ${candidate.host.id} is not a candidate for ${request.id} (${candidate.excluded.code}: ${candidate.excluded.reason}); the letter is written anyway`,
        ),
      );
    const { language, text } = letter(candidate);
    if (options.output === undefined) {
      deps.out(text.replace(/\n$/, ""));
      return 0;
    }
    let path = resolve(deps.cwd, options.output);
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, `${candidate.host.id}.${language}.md`);
    await write({ files: [{ path, content: text }], force: options.force, allowDevice: true }, deps);
    return 0;
  }

  const dir = resolve(deps.cwd, options.output as string);
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new UsageError(`${options.output} is a file: --all needs a folder for its letters`);
  const candidates = ranked.filter((c) => !c.excluded || joint.has(c.host.id));
  // A must-visit host that cannot be planned is worth a letter all the same: say how to write it.
  for (const c of ranked.filter((c) => c.excluded && c.mustVisit && !joint.has(c.host.id))) {
    deps.err(
      deps.style.warn(
        `note: must-visit ${c.host.id} is not a candidate (${c.excluded?.code}: ${c.excluded?.reason}); write to it with --host ${c.host.id}`,
      ),
    );
  }
  if (candidates.length === 0) {
    deps.err(
      deps.style.warn(
        `no host is a candidate for ${request.id}: no letter written (\`studyvisit match ${request.id}\` says why)`,
      ),
    );
    return 0;
  }
  const width = Math.max(2, String(candidates.length).length);
  const files = candidates.map((candidate, i) => {
    const { language, text } = letter(candidate);
    return {
      path: join(dir, `${String(i + 1).padStart(width, "0")}-${candidate.host.id}.${language}.md`),
      content: text,
    };
  });
  // Letters of an earlier run that this one does not write again (the ranking or a language changed) would sit
  // beside the new ones as duplicates: --force removes them, and without it they stop the run like any existing file.
  const fresh = new Set(files.map((f) => f.path));
  const stale = letterFilesIn(dir).filter((path) => !fresh.has(path));
  if (stale.length > 0 && !options.force)
    throw new UsageError(
      `refusing to write beside the letters of an earlier run in ${options.output} (${stale
        .slice(0, 3)
        .map((p) => relative(dir, p))
        .join(", ")}${stale.length > 3 ? ` and ${stale.length - 3} more` : ""})`,
      "pass --force to replace them all, or choose another folder",
    );
  await write({ files, stale, lock: dir, force: options.force }, deps);
  return 0;
}

/** The hosts the request's fixed items meet together. */
function fixedJointHosts(request: ResolvedRequest): Set<string> {
  return new Set(request.fixed.flatMap((f) => f.hosts ?? []));
}

/**
 * The joint meeting a host is asked to, from the request's first fixed item
 * naming it: the other hosts, the day and hours, and where (its place, or its
 * link as an online venue).
 */
function jointMeeting(request: ResolvedRequest, hostId: string, ws: Workspace): JointMeeting | undefined {
  const item = request.fixed.find((f) => f.hosts?.includes(hostId));
  if (!item) return undefined;
  const place: Place | undefined = item.online
    ? { id: "online", name: "Online", online: item.online }
    : item.place
      ? ws.places.get(item.place)
      : undefined;
  return {
    with: (item.hosts ?? []).filter((h) => h !== hostId).map((h) => ws.hosts.get(h)?.name ?? h),
    date: item.date,
    hours: item.hours,
    ...(place ? { place } : {}),
  };
}

/** Files named like `letter --all` names its letters (`03-etterbeek.fr.md`). */
function letterFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => /^\d{2,}-[a-z0-9][a-z0-9-]*\.[a-z]{2}\.md$/.test(name)).map((name) => join(dir, name));
}

async function write(set: OutputSet, deps: CommandDeps): Promise<void> {
  const { files } = set;
  await writeOutputs(set, deps);
  if (deps.quiet) return;
  for (const f of files) {
    const shown = relative(deps.cwd, f.path);
    deps.err(deps.style.dim(`wrote ${shown.startsWith("..") ? f.path : shown.split(sep).join("/")}`));
  }
}

function readUserTemplate(file: string, cwd: string): string {
  return readUserFile(
    resolve(cwd, file),
    file,
    { maxBytes: MAX_TEMPLATE_BYTES, what: "a template" },
    {
      message: `no template file at ${file}`,
      hint: "copy one of the package's templates/letters/*.md and pass its path",
    },
  );
}

/**
 * `--lang`, else the host's first contact's language, else the organiser's,
 * else English: the first of these that has a template. A language passed
 * over is said on stderr, so the organiser knows why the letter is not in it.
 */
function chooseLanguage(
  candidate: Candidate,
  request: ResolvedRequest,
  flag: LetterLanguage | undefined,
  deps: CommandDeps,
): LetterLanguage {
  if (flag) return flag;
  const wanted = [candidate.host.contacts[0]?.lang, request.organiser.lang].filter(
    (code): code is string => code !== undefined,
  );
  const language = wanted.find(isLetterLanguage) ?? "en";
  const skipped = wanted.slice(0, wanted.indexOf(language) === -1 ? wanted.length : wanted.indexOf(language));
  if (skipped.length > 0) {
    deps.err(
      deps.style.warn(
        `note: no letter template in ${skipped.map((c) => languageName(c)).join(" or ")}: the letter to ${candidate.host.id} is in ${languageName(language)}`,
      ),
    );
  }
  return language;
}

/** The run's current time (SOURCE_DATE_EPOCH, for reproducible output), as a calendar day in the request's time zone, never the machine's. */
function letterDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** `studyvisit letter` from its command line; its definition is in letter-command.ts. */
export const letterRunner = commandRunner(
  z.strictObject({
    request: z.string(),
    data: text,
    host: text,
    all: flag,
    lang: z
      .enum(LETTER_LANGUAGES, {
        error: (issue) => {
          const lower = String(issue.input).toLowerCase();
          return `no letter template in that language: use ${LETTER_LANGUAGES.join(", ")}${isLetterLanguage(lower) ? `; language codes are lowercase: --lang ${lower}` : ""}`;
        },
      })
      .optional(),
    template: text,
    output: text,
    force: flag,
  }),
  runLetter,
);
