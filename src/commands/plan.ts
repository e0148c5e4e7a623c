import { join, relative, resolve, sep } from "node:path";
import { PlanImpossibleError, RecordsError, UsageError } from "../errors.js";
import { agendaToYaml } from "../plan/agenda-yaml.js";
import type { Agenda, AgendaDocument } from "../plan/agenda.js";
import type { Pins } from "../plan/build-instance.js";
import { describeAgendaDiff, diffAgendas } from "../render/agenda-diff.js";
import { loadAgendaFile } from "./agenda-file.js";
import { createHolidayCalendar } from "../plan/holidays.js";
import { planRequests } from "../plan/plan-requests.js";
import type { RequestPlan } from "../plan/plan-request.js";
import type { Request } from "../records/schemas.js";
import type { Workspace } from "../records/workspace.js";
import { renderTimeline } from "../render/timeline.js";
import type { CommandDeps } from "./context.js";
import { dataOption, forceOption, jsonOption, type CommandDefinition } from "./definition.js";
import { resolveRequest } from "./request-arg.js";
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
}

export interface PlanRun {
  ws: Workspace;
  requests: Request[];
  plans: RequestPlan[];
  previous?: Agenda;
}

/** Plan the requests together; exit 4 (nothing written) when a plan is impossible. */
export function computePlans(options: Pick<PlanOptions, "data" | "requests" | "booked" | "previous">, deps: CommandDeps): PlanRun {
  const ws = loadValidWorkspace(options.data, deps);
  const requests = options.requests.flatMap((arg) => resolveRequest(arg, ws, deps.cwd));
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
  const plans = planRequests({ ws, requests, holidays, booked, pins, declined });
  const impossible = plans.map((p, i) => (p.impossible ? `${requests[i]?.id}: ${p.impossible}` : undefined)).filter((m): m is string => m !== undefined);
  if (impossible.length > 0) throw new PlanImpossibleError(`no plan exists: ${impossible.join("; ")}`, "free the host's time, drop it from must_visit, or move the fixed item");
  return { ws, requests, plans, ...(previous ? { previous } : {}) };
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

export function runPlan(options: PlanOptions, deps: CommandDeps): number {
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
  const hostNames = new Map([...ws.hosts.values()].map((h) => [h.id, h.name]));
  plans.forEach((plan, i) => {
    const request = requests[i] as Request;
    const d = request.delegation;
    const delegation = `${d.size} ${d.size === 1 ? "person" : "people"}${d.from ? ` from ${d.from}` : ""}`;
    if (i > 0) deps.out("");
    deps.out(renderTimeline(plan.agenda, { title: request.title, delegation, hostNames, quality: plan.proven ? "proven optimal" : "best found" }, deps.style));
  });
  if (previous) {
    deps.out("");
    deps.out(deps.style.bold(`Changes since ${options.previous}`));
    for (const line of diff.length > 0 ? diff : ["none: every visit stays where it was"]) deps.out(`  ${line}`);
  }
  return 0;
}

/** Per request: DIR/<request>/agenda.yaml, written whole or not at all, never over existing files without --force. */
function writePlanOutputs(out: string, ws: Workspace, requests: Request[], plans: RequestPlan[], options: PlanOptions, deps: CommandDeps): void {
  const files: OutputFile[] = plans.flatMap((plan, i) => {
    const request = requests[i] as Request;
    const dir = join(resolve(deps.cwd, out), request.id);
    const agendaPath = join(dir, "agenda.yaml");
    const dataFlag = relative(deps.cwd, ws.dir) || ".";
    const check = `studyvisit check --data ${dataFlag} ${relative(deps.cwd, agendaPath).split(sep).join("/")}`;
    return [{ path: agendaPath, content: agendaToYaml(plan.agenda, check) }];
  });
  writeFilesSafely(files, { force: options.force, cwd: deps.cwd });
  if (!deps.quiet) for (const f of files) deps.err(deps.style.dim(`wrote ${relative(deps.cwd, f.path).split(sep).join("/")}`));
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
      },
      deps,
    ),
};
