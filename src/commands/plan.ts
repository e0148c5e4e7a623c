import type { AgendaDocument } from "../plan/agenda.js";
import { computePlans, printTimelines, writePlanOutputs } from "./compute-plans.js";
import type { CommandDeps } from "./context.js";
import type { CommandRunner } from "./definition.js";
import { parsePin, type Adjustments } from "./plan-adjustments.js";
import { planDiff } from "./previous-agenda.js";

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

export async function runPlan(options: PlanOptions, deps: CommandDeps): Promise<number> {
  // The prompts' code is loaded only for an interactive run.
  if (options.interactive) return (await import("./plan-interactive.js")).runInteractivePlan(options, deps);
  const { ws, requests, plans, previous } = await computePlans(options, deps);
  if (options.out) writePlanOutputs(options.out, ws, requests, plans, options, deps);
  const hostName = (id: string) => ws.hosts.get(id)?.name ?? id;
  const diff = previous
    ? planDiff(previous, plans.find((p) => p.agenda.request === previous.request)?.agenda ?? previous, hostName)
    : [];
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

/** `studyvisit plan` from its parsed command line; its definition is in plan-command.ts. */
export const runPlanCommand: CommandRunner = (args, opts, deps) =>
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
  );
