import { join, relative, resolve, sep } from "node:path";
import { PlanImpossibleError } from "../errors.js";
import { agendaToYaml } from "../plan/agenda-yaml.js";
import type { AgendaDocument } from "../plan/agenda.js";
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
}

/** Plan the requests together; exit 4 (nothing written) when a plan is impossible. */
export function computePlans(options: Pick<PlanOptions, "data" | "requests">, deps: CommandDeps): PlanRun {
  const ws = loadValidWorkspace(options.data, deps);
  const requests = options.requests.flatMap((arg) => resolveRequest(arg, ws, deps.cwd));
  const plans = planRequests({ ws, requests, holidays: createHolidayCalendar() });
  const impossible = plans.map((p, i) => (p.impossible ? `${requests[i]?.id}: ${p.impossible}` : undefined)).filter((m): m is string => m !== undefined);
  if (impossible.length > 0) throw new PlanImpossibleError(`no plan exists: ${impossible.join("; ")}`, "free the host's time, drop it from must_visit, or move the fixed item");
  return { ws, requests, plans };
}

export function runPlan(options: PlanOptions, deps: CommandDeps): number {
  const { ws, requests, plans } = computePlans(options, deps);
  if (options.out) writePlanOutputs(options.out, ws, requests, plans, options, deps);
  if (options.json) {
    const doc: AgendaDocument = { agendas: plans.map((p) => p.agenda) };
    deps.out(JSON.stringify(doc, null, 2));
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
