/**
 * Public model of the planning engine: a Team Orienteering Problem with Time
 * Windows plus the product's extras (buffers, location-transparent items,
 * items that end elsewhere, mandatory nodes, groups of alternatives, a cap on
 * visits per route). Everything is plain data so the product layer and the
 * benchmark adapter can build instances without touching engine internals.
 *
 * Times are minutes on one axis shared by all routes (the product uses minutes
 * since the first day's midnight, so route r's windows are absolute too).
 */

/** A closed interval [from, to] of allowed *start* times, in minutes. */
export type Window = readonly [number, number];

export interface EngineRoute {
  /** Earliest departure from startLoc (or earliest start of the first item when startLoc is null). */
  readonly start: number;
  /** Latest arrival at endLoc (or latest end of the last item when endLoc is null). */
  readonly end: number;
  /** Index into the travel matrix, or null: the day starts wherever its first item is. */
  readonly startLoc: number | null;
  /** Index into the travel matrix, or null: the day ends wherever its last item is. */
  readonly endLoc: number | null;
}

export interface EngineNode {
  /** Caller's identifier, echoed back in results. */
  readonly id: string;
  /** Value collected when the node is placed (>= 0). */
  readonly score: number;
  /** Minutes of service. */
  readonly duration: number;
  /** Location index, or null for a location-transparent item (online meeting, meal "where we are"). */
  readonly loc: number | null;
  /** The item ends at another location (a walking tour); the next leg starts there. Ignored when loc is null. */
  readonly endLoc?: number;
  /**
   * windows[r] = disjoint or overlapping intervals allowed for the start of
   * service on route r; missing or empty = not allowed on route r.
   */
  readonly windows: ReadonlyArray<ReadonlyArray<Window> | undefined>;
  /** The node (or, with a group, exactly one node of its group) must be placed. */
  readonly mandatory?: boolean;
  /** At most one node of a group is placed; a node without group is its own group. */
  readonly group?: string;
  /** Counts towards maxVisitsPerRoute. */
  readonly countsAsVisit: boolean;
  /**
   * Placing this node keeps a decision of the previous plan (a visit at its
   * old time). The objective counts the placed nodes with `keep: true`
   * (`kept`) and maximises it right after mandatory nodes and score, before
   * travel and end times: so a re-plan moves or drops a previous visit only
   * when that reaches a strictly higher score. The product models a previous
   * visit of host h on route d at start s as an extra node of h's group (at
   * most one node of a group is placed) with the single window [s, s] on
   * route d and `keep: true`, beside h's ordinary nodes. Default false.
   */
  readonly keep?: boolean;
}

export interface EngineInstance {
  /** travel[i][j] = minutes from location i to j (asymmetric allowed; travel[i][i] is treated as 0). */
  readonly travel: ReadonlyArray<ReadonlyArray<number>>;
  /** Minutes added between two consecutive items at different locations (not on depot legs). */
  readonly buffer: number;
  readonly routes: ReadonlyArray<EngineRoute>;
  readonly nodes: ReadonlyArray<EngineNode>;
  /** Maximum number of countsAsVisit nodes on one route. */
  readonly maxVisitsPerRoute?: number;
  /**
   * Round times: minutes (a positive integer; default 1 = off). Every node's
   * start of service is a multiple of `grid` on the time axis (the product's
   * axis puts day i's midnight at i × 1440, so a grid dividing 1440 lands on
   * the clock): the earliest multiple at or after the earliest feasible start
   * (arrival, plus the buffer, and the window's opening) that is still within
   * the window, else the next window. Exception: a node whose every window (on
   * every route) is a single point [t, t] starts exactly at t, on the grid or
   * not (fixed items, slots, confirmed visits: given times). Travel keeps its
   * real minutes; the slack is waiting before the item. Both solvers plan on
   * the grid, and the exact solver stays exact on it. With grid 1 no time is
   * rounded at all (fractional travel times stay as they are).
   */
  readonly grid?: number;
}

