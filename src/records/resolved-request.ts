import type { Request, WorkspaceConfig } from "./schemas.js";

// A request's settings that fall back to studyvisit.yaml and then to SPEC's
// defaults (zone, pace, round-times grid, area), resolved once when the request
// is loaded, so that no other code writes the fallbacks out again.

export interface ResolvedPace {
  walkingKmh: number;
  detour: number;
  buffer: number;
  maxWalk: number;
}

/** SPEC's pace: 4 km/h (3 km/h for a step-free delegation), a detour factor of 1.3, 10-minute buffers, 25-minute walks. */
export const DEFAULT_PACE = { walkingKmh: 4.0, stepFreeWalkingKmh: 3.0, detour: 1.3, buffer: 10, maxWalk: 25 } as const;

/** SPEC's "Round times": visits, meals and fixed items start on a 5-minute grid unless the records say otherwise. */
export const DEFAULT_GRID_MINUTES = 5;

/** SPEC "Area": a request plans only hosts within this many km of its base unless the records say otherwise. */
export const DEFAULT_AREA_KM = 50;

export interface RequestSettings {
  /** the zone its days, hours and fixed items are read in: its `timezone`, else studyvisit.yaml's, else UTC */
  zone: string;
  /** where `zone` comes from; "default" (UTC) means no record gives one, which `check` reports */
  zoneFrom: "request" | "workspace" | "default";
  /** each field from the request, else studyvisit.yaml, else DEFAULT_PACE */
  pace: ResolvedPace;
  /** minutes of the round-times grid: the request's, else studyvisit.yaml's, else 5; 1 turns rounding off */
  grid: number;
  /** the area's `within_km`: the request's, else studyvisit.yaml's, else 50 */
  withinKm: number;
}

/** A request as the commands and the planner use it: its record with the fallible settings resolved. */
export type ResolvedRequest = Omit<Request, "timezone" | "pace" | "grid" | "area"> & RequestSettings;

/** The request with its zone, pace, grid and area resolved against studyvisit.yaml and SPEC's defaults. */
export function resolveRequestSettings(request: Request, config: WorkspaceConfig): ResolvedRequest {
  const { timezone, pace, grid, area, ...record } = request;
  const p = pace ?? {};
  const w = config.pace ?? {};
  return {
    ...record,
    zone: timezone ?? config.timezone ?? "UTC",
    zoneFrom: timezone !== undefined ? "request" : config.timezone !== undefined ? "workspace" : "default",
    pace: {
      walkingKmh:
        p.walking_kmh ??
        w.walking_kmh ??
        (request.delegation.step_free ? DEFAULT_PACE.stepFreeWalkingKmh : DEFAULT_PACE.walkingKmh),
      detour: p.detour ?? w.detour ?? DEFAULT_PACE.detour,
      buffer: p.buffer ?? w.buffer ?? DEFAULT_PACE.buffer,
      maxWalk: p.max_walk ?? w.max_walk ?? DEFAULT_PACE.maxWalk,
    },
    grid: grid ?? config.grid ?? DEFAULT_GRID_MINUTES,
    withinKm: area?.within_km ?? config.area?.within_km ?? DEFAULT_AREA_KM,
  };
}
