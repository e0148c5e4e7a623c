import { resolve } from "node:path";
import * as z from "zod";
import { UsageError } from "../errors.js";
import type { AgendaDocument } from "../plan/agenda.js";
import { computePlans, printTimelines, writePlanOutputs } from "./compute-plans.js";
import type { CommandDeps } from "./context.js";
import { flag, list, text } from "./command-line.js";
import { commandRunner } from "./definition.js";
import { readPin } from "./plan-adjustments.js";
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

/** `--pin HOST@DATETHH:MM`, read into the host and its day and start. */
const pin = z.string().transform((value, ctx) => {
  const read = readPin(value);
  if (read) return read;
  ctx.addIssue({ code: "custom", message: "write HOST@DATE`T`TIME, e.g. microstart@2018-09-19T09:30" });
  return z.NEVER;
});

/** `studyvisit plan` from its command line; its definition is in plan-command.ts. */
export const planRunner = commandRunner(
  z.strictObject({
    request: z.array(z.string()).min(1),
    data: text,
    out: text,
    json: flag,
    booked: list,
    previous: text,
    keepProposed: flag,
    avoid: list,
    mustVisit: list,
    pin: z.array(pin).default([]),
    interactive: flag,
    force: flag,
  }),
  (o, deps) =>
    runPlan(
      {
        data: o.data,
        requests: o.request,
        json: o.json,
        out: o.out,
        booked: o.booked,
        previous: o.previous,
        keepProposed: o.keepProposed,
        force: o.force,
        adjust: { avoid: o.avoid, mustVisit: o.mustVisit, pins: new Map(o.pin) },
        interactive: o.interactive,
      },
      deps,
    ),
);
