import { EPS } from "./compile-model.js";
import { improveRoutes, orderCost } from "./improve-routes.js";
import { compareCost, compareObjective, type MutableObjective } from "./objective.js";
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
 * Every candidate order is checked by full simulation, so this stays correct
 * with several windows, transparent items and buffers.
 */
export function polish(sol: Solution, maxPasses: number): void {
  for (let pass = 0; pass < maxPasses; pass++) {
    improveRoutes(sol, sol.model.win.keys(), 3);
    const moved = relocateOrSwap(sol) || replace(sol);
    if (!moved) return;
  }
}

function costs(sol: Solution, r: number, seq: number[], out: Cost): boolean {
  if (seq.length === 0) {
    const rc = sol.routes[r];
    const md = sol.model;
    const s = md.rSLoc[r] as number;
    const e = md.rELoc[r] as number;
    const leg = s >= 0 && e >= 0 ? (md.travel[s * md.nLoc + e] as number) : 0;
    out.travel = leg;
    out.end = (md.rStart[r] as number) + leg;
    return rc !== undefined;
  }
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

function relocateOrSwap(sol: Solution): boolean {
  const m = sol.routes.length;
  const ca: Cost = { travel: 0, end: 0 };
  const cb: Cost = { travel: 0, end: 0 };
  for (let a = 0; a < m; a++)
    for (let b = 0; b < m; b++) {
      if (a === b) continue;
      const A = (sol.routes[a] as { seq: number[] }).seq;
      const B = (sol.routes[b] as { seq: number[] }).seq;
      const ra = sol.routes[a] as { travel: number; endTime: number };
      const rb = sol.routes[b] as { travel: number; endTime: number };
      const oldT = ra.travel + rb.travel;
      const oldE = ra.endTime + rb.endTime;
      for (let i = 0; i < A.length; i++) {
        const j = A[i] as number;
        // Move a run of 1 to 3 nodes starting at i (runs keep their order).
        for (let len = 1; len <= 3 && i + len <= A.length; len++) {
          const A2 = A.slice(0, i).concat(A.slice(i + len));
          if (!costs(sol, a, A2, ca)) continue;
          const run = A.slice(i, i + len);
          for (let q = 0; q <= B.length; q++) {
            const B2 = B.slice(0, q).concat(run, B.slice(q));
            if (costs(sol, b, B2, cb) && gain(oldT, oldE, ca.travel + cb.travel, ca.end + cb.end)) {
              sol.moveBetween(a, A2, b, B2);
              return true;
            }
          }
        }
        if (a > b) continue;
        for (let q = 0; q < B.length; q++) {
          const k = B[q] as number;
          const A3 = A.slice();
          A3[i] = k;
          const B3 = B.slice();
          B3[q] = j;
          if (
            costs(sol, a, A3, ca) &&
            costs(sol, b, B3, cb) &&
            gain(oldT, oldE, ca.travel + cb.travel, ca.end + cb.end)
          ) {
            sol.moveBetween(a, A3, b, B3);
            return true;
          }
        }
      }
    }
  return false;
}

function replace(sol: Solution): boolean {
  const md = sol.model;
  const c: Cost = { travel: 0, end: 0 };
  const c2: Cost = { travel: 0, end: 0 };
  const cmp: Comparison = {
    before: { mandatory: 0, score: 0, kept: 0, travel: 0, endSum: 0 },
    after: { mandatory: 0, score: 0, kept: 0, travel: 0, endSum: 0 },
  };
  const m = sol.routes.length;
  for (let r = 0; r < m; r++) {
    const rc = sol.routes[r] as { seq: number[]; travel: number; endTime: number };
    const seq = rc.seq;
    for (let i = 0; i < seq.length; i++) {
      const j = seq[i] as number;
      const gj = md.group[j] as number;
      const mandatoryJ = md.groupMandatory[gj] === true;
      const rest = seq.slice(0, i).concat(seq.slice(i + 1));
      if (!costs(sol, r, rest, c2)) continue;
      for (let u = 0; u < md.n; u++) {
        if (sol.where[u] !== -1) continue;
        const gu = md.group[u] as number;
        if (gu !== gj && (sol.groupCount[gu] as number) > 0) continue;
        // Never trade a mandatory group for anything but another member of it.
        if (mandatoryJ !== (md.groupMandatory[gu] === true) || (mandatoryJ && gu !== gj)) continue;
        const dScore = (md.score[u] as number) - (md.score[j] as number);
        const dKept = (md.keep[u] as number) - (md.keep[j] as number);
        if (dScore < -EPS || (dScore <= EPS && dKept < 0)) continue;
        for (let r2 = 0; r2 < m; r2++) {
          const other = sol.routes[r2] as { seq: number[]; travel: number; endTime: number };
          const base = r2 === r ? rest : other.seq;
          const oldT = r2 === r ? rc.travel : rc.travel + other.travel;
          const oldE = r2 === r ? rc.endTime : rc.endTime + other.endTime;
          for (let q = 0; q <= base.length; q++) {
            const s2 = base.slice(0, q).concat([u], base.slice(q));
            if (!costs(sol, r2, s2, c)) continue;
            const newT = r2 === r ? c.travel : c.travel + c2.travel;
            const newE = r2 === r ? c.end : c.end + c2.end;
            if (improves(cmp, dScore, dKept, oldT, oldE, newT, newE)) {
              if (r2 === r) sol.replaceNode(r, s2, j, u);
              else sol.replaceAcross(r, rest, j, r2, s2, u);
              return true;
            }
          }
        }
      }
    }
  }
  return false;
}
