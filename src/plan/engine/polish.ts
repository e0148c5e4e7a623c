import { EPS, type Model } from "./compile-model.js";
import { improveRoutes, leg, orderCost, PRUNE } from "./improve-routes.js";
import { compareCost, compareObjective, type MutableObjective } from "./objective.js";
import { evalInsert, firstInsertPosition, type RouteCache } from "./route-cache.js";
import type { SearchContext } from "./search-context.js";
import type { Solution } from "./solution.js";

interface Cost {
  travel: number;
  end: number;
}

/**
 * Deterministic descent on a finished solution: moves that keep the
 * mandatory count and never lower the score, applied while they improve the
 * objective. Relocate and swap nodes between routes (less travel at equal
 * score), replace a placed node by an unplaced one worth more (or worth the
 * same and kept from the previous plan, or the same with less travel: a
 * nearer meal alternative), and reorder routes.
 * Every move is confirmed by full simulation before it is made, so this stays
 * correct with several windows, transparent items and buffers; the O(1)
 * insertion check (evalInsert) and O(1) travel deltas only skip the moves
 * that cannot fit or cannot improve.
 */
export function polish(sol: Solution, ctx: SearchContext, maxPasses: number): void {
  for (let pass = 0; pass < maxPasses; pass++) {
    improveRoutes(sol, sol.model.win.keys(), 3);
    const moved = relocateOrSwap(sol) || replace(sol, ctx);
    if (!moved) return;
  }
}

/** Travel and end time of an order on route r (the empty route included), or false when infeasible. */
function costs(sol: Solution, r: number, seq: number[], out: Cost): boolean {
  return orderCost(sol.model, r, seq, out);
}

/** Relocations and swaps keep the placed nodes: only the objective's tail changes. */
function gain(oldT: number, oldE: number, newT: number, newE: number): boolean {
  return compareCost(newT, newE, oldT, oldE) < 0;
}

/** Objectives of a replacement, relative to the plan before it (score and kept as deltas); refilled per check. */
interface Comparison {
  readonly before: MutableObjective;
  readonly after: MutableObjective;
}

function improves(
  { before, after }: Comparison,
  dScore: number,
  dKept: number,
  oldT: number,
  oldE: number,
  newT: number,
  newE: number,
): boolean {
  before.travel = oldT;
  before.endSum = oldE;
  after.score = dScore;
  after.kept = dKept;
  after.travel = newT;
  after.endSum = newE;
  return compareObjective(after, before) < 0;
}

/** Travel saved on route r by taking out seq[i..i+len-1] (O(1); meaningful without transparent nodes). */
function removalSaving(md: Model, r: number, seq: number[], i: number, len: number): number {
  const p = i > 0 ? (seq[i - 1] as number) : -1;
  const nx = i + len < seq.length ? (seq[i + len] as number) : -1;
  return leg(md, r, p, seq[i] as number) + leg(md, r, seq[i + len - 1] as number, nx) - leg(md, r, p, nx);
}

/** Travel added on route r by putting a run first..last between seq[q-1] and seq[q] (O(1)). */
function insertionCost(md: Model, r: number, seq: number[], q: number, first: number, last: number): number {
  const a = q > 0 ? (seq[q - 1] as number) : -1;
  const b = q < seq.length ? (seq[q] as number) : -1;
  return leg(md, r, a, first) + leg(md, r, last, b) - leg(md, r, a, b);
}

/** Moves a run of 1 to 3 nodes to another route, or swaps two nodes of two routes, when that lowers the tail. */
function relocateOrSwap(sol: Solution): boolean {
  const m = sol.routes.length;
  for (let a = 0; a < m; a++)
    for (let b = 0; b < m; b++) {
      if (a === b) continue;
      if (relocate(sol, a, b) || (a < b && swap(sol, a, b))) return true;
    }
  return false;
}

function relocate(sol: Solution, a: number, b: number): boolean {
  const md = sol.model;
  const quick = !md.hasTransparent;
  const ca: Cost = { travel: 0, end: 0 };
  const cb: Cost = { travel: 0, end: 0 };
  const ra = sol.routes[a] as RouteCache;
  const rb = sol.routes[b] as RouteCache;
  const A = ra.seq;
  const B = rb.seq;
  const oldT = ra.travel + rb.travel;
  const oldE = ra.endTime + rb.endTime;
  for (let i = 0; i < A.length; i++)
    for (let len = 1; len <= 3 && i + len <= A.length; len++) {
      const first = A[i] as number;
      const last = A[i + len - 1] as number;
      const saving = quick ? removalSaving(md, a, A, i, len) : 0;
      let A2: number[] | null = null;
      for (let q = 0; q <= B.length; q++) {
        // Same nodes: a move that adds travel cannot lower the tail.
        if (quick && insertionCost(md, b, B, q, first, last) - saving > PRUNE) continue;
        if (!A2) {
          A2 = A.slice(0, i).concat(A.slice(i + len));
          if (!costs(sol, a, A2, ca)) break;
        }
        const B2 = B.slice(0, q).concat(A.slice(i, i + len), B.slice(q));
        if (costs(sol, b, B2, cb) && gain(oldT, oldE, ca.travel + cb.travel, ca.end + cb.end)) {
          sol.moveBetween(a, A2, b, B2);
          return true;
        }
      }
    }
  return false;
}

