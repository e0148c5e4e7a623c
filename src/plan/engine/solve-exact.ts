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
 * objective (objective.ts). Exact for the whole objective: mandatory, score
 * and kept depend only on the set of placed nodes, and for a fixed set the
 * best plan takes the best (travel, end) route for each route's subset. On the
 * grid too: the start function stays non-decreasing in the arrival, so the
 * (time, travel) dominance holds. Both phases count their steps against
 * `budget` so the solver gives up instead of hanging on wide-window instances.
 */
export function solveExact(model: Model, budget: number): ExactOutcome {
  const ids: number[] = [];
  for (let j = 0; j < model.n; j++) if (model.win.some((w) => w[j] !== null)) ids.push(j);
  const n = ids.length;
  if (n > EXACT_MAX_NODES) return { status: "budget", work: 0 };
  const work = new WorkMeter(budget);
  try {
    const tables = Array.from({ length: model.m }, (_, r) => routeTable(model, r, ids, work));
    const routes = combine(model, ids, tables, work);
    return { status: "ok", routes, work: work.count };
  } catch (e) {
    if (e instanceof BudgetExceeded) return { status: "budget", work: work.count };
    throw e;
  }
}

/** Steps counted against the budget (labels, dominance checks, combination steps); throws once over it. */
class WorkMeter {
  count = 0;
  constructor(private readonly budget: number) {}

  add(steps: number): void {
    this.count += steps;
    if (this.count > this.budget) throw new BudgetExceeded();
  }
}

/**
 * Pareto labels (time, travel) per state (mask * K + key), in flat arrays: time, travel, parent label and
 * the local node added (-1 for the root).
 */
class LabelStore {
  readonly time: number[] = [];
  readonly travel: number[] = [];
  readonly parent: number[] = [];
  readonly node: number[] = [];
  readonly states: Array<number[] | undefined>;

  constructor(
    size: number,
    private readonly work: WorkMeter,
  ) {
    this.states = new Array<number[] | undefined>(size);
  }

  /** Adds a label unless one of its state dominates it; drops the labels it dominates. */
  add(state: number, t: number, tr: number, parent: number, node: number): void {
    const { time, travel } = this;
    let list = this.states[state];
    if (list) {
      // Dominance checks cost as much as the labels themselves on wide windows; count both.
      this.work.count += list.length;
      for (const l of list) if ((time[l] as number) <= t + EPS && (travel[l] as number) <= tr + EPS) return;
      list = list.filter((l) => !((time[l] as number) >= t - EPS && (travel[l] as number) >= tr - EPS));
    } else list = [];
    this.work.add(1);
    list.push(time.length);
    this.states[state] = list;
    time.push(t);
    travel.push(tr);
    this.parent.push(parent);
    this.node.push(node);
  }

  /** Local nodes of the path that ends with label l, in visiting order. */
  path(l: number): number[] {
    const seq: number[] = [];
    for (let x = l; x >= 0 && (this.node[x] as number) >= 0; x = this.parent[x] as number)
      seq.push(this.node[x] as number);
    return seq.reverse();
  }
}

/**
 * The best route (travel, then end) for every subset of `ids` on route r: labels over (subset visited, last
 * location-bearing node), extended by one node at a time with the same rules as scheduleRoute (travel and
 * buffer, earliest start on the grid, route end, visit cap, one node per group).
 */
function routeTable(model: Model, r: number, ids: number[], work: WorkMeter): RouteTable {
  const n = ids.length;
  const full = 1 << n;
  const K = n + 1;
  const labels = new LabelStore(full * K, work);
  labels.add(0, model.rStart[r] as number, 0, -1, -1);
  const table = new RouteTableBuilder(model, r, full);
  const ext = new LabelExtension(model, r, ids, labels);
  for (let mask = 0; mask < full; mask++) {
    const visits = popcount(mask & ext.countsMask);
    for (let key = 0; key < K; key++) {
      const list = labels.states[mask * K + key];
      if (!list) continue;
      const cur = key === 0 ? ext.sLoc : (model.eloc[ids[key - 1] as number] as number);
      for (const l of list) {
        if (mask !== 0) table.close(mask, l, labels.time[l] as number, labels.travel[l] as number, cur);
        ext.extend(mask, key, l, cur, visits);
      }
    }
  }
  return table.finish(labels);
}

