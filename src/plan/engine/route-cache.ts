import { EPS, earliestStart, windowCloseAt, type Model } from "./compile-model.js";
import { scheduleRoute, simulateRoute } from "./simulate-route.js";

/**
 * One route of a metaheuristic solution with Vansteenwegen-style slack
 * bookkeeping. Positions are 0 (start depot), 1..L (items), L+1 (end depot);
 * maxShift[p] is how far the arrival-independent start of position p may move
 * later without breaking any window or the route end (whole grid steps for a
 * node on the grid), so an insertion is checked in O(1). With several windows
 * per node maxShift uses the current window only, which is safe but may reject
 * a feasible insertion; routes that contain such nodes (multi > 0) re-check a
 * rejected insertion by simulation.
 */
export class RouteCache {
  seq: number[] = [];
  arr: Float64Array;
  st: Float64Array;
  dep: Float64Array;
  maxShift: Float64Array;
  /**
   * room[q] (q = 1..L+1): the largest delay of position q's arrival the route absorbs (its waiting plus its
   * maxShift), which evalInsert compares an insertion before q with; maxRoom is the largest over the route.
   */
  room: Float64Array;
  maxRoom = 0;
  travel = 0;
  endTime = 0;
  score = 0;
  /** Nodes with keep on this route. */
  kept = 0;
  visits = 0;
  multi = 0;
  /** Views of arr and st from position 1, where scheduleRoute writes the items' arrivals and starts. */
  private readonly arrItems: Float64Array;
  private readonly stItems: Float64Array;
  private readonly sched = { travel: 0, end: 0 };

  constructor(
    readonly model: Model,
    readonly r: number,
  ) {
    const size = model.n + 2;
    this.arr = new Float64Array(size);
    this.st = new Float64Array(size);
    this.dep = new Float64Array(size);
    this.maxShift = new Float64Array(size);
    this.room = new Float64Array(size);
    this.arrItems = this.arr.subarray(1);
    this.stItems = this.st.subarray(1);
    this.refresh();
  }

  copyFrom(o: RouteCache): void {
    this.seq = o.seq.slice();
    // Only positions 0..L+1 are meaningful.
    const used = o.seq.length + 2;
    this.arr.set(o.arr.subarray(0, used));
    this.st.set(o.st.subarray(0, used));
    this.dep.set(o.dep.subarray(0, used));
    this.maxShift.set(o.maxShift.subarray(0, used));
    this.room.set(o.room.subarray(0, used));
    this.maxRoom = o.maxRoom;
    this.travel = o.travel;
    this.endTime = o.endTime;
    this.score = o.score;
    this.kept = o.kept;
    this.visits = o.visits;
    this.multi = o.multi;
  }

  /**
   * Recomputes every cache from seq with the one scheduling loop (scheduleRoute). Returns false when seq is
   * infeasible, leaving the caches stale: callers restore a feasible seq (removeMany) or only build feasible
   * ones (every insertion and reordering is checked first).
   */
  refresh(): boolean {
    const { model: md, r, seq } = this;
    if (!scheduleRoute(md, r, seq, this.sched, this.arrItems, this.stItems)) return false;
    const L = seq.length;
    const t0 = md.rStart[r] as number;
    const t = this.sched.end;
    this.arr[0] = t0;
    this.st[0] = t0;
    this.dep[0] = t0;
    this.arr[L + 1] = t;
    this.st[L + 1] = t;
    this.dep[L + 1] = t;
    this.travel = this.sched.travel;
    this.endTime = t;
    this.sumUp();
    this.computeSlack();
    return true;
  }

  /** Departures, and the route's score, kept nodes, visits and multi-window nodes. */
  private sumUp(): void {
    const { model: md, r, seq } = this;
    const wins = md.win[r] as ReadonlyArray<Float64Array | null>;
    let score = 0;
    let kept = 0;
    let visits = 0;
    let multi = 0;
    for (let p = 1; p <= seq.length; p++) {
      const j = seq[p - 1] as number;
      this.dep[p] = (this.st[p] as number) + (md.dur[j] as number);
      score += md.score[j] as number;
      kept += md.keep[j] as number;
      visits += md.counts[j] as number;
      if ((wins[j] as Float64Array).length > 2) multi++;
    }
    this.score = score;
    this.kept = kept;
    this.visits = visits;
    this.multi = multi;
  }

