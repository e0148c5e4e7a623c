import { resolve } from "node:path";
import { RecordsError, UsageError } from "../errors.js";
import { loadWorkspace, workspaceExists, type LoadResult } from "../records/load-workspace.js";
import { formatProblem, hasErrors, isError, warningsIn, type Problem } from "../records/problem.js";
import type { Workspace } from "../records/workspace.js";
import type { CommandDeps } from "./context.js";

/** `--data DIR`, else `$STUDYVISIT_DATA`, else `./data` (SPEC). */
export function resolveDataDir(flag: unknown, deps: Pick<CommandDeps, "cwd" | "env">): string {
  const chosen = typeof flag === "string" && flag !== "" ? flag : deps.env.STUDYVISIT_DATA || "data";
  return resolve(deps.cwd, chosen);
}

export function loadWorkspaceOrFail(flag: unknown, deps: Pick<CommandDeps, "cwd" | "env" | "progress">): LoadResult {
  const dir = resolveDataDir(flag, deps);
  if (!workspaceExists(dir)) {
    throw new UsageError(
      `no workspace folder at ${dir}`,
      "pass --data DIR, set STUDYVISIT_DATA, or create one with `studyvisit init DIR`",
    );
  }
  const progress = deps.progress;
  return loadWorkspace(
    dir,
    deps.cwd,
    progress && ((read, total) => progress.update(`reading the records: ${read} of ${total} files`)),
  );
}

/** A workspace without errors, with the warnings and notes of its records. */
export interface ValidWorkspace {
  workspace: Workspace;
  /** the records' warnings and notes: they stop no command; the organiser's report lists them */
  notices: Problem[];
}

/**
 * Load and insist on valid records: commands other than `check` cannot work on
 * a broken workspace. Warnings do not stop them: they are printed on stderr,
 * once, before the command's own output, and come back with the workspace.
 */
export function loadValidWorkspace(
  flag: unknown,
  deps: Pick<CommandDeps, "cwd" | "env" | "err" | "progress">,
): ValidWorkspace {
  const result = loadWorkspaceOrFail(flag, deps);
  if (hasErrors(result.problems)) throw new RecordsError(result.problems);
  for (const warning of warningsIn(result.problems)) deps.err(formatProblem(warning));
  return { workspace: result.workspace, notices: result.problems.filter((p) => !isError(p)) };
}
