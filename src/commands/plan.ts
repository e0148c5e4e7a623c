import { resolve } from "node:path";
import { UsageError } from "../errors.js";
import type { AgendaDocument } from "../plan/agenda.js";
import { computePlans, printTimelines, writePlanOutputs } from "./compute-plans.js";
import type { CommandDeps } from "./context.js";
import type { CommandRunner } from "./definition.js";
import { parsePin } from "./plan-adjustments.js";
import type { PlanOptions } from "./plan-options.js";
import { diffAgendas } from "../plan/agenda-diff.js";
import { describeAgendaDiff, unchangedSummary } from "../render/agenda-diff.js";
import { withOutputLock } from "./write-files.js";

export async function runPlan(options: PlanOptions, deps: CommandDeps): Promise<number> {
  // The prompts' code is loaded only for an interactive run.
  if (options.interactive) return (await import("./plan-interactive.js")).runInteractivePlan(options, deps);
  // With --out, the folder is locked from the start: a second run into it stops at once, not after planning.
  if (options.out) return withOutputLock(resolve(deps.cwd, options.out), deps, () => planAndPrint(options, deps));
  return planAndPrint(options, deps);
}

async function planAndPrint(options: PlanOptions, deps: CommandDeps): Promise<number> {
  const { ws, notices, requests, plans, previous } = await computePlans(options, deps);
  if (options.keepProposed && !previous)
    throw new UsageError("--keep-proposed needs --previous AGENDA: the visits to keep come from it");
  if (options.out)
    await writePlanOutputs(
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
  );
