import { join, relative, resolve, sep } from "node:path";
import { PlanImpossibleError, RecordsError, UsageError } from "../errors.js";
import type { Agenda } from "../plan/agenda.js";
import { agendaRecord } from "../plan/agenda-record.js";
import type { KeptVisits, Pins } from "../plan/build-instance.js";
import type { HolidayCalendar } from "../plan/holidays.js";
import type { RequestPlan } from "../plan/plan-request.js";
import { planRequests, type PlanProgress } from "../plan/plan-requests.js";
import { carryPrevious, previousChoices } from "../plan/previous-agenda.js";
import { agendaYaml } from "../records/agenda-yaml.js";
import { readAgendaFile } from "../records/agenda-file.js";
import type { ResolvedRequest } from "../records/resolved-request.js";
import type { Workspace } from "../records/workspace.js";
import { renderTimeline } from "../render/timeline.js";
import { loadAgendaFile } from "./agenda-file.js";
import type { CommandDeps } from "./context.js";
import { loadHolidays } from "./load-holidays.js";
import { adjustRequest, noAdjustments, requireHost, type Adjustments } from "./plan-adjustments.js";
import { inside, planOutputFiles, renderInput } from "./render-outputs.js";
import { resolveRequest } from "./request-arg.js";
import { loadValidWorkspace } from "./workspace-access.js";
import { writeOutputs, type OutputFile } from "./write-files.js";
import { organiserReport } from "./organiser-report.js";
import { renderReport } from "../render/report.js";
import type { Problem } from "../records/problem.js";

export interface PlanInputs {
  data?: string;
  requests: string[];
  booked?: string[];
  previous?: string;
  /** with `previous`: proposed and requested visits are pinned too, not only confirmed ones */
  keepProposed?: boolean;
  adjust?: Adjustments;
  /** an already loaded workspace (the interactive loop re-plans without re-reading files) */
  workspace?: Workspace;
  /** with `workspace`: its warnings and notes */
  notices?: readonly Problem[];
}

export interface PlanRun {
  ws: Workspace;
  /** warnings and notes of the records: they stop nothing, the organiser's report lists them */
  notices: readonly Problem[];
  requests: ResolvedRequest[];
  plans: RequestPlan[];
  previous?: Agenda;
}

/** Plan the requests together; exit 4 (nothing written) when a plan is impossible. */
export async function computePlans(options: PlanInputs, deps: CommandDeps): Promise<PlanRun> {
  const loaded = options.workspace
    ? { workspace: options.workspace, notices: options.notices ?? [] }
    : loadValidWorkspace(options.data, deps);
  const ws = loaded.workspace;
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
  const kept = new Map<string, KeptVisits>();
  const declined = new Map<string, Set<string>>();
  if (previous) {
    if (!requests.some((r) => r.id === previous.request))
      throw new UsageError(
        `--previous ${options.previous} is the agenda of ${previous.request}, which is not being planned`,
      );
    const choices = previousChoices(previous, { keepProposed: options.keepProposed === true });
    pins.set(previous.request, choices.pins);
    kept.set(previous.request, choices.keep);
    declined.set(previous.request, choices.declined);
  }
  if (adjust.pins.size > 0) {
    const id = (requests[0] as ResolvedRequest).id;
    pins.set(id, new Map([...(pins.get(id) ?? new Map()), ...adjust.pins]));
  }
  const progress = deps.progress;
  const planned = planRequests({
    ws,
    requests,
    holidays,
    booked,
    pins,
    kept,
    declined,
    ...(progress ? { onProgress: (p: PlanProgress) => progress.update(planStatus(p)) } : {}),
  });
  const impossible = planned
    .map((p, i) => (p.impossible ? `${requests[i]?.id}: ${p.impossible}` : undefined))
    .filter((m): m is string => m !== undefined);
  const hints = [...new Set(planned.flatMap((p) => (p.impossible && p.hint ? [p.hint] : [])))];
  if (impossible.length > 0)
    throw new PlanImpossibleError(
      `no plan exists: ${impossible.join("; ")}`,
      hints.length > 0
        ? hints.join("; ")
        : "free the host's time, drop it from must_visit, move the fixed item, or widen the request's area (area.within_km)",
    );
  // What the organiser wrote in the previous agenda (statuses, notes) and the invitations' SEQUENCE carry over.
  const plans = planned.map((p) =>
    previous && p.agenda.request === previous.request ? { ...p, agenda: carryPrevious(previous, p.agenda) } : p,
  );
  return { ws, notices: loaded.notices, requests, plans, ...(previous ? { previous } : {}) };
}

/**
 * e.g. `planning: 1 of 3 requests done (value 19) · jelgava-schaerbeek: best value so far 12`, then, when
 * the plans made alone over-book hosts, `planning together: 3 requests planned alone (value 52) over-book
 * hosts at 2 moments · 14 re-plans · best value so far 50`.
 */
