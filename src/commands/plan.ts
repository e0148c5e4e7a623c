import { UsageError } from "../errors.js";
import type { AgendaDocument } from "../plan/agenda.js";
import { computePlans, printTimelines, writePlanOutputs } from "./compute-plans.js";
import type { CommandDeps } from "./context.js";
import { dataOption, forceOption, jsonOption, type CommandDefinition } from "./definition.js";
import { parsePin, type Adjustments } from "./plan-adjustments.js";
import { runInteractivePlan } from "./plan-interactive.js";
import { diffAgendas } from "../plan/agenda-diff.js";
import { describeAgendaDiff, unchangedSummary } from "../render/agenda-diff.js";

export interface PlanOptions {
  data?: string;
  requests: string[];
  json: boolean;
  out?: string;
  booked: string[];
  previous?: string;
  keepProposed: boolean;
  force: boolean;
  adjust: Adjustments;
  interactive: boolean;
}

export async function runPlan(options: PlanOptions, deps: CommandDeps): Promise<number> {
  if (options.interactive) return runInteractivePlan(options, deps);
  const { ws, notices, requests, plans, previous } = computePlans(options, deps);
  if (options.keepProposed && !previous)
    throw new UsageError("--keep-proposed needs --previous AGENDA: the visits to keep come from it");
  if (options.out)
    writePlanOutputs(
      options.out,
      ws,
      requests,
      plans,
      {
        force: options.force,
        notices,
        ...(previous ? { previous } : {}),
        ...(options.previous ? { previousPath: options.previous } : {}),
      },
      deps,
    );
  const hostName = (id: string) => ws.hosts.get(id)?.name ?? id;
  const changes = previous
    ? diffAgendas(previous, plans.find((p) => p.agenda.request === previous.request)?.agenda ?? previous)
    : [];
  const diff = previous ? [...describeAgendaDiff(changes, hostName), unchangedSummary(changes)] : [];
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
    for (const line of diff) deps.out(`  ${line}`);
  }
  return 0;
}

export const planCommand: CommandDefinition = {
  name: "plan",
  args: "<request...>",
  summary: "build the day-by-day agenda for one or several requests (no host double-booked)",
  options: [
    dataOption,
    {
      flags: "--out <dir>",
      description: "write agenda.yaml, itinerary.md, itinerary.ics, report.md and invites/ per request",
    },
    jsonOption,
    { flags: "--booked <agenda...>", description: "agendas whose host time is already taken" },
    {
      flags: "--previous <agenda>",
      description:
        "re-plan with the fewest changes: confirmed visits stay, declined hosts are left out, proposed ones move only for a higher value",
    },
    { flags: "--keep-proposed", description: "with --previous: proposed and requested visits stay where they are too" },
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
        keepProposed: opts.keepProposed === true,
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
