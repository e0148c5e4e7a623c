import { EPS } from "./compile-model.js";
import { evalInsert, firstInsertPosition, type RouteCache } from "./route-cache.js";
import type { SearchContext } from "./search-context.js";
import type { Solution } from "./solution.js";

export interface RepairParams {
  /** 0 = pure greedy; > 0 multiplies each candidate's ratio by (1 + noise * u), u uniform in [0, 1). */
  readonly noise: number;
  /** Exponent of the score in the ratio score^exp / time consumed (Vansteenwegen et al. use 2). */
  readonly exponent: number;
  /** Insert the nodes with keep (previous decisions) before the others; ignored when the model has none. */
  readonly keepFirst?: boolean;
}

interface Best {
  value: number;
  pos: number;
  shift: number;
  travel: number;
}

/**
 * Cheapest feasible position of j on route rc: least time consumed, then least added travel.
 * With `from` > 0 the caller vouches that out already holds the best position before `from`
 * (see the re-evaluation in repair) and only positions from `from` on are scanned.
 */
function bestPosition(ctx: SearchContext, rc: RouteCache, j: number, out: Best, from = 0): boolean {
  if (from === 0) {
    out.pos = -1;
    out.shift = Number.POSITIVE_INFINITY;
    out.travel = Number.POSITIVE_INFINITY;
  }
  const L = rc.seq.length;
  const w = (rc.model.win[rc.r] as ReadonlyArray<Float64Array | null>)[j];
  if (!w) return false;
  // Departures only grow along a route and j cannot start before the departure it follows.
  const latest = (w[w.length - 1] as number) + EPS;
  // With O(1) checks, a position whose room is less than the least j can consume is skipped unchecked.
  const need =
    rc.model.hasTransparent || rc.multi > 0 ? Number.NEGATIVE_INFINITY : (rc.model.minShift[j] as number) - EPS;
  if (need > rc.maxRoom) return out.pos >= 0;
  let p = firstInsertPosition(rc, j, w);
  if (p < from) p = from;
  for (; p <= L; p++) {
    if ((rc.dep[p] as number) > latest) break;
    if ((rc.room[p + 1] as number) < need) continue;
    const sh = evalInsert(ctx, rc, j, p);
    if (Number.isNaN(sh)) continue;
    const tr = ctx.insertTravel;
    if (sh < out.shift - EPS || (sh <= out.shift + EPS && tr < out.travel - EPS)) {
      out.pos = p;
      out.shift = sh;
      out.travel = tr;
    }
  }
  return out.pos >= 0;
}

/**
 * Places unsatisfied mandatory groups first (most constrained group first,
 * cheapest position), then, with keepFirst, the nodes that keep a previous
 * decision, then greedily inserts the best score^exp / time ratio until
 * nothing fits. Only the route that received a node is re-evaluated after
 * each insertion.
 */
export function repair(sol: Solution, ctx: SearchContext, params: RepairParams): void {
  const keepFirst = params.keepFirst === true && sol.model.hasKeep;
  placeMandatory(sol, ctx, keepFirst);
  if (keepFirst) new GreedyInsertion(sol, ctx, params, true).run();
  new GreedyInsertion(sol, ctx, params, false).run();
  sol.markSaturated();
}

/**
 * Greedy insertion by noisy score^exp / time ratio of every unplaced node (keepOnly: of the nodes with keep).
 * The table of best insertions per (route, node) lives in the SearchContext; after an insertion only the
 * receiving route is re-evaluated, and on a monotone model a node that did not fit there still does not.
 */
class GreedyInsertion {
  private readonly cands: number[] = [];
  /** routeBest[r]: the candidate with the highest value on route r (first in candidate order on ties), -1 when none fits. */
  private readonly routeBest: Int32Array;
  private readonly tmp: Best = { value: 0, pos: -1, shift: 0, travel: 0 };

  constructor(
    private readonly sol: Solution,
    private readonly ctx: SearchContext,
    private readonly params: RepairParams,
    keepOnly: boolean,
  ) {
    const md = sol.model;
    for (let j = 0; j < md.n; j++) {
      if (sol.where[j] !== -1 || (sol.groupCount[md.group[j] as number] as number) > 0) continue;
      // A node worth nothing is not worth its time, unless placing it keeps a previous decision.
      if (keepOnly ? md.keep[j] !== 1 : (md.score[j] as number) <= 0 && md.keep[j] !== 1) continue;
      this.cands.push(j);
    }
    this.routeBest = new Int32Array(md.m);
  }

  run(): void {
    if (this.cands.length === 0) return;
    const { ctx } = this;
    const m = this.sol.model.m;
    ctx.insertValue.fill(-1);
    ctx.insertPos.fill(-1);
    for (let r = 0; r < m; r++) this.evalRoute(r, false, 0);
    for (;;) {
      const pick = this.pickBest();
      if (pick < 0) return;
      const r = pick % m;
      const j = (pick - r) / m;
      const at = ctx.insertPos[r * this.sol.model.n + j] as number;
      this.sol.insert(j, r, at);
      if (!this.dropGroup(j, r)) return;
      this.evalRoute(r, this.sol.model.monotone, at);
    }
  }

