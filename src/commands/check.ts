import { NotBuiltError, RecordsError } from "../errors.js";
import type { CommandDeps } from "./context.js";
import { dataOption, jsonOption, type CommandDefinition } from "./definition.js";
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

/** Validate every record of the workspace; every problem is reported, not only the first. */
export function runCheck(options: CheckOptions, deps: CommandDeps): number {
  if (options.agendas.length > 0) throw new NotBuiltError("check AGENDA", "issue #3 (the agenda engine)");
  const { workspace, problems, files } = loadWorkspaceOrFail(options.data, deps);
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
    deps.out(`${deps.style.ok("✓")} ${files} file${files === 1 ? "" : "s"}: ${count(summary.places, "place")}, ${count(summary.hosts, "host")}, ${count(summary.requests, "request")} — all valid`);
  }
  return 0;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

export const checkCommand: CommandDefinition = {
  name: "check",
  args: "[agenda...]",
  summary: "validate every record (and agenda files) and print each problem as FILE:LINE:COL: message",
  options: [dataOption, jsonOption],
  examples: ["studyvisit check --data data", "studyvisit check --json"],
  run: (args, opts, deps) => runCheck({ data: opts.data as string | undefined, agendas: args, json: opts.json === true }, deps),
};
