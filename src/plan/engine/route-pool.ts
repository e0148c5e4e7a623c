import type { Model } from "./compile-model.js";
import type { RouteCache } from "./route-cache.js";

/** A route seen during the search: its order, the route index it was built for, and the groups it uses. */
interface PoolRoute {
  readonly r: number;
  readonly seq: number[];
  readonly score: number;
  readonly travel: number;
  /** Bit set of the groups its nodes belong to (two routes conflict when they share one). */
  readonly groups: Int32Array;
}

/** A combination of pooled routes: seqs[r] for every route index (empty when none was chosen). */
export interface Recombination {
  readonly seqs: number[][];
  readonly score: number;
  readonly travel: number;
}

/**
 * Route recombination (as in Hu & Lim's and Ke et al.'s TOPTW heuristics): the
 * routes of the solutions the search accepts are kept in a pool, and a small
 * branch and bound picks the pooled routes, pairwise without a common group,
 * with the highest total score (then the least travel). Local optima often
 * differ in one good route each; the combination takes the best of each.
 * When every route has the same hours, ends and windows (interchangeable
 * routes, as in the benchmarks) a pooled route may go to any route index;
 * otherwise only to the one it was built for.
 */
export class RoutePool {
  private entries: PoolRoute[] = [];
  private readonly keys = new Set<string>();
  private readonly words: number;
  private readonly interchangeable: boolean;

  constructor(
    private readonly model: Model,
    private readonly capacity: number,
  ) {
    this.words = Math.max(1, Math.ceil(model.groupNodes.length / 32));
    this.interchangeable = interchangeableRoutes(model);
  }

  get size(): number {
    return this.entries.length;
  }

  add(rc: RouteCache): void {
    if (rc.seq.length === 0 || rc.score <= 0) return;
    const r = this.interchangeable ? 0 : rc.r;
    const key = `${r}:${rc.seq.join(",")}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    const groups = new Int32Array(this.words);
    for (const j of rc.seq) {
      const g = this.model.group[j] as number;
      groups[g >> 5] = (groups[g >> 5] as number) | (1 << (g & 31));
    }
    this.entries.push({ r: rc.r, seq: rc.seq.slice(), score: rc.score, travel: rc.travel, groups });
    if (this.entries.length >= 2 * this.capacity) this.trim();
  }

  /** Keeps the `capacity` best routes (score, then travel; first seen on ties). */
  private trim(): void {
    this.entries = sortRoutes(this.entries).slice(0, this.capacity);
    this.keys.clear();
    for (const e of this.entries) this.keys.add(`${this.interchangeable ? 0 : e.r}:${e.seq.join(",")}`);
  }

  /** The best combination found within `maxSteps` branch-and-bound steps (deterministic), or null when the pool is empty. */
  combine(maxSteps: number): Recombination | null {
    if (this.entries.length === 0) return null;
    const sorted = sortRoutes(this.entries);
    const m = this.model.m;
    const search = new PackingSearch(sorted, m, this.words, this.interchangeable, maxSteps);
    search.run();
    const seqs: number[][] = Array.from({ length: m }, () => []);
    const chosen = search.best.map((i) => sorted[i] as PoolRoute);
    if (this.interchangeable) chosen.forEach((e, k) => (seqs[k] = e.seq.slice()));
    else for (const e of chosen) seqs[e.r] = e.seq.slice();
    return { seqs, score: search.bestScore, travel: search.bestTravel };
  }
}

function sortRoutes(entries: PoolRoute[]): PoolRoute[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.score - a.e.score || a.e.travel - b.e.travel || a.i - b.i)
    .map(({ e }) => e);
}

/** Every route has the same start, end, locations and, for every node, the same windows. */
function interchangeableRoutes(md: Model): boolean {
  for (let r = 1; r < md.m; r++) {
    if (md.rStart[r] !== md.rStart[0] || md.rEnd[r] !== md.rEnd[0]) return false;
    if (md.rSLoc[r] !== md.rSLoc[0] || md.rELoc[r] !== md.rELoc[0]) return false;
    const a = md.win[0] as ReadonlyArray<Float64Array | null>;
    const b = md.win[r] as ReadonlyArray<Float64Array | null>;
    for (let j = 0; j < md.n; j++) {
      const x = a[j];
      const y = b[j];
      if (!x || !y) {
        if (x !== y) return false;
        continue;
      }
      if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    }
  }
  return true;
}

/**
 * Depth-first branch and bound over routes sorted by score: a route joins when it shares no group with the
 * chosen ones (and, with route-bound entries, its route index is free); the bound is the chosen score plus the
 * next best scores for the free slots.
 */
class PackingSearch {
  best: number[] = [];
  bestScore = 0;
  bestTravel = 0;
  private readonly used: Int32Array;
  private readonly chosen: number[] = [];
  private readonly slotTaken: Uint8Array;
  private steps = 0;

  constructor(
    private readonly routes: PoolRoute[],
    private readonly m: number,
    private readonly words: number,
    private readonly interchangeable: boolean,
    private readonly maxSteps: number,
  ) {
    this.used = new Int32Array(words);
    this.slotTaken = new Uint8Array(m);
  }

  run(): void {
    this.visit(0, 0, 0);
  }

  private visit(from: number, score: number, travel: number): void {
    if (score > this.bestScore || (score === this.bestScore && travel < this.bestTravel)) {
      this.bestScore = score;
      this.bestTravel = travel;
      this.best = this.chosen.slice();
    }
    const free = this.m - this.chosen.length;
    if (free === 0) return;
    const { routes } = this;
    for (let i = from; i < routes.length; i++) {
      if (++this.steps > this.maxSteps) return;
      const e = routes[i] as PoolRoute;
      // Sorted by score: the free slots can hold at most `free` routes of at most this score each.
      if (score + free * e.score < this.bestScore) return;
      if (!this.interchangeable && this.slotTaken[e.r] === 1) continue;
      if (this.conflicts(e)) continue;
      this.take(e, 1);
      this.chosen.push(i);
      this.visit(i + 1, score + e.score, travel + e.travel);
      this.chosen.pop();
      this.take(e, -1);
    }
  }

  private conflicts(e: PoolRoute): boolean {
    for (let w = 0; w < this.words; w++) if (((this.used[w] as number) & (e.groups[w] as number)) !== 0) return true;
    return false;
  }

  private take(e: PoolRoute, sign: 1 | -1): void {
    for (let w = 0; w < this.words; w++)
      this.used[w] =
        sign === 1
          ? (this.used[w] as number) | (e.groups[w] as number)
          : (this.used[w] as number) & ~(e.groups[w] as number);
    if (!this.interchangeable) this.slotTaken[e.r] = sign === 1 ? 1 : 0;
  }
}
