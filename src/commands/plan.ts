import { join, relative, resolve, sep } from "node:path";
import { PlanImpossibleError, RecordsError, UsageError } from "../errors.js";
import { didYouMean } from "../records/did-you-mean.js";
import { parseClock, parseDate } from "../records/formats.js";
import { agendaToYaml } from "../plan/agenda-yaml.js";
import type { Agenda, AgendaDocument } from "../plan/agenda.js";
import type { Pins } from "../plan/build-instance.js";
import { describeAgendaDiff, diffAgendas, inviteSequence } from "../render/agenda-diff.js";
import { loadAgendaFile } from "./agenda-file.js";
import { inside, planOutputFiles, renderInput } from "./render-outputs.js";
import { createHolidayCalendar } from "../plan/holidays.js";
import { planRequests } from "../plan/plan-requests.js";
import type { RequestPlan } from "../plan/plan-request.js";
import type { Request } from "../records/schemas.js";
import type { Workspace } from "../records/workspace.js";
import { renderTimeline } from "../render/timeline.js";
import type { CommandDeps } from "./context.js";
import { dataOption, forceOption, jsonOption, type CommandDefinition } from "./definition.js";
import { resolveRequest } from "./request-arg.js";
import { runInteractivePlan } from "./plan-interactive.js";
import { loadValidWorkspace } from "./workspace-access.js";
import { writeFilesSafely, type OutputFile } from "./write-files.js";

export interface PlanOptions {
  data?: string;
  requests: string[];
  json: boolean;
  out?: string;
  booked: string[];
  previous?: string;
  force: boolean;
  adjust: Adjustments;
  interactive: boolean;
}

export interface PlanRun {
  ws: Workspace;
  requests: Request[];
  plans: RequestPlan[];
  previous?: Agenda;
}

/** The organiser's changes to a plan: the flags --avoid, --must-visit and --pin, or the answers of --interactive. */
export interface Adjustments {
  avoid: string[];
  mustVisit: string[];
  /** host → the day and start it is pinned to (hard, like a confirmed visit) */
  pins: Map<string, { date: string; start: number }>;
}

export const noAdjustments = (): Adjustments => ({ avoid: [], mustVisit: [], pins: new Map() });

function adjustRequest(request: Request, adjust: Adjustments): Request {
  const avoid = [...new Set([...request.avoid, ...adjust.avoid])];
  const mustVisit = [...new Set([...request.must_visit, ...adjust.mustVisit])].filter((h) => !adjust.avoid.includes(h));
  return { ...request, avoid: avoid.filter((h) => !mustVisit.includes(h)), must_visit: mustVisit };
}

/** Plan the requests together; exit 4 (nothing written) when a plan is impossible. */
export function computePlans(options: Pick<PlanOptions, "data" | "requests" | "booked" | "previous"> & { adjust?: Adjustments; workspace?: Workspace }, deps: CommandDeps): PlanRun {
  const ws = options.workspace ?? loadValidWorkspace(options.data, deps);
  const adjust = options.adjust ?? noAdjustments();
  for (const host of [...adjust.avoid, ...adjust.mustVisit, ...adjust.pins.keys()]) requireHost(ws, host);
  const requests = options.requests.flatMap((arg) => resolveRequest(arg, ws, deps.cwd)).map((r) => adjustRequest(r, adjust));
  if (adjust.pins.size > 0 && requests.length !== 1) throw new UsageError("--pin needs exactly one request: a host pinned in several delegations' days would receive them all at once");
  const holidays = createHolidayCalendar();
  const readAgenda = (path: string): Agenda => {
    const loaded = loadAgendaFile(path, ws, deps.cwd, holidays);
    // An old agenda may break today's rules (that is why one re-plans); only an unreadable one stops us.
    if (!loaded.agenda) throw new RecordsError(loaded.problems);
    return loaded.agenda;
  };
  const booked = (options.booked ?? []).map(readAgenda);
  const previous = options.previous ? readAgenda(options.previous) : undefined;
  const pins = new Map<string, Pins>();
  const declined = new Map<string, Set<string>>();
  if (previous) {
    if (!requests.some((r) => r.id === previous.request)) throw new UsageError(`--previous ${options.previous} is the agenda of ${previous.request}, which is not being planned`);
    const { pins: p, declined: d } = previousChoices(previous);
    pins.set(previous.request, p);
    declined.set(previous.request, d);
  }
  if (adjust.pins.size > 0) {
    const id = (requests[0] as Request).id;
    pins.set(id, new Map([...(pins.get(id) ?? new Map()), ...adjust.pins]));
  }
  const plans = planRequests({ ws, requests, holidays, booked, pins, declined });
  const impossible = plans.map((p, i) => (p.impossible ? `${requests[i]?.id}: ${p.impossible}` : undefined)).filter((m): m is string => m !== undefined);
  if (impossible.length > 0) throw new PlanImpossibleError(`no plan exists: ${impossible.join("; ")}`, "free the host's time, drop it from must_visit, or move the fixed item");
  if (previous) carrySequences(previous, plans.find((p) => p.agenda.request === previous.request)?.agenda);
  return { ws, requests, plans, ...(previous ? { previous } : {}) };
}

