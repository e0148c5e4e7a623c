import type { Model } from "./compile-model.js";
import type { Rng } from "./create-rng.js";
import {
  randomRemoval,
  relatedRemoval,
  routeRemoval,
  segmentRemoval,
  worstRemoval,
  type DestroyOperator,
} from "./destroy.js";
import { improveRoutes } from "./improve-routes.js";
import { polish } from "./polish.js";
import { repair, type RepairParams } from "./repair.js";
import type { RouteCache } from "./route-cache.js";
import { RoutePool } from "./route-pool.js";
import { SearchContext } from "./search-context.js";
import { Solution } from "./solution.js";
import type { SolveProgress } from "./types.js";

/** Share of the placed nodes a destroy step removes at most (uniform 1..share * placed). */
const DESTROY_SHARE = 0.45;

/**
 * Starting temperature of the annealing, in mean node scores: a candidate that loses one mean node's score is
 * accepted with probability e^-0.5 at the start of a cycle. Measured on both benchmark sets (BENCHMARKS.md): 0.5
 * kept the search too greedy on long routes of many small scores (Cordeau-based set, 1.5-3.6 % mean gaps).
 */
const TEMPERATURE = 2;

/** Routes kept for recombination (the best by score), and the branch and bound's step cap per recombination. */
const POOL_SIZE = 500;
const PACKING_STEPS = 200_000;

/** Iterations per usable node (plus 200): 45 left the 100-150-customer instances with m = 3, 4 short of search. */
const ITERATIONS_PER_NODE = 60;

export interface HeuristicParams {
  readonly seed: number;
  /** Length of the annealing schedule (cooling, restarts) and of the search unless maxIterations says more. */
  readonly iterations: number;
  /** Stop once this many insertion evaluations were made (deterministic work cap; long routes cost more per iteration). */
  readonly maxEvaluations: number;
  /**
   * Iterations past `iterations` (default: none): the search goes on, annealing cycles and restarts repeating, up to
   * maxIterations while fewer than extraMaxEvaluations checks were made in all. Cheap runs (short routes) get more
   * search; a run that reaches the schedule's end with more checks made stops there, as without it.
   */
  readonly maxIterations?: number;
  readonly extraMaxEvaluations?: number;
  /** Probability of reordering the changed routes of a promising candidate (default 0.2). */
  readonly localSearchRate?: number;
  readonly onProgress?: (progress: SolveProgress) => void;
}

export interface HeuristicOutcome {
  readonly routes: number[][];
  readonly work: number;
}

/** Default iteration count: grows with the number of usable nodes, so small plans stay fast and large ones get search. */
export function defaultIterations(model: Model, effort: number): number {
  let usable = 0;
  for (let j = 0; j < model.n; j++) if (model.win.some((w) => w[j] !== null)) usable++;
  return Math.max(50, Math.round(effort * (200 + ITERATIONS_PER_NODE * usable)));
}

/**
 * Default cap on insertion evaluations (the repair's and the polish's). It binds on long routes (wide windows,
 * where one iteration costs 10-25 k evaluations) and on large instances (200-300 customers, 5-10 k); 35 M is
 * about 1 to 2 s of search on the benchmarks (BENCHMARKS.md).
 */
export function defaultMaxEvaluations(effort: number): number {
  return Math.round(effort * 35_000_000);
}

/**
 * Extension past the schedule (SolveOptions.extend, HeuristicParams.maxIterations): up to EXTRA_ROUNDS times the
 * schedule, while fewer than EXTRA_EVALUATIONS checks (per unit of effort) were made in all. Runs that end their
 * schedule cheaply, short routes mostly, find better plans in further cycles (BENCHMARKS.md, fourth round), but
 * the product's requests are such runs too and take about a third more CPU for it, so it is off by default.
 */
const EXTRA_ROUNDS = 2;
const EXTRA_EVALUATIONS = 20_000_000;

export function defaultMaxIterations(iterations: number): number {
  return Math.round(EXTRA_ROUNDS * iterations);
}

export function defaultExtraEvaluations(effort: number): number {
  return Math.round(effort * EXTRA_EVALUATIONS);
}

