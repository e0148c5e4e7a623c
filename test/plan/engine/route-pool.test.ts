import { describe, expect, it } from "vitest";
import { compileModel, type Model } from "../../../src/plan/engine/compile-model.js";
import type { EngineInstance } from "../../../src/plan/engine/index.js";
import { solve } from "../../../src/plan/engine/index.js";
import { RouteCache } from "../../../src/plan/engine/route-cache.js";
import { RoutePool } from "../../../src/plan/engine/route-pool.js";
import { randomInstance } from "./random-instance.js";

/** OPTW-like: every route has the same hours and every node the same window on every route. */
function sameDays(seed: number, nodes: number, routes: number): EngineInstance {
  let s = seed;
  const rnd = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const pts = Array.from({ length: nodes + 1 }, () => [Math.floor(rnd() * 50), Math.floor(rnd() * 50)] as const);
  const travel = pts.map(([a, b]) => pts.map(([c, d]) => Math.floor(Math.hypot(a - c, b - d) * 10) / 10));
  return {
    travel,
    buffer: 0,
    routes: Array.from({ length: routes }, () => ({ start: 0, end: 160, startLoc: 0, endLoc: 0 })),
    nodes: pts.slice(1).map((_, k) => {
      const open = Math.floor(rnd() * 150);
      return {
        id: `c${k}`,
        score: 1 + Math.floor(rnd() * 20),
        duration: 5 + Math.floor(rnd() * 10),
        loc: k + 1,
        windows: Array.from({ length: routes }, () => [[open, open + 30 + Math.floor(rnd() * 60)] as const]),
        countsAsVisit: true,
      };
    }),
  };
}

interface Entry {
  r: number;
  seq: number[];
  score: number;
  travel: number;
}

/** The routes of several heuristic plans of the instance (different seeds), as the pool would see them. */
function poolOf(inst: EngineInstance, model: Model, seeds: number): { pool: RoutePool; entries: Entry[] } {
  const pool = new RoutePool(model, 1000);
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (let seed = 1; seed <= seeds; seed++) {
    const plan = solve(inst, { method: "heuristic", iterations: 30, seed });
    plan.routes.forEach((route, r) => {
      const rc = new RouteCache(model, r);
      rc.seq = route.nodes.map((p) => p.node);
      expect(rc.refresh()).toBe(true);
      pool.add(rc);
      const key = `${r}:${rc.seq.join(",")}`;
      if (rc.seq.length > 0 && rc.score > 0 && !seen.has(key)) {
        seen.add(key);
        entries.push({ r, seq: rc.seq.slice(), score: rc.score, travel: rc.travel });
      }
    });
  }
  return { pool, entries };
}

/** Best total score over every choice of at most m entries without a common group (and, when bound, on distinct routes). */
function bruteForce(model: Model, entries: Entry[], bound: boolean): number {
  let best = 0;
  const groupsOf = (e: Entry) => new Set(e.seq.map((j) => model.group[j] as number));
  const visit = (from: number, chosen: Entry[], score: number): void => {
    best = Math.max(best, score);
    if (chosen.length === model.m) return;
    for (let i = from; i < entries.length; i++) {
      const e = entries[i] as Entry;
      const g = groupsOf(e);
      if (chosen.some((c) => (bound && c.r === e.r) || [...groupsOf(c)].some((x) => g.has(x)))) continue;
      visit(i + 1, [...chosen, e], score + e.score);
    }
  };
  visit(0, [], 0);
  return best;
}

describe("route pool", () => {
  it("combines interchangeable routes into the best disjoint set (checked by brute force)", () => {
    let choices = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const inst = sameDays(seed, 22, 3);
      const model = compileModel(inst);
      const { pool, entries } = poolOf(inst, model, 6);
      // Several plans, different routes: a real choice.
      if (entries.length > 2 * model.m) choices++;
      const rec = pool.combine(1e7);
      expect(rec, `seed ${seed}`).not.toBeNull();
      if (!rec) continue;
      expect(rec.score, `seed ${seed}`).toBe(bruteForce(model, entries, false));
      // The chosen routes are the pooled ones, pairwise disjoint, each feasible on the route it is put on.
      const placed = rec.seqs.flat();
      expect(new Set(placed).size).toBe(placed.length);
      rec.seqs.forEach((seq, r) => {
        const rc = new RouteCache(model, r);
        rc.seq = seq;
        expect(rc.refresh(), `seed ${seed} route ${r}`).toBe(true);
      });
      expect(rec.seqs.reduce((a, seq) => a + seq.reduce((b, j) => b + (model.score[j] as number), 0), 0)).toBe(
        rec.score,
      );
    }
    expect(choices).toBeGreaterThan(8);
  });

  it("keeps a route on its own day when days differ, and never takes two nodes of one group", () => {
    let combined = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const inst = randomInstance(seed, { nodes: 14, routes: 3, extras: true });
      const model = compileModel(inst);
      const { pool, entries } = poolOf(inst, model, 5);
      const rec = pool.combine(1e7);
      if (!rec) continue;
      combined++;
      expect(rec.score, `seed ${seed}`).toBeCloseTo(bruteForce(model, entries, true), 9);
      rec.seqs.forEach((seq, r) => {
        if (seq.length === 0) return;
        expect(
          entries.some((e) => e.r === r && e.seq.join(",") === seq.join(",")),
          `seed ${seed} route ${r}`,
        ).toBe(true);
      });
      const groups = rec.seqs.flat().map((j) => model.group[j] as number);
      expect(new Set(groups).size, `seed ${seed}`).toBe(groups.length);
    }
    expect(combined).toBeGreaterThan(10);
  });
});
