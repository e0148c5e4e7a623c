import type { Model } from "./compile-model.js";
import { createRng, type Rng } from "./create-rng.js";
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
import { insertDelta } from "./route-cache.js";
import { Solution } from "./solution.js";
import type { SolveProgress } from "./types.js";

/** Share of the placed nodes a destroy step removes at most (uniform 1..share * placed). */
const DESTROY_SHARE = 0.45;

export interface HeuristicParams {
  readonly seed: number;
  readonly iterations: number;
  /** Stop once this many insertion evaluations were made (deterministic work cap; long routes cost more per iteration). */
  readonly maxEvaluations: number;
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
  return Math.max(50, Math.round(effort * (200 + 45 * usable)));
}

/**
 * Default cap on insertion evaluations. It binds on long routes (wide windows), where one iteration costs
 * 10-25 k evaluations; 25 M is about 0.5 to 1.7 s of search on the 100-customer benchmark.
 */
export function defaultMaxEvaluations(effort: number): number {
  return Math.round(effort * 25_000_000);
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
  const rng = createRng(params.seed);
  insertDelta.evals = 0;
  const greedy = { noise: 0, exponent: 2, keepFirst: true };
  const cur = new Solution(model);
  repair(cur, rng, greedy);
  improveRoutes(cur, model.win.keys(), 2);
  repair(cur, rng, greedy);
  const best = cur.clone();
  const cand = cur.clone();
  // Emptying a whole route is a GRASP-like restart of that day; with one route it is what lets the search leave a cluster.
  const ops: DestroyOperator[] = [randomRemoval, segmentRemoval, relatedRemoval, worstRemoval, routeRemoval];
  const drop = new Uint8Array(model.n);
  let avgScore = 0;
  for (let j = 0; j < model.n; j++) avgScore += model.score[j] as number;
  avgScore = model.n > 0 ? avgScore / model.n : 1;
  const t0 = Math.max(avgScore, 1e-3) * 0.5;
  let temp = t0;
  const cooling = Math.pow(0.01, 1 / Math.max(1, params.iterations / 4));
  const restartAfter = Math.max(50, Math.round(params.iterations / 10));
  let sinceBest = 0;
  const lsRate = params.localSearchRate ?? 0.2;
  // Once every usable group is placed (and every group that can keep a previous decision keeps it) the objective
  // can only gain travel: search one more stagnation period for it, then stop.
  const bound = scoreBound(model);
  const keptMax = keptBound(model);
  let it = 0;
  for (; it < params.iterations && insertDelta.evals < params.maxEvaluations; it++) {
    cand.copyFrom(cur);
    cand.clearDirty();
    let placed = 0;
    for (const rc of cand.routes) placed += rc.seq.length;
    if (placed > 0) {
      drop.fill(0);
      const maxK = Math.max(1, Math.ceil(placed * DESTROY_SHARE));
      const k = 1 + rng.int(maxK);
      (ops[rng.int(ops.length)] as DestroyOperator)(cand, rng, k, drop);
      cand.removeMany(drop);
    }
    repair(cand, rng, randomRepairParams(rng, model.hasKeep));
    if (cand.score >= cur.score - 1e-9 && rng.next() < lsRate) {
      improveRoutes(cand, cand.dirtyRoutes(), 1);
      repair(cand, rng, greedy);
    }
    if (cand.compare(best) < 0) {
      polish(cand, 2);
      best.copyFrom(cand);
      sinceBest = 0;
      params.onProgress?.({ bestScore: best.score, iteration: it, iterations: params.iterations });
    } else {
      sinceBest++;
      if ((it & 255) === 0)
        params.onProgress?.({ bestScore: best.score, iteration: it, iterations: params.iterations });
    }
    if (accept(cand, cur, temp, rng.next())) cur.copyFrom(cand);
    temp *= cooling;
    if (temp < t0 * 1e-3) temp = t0;
    if (sinceBest >= restartAfter) {
      if (best.score >= bound - 1e-9 && best.kept >= keptMax) {
        it++;
        break;
      }
      cur.copyFrom(best);
      sinceBest = 0;
    }
  }
  polish(best, 20);
  repair(best, rng, greedy);
  polish(best, 20);
  return { routes: best.routes.map((rc) => rc.seq.slice()), work: it };
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
