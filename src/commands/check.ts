import * as z from "zod";
import { RecordsError } from "../errors.js";
import { pushAll } from "../records/load-workspace.js";
import { formatProblem, hasErrors, problemSummary, severityOf, type Severity } from "../records/problem.js";
import { loadAgendaFile } from "./agenda-file.js";
import type { CommandDeps } from "./context.js";
import { loadHolidays } from "./load-holidays.js";
import { flag, list, text } from "./command-line.js";
import { commandRunner } from "./definition.js";
import { loadWorkspaceOrFail } from "./workspace-access.js";

export interface CheckOptions {
  data?: string;
  agendas: string[];
  json: boolean;
  /** Warnings fail the check too (exit 3). */
  strict?: boolean;
}

export interface CheckSummary {
  /** No error (warnings allowed). */
  valid: boolean;
  files: number;
  places: number;
  hosts: number;
  requests: number;
  errors: number;
  warnings: number;
  problems: { file: string; line: number; col: number; severity: Severity; message: string }[];
}

/**
 * Validate every record of the workspace, and every agenda file given, against
 * every planning rule; every problem is reported, not only the first. Errors
 * exit 3; warnings are printed and exit 0, unless `strict`.
 */
export async function runCheck(options: CheckOptions, deps: CommandDeps): Promise<number> {
  const { workspace, problems: recordProblems, files } = loadWorkspaceOrFail(options.data, deps);
  const problems = [...recordProblems];
  // Agendas are checked against valid records only: against broken ones every rule would misfire.
  if (!hasErrors(recordProblems) && options.agendas.length > 0) {
    const holidays = await loadHolidays(workspace);
    options.agendas.forEach((path, i) => {
      deps.progress?.update(`checking the agendas: ${i} of ${options.agendas.length} done`);
      pushAll(problems, loadAgendaFile(path, workspace, deps.cwd, holidays).problems);
    });
  }
  const errors = problems.filter((p) => severityOf(p) === "error").length;
  const warnings = problems.filter((p) => severityOf(p) === "warning").length;
  const summary: CheckSummary = {
    valid: errors === 0,
    files,
    places: workspace.places.size,
    hosts: workspace.hosts.size,
    requests: workspace.requests.size,
    errors,
    warnings,
    problems: problems.map((p) => ({
      file: p.file,
      line: p.line,
      col: p.col,
      severity: severityOf(p),
      message: p.message,
    })),
  };
  const fails = errors > 0 || (options.strict === true && warnings > 0);
  if (options.json) {
    deps.out(JSON.stringify(summary, null, 2));
    return fails ? 3 : 0;
  }
  if (fails) throw new RecordsError(problems);
  for (const problem of problems) deps.err(formatProblem(problem));
  if (problems.length > 0 && !deps.quiet) deps.err(deps.style.warn(problemSummary(problems)));
  if (!deps.quiet) {
    const notes = problems.filter((p) => p.severity === "note").length;
    const agendas = options.agendas.length > 0 ? `, ${count(options.agendas.length, "agenda")}` : "";
    const verdict = warnings > 0 ? `valid, with ${count(warnings, "warning")}` : "all valid";
    deps.out(
      `${deps.style.ok("✓")} ${files} file${files === 1 ? "" : "s"}: ${count(summary.places, "place")}, ${count(summary.hosts, "host")}, ${count(summary.requests, "request")}${agendas} — ${verdict}${notes > 0 ? ` (${count(notes, "note")})` : ""}`,
    );
  }
  return 0;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** `studyvisit check` from its command line; its definition is in check-command.ts. */
export const checkRunner = commandRunner(
  z.strictObject({ agenda: list, data: text, strict: flag, json: flag }),
  (o, deps) => runCheck({ data: o.data, agendas: o.agenda, json: o.json, strict: o.strict }, deps),
);
