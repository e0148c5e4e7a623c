import type { Problem } from "./problem.js";
import type { Workspace } from "./workspace.js";

/**
 * A rule that needs more than one record. Each is a named function returning
 * its problems, so a failure message can say which rule it came from and a
 * test can exercise one rule at a time (the list is in cross-checks.ts).
 */
export type CrossCheck = (ws: Workspace) => Problem[];
