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
  const { travel: T, nLoc, loc, eloc, dur, buffer } = model;
  const wins = model.win[r] as ReadonlyArray<Float64Array | null>;
  const arrivals = new Float64Array(seq.length);
  const starts = new Float64Array(seq.length);
  let t = model.rStart[r] as number;
  let cur = model.rSLoc[r] as number;
  let curIsItem = false;
  let travel = 0;
  let visits = 0;
  for (let p = 0; p < seq.length; p++) {
    const j = seq[p] as number;
    const w = wins[j];
    if (!w) return null;
    if (model.counts[j] === 1 && ++visits > model.maxVisits) return null;
    const lj = loc[j] as number;
    let arr = t;
    if (lj >= 0 && cur >= 0) {
      const leg = T[cur * nLoc + lj] as number;
      travel += leg;
      arr += leg + (curIsItem && cur !== lj ? buffer : 0);
    }
    const s = earliestStart(w, arr);
    if (Number.isNaN(s)) return null;
    arrivals[p] = arr;
    starts[p] = s;
    t = s + (dur[j] as number);
    if (lj >= 0) {
      cur = eloc[j] as number;
      curIsItem = true;
    }
  }
  const end = model.rELoc[r] as number;
  if (end >= 0 && cur >= 0) {
    const leg = T[cur * nLoc + end] as number;
    travel += leg;
    t += leg;
  }
  if (seq.length > 0 && t > (model.rEnd[r] as number) + EPS) return null;
  return { arrivals, starts, travel, endTime: t };
}
