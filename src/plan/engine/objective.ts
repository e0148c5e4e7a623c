import { EPS } from "./compile-model.js";

/** Lexicographic objective: mandatory groups placed, score (both maximised), travel, sum of route ends (minimised). */
export interface Objective {
  readonly mandatory: number;
  readonly score: number;
  readonly travel: number;
  readonly endSum: number;
}

/** Negative when a is better than b, positive when worse, 0 when equal within EPS. */
export function compareObjective(a: Objective, b: Objective): number {
  if (a.mandatory !== b.mandatory) return b.mandatory - a.mandatory;
  if (Math.abs(a.score - b.score) > EPS) return b.score - a.score;
  if (Math.abs(a.travel - b.travel) > EPS) return a.travel - b.travel;
  if (Math.abs(a.endSum - b.endSum) > EPS) return a.endSum - b.endSum;
  return 0;
}