  /** maxShift, backwards from the route's end. */
  private computeSlack(): void {
    const { model: md, r, seq } = this;
    const wins = md.win[r] as ReadonlyArray<Float64Array | null>;
    const L = seq.length;
    this.maxShift[L + 1] = (md.rEnd[r] as number) - this.endTime;
    let maxRoom = this.maxShift[L + 1] as number;
    this.room[L + 1] = maxRoom;
    for (let p = L; p >= 1; p--) {
      const j = seq[p - 1] as number;
      const close = windowCloseAt(wins[j] as Float64Array, this.st[p] as number) - (this.st[p] as number);
      const next = (this.st[p + 1] as number) - (this.arr[p + 1] as number) + (this.maxShift[p + 1] as number);
      const shift = close < next ? close : next;
      // On the grid a start moves by whole grid steps, so its slack is too; then an arrival delay d at the
      // next position fits exactly when d <= its waiting + maxShift, as without a grid (ceil(x) <= k iff x <= k).
      const g = md.ngrid[j] as number;
      this.maxShift[p] = g > 0 ? Math.floor((shift + EPS) / g) * g : shift;
      const room = (this.st[p] as number) - (this.arr[p] as number) + (this.maxShift[p] as number);
      this.room[p] = room;
      if (room > maxRoom) maxRoom = room;
    }
    this.maxRoom = maxRoom;
  }
}

/**
 * The first position after which node j (windows w on this route) may fit: 0, or on routes with O(1)
 * checks the result of a binary search. The latest start of position q (st + maxShift) grows along the
 * route, and after j the next position starts no earlier than j's window opens plus its duration, so the
 * positions before that cannot take j. Scans then stop once dep[p] passes j's last window close.
 */
export function firstInsertPosition(rc: RouteCache, j: number, w: Float64Array): number {
  const md = rc.model;
  if (md.hasTransparent || rc.multi > 0) return 0;
  const need = (w[0] as number) + (md.dur[j] as number) - EPS;
  let lo = 1;
  let hi = rc.seq.length + 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rc.st[mid] as number) + (rc.maxShift[mid] as number) < need) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Where evalInsert counts its checks and leaves the travel an insertion adds (the solve's SearchContext). */
export interface InsertProbe {
  evals: number;
  insertTravel: number;
}

/**
 * Time consumed by inserting node j after position p (0..L) of route rc
 * (the shift of the next position's arrival), or NaN when infeasible.
 * Counts the check in probe.evals and sets probe.insertTravel.
 */
export function evalInsert(probe: InsertProbe, rc: RouteCache, j: number, p: number): number {
  probe.evals++;
  const md = rc.model;
  const r = rc.r;
  const w = (md.win[r] as ReadonlyArray<Float64Array | null>)[j];
  if (!w) return Number.NaN;
  if (md.counts[j] === 1 && rc.visits >= md.maxVisits) return Number.NaN;
  if (md.hasTransparent) return evalInsertBySimulation(probe, rc, j, p);
  const { travel: T, nLoc, buffer, loc, eloc } = md;
  const seq = rc.seq;
  const L = seq.length;
  const from = p === 0 ? (md.rSLoc[r] as number) : (eloc[seq[p - 1] as number] as number);
  const to = p === L ? (md.rELoc[r] as number) : (loc[seq[p] as number] as number);
  const lj = loc[j] as number;
  const ej = eloc[j] as number;
  let tIn = 0;
  let a = rc.dep[p] as number;
  if (from >= 0) {
    tIn = T[from * nLoc + lj] as number;
    a += tIn + (p > 0 && from !== lj ? buffer : 0);
  }
  const s = earliestStart(w, a, md.ngrid[j] as number);
  if (Number.isNaN(s)) return Number.NaN;
  let tOut = 0;
  let na = s + (md.dur[j] as number);
  if (to >= 0) {
    tOut = T[ej * nLoc + to] as number;
    na += tOut + (p < L && ej !== to ? buffer : 0);
  }
  const q = p + 1;
  const shift = na - (rc.arr[q] as number);
  if (shift > (rc.room[q] as number) + EPS) return rc.multi > 0 ? evalInsertBySimulation(probe, rc, j, p) : Number.NaN;
  probe.insertTravel = tIn + tOut - (from >= 0 && to >= 0 ? (T[from * nLoc + to] as number) : 0);
  return shift;
}

function evalInsertBySimulation(probe: InsertProbe, rc: RouteCache, j: number, p: number): number {
  const seq = rc.seq.slice();
  seq.splice(p, 0, j);
  const sim = simulateRoute(rc.model, rc.r, seq);
  if (!sim) return Number.NaN;
  probe.insertTravel = sim.travel - rc.travel;
  return sim.endTime - rc.endTime;
}