/** Extends a label by each node that may follow it (the labelling's transition). */
class LabelExtension {
  readonly sLoc: number;
  readonly countsMask: number;
  private readonly eLoc: number;
  private readonly rEnd: number;
  private readonly K: number;
  /** sameGroup[a]: the other local nodes of a's group. */
  private readonly sameGroup: number[];
  private readonly allowed: Array<Float64Array | null>;

  constructor(
    private readonly model: Model,
    r: number,
    private readonly ids: number[],
    private readonly labels: LabelStore,
  ) {
    const wins = model.win[r] as ReadonlyArray<Float64Array | null>;
    this.sLoc = model.rSLoc[r] as number;
    this.eLoc = model.rELoc[r] as number;
    this.rEnd = model.rEnd[r] as number;
    this.K = ids.length + 1;
    this.sameGroup = ids.map((j, a) =>
      ids.reduce((mk, k, b) => (b !== a && model.group[k] === model.group[j] ? mk | (1 << b) : mk), 0),
    );
    let countsMask = 0;
    ids.forEach((j, a) => {
      if (model.counts[j] === 1) countsMask |= 1 << a;
    });
    this.countsMask = countsMask;
    this.allowed = ids.map((j) => wins[j] ?? null);
  }

  extend(mask: number, key: number, l: number, cur: number, visits: number): void {
    const { model, labels, rEnd, eLoc } = this;
    const { travel: T, nLoc, buffer } = model;
    const t0 = labels.time[l] as number;
    const tr0 = labels.travel[l] as number;
    const curIsItem = key !== 0;
    for (let a = 0; a < this.ids.length; a++) {
      const bit = 1 << a;
      if (mask & bit || mask & (this.sameGroup[a] as number)) continue;
      const w = this.allowed[a];
      if (!w) continue;
      if (this.countsMask & bit && visits >= model.maxVisits) continue;
      const j = this.ids[a] as number;
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
      // On a metric model a label that cannot get back to the end location in time never will.
      if (model.metric && eLoc >= 0) {
        const here = lj >= 0 ? (model.eloc[j] as number) : cur;
        if (here >= 0 && t1 + (T[here * nLoc + eLoc] as number) > rEnd + EPS) continue;
      }
      labels.add((mask | bit) * this.K + key1, t1, tr1, l, a);
    }
  }
}

/** Best closed route per subset while the labelling runs. */
class RouteTableBuilder {
  private readonly tr: Float64Array;
  private readonly end: Float64Array;
  private readonly bestLab: Int32Array;
  private readonly feasible: number[] = [0];
  private readonly eLoc: number;
  private readonly rEnd: number;

  constructor(
    private readonly model: Model,
    r: number,
    full: number,
  ) {
    const { travel: T, nLoc } = model;
    const sLoc = model.rSLoc[r] as number;
    this.eLoc = model.rELoc[r] as number;
    this.rEnd = model.rEnd[r] as number;
    this.tr = new Float64Array(full).fill(Number.POSITIVE_INFINITY);
    this.end = new Float64Array(full).fill(Number.POSITIVE_INFINITY);
    this.bestLab = new Int32Array(full).fill(-1);
    const emptyLeg = sLoc >= 0 && this.eLoc >= 0 ? (T[sLoc * nLoc + this.eLoc] as number) : 0;
    this.tr[0] = emptyLeg;
    this.end[0] = (model.rStart[r] as number) + emptyLeg;
  }

  /** Closes the route after label l (time t0, travel tr0, at location cur): back to the end location. */
  close(mask: number, l: number, t0: number, tr0: number, cur: number): void {
    const { eLoc } = this;
    const back = eLoc >= 0 && cur >= 0 ? (this.model.travel[cur * this.model.nLoc + eLoc] as number) : 0;
    const e = t0 + back;
    if (e > this.rEnd + EPS) return;
    const trE = tr0 + back;
    const b = this.tr[mask] as number;
    if (b === Number.POSITIVE_INFINITY) this.feasible.push(mask);
    if (compareCost(trE, e, b, this.end[mask] as number) < 0) {
      this.tr[mask] = trE;
      this.end[mask] = e;
      this.bestLab[mask] = l;
    }
  }

  finish(labels: LabelStore): RouteTable {
    const order = new Map<number, number[]>();
    for (const mask of this.feasible) order.set(mask, labels.path(this.bestLab[mask] as number));
    return { tr: this.tr, end: this.end, feasible: this.feasible, order };
  }
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}

