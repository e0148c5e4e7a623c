import type { Request, WorkspaceConfig } from "../records/schemas.js";

export interface ResolvedPace {
  walkingKmh: number;
  detour: number;
  buffer: number;
  maxWalk: number;
}

export const DEFAULT_PACE = { walkingKmh: 4.0, stepFreeWalkingKmh: 3.0, detour: 1.3, buffer: 10, maxWalk: 25 } as const;

/** Each field from the request, else studyvisit.yaml, else SPEC's defaults (a slower 3 km/h for a step-free delegation). */
export function resolvePace(request: Request, config: WorkspaceConfig): ResolvedPace {
  const r = request.pace ?? {};
  const w = config.pace ?? {};
  return {
    walkingKmh:
      r.walking_kmh ??
      w.walking_kmh ??
      (request.delegation.step_free ? DEFAULT_PACE.stepFreeWalkingKmh : DEFAULT_PACE.walkingKmh),
    detour: r.detour ?? w.detour ?? DEFAULT_PACE.detour,
    buffer: r.buffer ?? w.buffer ?? DEFAULT_PACE.buffer,
    maxWalk: r.max_walk ?? w.max_walk ?? DEFAULT_PACE.maxWalk,
  };
}