/**
 * Large neighbourhood search with simulated-annealing acceptance, in the
 * spirit of Vansteenwegen et al. 2009 (greedy score^2/time insertion + shake)
 * and Gunawan et al. 2017 (ILS with SA): each iteration removes some nodes
 * (random, segment, related, worst or whole-route removal), re-inserts
 * greedily with noise, reorders promising routes to free time and inserts
 * again. Mandatory groups are re-placed first by every repair, and a
 * candidate that places fewer of them is never accepted. Restarts from the
 * best solution after a run without improvement.
 */
export function solveHeuristic(model: Model, params: HeuristicParams): HeuristicOutcome {
  const ctx = new SearchContext(model, params.seed);
  const cur = construct(model, ctx);
  const search = new Search(model, ctx, params, cur);
  const last = Math.max(params.iterations, params.maxIterations ?? 0);
  const extraCap = Math.min(params.maxEvaluations, params.extraMaxEvaluations ?? params.maxEvaluations);
  let it = 0;
  let reported = Number.NEGATIVE_INFINITY;
  for (; it < last && ctx.evals < (it < params.iterations ? params.maxEvaluations : extraCap); it++) {
    const more = search.iterate();
    // Progress for a terminal: each new best, and a heartbeat every 256 iterations.
    const bestScore = search.best.score;
    if (bestScore !== reported || (it & 255) === 0) {
      params.onProgress?.({ bestScore, iteration: it, iterations: last });
      reported = bestScore;
    }
    if (!more) {
      it++;
      break;
    }
  }
  search.recombine();
  const best = search.best;
  polish(best, ctx, 20);
  repair(best, ctx, GREEDY);
  polish(best, ctx, 20);
  return { routes: best.routes.map((rc) => rc.seq.slice()), work: it };
}

/** The noiseless score^2 / time repair of the construction, the local search and the end (keep nodes first). */
const GREEDY: RepairParams = { noise: 0, exponent: 2, keepFirst: true };

/** Initial solution: greedy insertion, routes reordered to free time, greedy insertion again. */
function construct(model: Model, ctx: SearchContext): Solution {
  const sol = new Solution(model);
  repair(sol, ctx, GREEDY);
  improveRoutes(sol, model.win.keys(), 2);
  repair(sol, ctx, GREEDY);
  return sol;
}

/** The state of the LNS between iterations: current, best and candidate solutions, temperature, stagnation. */
class Search {
  readonly best: Solution;
  private readonly cand: Solution;
  // Emptying a whole route is a GRASP-like restart of that day; with one route it is what lets the search leave a cluster.
  private readonly ops: DestroyOperator[] = [randomRemoval, segmentRemoval, relatedRemoval, worstRemoval, routeRemoval];
  private readonly drop: Uint8Array;
  private readonly t0: number;
  private temp: number;
  private readonly cooling: number;
  private readonly restartAfter: number;
  private sinceBest = 0;
  private readonly lsRate: number;
  /** Best reachable score and kept count: once both are reached only travel can improve. */
  private readonly bound: number;
  private readonly keptMax: number;
  /** Routes of the accepted solutions, recombined at each restart and at the end (several routes only). */
  private readonly pool: RoutePool | null;
  private readonly spare: Solution;

  constructor(
    private readonly model: Model,
    private readonly ctx: SearchContext,
    params: HeuristicParams,
    private readonly cur: Solution,
  ) {
    this.best = cur.clone();
    this.cand = cur.clone();
    this.drop = new Uint8Array(model.n);
    let avgScore = 0;
    for (let j = 0; j < model.n; j++) avgScore += model.score[j] as number;
    avgScore = model.n > 0 ? avgScore / model.n : 1;
    this.t0 = Math.max(avgScore, 1e-3) * TEMPERATURE;
    this.temp = this.t0;
    this.cooling = Math.pow(0.01, 1 / Math.max(1, params.iterations / 4));
    this.restartAfter = Math.max(50, Math.round(params.iterations / 10));
    this.lsRate = params.localSearchRate ?? 0.2;
    this.bound = scoreBound(model);
    this.keptMax = keptBound(model);
    this.pool = model.m > 1 ? new RoutePool(model, POOL_SIZE) : null;
    this.spare = new Solution(model);
  }

  /** The best combination of pooled routes, greedily completed, replaces the best solution when it is better. */
  recombine(): void {
    const rec = this.pool?.combine(PACKING_STEPS);
    if (!rec || rec.score <= this.best.score + 1e-9) return;
    const sol = this.spare;
    sol.clear();
    rec.seqs.forEach((seq, r) => sol.fill(r, seq));
    repair(sol, this.ctx, GREEDY);
    if (sol.compare(this.best) < 0) {
      polish(sol, this.ctx, 2);
      this.best.copyFrom(sol);
    }
  }

