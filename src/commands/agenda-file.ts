import type { Agenda } from "../plan/agenda.js";
import type { HolidayCalendar } from "../plan/holidays.js";
import { resolveAgenda } from "../plan/resolve-agenda.js";
import { readAgendaFile } from "../records/agenda-file.js";
import { sortProblems, type Problem } from "../records/problem.js";
import type { ResolvedRequest } from "../records/resolved-request.js";
import type { Workspace } from "../records/workspace.js";
import { userFileError } from "./read-user-file.js";

export interface LoadedAgenda {
  agenda?: Agenda;
  request?: ResolvedRequest;
  /** errors, and notes (agreed exceptions) with `severity: "note"` */
  problems: Problem[];
}

/**
 * Read an agenda file (maybe edited by hand), resolve its ids against the
 * workspace, and check it against every planning rule. Problems are
 * positioned in the agenda file like record problems.
 */
export function loadAgendaFile(path: string, ws: Workspace, cwd: string, holidays: HolidayCalendar): LoadedAgenda {
  const read = readAgendaFile(path, cwd);
  if (read.failure)
    throw userFileError(path, read.failure, {
      message: `no agenda file at ${path}`,
      hint: "write one with `studyvisit plan REQUEST --out DIR`",
    });
  if (!read.file || !read.source) return { problems: read.problems };
  const source = read.source;
  const resolved = resolveAgenda(read.file, ws, holidays);
  const problems = resolved.issues.map((issue) => ({
    ...source.problemAt(issue.path, issue.message),
    ...(issue.severity ? { severity: issue.severity } : {}),
  }));
  return {
    ...(resolved.agenda ? { agenda: resolved.agenda } : {}),
    ...(resolved.request ? { request: resolved.request } : {}),
    problems: sortProblems(problems),
  };
}
