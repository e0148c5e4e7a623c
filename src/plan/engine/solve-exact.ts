import { EPS, earliestStart, type Model } from "./compile-model.js";
import { compareCost, compareObjective, type MutableObjective } from "./objective.js";

export type ExactOutcome =
  | { readonly status: "ok"; readonly routes: number[][]; readonly work: number }
  | { readonly status: "budget"; readonly work: number };

/** Hard cap on the subset width: state arrays have 2^n (n+1) entries. */
export const EXACT_MAX_NODES = 18;

class BudgetExceeded extends Error {}

interface RouteTable {
  /** Best travel per exact node subset (Infinity = no feasible route visits exactly that subset). */
  readonly tr: Float64Array;
  readonly end: Float64Array;
  /** Masks with a feasible route, 0 included. */
  readonly feasible: number[];
  /** Visiting order per feasible mask (local node indices). */
  readonly order: Map<number, number[]>;
}

/**
 * Exact solver: per route, a labelling dynamic programme over (subset of
 * nodes visited, last location-bearing node) with Pareto labels (time,
 * travel) gives the best route for every exact subset; a subset-convolution
 * over routes then picks disjoint subsets optimising the lexicographic
 * objective (objective.ts). Exact for the whole objective: mandatory, score and
 * kept depend only on the set of placed nodes, and for a fixed set the best
 * routes are the best (travel, end) route per route's subset. Both phases count their steps against `budget` so the solver
 * gives up instead of hanging on wide-window instances.
 */
export function solveExact(model: Model, budget: number): ExactOutcome {
  const ids: number[] = [];
  for (let j = 0; j < model.n; j++) if (model.win.some((w) => w[j] !== null)) ids.push(j);
  const n = ids.length;
  if (n > EXACT_MAX_NODES) return { status: "budget", work: 0 };
  const work = { count: 0 };
  try {
    const tables = Array.from({ length: model.m }, (_, r) => routeTable(model, r, ids, budget, work));
    const routes = combine(model, ids, tables, budget, work);
    return { status: "ok", routes, work: work.count };
  } catch (e) {
    if (e instanceof BudgetExceeded) return { status: "budget", work: work.count };
    throw e;
  }
}