/** Per subset of the local nodes: score, mandatory groups, kept nodes, and whether it takes at most one node per group. */
interface SubsetTotals {
  readonly score: Float64Array;
  readonly mand: Int32Array;
  readonly kept: Int32Array;
  readonly valid: Uint8Array;
}

function subsetTotals(model: Model, ids: number[]): SubsetTotals {
  const full = 1 << ids.length;
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
  return { score, mand, kept, valid };
}

/** Best (travel, end) over the first k routes for every subset they visit together. */
interface Stage {
  readonly tr: Float64Array;
  readonly end: Float64Array;
  /** Subsets with a finite entry. */
  readonly list: number[];
  /** choice[t]: the subset the stage's last route takes in t's best split (-1 for the first stage). */
  readonly choice: Int32Array | null;
}

/**
 * Subset convolution over routes: stage k holds, for every set of nodes, the best (travel, end) split of it
 * over routes 0..k, then the lexicographic objective picks the best final set and the stages are unwound.
 */
function combine(model: Model, ids: number[], tables: RouteTable[], work: WorkMeter): number[][] {
  const totals = subsetTotals(model, ids);
  const first = tables[0] as RouteTable;
  const stages: Stage[] = [
    { tr: first.tr, end: first.end, list: first.feasible.filter((s) => totals.valid[s] === 1), choice: null },
  ];
  for (let k = 1; k < tables.length; k++)
    stages.push(addRoute(ids.length, stages[k - 1] as Stage, tables[k] as RouteTable, totals.valid, work));
  const last = stages[stages.length - 1] as Stage;
  const best = bestSubset(totals, last);
  return unwind(stages, best).map((mask, r) =>
    ((tables[r] as RouteTable).order.get(mask) ?? []).map((a) => ids[a] as number),
  );
}

/** The next stage: route g's subsets S joined with the previous stage's disjoint subsets U. */
function addRoute(n: number, prev: Stage, g: RouteTable, valid: Uint8Array, work: WorkMeter): Stage {
  const full = 1 << n;
  const all = full - 1;
  const nTr = new Float64Array(full).fill(Number.POSITIVE_INFINITY);
  const nEnd = new Float64Array(full).fill(Number.POSITIVE_INFINITY);
  const choice = new Int32Array(full).fill(-1);
  const nList: number[] = [];
  const relax = (S: number, U: number): void => {
    const t = S | U;
    if (valid[t] !== 1) return;
    const a = (g.tr[S] as number) + (prev.tr[U] as number);
    const e = (g.end[S] as number) + (prev.end[U] as number);
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
    if (subCount <= prev.list.length) {
      for (let U = rest; ; U = (U - 1) & rest) {
        work.add(1);
        if ((prev.tr[U] as number) !== Number.POSITIVE_INFINITY) relax(S, U);
        if (U === 0) break;
      }
    } else {
      for (const U of prev.list) {
        work.add(1);
        if ((U & S) === 0) relax(S, U);
      }
    }
  }
  return { tr: nTr, end: nEnd, list: nList, choice };
}

/** The set of nodes whose best split is best for the whole objective (the empty set when nothing fits). */
function bestSubset(totals: SubsetTotals, last: Stage): number {
  // Two scratch objectives, refilled per subset: the scan stays allocation-free.
  const fill = (o: MutableObjective, t: number): MutableObjective => {
    o.mandatory = totals.mand[t] as number;
    o.score = totals.score[t] as number;
    o.kept = totals.kept[t] as number;
    o.travel = last.tr[t] as number;
    o.endSum = last.end[t] as number;
    return o;
  };
  const cand: MutableObjective = { mandatory: 0, score: 0, kept: 0, travel: 0, endSum: 0 };
  const incumbent: MutableObjective = { mandatory: 0, score: 0, kept: 0, travel: 0, endSum: 0 };
  let best = 0;
  fill(incumbent, best);
  for (const t of last.list)
    if (compareObjective(fill(cand, t), incumbent) < 0) {
      best = t;
      fill(incumbent, best);
    }
  return best;
}

/** Each route's subset in the best split of `best`: the last route took choice[best], the rest came from before. */
function unwind(stages: Stage[], best: number): number[] {
  const masks = new Array<number>(stages.length).fill(0);
  let t = best;
  for (let k = stages.length - 1; k >= 1; k--) {
    const S = ((stages[k] as Stage).choice as Int32Array)[t] as number;
    masks[k] = S;
    t &= ~S;
  }
  masks[0] = t;
  return masks;
}
