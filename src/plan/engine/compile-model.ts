import { EngineInputError } from "./engine-input-error.js";
import type { EngineInstance, Window } from "./types.js";

/** Tolerance for time comparisons: the bench's distances have one decimal and sums drift in binary floating point. */
export const EPS = 1e-6;

/**
 * The instance in flat arrays, windows normalised (sorted, merged), so the
 * hot loops of both solvers read typed arrays instead of nested objects.
 */
export interface Model {
  readonly n: number;
  readonly m: number;
  readonly nLoc: number;
  readonly score: Float64Array;
  readonly dur: Float64Array;
  /** Location of the node, -1 for location-transparent nodes. */
  readonly loc: Int32Array;
  /** Location where the node ends (= loc unless endLoc is given), -1 when transparent. */
  readonly eloc: Int32Array;
  /** Row-major travel matrix, diagonal forced to 0. */
  readonly travel: Float64Array;
  readonly buffer: number;
  /** win[r][j]: flat [lo0, hi0, lo1, hi1, ...] sorted and disjoint, or null when not allowed on route r. */
  readonly win: ReadonlyArray<ReadonlyArray<Float64Array | null>>;
  readonly rStart: Float64Array;
  readonly rEnd: Float64Array;
  readonly rSLoc: Int32Array;
  readonly rELoc: Int32Array;
  /** Group index per node; groups are numbered 0..groupCount-1 and every node has one. */
  readonly group: Int32Array;
  readonly groupNodes: ReadonlyArray<ReadonlyArray<number>>;
  readonly groupMandatory: ReadonlyArray<boolean>;
  readonly groupName: ReadonlyArray<string>;
  readonly counts: Uint8Array;
  /**
   * Grid of each node's start (EngineInstance.grid), or 0 when its start is not rounded: grid 1 (off), or a
   * node whose every window is a single point.
   */
  readonly ngrid: Float64Array;
  /** 1 when placing the node keeps a decision of the previous plan (EngineNode.keep). */
  readonly keep: Uint8Array;
  /** Some node has keep: the heuristic then tries keep-first repairs (no effect, and no random draws, otherwise). */
  readonly hasKeep: boolean;
  readonly maxVisits: number;
  /**
   * No way from i to j is shorter than travel[i][j]: the matrix satisfies the triangle inequality and no
   * walking tour (endLoc) lasts less than the walk from its start to its end. Enables the exact solver's
   * "can still get back" prune.
   */
  readonly metric: boolean;
  /** Some node is location-transparent; disables the O(1) insertion check in the metaheuristic. */
  readonly hasTransparent: boolean;
  /**
   * Removing a node from a feasible route keeps it feasible, up to a triangle
   * excess of at most 1 % of a mean leg (travel nearly metric, every walking
   * tour about as long as the walk from its start to its end). Then an
   * insertion that does not fit still does not after other insertions on that
   * route, and the repair skips re-checking it: a pruning that may miss an
   * insertion fitting by less than the excess, never one that admits an
   * infeasible route (every insertion made is checked).
   */
  readonly monotone: boolean;
  /**
   * A lower bound on the time any insertion of node j consumes (the delay of the next item's arrival) on a route
   * with O(1) checks: its duration, less the largest triangle excess (and, for a walking tour, less the walk and
   * a buffer). A position whose room (waiting + maxShift of the next item) is smaller cannot take j, so the
   * repair skips it without an insertion check.
   */
  readonly minShift: Float64Array;
}

function finite(x: number, what: string): number {
  if (!Number.isFinite(x)) throw new EngineInputError(`${what} must be a finite number, got ${x}`);
  return x;
}

function locIndex(x: number | null | undefined, nLoc: number, what: string): number {
  if (x === null || x === undefined) return -1;
  if (!Number.isInteger(x) || x < 0 || x >= nLoc)
    throw new EngineInputError(`${what} must be a location index in 0..${nLoc - 1}, got ${x}`);
  return x;
}

/** Sorts and merges windows; drops empty ones (from > to). Returns null when nothing is left. */
export function normaliseWindows(ws: ReadonlyArray<Window> | undefined, what: string): Float64Array | null {
  if (!ws || ws.length === 0) return null;
  const sorted = ws
    .map(([a, b]) => [finite(a, `${what} window start`), finite(b, `${what} window end`)] as const)
    .filter(([a, b]) => a <= b)
    .sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [a, b] of sorted) {
    const last = out.length - 1;
    if (last > 0 && a <= (out[last] as number) + EPS) out[last] = Math.max(out[last] as number, b);
    else out.push(a, b);
  }
  return out.length === 0 ? null : Float64Array.from(out);
}

/** Largest triangle excess travel[i][j] - travel[i][k] - travel[k][j] (<= 0 for a metric matrix). */
function triangleExcess(t: Float64Array, n: number): number {
  let worst = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) {
      const ik = t[i * n + k] as number;
      const row = i * n;
      const kRow = k * n;
      for (let j = 0; j < n; j++) {
        const x = (t[row + j] as number) - ik - (t[kRow + j] as number);
        if (x > worst) worst = x;
      }
    }
  return worst;
}

