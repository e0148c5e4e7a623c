import type { Model } from "./compile-model.js";
import { compareObjective, type Objective } from "./objective.js";
import { RouteCache } from "./route-cache.js";

/** A metaheuristic solution: one RouteCache per route plus where each node is and which groups are used. */
export class Solution {
  readonly routes: RouteCache[];
  readonly where: Int32Array;
  readonly groupCount: Int32Array;
  mandatory = 0;
  /** Routes changed since the last clearDirty(): local search only revisits those. */
  readonly dirty: Uint8Array;
  /**
   * Saturation stamps: saturatedAt[r] > 0 says that when the clock showed that value a full repair had left
   * no unplaced node that fits on route r, and r has not changed since; freedAt[g] is when group g last
   * became free. A node whose group was already free then still does not fit on such a route (knownMiss).
   */
  private readonly saturatedAt: Int32Array;
  private readonly freedAt: Int32Array;
  private clock = 0;

  constructor(readonly model: Model) {
    this.routes = Array.from({ length: model.m }, (_, r) => new RouteCache(model, r));
    this.where = new Int32Array(model.n).fill(-1);
    this.groupCount = new Int32Array(model.groupNodes.length);
    this.dirty = new Uint8Array(model.m);
    this.saturatedAt = new Int32Array(model.m);
    this.freedAt = new Int32Array(model.groupNodes.length);
  }

  /** Called after a full repair: nothing unplaced fits on any route now. */
  markSaturated(): void {
    this.saturatedAt.fill(++this.clock);
  }

  /** Node j (unplaced, its group free) is known not to fit on route r: r is saturated and j's group was free then. */
  knownMiss(j: number, r: number): boolean {
    const s = this.saturatedAt[r] as number;
    return s > 0 && (this.freedAt[this.model.group[j] as number] as number) < s;
  }

  private changed(r: number): void {
    this.dirty[r] = 1;
    this.saturatedAt[r] = 0;
  }

  clearDirty(): void {
    this.dirty.fill(0);
  }

  dirtyRoutes(): number[] {
    const out: number[] = [];
    this.dirty.forEach((d, r) => {
      if (d === 1) out.push(r);
    });
    return out;
  }

  copyFrom(o: Solution): void {
    this.routes.forEach((rc, r) => rc.copyFrom(o.routes[r] as RouteCache));
    this.where.set(o.where);
    this.groupCount.set(o.groupCount);
    this.mandatory = o.mandatory;
    this.saturatedAt.set(o.saturatedAt);
    this.freedAt.set(o.freedAt);
    this.clock = o.clock;
  }

  clone(): Solution {
    const s = new Solution(this.model);
    s.copyFrom(this);
    return s;
  }

  get score(): number {
    let s = 0;
    for (const rc of this.routes) s += rc.score;
    return s;
  }

  get kept(): number {
    let s = 0;
    for (const rc of this.routes) s += rc.kept;
    return s;
  }

  get travel(): number {
    let s = 0;
    for (const rc of this.routes) s += rc.travel;
    return s;
  }

  get endSum(): number {
    let s = 0;
    for (const rc of this.routes) s += rc.endTime;
    return s;
  }

  objective(): Objective {
    return {
      mandatory: this.mandatory,
      score: this.score,
      kept: this.kept,
      travel: this.travel,
      endSum: this.endSum,
    };
  }

  compare(o: Solution): number {
    return compareObjective(this.objective(), o.objective());
  }

  /** Empties every route. */
  clear(): void {
    for (const rc of this.routes) {
      rc.seq = [];
      refreshChecked(rc);
    }
    this.where.fill(-1);
    this.groupCount.fill(0);
    this.mandatory = 0;
    for (let r = 0; r < this.routes.length; r++) this.changed(r);
  }

  /** Gives an empty route r the order seq (the caller guarantees it is feasible on r and uses free groups). */
  fill(r: number, seq: number[]): void {
    const rc = this.routes[r] as RouteCache;
    rc.seq = seq;
    refreshChecked(rc);
    this.changed(r);
    for (const j of seq) this.mark(j, r);
  }

  /** Inserts node j at position p of route r (the caller checked that it fits). */
  insert(j: number, r: number, p: number): void {
    const rc = this.routes[r] as RouteCache;
    rc.seq.splice(p, 0, j);
    refreshChecked(rc);
    this.changed(r);
    this.mark(j, r);
  }

  /**
   * Removes the nodes flagged in `drop` from every route, refreshing only the routes that changed. A route
   * that the removal would make infeasible keeps all its nodes: without the triangle inequality, or after a
   * walking tour that ends farther than it lasts, the next item can be reached later without the removed one.
   */
  removeMany(drop: Uint8Array): void {
    for (const rc of this.routes) {
      const rest = rc.seq.filter((j) => drop[j] !== 1);
      if (rest.length === rc.seq.length) continue;
      const old = rc.seq;
      rc.seq = rest;
      if (!rc.refresh()) {
        rc.seq = old;
        refreshChecked(rc);
        continue;
      }
      for (const j of old) if (drop[j] === 1) this.unmark(j);
      this.changed(rc.r);
    }
  }

  /** Replaces a route's order (the caller guarantees it holds the same nodes and is feasible). */
  setOrder(r: number, seq: number[]): void {
    const rc = this.routes[r] as RouteCache;
    rc.seq = seq;
    refreshChecked(rc);
    this.changed(r);
  }

  /** Sets two routes' orders after nodes moved between them (the caller checked feasibility). */
  moveBetween(a: number, seqA: number[], b: number, seqB: number[]): void {
    this.setOrder(a, seqA);
    this.setOrder(b, seqB);
    for (const j of seqA) this.where[j] = a;
    for (const j of seqB) this.where[j] = b;
  }

  /** Route r takes order seq, in which node `added` replaced node `removed`. */
  replaceNode(r: number, seq: number[], removed: number, added: number): void {
    this.unmark(removed);
    this.setOrder(r, seq);
    this.mark(added, r);
  }

  /** Node `removed` leaves route r (now seqR); node `added` joins route r2 (now seq2). */
  replaceAcross(r: number, seqR: number[], removed: number, r2: number, seq2: number[], added: number): void {
    this.unmark(removed);
    this.setOrder(r, seqR);
    this.setOrder(r2, seq2);
    this.mark(added, r2);
  }

  private mark(j: number, r: number): void {
    this.where[j] = r;
    const g = this.model.group[j] as number;
    if ((this.groupCount[g] as number) === 0 && this.model.groupMandatory[g]) this.mandatory++;
    this.groupCount[g] = (this.groupCount[g] as number) + 1;
  }

  private unmark(j: number): void {
    this.where[j] = -1;
    const g = this.model.group[j] as number;
    this.groupCount[g] = (this.groupCount[g] as number) - 1;
    if ((this.groupCount[g] as number) === 0) {
      this.freedAt[g] = ++this.clock;
      if (this.model.groupMandatory[g]) this.mandatory--;
    }
  }
}

/** Every move checks its route before changing the solution: a route that does not schedule is an engine bug. */
function refreshChecked(rc: RouteCache): void {
  if (!rc.refresh()) throw new Error(`engine built an infeasible route ${rc.r}: ${rc.seq.join(",")}`);
}
