import { RecordsError } from "../errors.js";
import { loadAgendaFile } from "./agenda-file.js";
import type { CommandDeps } from "./context.js";
import { loadHolidays } from "./load-holidays.js";
import type { CommandRunner } from "./definition.js";
import { loadWorkspaceOrFail } from "./workspace-access.js";

export interface CheckOptions {
  data?: string;
  agendas: string[];
  json: boolean;
}

export interface CheckSummary {
  valid: boolean;
  files: number;
  places: number;
  hosts: number;
  requests: number;
  problems: { file: string; line: number; col: number; message: string }[];
}

/**
 * Validate every record of the workspace, and every agenda file given, against
 * every planning rule; every problem is reported, not only the first.
 */
export async function runCheck(options: CheckOptions, deps: CommandDeps): Promise<number> {
  const { workspace, problems: recordProblems, files } = loadWorkspaceOrFail(options.data, deps);
  const problems = [...recordProblems];
  // Agendas are checked against valid records only: against broken ones every rule would misfire.
  if (recordProblems.length === 0 && options.agendas.length > 0) {
    const holidays = await loadHolidays(workspace);
    options.agendas.forEach((path, i) => {
      deps.progress?.update(`checking the agendas: ${i} of ${options.agendas.length} done`);
      problems.push(...loadAgendaFile(path, workspace, deps.cwd, holidays).problems);
    });
  }
  const summary: CheckSummary = {
    valid: problems.length === 0,
    files,
    places: workspace.places.size,
    hosts: workspace.hosts.size,
    requests: workspace.requests.size,
    problems,
  };
  if (options.json) {
    deps.out(JSON.stringify(summary, null, 2));
    return summary.valid ? 0 : 3;
  }
  if (!summary.valid) throw new RecordsError(problems);
  if (!deps.quiet) {
    const agendas = options.agendas.length > 0 ? `, ${count(options.agendas.length, "agenda")}` : "";
    deps.out(
      `${deps.style.ok("✓")} ${files} file${files === 1 ? "" : "s"}: ${count(summary.places, "place")}, ${count(summary.hosts, "host")}, ${count(summary.requests, "request")}${agendas} — all valid`,
    );
  }
  return 0;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** `studyvisit check` from its parsed command line; its definition is in check-command.ts. */
export const runCheckCommand: CommandRunner = (args, opts, deps) =>
  runCheck({ data: opts.data as string | undefined, agendas: args, json: opts.json === true }, deps);