  /** One iteration: destroy, repair, maybe reorder and repair again, keep the best, accept or not. False: stop. */
  iterate(): boolean {
    const { cand, cur, best, ctx } = this;
    cand.copyFrom(cur);
    cand.clearDirty();
    this.destroy();
    repair(cand, ctx, randomRepairParams(ctx.rng, this.model.hasKeep));
    if (cand.score >= cur.score - 1e-9 && ctx.rng.next() < this.lsRate) {
      improveRoutes(cand, cand.dirtyRoutes(), 1);
      repair(cand, ctx, GREEDY);
    }
    if (cand.compare(best) < 0) {
      polish(cand, ctx, 2);
      best.copyFrom(cand);
      this.sinceBest = 0;
    } else this.sinceBest++;
    if (accept(cand, cur, this.temp, ctx.rng.next())) {
      cur.copyFrom(cand);
      if (this.pool) for (const r of cand.dirtyRoutes()) this.pool.add(cand.routes[r] as RouteCache);
    }
    this.temp *= this.cooling;
    if (this.temp < this.t0 * 1e-3) this.temp = this.t0;
    if (this.sinceBest >= this.restartAfter) {
      // Once every usable group is placed (and every group that can keep a previous decision keeps it) the
      // objective can only gain travel: one more stagnation period was searched for it, stop.
      if (best.score >= this.bound - 1e-9 && best.kept >= this.keptMax) return false;
      this.recombine();
      cur.copyFrom(best);
      this.sinceBest = 0;
    }
    return true;
  }

  /** Removes 1 to DESTROY_SHARE of the placed nodes with a random operator. */
  private destroy(): void {
    const { cand, ctx, drop } = this;
    drop.fill(0);
    let placed = 0;
    for (const rc of cand.routes) placed += rc.seq.length;
    if (placed === 0) return;
    const maxK = Math.max(1, Math.ceil(placed * DESTROY_SHARE));
    const k = 1 + ctx.rng.int(maxK);
    (this.ops[ctx.rng.int(this.ops.length)] as DestroyOperator)(cand, ctx.rng, k, drop);
    cand.removeMany(drop);
  }
}

/** Sum over groups of the best score among the group's nodes that have a window on some route. */
function scoreBound(model: Model): number {
  let bound = 0;
  for (const nodes of model.groupNodes) {
    let top = 0;
    for (const j of nodes)
      if (model.win.some((w) => w[j] !== null) && (model.score[j] as number) > top) top = model.score[j] as number;
    bound += top;
  }
  return bound;
}

/** Number of groups with a node that has keep and a window on some route. */
function keptBound(model: Model): number {
  let bound = 0;
  for (const nodes of model.groupNodes)
    if (nodes.some((j) => model.keep[j] === 1 && model.win.some((w) => w[j] !== null))) bound++;
  return bound;
}

function accept(cand: Solution, cur: Solution, temp: number, u: number): boolean {
  if (cand.mandatory !== cur.mandatory) return cand.mandatory > cur.mandatory;
  const c = cand.compare(cur);
  if (c <= 0) return true;
  const delta = cand.score - cur.score;
  // Same score, fewer kept or more travel: a sideways move, accepted often so the search drifts across plateaus.
  if (delta >= -1e-9) return u < 0.5;
  return u < Math.exp(delta / temp);
}

/**
 * Repair variants drawn per iteration: mostly the classic score^2 / time
 * ratio, sometimes score / time or pure least-time-first (which packs the
 * most nodes), with no noise or a strong multiplicative noise (GRASP-like).
 * With previous decisions to keep, half the repairs re-insert those first
 * (the draw is skipped otherwise, so plans without keep are unaffected).
 */
function randomRepairParams(rng: Rng, hasKeep: boolean): RepairParams {
  const u = rng.next();
  const exponent = u < 0.55 ? 2 : u < 0.75 ? 1 : u < 0.9 ? 0 : 4;
  const noise = rng.next() < 0.4 ? 0 : 2 * rng.next();
  return hasKeep ? { noise, exponent, keepFirst: rng.next() < 0.5 } : { noise, exponent };
}
