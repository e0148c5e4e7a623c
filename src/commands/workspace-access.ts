import { resolve } from "node:path";
import { RecordsError, UsageError } from "../errors.js";
import { loadWorkspace, workspaceExists, type LoadResult } from "../records/load-workspace.js";
import { isError, type Problem } from "../records/problem.js";
import type { Workspace } from "../records/workspace.js";
import type { CommandDeps } from "./context.js";

/** `--data DIR`, else `$STUDYVISIT_DATA`, else `./data` (SPEC). */
export function resolveDataDir(flag: unknown, deps: Pick<CommandDeps, "cwd" | "env">): string {
  const chosen = typeof flag === "string" && flag !== "" ? flag : deps.env.STUDYVISIT_DATA || "data";
  return resolve(deps.cwd, chosen);
}

export function loadWorkspaceOrFail(flag: unknown, deps: Pick<CommandDeps, "cwd" | "env">): LoadResult {
  const dir = resolveDataDir(flag, deps);
  if (!workspaceExists(dir)) {
    throw new UsageError(
      `no workspace folder at ${dir}`,
      "pass --data DIR, set STUDYVISIT_DATA, or create one with `studyvisit init DIR`",
    );
  }
  return loadWorkspace(dir, deps.cwd);
}

/** Load and insist on valid records: commands other than `check` cannot work on a broken workspace. */
export function loadValidWorkspace(flag: unknown, deps: Pick<CommandDeps, "cwd" | "env">): Workspace {
  const result = loadWorkspaceOrFail(flag, deps);
  if (result.problems.length > 0) throw new RecordsError(result.problems);
  return result.workspace;
}

/**
 * Load and insist on records without errors; their warnings and notes, which
 * stop no command, come back with the workspace (the organiser's report lists them).
 */
export function loadUsableWorkspace(
  flag: unknown,
  deps: Pick<CommandDeps, "cwd" | "env">,
): { workspace: Workspace; notices: Problem[] } {
  const result = loadWorkspaceOrFail(flag, deps);
  if (result.problems.some(isError)) throw new RecordsError(result.problems);
  return { workspace: result.workspace, notices: result.problems.filter((p) => !isError(p)) };
}