  /** The highest value over routes as j * m + r, or -1 when nothing fits; ties go to the lower node, then the lower route. */
  private pickBest(): number {
    const { ctx, routeBest } = this;
    const { m, n } = this.sol.model;
    let r = -1;
    let j = -1;
    let bestV = -1;
    for (let q = 0; q < m; q++) {
      const c = routeBest[q] as number;
      if (c < 0) continue;
      const v = ctx.insertValue[q * n + c] as number;
      if (v > bestV || (v === bestV && c < j)) {
        bestV = v;
        r = q;
        j = c;
      }
    }
    return r < 0 ? -1 : j * m + r;
  }

  /** Drops j (just placed on route r) and the rest of its group from the candidates; false when none is left. */
  private dropGroup(j: number, r: number): boolean {
    const { cands, ctx, routeBest } = this;
    const md = this.sol.model;
    const g = md.group[j] as number;
    for (let i = cands.length - 1; i >= 0; i--) {
      const c = cands[i] as number;
      if (md.group[c] === g) {
        cands.splice(i, 1);
        for (let q = 0; q < md.m; q++) ctx.insertValue[q * md.n + c] = -1;
      }
    }
    if (cands.length === 0) return false;
    for (let q = 0; q < md.m; q++) {
      const c = routeBest[q] as number;
      if (q !== r && c >= 0 && md.group[c] === g) this.scanRoute(q);
    }
    return true;
  }

  private scanRoute(r: number): void {
    const value = this.ctx.insertValue;
    const n = this.sol.model.n;
    let bj = -1;
    let bv = -1;
    for (const j of this.cands) {
      const v = value[r * n + j] as number;
      if (v > bv) {
        bv = v;
        bj = j;
      }
    }
    this.routeBest[r] = bj;
  }

  /**
   * (Re-)evaluates every candidate on route r. Again after an insertion at position `at`: with O(1) checks,
   * positions before `at` keep their time and travel deltas, so a best position there that still fits stays
   * the best there and only positions from `at` on are scanned.
   */
  private evalRoute(r: number, again: boolean, at: number): void {
    const { ctx, params, tmp } = this;
    const md = this.sol.model;
    const rc = this.sol.routes[r] as RouteCache;
    const { insertValue: value, insertPos: pos, insertShift: shift, insertTravelAt: travel } = ctx;
    const local = again && !md.hasTransparent && rc.multi === 0;
    for (const j of this.cands) {
      const k = r * md.n + j;
      if (again ? value[k] === -1 : this.sol.knownMiss(j, r)) {
        value[k] = -1;
        continue;
      }
      let from = 0;
      if (local && (pos[k] as number) < at && !Number.isNaN(evalInsert(ctx, rc, j, pos[k] as number))) {
        tmp.pos = pos[k] as number;
        tmp.shift = shift[k] as number;
        tmp.travel = travel[k] as number;
        from = at;
      }
      if (!bestPosition(ctx, rc, j, tmp, from)) {
        value[k] = -1;
        continue;
      }
      const sc = md.score[j] as number;
      let v = (params.exponent === 2 ? sc * sc : Math.pow(sc, params.exponent)) / (tmp.shift > 0.01 ? tmp.shift : 0.01);
      if (params.noise > 0) v *= 1 + params.noise * ctx.rng.next();
      value[k] = v;
      pos[k] = tmp.pos;
      shift[k] = tmp.shift;
      travel[k] = tmp.travel;
    }
    this.scanRoute(r);
  }
}

/** With keepFirst, a mandatory group takes its cheapest node with keep when one fits, else its cheapest node. */
function placeMandatory(sol: Solution, ctx: SearchContext, keepFirst: boolean): void {
  const md = sol.model;
  const tmp: Best = { value: 0, pos: -1, shift: 0, travel: 0 };
  for (;;) {
    let pick: { j: number; r: number; p: number } | null = null;
    let pickOptions = Number.POSITIVE_INFINITY;
    let pickShift = Number.POSITIVE_INFINITY;
    for (let g = 0; g < md.groupNodes.length; g++) {
      if (!md.groupMandatory[g] || (sol.groupCount[g] as number) > 0) continue;
      let options = 0;
      let best: { j: number; r: number; p: number } | null = null;
      let bestShift = Number.POSITIVE_INFINITY;
      let bestKept = false;
      for (const j of md.groupNodes[g] as number[])
        for (let r = 0; r < md.m; r++) {
          const rc = sol.routes[r] as RouteCache;
          for (let p = 0; p <= rc.seq.length; p++) if (!Number.isNaN(evalInsert(ctx, rc, j, p))) options++;
          if (!bestPosition(ctx, rc, j, tmp)) continue;
          const kept = keepFirst && md.keep[j] === 1;
          if (kept ? !bestKept || tmp.shift < bestShift - EPS : !bestKept && tmp.shift < bestShift - EPS) {
            bestShift = tmp.shift;
            best = { j, r, p: tmp.pos };
            bestKept = kept;
          }
        }
      if (best && (options < pickOptions || (options === pickOptions && bestShift < pickShift))) {
        pick = best;
        pickOptions = options;
        pickShift = bestShift;
      }
    }
    if (!pick) return;
    sol.insert(pick.j, pick.r, pick.p);
  }
}