function meanTravel(t: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (const v of t)
    if (v > 0) {
      sum += v;
      count++;
    }
  return count > 0 ? sum / count : 0;
}

export function compileModel(inst: EngineInstance): Model {
  const { nLoc, travel } = compileTravel(inst);
  const buffer = finite(inst.buffer, "buffer");
  if (buffer < 0) throw new EngineInputError("buffer must be >= 0");
  const routes = compileRoutes(inst, nLoc);
  const nodes = compileNodes(inst, nLoc, routes.rStart.length);
  const ngrid = compileGrid(inst, nodes.win);
  const shape = travelShape(travel, nLoc, nodes, buffer);
  return {
    n: inst.nodes.length,
    m: inst.routes.length,
    nLoc,
    travel,
    buffer,
    ...routes,
    ...nodes,
    ngrid,
    hasKeep: nodes.keep.includes(1),
    maxVisits: inst.maxVisitsPerRoute ?? Number.POSITIVE_INFINITY,
    ...shape,
  };
}

function compileTravel(inst: EngineInstance): { nLoc: number; travel: Float64Array } {
  const nLoc = inst.travel.length;
  const travel = new Float64Array(nLoc * nLoc);
  inst.travel.forEach((row, i) => {
    if (row.length !== nLoc) throw new EngineInputError(`travel row ${i} has ${row.length} entries, expected ${nLoc}`);
    row.forEach((v, j) => {
      if (finite(v, `travel[${i}][${j}]`) < 0) throw new EngineInputError(`travel[${i}][${j}] is negative`);
      travel[i * nLoc + j] = i === j ? 0 : v;
    });
  });
  return { nLoc, travel };
}

type RouteArrays = Pick<Model, "rStart" | "rEnd" | "rSLoc" | "rELoc">;

function compileRoutes(inst: EngineInstance, nLoc: number): RouteArrays {
  const m = inst.routes.length;
  const rStart = new Float64Array(m);
  const rEnd = new Float64Array(m);
  const rSLoc = new Int32Array(m);
  const rELoc = new Int32Array(m);
  inst.routes.forEach((r, i) => {
    rStart[i] = finite(r.start, `route ${i} start`);
    rEnd[i] = finite(r.end, `route ${i} end`);
    rSLoc[i] = locIndex(r.startLoc, nLoc, `route ${i} startLoc`);
    rELoc[i] = locIndex(r.endLoc, nLoc, `route ${i} endLoc`);
  });
  return { rStart, rEnd, rSLoc, rELoc };
}

type NodeArrays = Pick<
  Model,
  | "score"
  | "dur"
  | "loc"
  | "eloc"
  | "counts"
  | "keep"
  | "group"
  | "groupNodes"
  | "groupMandatory"
  | "groupName"
  | "win"
  | "hasTransparent"
>;

function compileNodes(inst: EngineInstance, nLoc: number, m: number): NodeArrays {
  const n = inst.nodes.length;
  const score = new Float64Array(n);
  const dur = new Float64Array(n);
  const loc = new Int32Array(n);
  const eloc = new Int32Array(n);
  const counts = new Uint8Array(n);
  const keep = new Uint8Array(n);
  const group = new Int32Array(n);
  const groupIndex = new Map<string, number>();
  const groupNodes: number[][] = [];
  const groupMandatory: boolean[] = [];
  const groupName: string[] = [];
  const ids = new Set<string>();
  const win: Array<Array<Float64Array | null>> = Array.from({ length: m }, () =>
    new Array<Float64Array | null>(n).fill(null),
  );
  let hasTransparent = false;
  inst.nodes.forEach((node, j) => {
    if (ids.has(node.id)) throw new EngineInputError(`duplicate node id ${node.id}`);
    ids.add(node.id);
    score[j] = finite(node.score, `node ${node.id} score`);
    dur[j] = finite(node.duration, `node ${node.id} duration`);
    if ((score[j] as number) < 0 || (dur[j] as number) < 0)
      throw new EngineInputError(`node ${node.id}: score and duration must be >= 0`);
    loc[j] = locIndex(node.loc, nLoc, `node ${node.id} loc`);
    eloc[j] =
      loc[j] === -1
        ? -1
        : node.endLoc === undefined
          ? (loc[j] as number)
          : locIndex(node.endLoc, nLoc, `node ${node.id} endLoc`);
    if (loc[j] === -1) hasTransparent = true;
    counts[j] = node.countsAsVisit ? 1 : 0;
    keep[j] = node.keep === true ? 1 : 0;
    // Ungrouped nodes get a private group keyed by a character ids cannot collide with in practice.
    const key = node.group === undefined ? `\u0000${node.id}` : node.group;
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = groupNodes.length;
      groupIndex.set(key, g);
      groupNodes.push([]);
      groupMandatory.push(false);
      groupName.push(node.group ?? node.id);
    }
    group[j] = g;
    (groupNodes[g] as number[]).push(j);
    if (node.mandatory) groupMandatory[g] = true;
    if (node.windows.length > m)
      throw new EngineInputError(`node ${node.id} has windows for ${node.windows.length} routes, only ${m} exist`);
    for (let r = 0; r < m; r++)
      (win[r] as Array<Float64Array | null>)[j] = normaliseWindows(node.windows[r], `node ${node.id} route ${r}`);
  });
  return { score, dur, loc, eloc, counts, keep, group, groupNodes, groupMandatory, groupName, win, hasTransparent };
}