function swap(sol: Solution, a: number, b: number): boolean {
  const md = sol.model;
  const quick = !md.hasTransparent;
  const ca: Cost = { travel: 0, end: 0 };
  const cb: Cost = { travel: 0, end: 0 };
  const ra = sol.routes[a] as RouteCache;
  const rb = sol.routes[b] as RouteCache;
  const A = ra.seq;
  const B = rb.seq;
  const oldT = ra.travel + rb.travel;
  const oldE = ra.endTime + rb.endTime;
  for (let i = 0; i < A.length; i++) {
    const j = A[i] as number;
    const pa = i > 0 ? (A[i - 1] as number) : -1;
    const na = i + 1 < A.length ? (A[i + 1] as number) : -1;
    for (let q = 0; q < B.length; q++) {
      const k = B[q] as number;
      if (quick) {
        // k takes j's place in A and j takes k's place in B.
        const pb = q > 0 ? (B[q - 1] as number) : -1;
        const nb = q + 1 < B.length ? (B[q + 1] as number) : -1;
        const delta =
          leg(md, a, pa, k) +
          leg(md, a, k, na) -
          leg(md, a, pa, j) -
          leg(md, a, j, na) +
          leg(md, b, pb, j) +
          leg(md, b, j, nb) -
          leg(md, b, pb, k) -
          leg(md, b, k, nb);
        if (delta > PRUNE) continue;
      }
      const A3 = A.slice();
      A3[i] = k;
      const B3 = B.slice();
      B3[q] = j;
      if (costs(sol, a, A3, ca) && costs(sol, b, B3, cb) && gain(oldT, oldE, ca.travel + cb.travel, ca.end + cb.end)) {
        sol.moveBetween(a, A3, b, B3);
        return true;
      }
    }
  }
  return false;
}

/**
 * Replaces a placed node j by an unplaced node u when that improves the objective: u on j's route, or on
 * another route when u is an alternative of j (same group; for a node of another group a plain insertion,
 * which the repair makes, beats the trade).
 */
function replace(sol: Solution, ctx: SearchContext): boolean {
  const m = sol.routes.length;
  const options: number[] = [];
  for (let r = 0; r < m; r++) {
    const rc = sol.routes[r] as RouteCache;
    for (let i = 0; i < rc.seq.length; i++) {
      const j = rc.seq[i] as number;
      replacementsOf(sol, j, options);
      if (options.length === 0) continue;
      const rest = ctx.scratchRoute(r);
      rest.seq = rc.seq.slice(0, i).concat(rc.seq.slice(i + 1));
      if (!rest.refresh()) continue;
      for (const u of options) if (replaceBy(sol, ctx, rc, rest, j, u)) return true;
    }
  }
  return false;
}

/** The unplaced nodes that may take j's place: a free group (or j's own), the same mandatory status, no lower score. */
function replacementsOf(sol: Solution, j: number, out: number[]): void {
  const md = sol.model;
  out.length = 0;
  const gj = md.group[j] as number;
  const mandatoryJ = md.groupMandatory[gj] === true;
  for (let u = 0; u < md.n; u++) {
    if (sol.where[u] !== -1) continue;
    const gu = md.group[u] as number;
    if (gu !== gj && (sol.groupCount[gu] as number) > 0) continue;
    // Never trade a mandatory group for anything but another member of it.
    if (mandatoryJ !== (md.groupMandatory[gu] === true) || (mandatoryJ && gu !== gj)) continue;
    const dScore = (md.score[u] as number) - (md.score[j] as number);
    const dKept = (md.keep[u] as number) - (md.keep[j] as number);
    if (dScore < -EPS || (dScore <= EPS && dKept < 0)) continue;
    out.push(u);
  }
}

/** Tries u in every position of j's route without j (rest), and of the other routes for an alternative of j. */
function replaceBy(sol: Solution, ctx: SearchContext, rc: RouteCache, rest: RouteCache, j: number, u: number): boolean {
  const md = sol.model;
  const r = rc.r;
  const dScore = (md.score[u] as number) - (md.score[j] as number);
  const dKept = (md.keep[u] as number) - (md.keep[j] as number);
  // Worth more (or kept): any feasible position improves. Otherwise only less travel, or as much and an earlier end.
  const anyPosition = dScore > EPS || dKept > 0;
  const c: Cost = { travel: 0, end: 0 };
  const cmp: Comparison = {
    before: { mandatory: 0, score: 0, kept: 0, travel: 0, endSum: 0 },
    after: { mandatory: 0, score: 0, kept: 0, travel: 0, endSum: 0 },
  };
  for (let r2 = 0; r2 < md.m; r2++) {
    if (r2 !== r && md.group[u] !== md.group[j]) continue;
    const other = sol.routes[r2] as RouteCache;
    const base = r2 === r ? rest : other;
    const w = (md.win[r2] as ReadonlyArray<Float64Array | null>)[u];
    if (!w) continue;
    const oldT = r2 === r ? rc.travel : rc.travel + other.travel;
    const oldE = r2 === r ? rc.endTime : rc.endTime + other.endTime;
    const baseT = r2 === r ? rest.travel : rest.travel + other.travel;
    const restE = r2 === r ? 0 : rest.endTime;
    const latest = (w[w.length - 1] as number) + EPS;
    for (let q = firstInsertPosition(base, u, w); q <= base.seq.length; q++) {
      if ((base.dep[q] as number) > latest) break;
      if (Number.isNaN(evalInsert(ctx, base, u, q))) continue;
      if (!anyPosition && baseT + ctx.insertTravel > oldT + PRUNE) continue;
      const s2 = base.seq.slice(0, q).concat([u], base.seq.slice(q));
      if (!costs(sol, r2, s2, c)) continue;
      const newT = r2 === r ? c.travel : c.travel + rest.travel;
      if (!improves(cmp, dScore, dKept, oldT, oldE, newT, c.end + restE)) continue;
      if (r2 === r) sol.replaceNode(r, s2, j, u);
      else sol.replaceAcross(r, rest.seq.slice(), j, r2, s2, u);
      return true;
    }
  }
  return false;
}
