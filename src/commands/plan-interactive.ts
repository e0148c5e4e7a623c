import { PlanImpossibleError, UsageError } from "../errors.js";
import { isoClock, shortDate } from "../records/dates.js";
import { formatClock, parseClock } from "../records/formats.js";
import type { Workspace } from "../records/workspace.js";
import type { CommandDeps } from "./context.js";
import { computePlans, printTimelines, writePlanOutputs, type PlanRun } from "./compute-plans.js";
import type { Adjustments } from "./plan-adjustments.js";
import type { PlanOptions } from "./plan-options.js";
import type { PromptChoice } from "./prompter.js";
import { loadValidWorkspace } from "./workspace-access.js";

type Action = "drop" | "pin" | "must" | "undo" | "save" | "quit";

/**
 * `plan --interactive`: show the plan, let the organiser drop a host, pin a
 * visit or add a must-visit, re-plan, and save. Each answer is one of the
 * flags --avoid, --pin, --must-visit, so every step can be scripted too.
 */
export async function runInteractivePlan(options: PlanOptions, withProgress: CommandDeps): Promise<number> {
  // The prompts own the terminal: a progress line drawn between two questions would garble them.
  const { progress: _progress, ...deps } = withProgress;
  const prompter = deps.prompter;
  if (!prompter) {
    throw new UsageError(
      "plan --interactive needs a terminal to ask questions in",
      "use --avoid HOST, --must-visit HOST and --pin HOST@DATETHH:MM instead, with --out DIR to save",
    );
  }
  if (options.requests.length !== 1) throw new UsageError("plan --interactive works on one request at a time");
  const { workspace: ws, notices } = loadValidWorkspace(options.data, deps);
  const history: Adjustments[] = [];
  let adjust = options.adjust;
  let run = await computePlans({ ...options, adjust, workspace: ws, notices }, deps);
  for (;;) {
    printTimelines(run, deps);
    const changes = describe(adjust, ws);
    if (changes) deps.out(deps.style.dim(`your changes: ${changes}`));
    const action = await prompter.select<Action>({
      message: "What next?",
      choices: [
        { name: "Drop a host", value: "drop" },
        { name: "Pin a visit to a day and time", value: "pin" },
        { name: "Add a must-visit host", value: "must" },
        ...(history.length > 0 ? [{ name: "Undo the last change", value: "undo" as const }] : []),
        { name: "Save the agenda", value: "save" },
        { name: "Quit without saving", value: "quit" },
      ],
    });
    if (action === "quit") return 0;
    if (action === "save") {
      const out = options.out ?? (await prompter.input({ message: "Folder to write the agenda into", default: "out" }));
      await writePlanOutputs(
        out,
        ws,
        run.requests,
        run.plans,
        {
          force: options.force,
          notices,
          ...(run.previous ? { previous: run.previous } : {}),
          ...(options.previous ? { previousPath: options.previous } : {}),
        },
        deps,
      );
      return 0;
    }
    if (action === "undo") {
      adjust = history.pop() ?? adjust;
    } else {
      const next = await ask(action, run, ws, adjust, deps);
      if (!next) continue;
      history.push(adjust);
      adjust = next;
    }
    try {
      run = await computePlans({ ...options, adjust, workspace: ws, notices }, deps);
    } catch (error) {
      if (!(error instanceof PlanImpossibleError)) throw error;
      deps.err(
        deps.style.warn(`that change leaves no plan: ${error.message.replace(/^no plan exists: /, "")}; it is undone`),
      );
      adjust = history.pop() ?? adjust;
    }
  }
}

async function ask(
  action: Exclude<Action, "undo" | "save" | "quit">,
  run: PlanRun,
  ws: Workspace,
  adjust: Adjustments,
  deps: CommandDeps,
): Promise<Adjustments | undefined> {
  const prompter = deps.prompter as NonNullable<CommandDeps["prompter"]>;
  const agenda = run.plans[0]?.agenda;
  const visited = agenda
    ? agenda.days.flatMap((d) =>
        d.items
          .filter((i) => i.kind === "visit" && i.host)
          .map((i) => ({ host: i.host as string, date: d.date, time: isoClock(i.start) })),
      )
    : [];
  const name = (id: string) => ws.hosts.get(id)?.name ?? id;
  if (action === "drop") {
    if (visited.length === 0) return (deps.err("no visit to drop"), undefined);
    const host = await prompter.select<string>({
      message: "Which host should be left out?",
      choices: visited.map((v) => ({ name: `${name(v.host)} (${shortDate(v.date)} ${v.time})`, value: v.host })),
    });
    const pins = new Map(adjust.pins);
    pins.delete(host);
    return { avoid: [...adjust.avoid, host], mustVisit: adjust.mustVisit.filter((h) => h !== host), pins };
  }
  const request = run.requests[0];
  const candidates = [...ws.hosts.values()]
    .filter((h) => !adjust.avoid.includes(h.id))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  if (action === "must") {
    const choices: PromptChoice<string>[] = candidates
      .filter((h) => !visited.some((v) => v.host === h.id))
      .map((h) => ({ name: `${h.name} (${h.id})`, value: h.id }));
    if (choices.length === 0) return (deps.err("every host is already visited"), undefined);
    const host = await prompter.select<string>({ message: "Which host must be visited?", choices });
    return { ...adjust, mustVisit: [...adjust.mustVisit, host] };
  }
  const host = await prompter.select<string>({
    message: "Which host's visit should be pinned?",
    choices: candidates.map((h) => ({ name: `${h.name} (${h.id})`, value: h.id })),
  });
  const date = await prompter.select<string>({
    message: "On which day?",
    choices: (request?.days ?? []).map((d) => ({
      name: `${shortDate(d.date)} (${formatClock(d.hours.start)}-${formatClock(d.hours.end)})`,
      value: d.date,
    })),
  });
  const time = await prompter.input({
    message: "Starting at (HH:MM)?",
    validate: (answer) => (parseClock(answer) === undefined ? "write a time like 09:30" : true),
  });
  const pins = new Map(adjust.pins);
  pins.set(host, { date, start: parseClock(time) as number });
  return { ...adjust, pins };
}

function describe(adjust: Adjustments, ws: Workspace): string {
  const name = (id: string) => ws.hosts.get(id)?.name ?? id;
  return [
    ...adjust.avoid.map((h) => `without ${name(h)}`),
    ...adjust.mustVisit.map((h) => `must visit ${name(h)}`),
    ...[...adjust.pins].map(([h, p]) => `${name(h)} pinned at ${shortDate(p.date)} ${formatClock(p.start)}`),
  ].join("; ");
}
