import { join, relative, resolve, sep } from "node:path";
import { PlanImpossibleError, RecordsError, UsageError } from "../errors.js";
import type { Agenda } from "../plan/agenda.js";
import { agendaToYaml } from "../plan/agenda-yaml.js";
import type { Pins } from "../plan/build-instance.js";
import type { RequestPlan } from "../plan/plan-request.js";
import { planRequests, type PlanProgress } from "../plan/plan-requests.js";
import type { Request } from "../records/schemas.js";
import type { Workspace } from "../records/workspace.js";
import { renderTimeline } from "../render/timeline.js";
import { loadAgendaFile } from "./agenda-file.js";
import type { CommandDeps } from "./context.js";
import { loadHolidays } from "./load-holidays.js";
import { adjustRequest, noAdjustments, requireHost, type Adjustments } from "./plan-adjustments.js";
import { carrySequences, previousChoices } from "./previous-agenda.js";
import { inside, planOutputFiles, renderInput } from "./render-outputs.js";
import { resolveRequest } from "./request-arg.js";
import { loadValidWorkspace } from "./workspace-access.js";
import { writeFilesSafely, type OutputFile } from "./write-files.js";

export interface PlanInputs {
  data?: string;
  requests: string[];
  booked?: string[];
  previous?: string;
  adjust?: Adjustments;
  /** an already loaded workspace (the interactive loop re-plans without re-reading files) */
  workspace?: Workspace;
}

export interface PlanRun {
  ws: Workspace;
  requests: Request[];
  plans: RequestPlan[];
  previous?: Agenda;
}

/** Plan the requests together; exit 4 (nothing written) when a plan is impossible. */
export async function computePlans(options: PlanInputs, deps: CommandDeps): Promise<PlanRun> {
  const ws = options.workspace ?? loadValidWorkspace(options.data, deps);
  const adjust = options.adjust ?? noAdjustments();
  for (const host of [...adjust.avoid, ...adjust.mustVisit, ...adjust.pins.keys()]) requireHost(ws, host);
  const requests = options.requests
    .flatMap((arg) => resolveRequest(arg, ws, deps.cwd))
    .map((r) => adjustRequest(r, adjust));
  if (adjust.pins.size > 0 && requests.length !== 1)
    throw new UsageError(
      "--pin needs exactly one request: a host pinned in several delegations' days would receive them all at once",
    );
  const holidays = await loadHolidays(ws);
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
    if (!requests.some((r) => r.id === previous.request))
      throw new UsageError(
        `--previous ${options.previous} is the agenda of ${previous.request}, which is not being planned`,
      );
    const { pins: p, declined: d } = previousChoices(previous);
    pins.set(previous.request, p);
    declined.set(previous.request, d);
  }
  if (adjust.pins.size > 0) {
    const id = (requests[0] as Request).id;
    pins.set(id, new Map([...(pins.get(id) ?? new Map()), ...adjust.pins]));
  }
  const progress = deps.progress;
  const plans = planRequests({
    ws,
    requests,
    holidays,
    booked,
    pins,
    declined,
    ...(progress ? { onProgress: (p: PlanProgress) => progress.update(planStatus(p)) } : {}),
  });
  const impossible = plans
    .map((p, i) => (p.impossible ? `${requests[i]?.id}: ${p.impossible}` : undefined))
    .filter((m): m is string => m !== undefined);
  if (impossible.length > 0)
    throw new PlanImpossibleError(
      `no plan exists: ${impossible.join("; ")}`,
      "free the host's time, drop it from must_visit, or move the fixed item",
    );
  if (previous) carrySequences(previous, plans.find((p) => p.agenda.request === previous.request)?.agenda);
  return { ws, requests, plans, ...(previous ? { previous } : {}) };
}

/** e.g. `planning: 1 of 3 requests done (value 19) · jelgava-schaerbeek: best value so far 12` */
export function planStatus(p: PlanProgress): string {
  const done = `planning: ${p.requestsDone} of ${p.requestsTotal} request${p.requestsTotal === 1 ? "" : "s"} done${p.requestsDone > 0 ? ` (value ${p.valueDone})` : ""}`;
  if (!p.current) return done;
  const best = p.current.bestValue === undefined ? "searching" : `best value so far ${p.current.bestValue}`;
  return `${done} · ${p.current.request}: ${best}`;
}

export function printTimelines(
  { ws, requests, plans }: Pick<PlanRun, "ws" | "requests" | "plans">,
  deps: CommandDeps,
): void {
  const hostNames = new Map([...ws.hosts.values()].map((h) => [h.id, h.name]));
  plans.forEach((plan, i) => {
    const request = requests[i] as Request;
    const d = request.delegation;
    const delegation = `${d.size} ${d.size === 1 ? "person" : "people"}${d.from ? ` from ${d.from}` : ""}`;
    if (i > 0) deps.out("");
    deps.out(
      renderTimeline(
        plan.agenda,
        { title: request.title, delegation, hostNames, quality: plan.proven ? "proven optimal" : "best found" },
        deps.style,
      ),
    );
  });
}

/** Per request: DIR/<request>/agenda.yaml, written whole or not at all, never over existing files without --force. */
export function writePlanOutputs(
  out: string,
  ws: Workspace,
  requests: Request[],
  plans: RequestPlan[],
  options: { force: boolean },
  deps: CommandDeps,
): void {
  const shown = (path: string) => relative(deps.cwd, path).split(sep).join("/");
  const summaries: string[] = [];
  const files: OutputFile[] = plans.flatMap((plan, i) => {
    const request = requests[i] as Request;
    const dir = inside(resolve(deps.cwd, out), request.id);
    const check = `studyvisit check --data ${relative(deps.cwd, ws.dir) || "."} ${shown(join(dir, "agenda.yaml"))}`;
    const outputs = planOutputFiles(dir, agendaToYaml(plan.agenda, check), renderInput(ws, request, plan.agenda, deps));
    const invites = outputs.files.length - 3;
    summaries.push(
      `wrote ${shown(dir)}/: agenda.yaml, itinerary.md, itinerary.ics, ${invites} invitation${invites === 1 ? "" : "s"} in invites/`,
    );
    summaries.push(
      ...outputs.uninvitable.map((h) => `no invitation for ${h}: its record has no contact with an e-mail address`),
    );
    return outputs.files;
  });
  writeFilesSafely(files, { force: options.force, cwd: deps.cwd });
  if (!deps.quiet) for (const line of summaries) deps.err(deps.style.dim(line));
}
