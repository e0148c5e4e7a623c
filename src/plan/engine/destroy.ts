import type { Rng } from "./create-rng.js";
import type { RouteCache } from "./route-cache.js";
import type { Solution } from "./solution.js";

/** Removal operators of the large neighbourhood search. Each fills `drop` (1 = remove) with about k placed nodes. */
export type DestroyOperator = (sol: Solution, rng: Rng, k: number, drop: Uint8Array) => void;

function placedNodes(sol: Solution): number[] {
  const out: number[] = [];
  for (const rc of sol.routes) for (const j of rc.seq) out.push(j);
  return out;
}

/** Picks the element at a rank biased towards 0 (rank = floor(u^power * length)), as in Ropke & Pisinger's LNS. */
function biasedPick<T>(items: T[], rng: Rng, power: number): T {
  return items.splice(Math.floor(Math.pow(rng.next(), power) * items.length), 1)[0] as T;
}

export const randomRemoval: DestroyOperator = (sol, rng, k, drop) => {
  const placed = placedNodes(sol);
  for (let i = 0; i < k && placed.length > 0; i++) drop[biasedPick(placed, rng, 1)] = 1;
};

/** Vansteenwegen et al.'s shake: a run of consecutive nodes removed from every route. */
export const segmentRemoval: DestroyOperator = (sol, rng, k, drop) => {
  const m = sol.routes.length;
  const per = Math.max(1, Math.round(k / m));
  for (const rc of sol.routes) {
    const L = rc.seq.length;
    if (L === 0) continue;
    const len = Math.min(L, 1 + rng.int(per));
    const s = rng.int(L - len + 1);
    for (let p = s; p < s + len; p++) drop[rc.seq[p] as number] = 1;
  }
};

/** Shaw-style related removal: nodes close in space and in time to a random seed node. */
export const relatedRemoval: DestroyOperator = (sol, rng, k, drop) => {
  const md = sol.model;
  const placed = placedNodes(sol);
  if (placed.length === 0) return;
  const startOf = new Float64Array(md.n);
  for (const rc of sol.routes) rc.seq.forEach((j, p) => (startOf[j] = rc.st[p + 1] as number));
  const seed = placed[rng.int(placed.length)] as number;
  const ls = md.loc[seed] as number;
  const rel = (j: number): number => {
    const lj = md.loc[j] as number;
    const d = ls >= 0 && lj >= 0 ? (md.travel[ls * md.nLoc + lj] as number) : 0;
    return d + Math.abs((startOf[j] as number) - (startOf[seed] as number)) * 0.5;
  };
  const sorted = placed.sort((a, b) => rel(a) - rel(b));
  for (let i = 0; i < k && sorted.length > 0; i++) drop[biasedPick(sorted, rng, 3)] = 1;
};

/** Worst removal: nodes bringing little score for the time they take (score / time saved by removing them). */
export const worstRemoval: DestroyOperator = (sol, rng, k, drop) => {
  const items: Array<{ j: number; ratio: number }> = [];
  for (const rc of sol.routes) items.push(...routeRatios(rc));
  if (items.length === 0) return;
  items.sort((a, b) => a.ratio - b.ratio);
  for (let i = 0; i < k && items.length > 0; i++) drop[biasedPick(items, rng, 4).j] = 1;
};

function routeRatios(rc: RouteCache): Array<{ j: number; ratio: number }> {
  const md = rc.model;
  const out: Array<{ j: number; ratio: number }> = [];
  rc.seq.forEach((j, p) => {
    // Time from the previous departure to this node's departure: its own duration, waiting and incoming leg.
    const used = (rc.dep[p + 1] as number) - (rc.dep[p] as number);
    out.push({ j, ratio: (md.score[j] as number) / (used > 0.01 ? used : 0.01) });
  });
  return out;
}

/** Empties one whole route (several routes only): lets the search redistribute nodes between days. */
export const routeRemoval: DestroyOperator = (sol, rng, _k, drop) => {
  const nonEmpty = sol.routes.filter((rc) => rc.seq.length > 0);
  if (nonEmpty.length === 0) return;
  for (const j of (nonEmpty[rng.int(nonEmpty.length)] as RouteCache).seq) drop[j] = 1;
};