export interface SolveOptions {
  /** Seed of the deterministic PRNG (default 1). */
  readonly seed?: number;
  /** Multiplies the metaheuristic's iteration counts (default 1). */
  readonly effort?: number;
  /** "auto" (default): exact when small enough, else metaheuristic. */
  readonly method?: "auto" | "exact" | "heuristic";
  /** Largest node count (of nodes usable at all) for which "auto" tries the exact solver (default 14). */
  readonly exactMaxNodes?: number;
  /** Work cap of the exact solver (labels + combination steps); over it, "auto" falls back (default 4e6). */
  readonly exactBudget?: number;
  /** Overrides the number of metaheuristic iterations (for tests and tuning). */
  readonly iterations?: number;
  /** Tuning: probability that a promising metaheuristic candidate gets its changed routes reordered. */
  readonly localSearchRate?: number;
  /**
   * Tuning (default false): with the default iteration count, a run that ends its schedule having made fewer than
   * effort × 20 M insertion checks goes on, up to twice the schedule or 20 M checks. Better scores on short routes,
   * about a third more CPU on product requests (BENCHMARKS.md, fourth round).
   */
  readonly extend?: boolean;
  /** Called as the metaheuristic goes (on each new best, and every few hundred iterations); never changes the result. */
  readonly onProgress?: (progress: SolveProgress) => void;
}

/** How far the metaheuristic is: the best score found so far and the iterations done of at most `iterations`. */
export interface SolveProgress {
  readonly bestScore: number;
  readonly iteration: number;
  readonly iterations: number;
}

export interface PlacedNode {
  /** Index into instance.nodes. */
  readonly node: number;
  /** Start of service. */
  readonly start: number;
  /** start + duration. */
  readonly end: number;
  /** Arrival at the node's location (before any waiting); equals start for transparent nodes placed without waiting. */
  readonly arrival: number;
}

export interface RoutePlan {
  readonly nodes: ReadonlyArray<PlacedNode>;
  /** Travel minutes of this route, depot legs included (buffers excluded). */
  readonly travel: number;
  /** Departure time from startLoc, as late as possible without changing any start time. */
  readonly departure: number;
  /** Arrival at endLoc, or end of the last item when endLoc is null (route.start when empty). */
  readonly endTime: number;
}

/**
 * Why a node is not in the plan:
 * - no-window: no window on any route;
 * - unreachable: cannot be placed on any route even alone (travel from/to the depots, route hours);
 * - blocked-by-mandatory: could be placed alone, but not next to the mandatory nodes of any route;
 * - group-taken: another node of its group is placed;
 * - no-time-left: could be placed with the mandatory nodes, but not in the chosen plan (outranked or displaced).
 */
export type UnplacedReason = "no-window" | "unreachable" | "blocked-by-mandatory" | "group-taken" | "no-time-left";

export interface UnplacedNode {
  readonly node: number;
  readonly reason: UnplacedReason;
}

export interface MissingMandatory {
  /** The group name, or the node id for an ungrouped mandatory node. */
  readonly group: string;
  /** Indices of the nodes that could have satisfied it. */
  readonly nodes: ReadonlyArray<number>;
  /** Reason of the group's "best" node (the least severe). */
  readonly reason: UnplacedReason;
}

export interface SolveStats {
  readonly method: "exact" | "heuristic";
  /** Exact: labels created + combination steps. Heuristic: iterations run. */
  readonly work: number;
  /** Why "auto" did not use the exact solver, if it did not. */
  readonly exactSkipped?: "too-many-nodes" | "budget";
}

export interface SolveResult {
  /** Every mandatory node / group is placed. */
  readonly feasible: boolean;
  /** One entry per instance route, same order. */
  readonly routes: ReadonlyArray<RoutePlan>;
  /** Sum of the placed nodes' scores. */
  readonly score: number;
  /** Placed nodes with `keep: true` (decisions of the previous plan kept); ranked right after score. */
  readonly kept: number;
  /** Sum of route travel. */
  readonly travel: number;
  /** Sum of route end times (the last tie-breaker). */
  readonly endSum: number;
  /** Every node not placed, with a reason (sorted by node index). */
  readonly unplaced: ReadonlyArray<UnplacedNode>;
  /** Mandatory nodes / groups that could not be placed (empty when feasible). */
  readonly missing: ReadonlyArray<MissingMandatory>;
  /** The plan is proven optimal for the whole lexicographic objective (mandatory, score, kept, travel, endSum; see Objective). */
  readonly proven: boolean;
  readonly stats: SolveStats;
}