/** Each visit's invitation SEQUENCE as the re-plan leaves it: kept when unchanged, one higher when moved. */
function carrySequences(previous: Agenda, current: Agenda | undefined): void {
  if (!current) return;
  const changes = diffAgendas(previous, current);
  for (const day of current.days) {
    for (const item of day.items) {
      const change = changes.find((c) => c.current?.item.uid === item.uid && c.host === item.host);
      const sequence = change ? inviteSequence(change, change.previous?.item.sequence ?? 0) : 0;
      if (item.kind === "visit" && sequence > 0) item.sequence = sequence;
    }
  }
}

function requireHost(ws: Workspace, host: string): void {
  if (ws.hosts.has(host)) return;
  const suggestion = didYouMean(host, ws.hosts.keys());
  throw new UsageError(`unknown host \`${host}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}`);
}

/** `--pin microstart@2018-09-19T09:30`: the host, the day and the start time. */
export function parsePin(text: string): [string, { date: string; start: number }] {
  const m = /^([a-z0-9][a-z0-9-]*)@(\d{4}-\d{2}-\d{2})T(\d{1,2}:\d{2})$/.exec(text);
  const date = m ? parseDate(m[2]) : undefined;
  const start = m ? parseClock(m[3] as string) : undefined;
  if (!m || !date?.ok || start === undefined) throw new UsageError(`--pin ${text}: write HOST@DATE\`T\`TIME, e.g. microstart@2018-09-19T09:30`);
  return [m[1] as string, { date: date.value, start }];
}

/** The diff a re-plan prints: a host that declined counts as a cancelled visit, and says so. */
function planDiff(previous: Agenda, current: Agenda, name: (id: string) => string): string[] {
  const declined = previousChoices(previous).declined;
  const asSent: Agenda = { ...previous, days: previous.days.map((d) => ({ ...d, items: d.items.map((i) => (i.status === "declined" ? { ...i, status: "proposed" as const } : i)) })) };
  return describeAgendaDiff(diffAgendas(asSent, current), (id) => (declined.has(id) ? `${name(id)} (declined)` : name(id)));
}

/** Confirmed visits stay exactly where they are; proposed and requested ones are kept if nothing better comes up; declined hosts are left out. */
export function previousChoices(previous: Agenda): { pins: Map<string, { date: string; start: number; soft?: boolean }>; declined: Set<string> } {
  const pins = new Map<string, { date: string; start: number; soft?: boolean }>();
  const declined = new Set<string>();
  for (const day of previous.days) {
    for (const item of day.items) {
      if (item.kind !== "visit" || !item.host) continue;
      if (item.status === "declined") declined.add(item.host);
      else pins.set(item.host, { date: day.date, start: Number(item.start.slice(11, 13)) * 60 + Number(item.start.slice(14, 16)), ...(item.status === "confirmed" ? {} : { soft: true }) });
    }
  }
  return { pins, declined };
}

export async function runPlan(options: PlanOptions, deps: CommandDeps): Promise<number> {
  if (options.interactive) return runInteractivePlan(options, deps);
  const { ws, requests, plans, previous } = computePlans(options, deps);
  if (options.out) writePlanOutputs(options.out, ws, requests, plans, options, deps);
  const hostName = (id: string) => ws.hosts.get(id)?.name ?? id;
  const diff = previous ? planDiff(previous, plans.find((p) => p.agenda.request === previous.request)?.agenda ?? previous, hostName) : [];
  if (options.json) {
    const doc: AgendaDocument = { agendas: plans.map((p) => p.agenda) };
    deps.out(JSON.stringify(doc, null, 2));
    for (const line of diff) deps.err(line);
    return 0;
  }
  printTimelines({ ws, requests, plans }, deps);
  if (previous) {
    deps.out("");
    deps.out(deps.style.bold(`Changes since ${options.previous}`));
    for (const line of diff.length > 0 ? diff : ["none: every visit stays where it was"]) deps.out(`  ${line}`);
  }
  return 0;
}