function routeTable(model: Model, r: number, ids: number[], budget: number, work: { count: number }): RouteTable {
  const n = ids.length;
  const full = 1 << n;
  const K = n + 1;
  const { travel: T, nLoc, buffer } = model;
  const wins = model.win[r] as ReadonlyArray<Float64Array | null>;
  const rEnd = model.rEnd[r] as number;
  const sLoc = model.rSLoc[r] as number;
  const eLoc = model.rELoc[r] as number;
  const sameGroup = ids.map((j, a) =>
    ids.reduce((mk, k, b) => (b !== a && model.group[k] === model.group[j] ? mk | (1 << b) : mk), 0),
  );
  let countsMask = 0;
  ids.forEach((j, a) => {
    if (model.counts[j] === 1) countsMask |= 1 << a;
  });
  const allowed = ids.map((j) => wins[j] ?? null);

  // Labels in flat arrays: time, travel, parent label, local node added (-1 for the root).
  const labT: number[] = [];
  const labTr: number[] = [];
  const labParent: number[] = [];
  const labNode: number[] = [];
  const states: Array<number[] | undefined> = new Array<number[] | undefined>(full * K);
  const addLabel = (state: number, t: number, tr: number, parent: number, node: number): void => {
    let list = states[state];
    // Dominance checks cost as much as the labels themselves on wide windows; count both.
    work.count += list ? list.length : 0;
    if (list) {
      for (const l of list) if ((labT[l] as number) <= t + EPS && (labTr[l] as number) <= tr + EPS) return;
      list = list.filter((l) => !((labT[l] as number) >= t - EPS && (labTr[l] as number) >= tr - EPS));
    } else list = [];
    if (++work.count > budget) throw new BudgetExceeded();
    list.push(labT.length);
    states[state] = list;
    labT.push(t);
    labTr.push(tr);
    labParent.push(parent);
    labNode.push(node);
  };
  addLabel(0, model.rStart[r] as number, 0, -1, -1);

  const tr = new Float64Array(full).fill(Number.POSITIVE_INFINITY);
  const end = new Float64Array(full).fill(Number.POSITIVE_INFINITY);
  const bestLab = new Int32Array(full).fill(-1);
  const feasible: number[] = [];
  const emptyLeg = sLoc >= 0 && eLoc >= 0 ? (T[sLoc * nLoc + eLoc] as number) : 0;
  tr[0] = emptyLeg;
  end[0] = (model.rStart[r] as number) + emptyLeg;
  feasible.push(0);

  for (let mask = 0; mask < full; mask++) {
    const visits = popcount(mask & countsMask);
    for (let key = 0; key < K; key++) {
      const list = states[mask * K + key];
      if (!list) continue;
      const cur = key === 0 ? sLoc : (model.eloc[ids[key - 1] as number] as number);
      const curIsItem = key !== 0;
      for (const l of list) {
        const t0 = labT[l] as number;
        const tr0 = labTr[l] as number;
        if (mask !== 0) {
          // Close the route here.
          const back = eLoc >= 0 && cur >= 0 ? (T[cur * nLoc + eLoc] as number) : 0;
          const e = t0 + back;
          if (e <= rEnd + EPS) {
            const trE = tr0 + back;
            const b = tr[mask] as number;
            if (b === Number.POSITIVE_INFINITY) feasible.push(mask);
            if (compareCost(trE, e, b, end[mask] as number) < 0) {
              tr[mask] = trE;
              end[mask] = e;
              bestLab[mask] = l;
            }
          }
        }
        for (let a = 0; a < n; a++) {
          const bit = 1 << a;
          if (mask & bit || mask & (sameGroup[a] as number)) continue;
          const w = allowed[a];
          if (!w) continue;
          if (countsMask & bit && visits >= model.maxVisits) continue;
          const j = ids[a] as number;
          const lj = model.loc[j] as number;
          let arr = t0;
          let tr1 = tr0;
          let key1 = key;
          if (lj >= 0) {
            key1 = a + 1;
            if (cur >= 0) {
              const leg = T[cur * nLoc + lj] as number;
              tr1 += leg;
              arr += leg + (curIsItem && cur !== lj ? buffer : 0);
            }
          }
          const s = earliestStart(w, arr, model.ngrid[j] as number);
          if (Number.isNaN(s)) continue;
          const t1 = s + (model.dur[j] as number);
          if (t1 > rEnd + EPS) continue;
          if (model.metric && eLoc >= 0) {
            const here = lj >= 0 ? (model.eloc[j] as number) : cur;
            if (here >= 0 && t1 + (T[here * nLoc + eLoc] as number) > rEnd + EPS) continue;
          }
          addLabel((mask | bit) * K + key1, t1, tr1, l, a);
        }
      }
    }
  }
  const order = new Map<number, number[]>();
  for (const mask of feasible) {
    const seq: number[] = [];
    for (let l = bestLab[mask] as number; l >= 0 && (labNode[l] as number) >= 0; l = labParent[l] as number)
      seq.push(labNode[l] as number);
    order.set(mask, seq.reverse());
  }
  return { tr, end, feasible, order };
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}

