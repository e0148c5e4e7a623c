import type { Request, WorkspaceConfig } from "../records/schemas.js";

/** SPEC's "Round times": visits, meals and fixed items start on a 5-minute grid unless the records say otherwise. */
export const DEFAULT_GRID_MINUTES = 5;

/** The request's grid, else studyvisit.yaml's, else 5 minutes; 1 turns rounding off. */
export function resolveGrid(request: Pick<Request, "grid">, config: Pick<WorkspaceConfig, "grid">): number {
  return request.grid ?? config.grid ?? DEFAULT_GRID_MINUTES;
}