/** Model.ngrid: the instance's grid for every node, except nodes whose every window is a single point (and grid 1). */
function compileGrid(inst: EngineInstance, win: Model["win"]): Float64Array {
  const grid = inst.grid ?? 1;
  if (!Number.isInteger(grid) || grid < 1) throw new EngineInputError(`grid must be a positive integer, got ${grid}`);
  const n = inst.nodes.length;
  const ngrid = new Float64Array(n);
  if (grid > 1)
    for (let j = 0; j < n; j++) {
      let pointsOnly = true;
      for (let r = 0; r < win.length && pointsOnly; r++) {
        const w = (win[r] as ReadonlyArray<Float64Array | null>)[j];
        if (w)
          for (let i = 0; i < w.length; i += 2) if ((w[i + 1] as number) - (w[i] as number) > EPS) pointsOnly = false;
      }
      ngrid[j] = pointsOnly ? 0 : grid;
    }
  return ngrid;
}

/** Model.metric and Model.monotone: how far travel (walking tours included) is from the triangle inequality. */
function travelShape(
  travel: Float64Array,
  nLoc: number,
  nodes: Pick<Model, "loc" | "eloc" | "dur">,
  buffer: number,
): Pick<Model, "metric" | "monotone" | "minShift"> {
  const { loc, eloc, dur } = nodes;
  const n = loc.length;
  const excess = triangleExcess(travel, nLoc);
  let metric = excess <= EPS;
  for (let j = 0; j < n && metric; j++) {
    const l = loc[j] as number;
    const e = eloc[j] as number;
    if (l >= 0 && e !== l && (travel[l * nLoc + e] as number) > (dur[j] as number) + EPS) metric = false;
  }
  // Near-metric (e.g. distances truncated to a decimal, or minutes rounded): at most 1 % of a mean leg.
  const slack = Math.max(EPS, 0.01 * meanTravel(travel));
  let monotone = excess <= slack;
  for (let j = 0; j < n && monotone; j++) {
    const l = loc[j] as number;
    const e = eloc[j] as number;
    if (l >= 0 && e !== l && (travel[l * nLoc + e] as number) > (dur[j] as number) + slack) monotone = false;
  }
  return { metric, monotone, minShift: minShifts(travel, nLoc, nodes, buffer, Math.max(0, excess)) };
}

/**
 * Model.minShift. Inserting j between a and b delays the arrival at b by at least
 * dur + t(a, j) + t(j, b) - t(a, b) >= dur - excess; the buffers of the two new legs make up for the one of
 * the old leg. A walking tour from l to e may make the detour shorter by up to t(l, e) + excess, and can save
 * the old leg's buffer (a = l and e = b): both are subtracted. Waiting and the grid only add to the delay.
 */
function minShifts(
  travel: Float64Array,
  nLoc: number,
  nodes: Pick<Model, "loc" | "eloc" | "dur">,
  buffer: number,
  excess: number,
): Float64Array {
  const { loc, eloc, dur } = nodes;
  const out = new Float64Array(loc.length);
  for (let j = 0; j < loc.length; j++) {
    const l = loc[j] as number;
    const e = eloc[j] as number;
    const walk = l >= 0 && e !== l ? (travel[l * nLoc + e] as number) + excess + buffer : 0;
    out[j] = (dur[j] as number) - excess - walk;
  }
  return out;
}

/**
 * Earliest allowed start at or after `arrival`, or NaN when every window has closed. With `grid` > 0 the
 * start is the first multiple of grid at or after max(arrival, opening) that is still in the window (else
 * the next window's). Non-decreasing in `arrival`, so earliest scheduling stays exact on the grid.
 */
export function earliestStart(w: Float64Array, arrival: number, grid: number): number {
  for (let i = 0; i < w.length; i += 2) {
    const hi = w[i + 1] as number;
    if (arrival <= hi + EPS) {
      const lo = w[i] as number;
      const s = arrival > lo ? arrival : lo;
      if (grid === 0) return s;
      // EPS: a start that is on the grid up to floating-point drift stays there.
      const g = Math.ceil((s - EPS) / grid) * grid;
      if (g <= hi + EPS) return g;
    }
  }
  return Number.NaN;
}

/** Closing time of the window that contains `start` (start is a value returned by earliestStart). */
export function windowCloseAt(w: Float64Array, start: number): number {
  for (let i = 0; i < w.length; i += 2) if (start <= (w[i + 1] as number) + EPS) return w[i + 1] as number;
  return start;
}
