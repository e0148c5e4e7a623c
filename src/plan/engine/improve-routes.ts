import { EPS, type Model } from "./compile-model.js";
import { compareCost } from "./objective.js";
import { scheduleRoute } from "./simulate-route.js";
import type { Solution } from "./solution.js";

/** Travel and end time of an order on route r, or false when infeasible; allocation-free. */
export const orderCost = scheduleRoute;

/** Same nodes, so only the objective's tail can change. */
function better(a: { travel: number; end: number }, b: { travel: number; end: number }): boolean {
  return compareCost(a.travel, a.end, b.travel, b.end) < 0;
}

/** Travel of the leg from the end of node `a` (or the start depot when a < 0) to node `b` (or the end depot when b < 0). */
export function leg(md: Model, r: number, a: number, b: number): number {
  const from = a < 0 ? (md.rSLoc[r] as number) : (md.eloc[a] as number);
  const to = b < 0 ? (md.rELoc[r] as number) : (md.loc[b] as number);
  return from < 0 || to < 0 ? 0 : (md.travel[from * md.nLoc + to] as number);
}

/** A move whose travel (computed in O(1)) exceeds the current one by more than this cannot pass `better`: skip its simulation. */
export const PRUNE = EPS + 1e-7;

/**
 * Reorders each route in place (2-opt reversals, then moving segments of 1 to
 * 3 nodes) while travel, then end time, decreases. Same nodes, so the score is
 * unchanged; the time freed lets the next repair insert more. Without
 * location-transparent nodes a move's travel is known in O(1) from the legs it
 * changes, and only moves that do not add travel are simulated.
 */
export function improveRoutes(sol: Solution, routes: Iterable<number>, maxPasses: number): void {
  for (const r of routes) {
    const rc = sol.routes[r];
    if (!rc || rc.seq.length < 2) continue;
    const order = new RouteOrder(sol.model, r, rc.seq.slice());
    if (!order.feasible) continue;
    let changed = false;
    for (let pass = 0; pass < maxPasses; pass++) {
      const reversed = order.twoOptPass();
      const moved = order.orOptPass();
      if (!reversed && !moved) break;
      changed = true;
    }
    if (changed) sol.setOrder(r, order.seq);
  }
}

/** One route's order while it is being improved, with its cost and the prefix travels of the O(1) move costs. */
class RouteOrder {
  readonly feasible: boolean;
  private readonly quick: boolean;
  private readonly L: number;
  private readonly cost = { travel: 0, end: 0 };
  private readonly cand = { travel: 0, end: 0 };
  private readonly work: number[];
  /** fwd[x] / bwd[x]: travel along seq[0..x] forwards / backwards (for O(1) reversal costs). */
  private readonly fwd: Float64Array;
  private readonly bwd: Float64Array;

  constructor(
    private readonly md: Model,
    private readonly r: number,
    public seq: number[],
  ) {
    this.quick = !md.hasTransparent;
    this.L = seq.length;
    this.work = new Array<number>(this.L);
    this.fwd = new Float64Array(this.L);
    this.bwd = new Float64Array(this.L);
    this.feasible = orderCost(md, r, seq, this.cost);
    if (this.feasible && this.quick) this.prefix();
  }

  private prefix(): void {
    const { md, r, seq, fwd, bwd } = this;
    for (let x = 1; x < this.L; x++) {
      fwd[x] = (fwd[x - 1] as number) + leg(md, r, seq[x - 1] as number, seq[x] as number);
      bwd[x] = (bwd[x - 1] as number) + leg(md, r, seq[x] as number, seq[x - 1] as number);
    }
  }

  /** Takes (a copy of) `next` when it is feasible and better; true when taken. */
  private tryOrder(next: number[]): boolean {
    const { cand, cost } = this;
    if (!orderCost(this.md, this.r, next, cand) || !better(cand, cost)) return false;
    this.seq = next.slice();
    cost.travel = cand.travel;
    cost.end = cand.end;
    if (this.quick) this.prefix();
    return true;
  }

  /** Every reversal of seq[i..k] in turn, each taken when it improves; true when any was. */
  twoOptPass(): boolean {
    const { md, r, L, work } = this;
    let improved = false;
    for (let i = 0; i < L - 1; i++)
      for (let k = i + 1; k < L; k++) {
        const seq = this.seq;
        if (this.quick) {
          const a = i > 0 ? (seq[i - 1] as number) : -1;
          const b = k < L - 1 ? (seq[k + 1] as number) : -1;
          const si = seq[i] as number;
          const sk = seq[k] as number;
          const delta =
            leg(md, r, a, sk) +
            ((this.bwd[k] as number) - (this.bwd[i] as number)) +
            leg(md, r, si, b) -
            leg(md, r, a, si) -
            ((this.fwd[k] as number) - (this.fwd[i] as number)) -
            leg(md, r, sk, b);
          if (delta > PRUNE) continue;
        }
        for (let x = 0; x < L; x++) work[x] = seq[x >= i && x <= k ? i + k - x : x] as number;
        if (this.tryOrder(work)) improved = true;
      }
    return improved;
  }

  /** Every move of a run of 1 to 3 nodes to another position in turn, each taken when it improves. */
  orOptPass(): boolean {
    const { md, r, L } = this;
    let improved = false;
    for (let len = 1; len <= 3; len++)
      for (let i = 0; i + len <= L; i++)
        for (let to = 0; to <= L - len; to++) {
          if (to === i) continue;
          const seq = this.seq;
          if (this.quick) {
            const first = seq[i] as number;
            const last = seq[i + len - 1] as number;
            const p = i > 0 ? (seq[i - 1] as number) : -1;
            const nx = i + len < L ? (seq[i + len] as number) : -1;
            // rest = seq without the run; the run goes between rest[to - 1] and rest[to].
            const a = to > 0 ? (seq[to - 1 < i ? to - 1 : to - 1 + len] as number) : -1;
            const b = to < L - len ? (seq[to < i ? to : to + len] as number) : -1;
            const delta =
              leg(md, r, p, nx) -
              leg(md, r, p, first) -
              leg(md, r, last, nx) +
              leg(md, r, a, first) +
              leg(md, r, last, b) -
              leg(md, r, a, b);
            if (delta > PRUNE) continue;
          }
          const rest = seq.slice(0, i).concat(seq.slice(i + len));
          if (this.tryOrder(rest.slice(0, to).concat(seq.slice(i, i + len), rest.slice(to)))) improved = true;
        }
    return improved;
  }
}
