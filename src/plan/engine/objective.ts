import { EPS } from "./compile-model.js";

/**
 * The engine's one objective, compared lexicographically by compareObjective:
 * `mandatory` and `score` maximised, then `kept` maximised, then `travel` and
 * `endSum` minimised. Every solver and every move that compares two plans
 * goes through this module, so the exact and the heuristic solver optimise the
 * same thing.
 */
export interface Objective {
  /** Mandatory groups placed (maximised first). */
  readonly mandatory: number;
  /** Sum of the placed nodes' scores (maximised). */
  readonly score: number;
  /** Placed nodes with `keep: true`, i.e. decisions of the previous plan kept (maximised after score). */
  readonly kept: number;
  /** Travel minutes of all routes, depot legs included (minimised). */
  readonly travel: number;
  /** Sum of the routes' end times (minimised last). */
  readonly endSum: number;
}

/** Scratch objectives that hot loops refill instead of allocating. */
export type MutableObjective = { -readonly [K in keyof Objective]: Objective[K] };

/**
 * Negative when a is better than b, positive when worse, 0 when equal (score,
 * travel and endSum within EPS; mandatory and kept are counts).
 */
export function compareObjective(a: Objective, b: Objective): number {
  if (a.mandatory !== b.mandatory) return b.mandatory - a.mandatory;
  if (Math.abs(a.score - b.score) > EPS) return b.score - a.score;
  if (a.kept !== b.kept) return b.kept - a.kept;
  return compareCost(a.travel, a.endSum, b.travel, b.endSum);
}

/**
 * The objective's tail, travel then end time, for two plans or routes that
 * place the same nodes (so mandatory, score and kept are equal): a route's
 * best order, the best route for a node subset, a reordering move. Negative
 * when (travelA, endA) is better.
 */
export function compareCost(travelA: number, endA: number, travelB: number, endB: number): number {
  if (Math.abs(travelA - travelB) > EPS) return travelA - travelB;
  if (Math.abs(endA - endB) > EPS) return endA - endB;
  return 0;
}
