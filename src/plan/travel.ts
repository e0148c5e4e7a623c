import type { Geo } from "../records/formats.js";
import type { Place } from "../records/schemas.js";
import { travelKey, type TravelOverrides } from "../records/workspace.js";
import type { ResolvedPace } from "../records/resolved-request.js";

export interface Leg {
  mode: "walk" | "transit" | "none";
  minutes: number;
  /** distance travelled, detour included, in km (rounded to 0.1) */
  km: number;
}

export const TRANSIT_KMH = 18;
export const TRANSIT_WAIT_MINUTES = 10;
const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance (haversine) in km. */
export function greatCircleKm(a: Geo, b: Geo): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * SPEC's walking rule: distance × detour at the group's pace, rounded up; a
 * walk longer than max_walk becomes public transport at 18 km/h plus 10 min
 * waiting. Explicit minutes (pairs, matrix) win over the estimate; they count
 * as a walk when within max_walk.
 */
export function leg(from: Place, to: Place, pace: ResolvedPace, overrides: TravelOverrides): Leg {
  if (from.id === to.id || from.online || to.online) return { mode: "none", minutes: 0, km: 0 };
  const km = from.geo && to.geo ? greatCircleKm(from.geo, to.geo) * pace.detour : 0;
  const shownKm = Math.round(km * 10) / 10;
  const explicit = overrides.get(travelKey(from.id, to.id));
  if (explicit !== undefined)
    return { mode: explicit <= pace.maxWalk ? "walk" : "transit", minutes: explicit, km: shownKm };
  const walk = Math.ceil(roundTiny((km / pace.walkingKmh) * 60));
  if (walk <= pace.maxWalk) return { mode: "walk", minutes: walk, km: shownKm };
  return {
    mode: "transit",
    minutes: Math.ceil(roundTiny((km / TRANSIT_KMH) * 60 + TRANSIT_WAIT_MINUTES)),
    km: shownKm,
  };
}

/** Guard ceil() against 12.000000000001 from floating point. */
function roundTiny(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Travel between every pair of the given places, as the engine's matrix. */
export function travelMatrix(places: readonly Place[], pace: ResolvedPace, overrides: TravelOverrides): Leg[][] {
  return places.map((a) => places.map((b) => leg(a, b, pace, overrides)));
}