export function planStatus(p: PlanProgress): string {
  if (p.settling) {
    const s = p.settling;
    const best = s.bestValue === undefined ? "searching" : `best value so far ${s.bestValue}`;
    return `planning together: ${p.requestsTotal} requests planned alone (value ${p.valueDone}) over-book hosts at ${s.conflicts} moment${s.conflicts === 1 ? "" : "s"} · ${s.replans} re-plan${s.replans === 1 ? "" : "s"} · ${best}`;
  }
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
    const request = requests[i] as ResolvedRequest;
    const d = request.delegation;
    const delegation = `${d.size} ${d.size === 1 ? "person" : "people"}${d.from ? ` from ${d.from}` : ""}`;
    if (i > 0) deps.out("");
    deps.out(
      renderTimeline(
        plan.agenda,
        {
          title: request.title,
          delegation,
          hostNames,
          quality: plan.proven ? "proven optimal" : "best found",
          ...(plan.split ? { split: plan.split } : {}),
        },
        deps.style,
      ),
    );
  });
}

/**
 * What a request's folder under `plan --out` may hold: the files `plan` writes
 * there. A re-run with --force rebuilds the folder from scratch, so a file of
 * an earlier run (an invitation to a host no longer visited) cannot survive;
 * a file of anyone else's stops the run instead of being deleted.
 */
export function ownsPlanOutput(relativePath: string): boolean {
  return (
    /^(agenda\.yaml|itinerary\.(md|ics|html)|report\.md)$/.test(relativePath) ||
    /^invites\/[^/]+\.(ics|eml)$/.test(relativePath)
  );
}

/**
 * Per request: DIR/<request>/ with agenda.yaml, the itinerary and invites/,
 * every request's folder built fresh beside it and swapped in at the end, so
 * the run writes all of them or none; never over existing outputs without
 * --force, and never two runs into DIR at once. Re-planning into a folder that
 * holds an earlier agenda (or with `previous`) also writes a METHOD:CANCEL for
 * each host that left the programme; its old REQUEST goes with the old folder.
 */
export async function writePlanOutputs(
  out: string,
  ws: Workspace,
  requests: ResolvedRequest[],
  plans: RequestPlan[],
  options: {
    force: boolean;
    previous?: Agenda;
    /** the file `previous` was read from, as the user named it */
    previousPath?: string;
    /** warnings and notes of the records, for the organiser's report */
    notices?: readonly Problem[];
  },
  deps: CommandDeps,
): Promise<void> {
  const shown = (path: string) => relative(deps.cwd, path).split(sep).join("/");
  const summaries: string[] = [];
  const root = resolve(deps.cwd, out);
  const folders: string[] = [];
  // An earlier agenda where this run writes is re-read against the workspace's holidays.
  const holidays = await loadHolidays(ws);
  const files: OutputFile[] = plans.flatMap((plan, i) => {
    const request = requests[i] as ResolvedRequest;
    const dir = inside(root, request.id);
    folders.push(dir);
    const agendaPath = join(dir, "agenda.yaml");
    const earlierInFolder = earlierAgenda(agendaPath, ws, deps.cwd, holidays);
    const earlier = earlierInFolder ?? (options.previous?.request === request.id ? options.previous : undefined);
    const check = `studyvisit check --data ${relative(deps.cwd, ws.dir) || "."} ${shown(agendaPath)}`;
    const yaml = agendaYaml(agendaRecord(plan.agenda), [
      `studyvisit agenda for ${plan.agenda.request}. Edit it by hand: move times, delete or add items,`,
      "set a visit's status (proposed, requested, confirmed, declined), add notes; then check it:",
      `  ${check}`,
    ]);
    const input = renderInput(ws, request, plan.agenda, deps);
    const report = organiserReport(
      { ws, request, plan, input, holidays, notices: options.notices ?? [], agendaPath: shown(agendaPath) },
      earlier === undefined
        ? undefined
        : {
            agenda: earlier,
            since: earlierInFolder
              ? "the agenda this folder held"
              : `the previous agenda (${options.previousPath ? shown(resolve(deps.cwd, options.previousPath)) : "--previous"})`,
          },
    );
    const outputs = planOutputFiles(
      dir,
      yaml,
      input,
      earlier ? renderInput(ws, request, earlier, deps) : undefined,
      renderReport(report),
    );
    const invitations = outputs.invites.messages.filter((m) => m.method === "REQUEST").length;
    const cancels = outputs.invites.messages.length - invitations;
    summaries.push(
      `wrote ${shown(dir)}/: agenda.yaml, itinerary.md, itinerary.ics, report.md, ${invitations} invitation${invitations === 1 ? "" : "s"}${cancels > 0 ? ` and ${cancels} cancellation${cancels === 1 ? "" : "s"}` : ""} in invites/`,
    );
    summaries.push(
      ...outputs.uninvitable.map((h) => `no invitation for ${h}: its record has no contact with an e-mail address`),
    );
    return outputs.files;
  });
  await writeOutputs(
    { files, folders: folders.map((path) => ({ path, owns: ownsPlanOutput })), lock: root, force: options.force },
    deps,
  );
  if (!deps.quiet) for (const line of summaries) deps.err(deps.style.dim(line));
}

/** The agenda an earlier run wrote where this one writes, if it still reads (its rules may be broken: it is history). */
function earlierAgenda(path: string, ws: Workspace, cwd: string, holidays: HolidayCalendar): Agenda | undefined {
  if (readAgendaFile(path, cwd).failure) return undefined;
  const agenda = loadAgendaFile(path, ws, cwd, holidays).agenda;
  return agenda && path.endsWith(`${agenda.request}/agenda.yaml`) ? agenda : undefined;
}
