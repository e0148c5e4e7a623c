import { EPS, earliestStart, type Model } from "./compile-model.js";

export interface RouteSimulation {
  readonly arrivals: Float64Array;
  readonly starts: Float64Array;
  /** Travel minutes, depot legs included, buffers excluded. */
  readonly travel: number;
  /** Arrival at the end location, or end of the last item without one. */
  readonly endTime: number;
}

/**
 * Schedules `seq` on route r with every item as early as possible. Earliest
 * scheduling is exact for feasibility: the start-time function of each item is
 * non-decreasing in its arrival time, so any delay can only hurt later items.
 * Returns null when a window is missed, the route's end is exceeded or the
 * visit cap is broken. The empty route is always feasible (a free day).
 */
export function simulateRoute(model: Model, r: number, seq: ReadonlyArray<number>): RouteSimulation | null {
  const arrivals = new Float64Array(seq.length);
  const starts = new Float64Array(seq.length);
  const out = { travel: 0, end: 0 };
  if (!scheduleRoute(model, r, seq, out, arrivals, starts)) return null;
  return { arrivals, starts, travel: out.travel, endTime: out.end };
}

/**
 * The one scheduling loop behind simulateRoute and the local search's order
 * costs: earliest starts, travel and end time into `out`, arrivals and starts
 * into the arrays when given (the hot path passes none and allocates nothing).
 * Stops at the first violation: times only grow along a route.
 */
export function scheduleRoute(
  md: Model,
  r: number,
  seq: ReadonlyArray<number>,
  out: { travel: number; end: number },
  arrivals?: Float64Array,
  starts?: Float64Array,
): boolean {
  const { travel: T, nLoc, loc, eloc, dur, buffer } = md;
  const wins = md.win[r] as ReadonlyArray<Float64Array | null>;
  const rEnd = md.rEnd[r] as number;
  let t = md.rStart[r] as number;
  let cur = md.rSLoc[r] as number;
  let curIsItem = false;
  let travel = 0;
  let visits = 0;
  for (let p = 0; p < seq.length; p++) {
    const j = seq[p] as number;
    const w = wins[j];
    if (!w) return false;
    if (md.counts[j] === 1 && ++visits > md.maxVisits) return false;
    const lj = loc[j] as number;
    let a = t;
    if (lj >= 0 && cur >= 0) {
      const leg = T[cur * nLoc + lj] as number;
      travel += leg;
      a += leg + (curIsItem && cur !== lj ? buffer : 0);
    }
    const s = earliestStart(w, a, md.ngrid[j] as number);
    if (Number.isNaN(s)) return false;
    if (arrivals) arrivals[p] = a;
    if (starts) starts[p] = s;
    t = s + (dur[j] as number);
    if (t > rEnd + EPS) return false;
    if (lj >= 0) {
      cur = eloc[j] as number;
      curIsItem = true;
    }
  }
  const e = md.rELoc[r] as number;
  if (e >= 0 && cur >= 0) {
    const leg = T[cur * nLoc + e] as number;
    travel += leg;
    t += leg;
  }
  if (seq.length > 0 && t > rEnd + EPS) return false;
  out.travel = travel;
  out.end = t;
  return true;
}