export function printTimelines({ ws, requests, plans }: Pick<PlanRun, "ws" | "requests" | "plans">, deps: CommandDeps): void {
  const hostNames = new Map([...ws.hosts.values()].map((h) => [h.id, h.name]));
  plans.forEach((plan, i) => {
    const request = requests[i] as Request;
    const d = request.delegation;
    const delegation = `${d.size} ${d.size === 1 ? "person" : "people"}${d.from ? ` from ${d.from}` : ""}`;
    if (i > 0) deps.out("");
    deps.out(renderTimeline(plan.agenda, { title: request.title, delegation, hostNames, quality: plan.proven ? "proven optimal" : "best found" }, deps.style));
  });
}

/** Per request: DIR/<request>/agenda.yaml, written whole or not at all, never over existing files without --force. */
export function writePlanOutputs(out: string, ws: Workspace, requests: Request[], plans: RequestPlan[], options: Pick<PlanOptions, "force">, deps: CommandDeps): void {
  const shown = (path: string) => relative(deps.cwd, path).split(sep).join("/");
  const summaries: string[] = [];
  const files: OutputFile[] = plans.flatMap((plan, i) => {
    const request = requests[i] as Request;
    const dir = inside(resolve(deps.cwd, out), request.id);
    const check = `studyvisit check --data ${relative(deps.cwd, ws.dir) || "."} ${shown(join(dir, "agenda.yaml"))}`;
    const outputs = planOutputFiles(dir, agendaToYaml(plan.agenda, check), renderInput(ws, request, plan.agenda, deps));
    const invites = outputs.files.length - 3;
    summaries.push(`wrote ${shown(dir)}/: agenda.yaml, itinerary.md, itinerary.ics, ${invites} invitation${invites === 1 ? "" : "s"} in invites/`);
    summaries.push(...outputs.uninvitable.map((h) => `no invitation for ${h}: its record has no contact with an e-mail address`));
    return outputs.files;
  });
  writeFilesSafely(files, { force: options.force, cwd: deps.cwd });
  if (!deps.quiet) for (const line of summaries) deps.err(deps.style.dim(line));
}

export const planCommand: CommandDefinition = {
  name: "plan",
  args: "<request...>",
  summary: "build the day-by-day agenda for one or several requests (no host double-booked)",
  options: [
    dataOption,
    { flags: "--out <dir>", description: "write agenda.yaml, itinerary.md, itinerary.ics and invites/ per request" },
    jsonOption,
    { flags: "--booked <agenda...>", description: "agendas whose host time is already taken" },
    { flags: "--previous <agenda>", description: "re-plan with the fewest changes: confirmed visits stay, declined hosts are left out" },
    { flags: "--avoid <host...>", description: "leave these hosts out" },
    { flags: "--must-visit <host...>", description: "visit these hosts (exit 4 if impossible)" },
    { flags: "--pin <host@dateTtime...>", description: "fix a visit's start, e.g. microstart@2018-09-19T09:30" },
    { flags: "--interactive", description: "adjust the plan at prompts (drop, pin, must-visit), then save" },
    forceOption,
  ],
  examples: ["studyvisit plan ljubljana-2018", "studyvisit plan ljubljana-2018 jelgava-schaerbeek --json"],
  run: (args, opts, deps) =>
    runPlan(
      {
        data: opts.data as string | undefined,
        requests: args,
        json: opts.json === true,
        ...(typeof opts.out === "string" ? { out: opts.out } : {}),
        booked: (opts.booked as string[] | undefined) ?? [],
        ...(typeof opts.previous === "string" ? { previous: opts.previous } : {}),
        force: opts.force === true,
        adjust: {
          avoid: (opts.avoid as string[] | undefined) ?? [],
          mustVisit: (opts.mustVisit as string[] | undefined) ?? [],
          pins: new Map(((opts.pin as string[] | undefined) ?? []).map(parsePin)),
        },
        interactive: opts.interactive === true,
      },
      deps,
    ),
};
