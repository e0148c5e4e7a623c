import type { Model } from "./compile-model.js";
import { createRng, type Rng } from "./create-rng.js";
import { RouteCache, type InsertProbe } from "./route-cache.js";

/**
 * Everything one metaheuristic solve mutates besides its solutions: the
 * random stream, the work counter and the scratch memory of the hot loops.
 * solveHeuristic creates one and passes it down to every move, so the engine
 * keeps no mutable state at module level: two solves (of one model or of
 * two) never share anything, and a solve is re-entrant.
 */
export class SearchContext implements InsertProbe {
  readonly rng: Rng;
  /** Insertion checks made so far (evalInsert): the deterministic work cap. */
  evals = 0;
  /** Travel added by the last insertion evalInsert found feasible. */
  insertTravel = 0;
  /**
   * The repair's table of best insertions, entry r * n + j for node j on
   * route r: the (noisy) ratio (-1 = does not fit), position, time consumed
   * and travel added. Refilled by every repair.
   */
  readonly insertValue: Float64Array;
  readonly insertPos: Int32Array;
  readonly insertShift: Float64Array;
  readonly insertTravelAt: Float64Array;
  /** One spare route per route index, for moves that look at a route with a node taken out. */
  private readonly spare: Array<RouteCache | undefined>;

  constructor(
    readonly model: Model,
    seed: number,
  ) {
    this.rng = createRng(seed);
    const size = model.m * model.n;
    this.insertValue = new Float64Array(size);
    this.insertPos = new Int32Array(size);
    this.insertShift = new Float64Array(size);
    this.insertTravelAt = new Float64Array(size);
    this.spare = new Array<RouteCache | undefined>(model.m);
  }

  /** The spare route of index r (its content is the caller's until the next call). */
  scratchRoute(r: number): RouteCache {
    let rc = this.spare[r];
    if (!rc) {
      rc = new RouteCache(this.model, r);
      this.spare[r] = rc;
    }
    return rc;
  }
}
