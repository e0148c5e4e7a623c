import { compileModel, type Model } from "./compile-model.js";
import { explainUnplaced } from "./explain-unplaced.js";
import { simulateRoute } from "./simulate-route.js";
import { EXACT_MAX_NODES, solveExact } from "./solve-exact.js";
import {
  defaultExtraEvaluations,
  defaultIterations,
  defaultMaxEvaluations,
  defaultMaxIterations,
  solveHeuristic,
} from "./solve-heuristic.js";
import type { EngineInstance, PlacedNode, RoutePlan, SolveOptions, SolveResult, SolveStats } from "./types.js";

/** Measured (see BENCHMARKS.md): up to 14 usable nodes the exact solver answers within the default budget on typical days. */
export const DEFAULT_EXACT_MAX_NODES = 14;
export const DEFAULT_EXACT_BUDGET = 4_000_000;

/**
 * Plans the routes of an instance. Pure and deterministic: the same
 * instance and options give the same result. Throws EngineInputError on a
 * malformed instance; an impossible plan is a result with feasible: false.
 */
export function solve(instance: EngineInstance, options: SolveOptions = {}): SolveResult {
  const model = compileModel(instance);
  const method = options.method ?? "auto";
  let usable = 0;
  for (let j = 0; j < model.n; j++) if (model.win.some((w) => w[j] !== null)) usable++;
  let exactSkipped: SolveStats["exactSkipped"];
  if (method !== "heuristic" && model.m > 0) {
    const limit =
      method === "exact"
        ? EXACT_MAX_NODES
        : Math.min(EXACT_MAX_NODES, options.exactMaxNodes ?? DEFAULT_EXACT_MAX_NODES);
    if (usable <= limit) {
      const out = solveExact(model, options.exactBudget ?? DEFAULT_EXACT_BUDGET);
      if (out.status === "ok") return buildResult(model, out.routes, true, { method: "exact", work: out.work });
      exactSkipped = "budget";
    } else exactSkipped = "too-many-nodes";
  }
  if (model.m === 0) return buildResult(model, [], false, { method: "heuristic", work: 0 });
  const effort = options.effort ?? 1;
  const iterations = options.iterations ?? defaultIterations(model, effort);
  const byDefault = options.iterations === undefined;
  const maxEvaluations = byDefault ? defaultMaxEvaluations(effort) : Number.POSITIVE_INFINITY;
  const out = solveHeuristic(model, {
    seed: options.seed ?? 1,
    iterations,
    maxEvaluations,
    // A given iteration count is exact (tests, tuning): no extension.
    ...(byDefault && options.extend === true
      ? { maxIterations: defaultMaxIterations(iterations), extraMaxEvaluations: defaultExtraEvaluations(effort) }
      : {}),
    ...(options.localSearchRate === undefined ? {} : { localSearchRate: options.localSearchRate }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const stats: SolveStats = exactSkipped
    ? { method: "heuristic", work: out.work, exactSkipped }
    : { method: "heuristic", work: out.work };
  return buildResult(model, out.routes, false, stats);
}

function buildResult(model: Model, routes: number[][], proven: boolean, stats: SolveStats): SolveResult {
  const plans: RoutePlan[] = [];
  let score = 0;
  let kept = 0;
  let travel = 0;
  let endSum = 0;
  for (let r = 0; r < model.m; r++) {
    const seq = routes[r] ?? [];
    const sim = simulateRoute(model, r, seq);
    // Both solvers only build feasible routes; a failure here is an engine bug, not bad input.
    if (!sim) throw new Error(`engine produced an infeasible route ${r}: ${seq.join(",")}`);
    const nodes: PlacedNode[] = seq.map((j, p) => {
      score += model.score[j] as number;
      kept += model.keep[j] as number;
      const start = sim.starts[p] as number;
      return { node: j, start, end: start + (model.dur[j] as number), arrival: sim.arrivals[p] as number };
    });
    travel += sim.travel;
    endSum += sim.endTime;
    plans.push({ nodes, travel: sim.travel, departure: departure(model, r, seq, sim.starts), endTime: sim.endTime });
  }
  const { unplaced, missing } = explainUnplaced(model, routes);
  return {
    feasible: missing.length === 0,
    routes: plans,
    score,
    kept,
    travel,
    endSum,
    unplaced,
    missing,
    proven,
    stats,
  };
}

/** Latest departure from the start location that keeps the first located item's start (route start when none). */
function departure(model: Model, r: number, seq: number[], starts: Float64Array): number {
  const rStart = model.rStart[r] as number;
  const s = model.rSLoc[r] as number;
  const p = seq.findIndex((j) => (model.loc[j] as number) >= 0);
  if (s < 0 || p !== 0) return rStart;
  const j = seq[0] as number;
  return Math.max(rStart, (starts[0] as number) - (model.travel[s * model.nLoc + (model.loc[j] as number)] as number));
}