function combine(
  model: Model,
  ids: number[],
  tables: RouteTable[],
  budget: number,
  work: { count: number },
): number[][] {
  const n = ids.length;
  const full = 1 << n;
  const all = full - 1;
  // Per subset: score, mandatory nodes, kept nodes and whether it takes at most one node per group.
  const score = new Float64Array(full);
  const mand = new Int32Array(full);
  const kept = new Int32Array(full);
  const valid = new Uint8Array(full);
  const groupMask = ids.map((j) =>
    ids.reduce((mk, k, b) => (model.group[k] === model.group[j] ? mk | (1 << b) : mk), 0),
  );
  valid[0] = 1;
  for (let s = 1; s < full; s++) {
    const low = s & -s;
    const a = 31 - Math.clz32(low);
    const rest = s ^ low;
    const j = ids[a] as number;
    score[s] = (score[rest] as number) + (model.score[j] as number);
    mand[s] = (mand[rest] as number) + (model.groupMandatory[model.group[j] as number] ? 1 : 0);
    kept[s] = (kept[rest] as number) + (model.keep[j] as number);
    valid[s] = valid[rest] === 1 && (rest & (groupMask[a] as number)) === 0 ? 1 : 0;
  }
  const m = tables.length;
  let fTr = (tables[0] as RouteTable).tr;
  let fEnd = (tables[0] as RouteTable).end;
  let fList = (tables[0] as RouteTable).feasible.filter((s) => valid[s] === 1);
  const choices: Int32Array[] = [];
  for (let k = 1; k < m; k++) {
    const g = tables[k] as RouteTable;
    const nTr = new Float64Array(full).fill(Number.POSITIVE_INFINITY);
    const nEnd = new Float64Array(full).fill(Number.POSITIVE_INFINITY);
    const choice = new Int32Array(full).fill(-1);
    const nList: number[] = [];
    const relax = (S: number, U: number): void => {
      const t = S | U;
      if (valid[t] !== 1) return;
      const a = (g.tr[S] as number) + (fTr[U] as number);
      const e = (g.end[S] as number) + (fEnd[U] as number);
      const b = nTr[t] as number;
      if (b === Number.POSITIVE_INFINITY) nList.push(t);
      if (compareCost(a, e, b, nEnd[t] as number) < 0) {
        nTr[t] = a;
        nEnd[t] = e;
        choice[t] = S;
      }
    };
    for (const S of g.feasible) {
      if (valid[S] !== 1) continue;
      const rest = all & ~S;
      // Enumerate whichever is smaller: the submasks of the complement, or the previous stage's subsets.
      const subCount = 2 ** (n - popcount(S));
      if (subCount <= fList.length) {
        for (let U = rest; ; U = (U - 1) & rest) {
          if (++work.count > budget) throw new BudgetExceeded();
          if ((fTr[U] as number) !== Number.POSITIVE_INFINITY) relax(S, U);
          if (U === 0) break;
        }
      } else {
        for (const U of fList) {
          if (++work.count > budget) throw new BudgetExceeded();
          if ((U & S) === 0) relax(S, U);
        }
      }
    }
    choices.push(choice);
    fTr = nTr;
    fEnd = nEnd;
    fList = nList;
  }
  // Two scratch objectives, refilled per subset: the final scan stays allocation-free.
  const fill = (o: MutableObjective, t: number): MutableObjective => {
    o.mandatory = mand[t] as number;
    o.score = score[t] as number;
    o.kept = kept[t] as number;
    o.travel = fTr[t] as number;
    o.endSum = fEnd[t] as number;
    return o;
  };
  const cand: MutableObjective = { mandatory: 0, score: 0, kept: 0, travel: 0, endSum: 0 };
  const incumbent: MutableObjective = { mandatory: 0, score: 0, kept: 0, travel: 0, endSum: 0 };
  let best = 0;
  fill(incumbent, best);
  for (const t of fList)
    if (compareObjective(fill(cand, t), incumbent) < 0) {
      best = t;
      fill(incumbent, best);
    }
  // Unwind the stages: the last route took choice[best], the rest came from the previous stage.
  const masks = new Array<number>(m).fill(0);
  let t = best;
  for (let k = m - 1; k >= 1; k--) {
    const S = (choices[k - 1] as Int32Array)[t] as number;
    masks[k] = S;
    t &= ~S;
  }
  masks[0] = t;
  return masks.map((mask, r) => ((tables[r] as RouteTable).order.get(mask) ?? []).map((a) => ids[a] as number));
}
