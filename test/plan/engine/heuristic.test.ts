import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solve, type EngineInstance, type EngineNode, type SolveResult } from "../../../src/plan/engine/index.js";
import { randomInstance } from "./random-instance.js";
import { betterObjective, checkResult, referenceObjective } from "./reference-model.js";

const placedRoutes = (res: SolveResult): number[][] => res.routes.map((r) => r.nodes.map((p) => p.node));

/**
 * The product's re-plan: every visit of a previous plan becomes, inside its node's group, a twin with keep and
 * the single window [start, start] on its route.
 */
function withPreviousPlan(inst: EngineInstance, previous: SolveResult): EngineInstance {
  const nodes: EngineNode[] = inst.nodes.map((n) => ({ ...n, group: n.group ?? `#${n.id}` }));
  previous.routes.forEach((route, r) =>
    route.nodes.forEach((p) => {
      const n = nodes[p.node] as EngineNode;
      nodes.push({
        ...n,
        id: `${n.id}-kept`,
        windows: inst.routes.map((_, q) => (q === r ? [[p.start, p.start] as const] : [])),
        keep: true,
      });
    }),
  );
  return { ...inst, nodes };
}

describe("metaheuristic", () => {
  it("finds the exact optimum score on small instances", () => {
    for (let seed = 100; seed < 140; seed++) {
      const inst = randomInstance(seed, { nodes: 7 + (seed % 3), routes: 1 + (seed % 3), extras: seed % 2 === 0 });
      const exact = solve(inst, { method: "exact" });
      const heur = solve(inst, { method: "heuristic", effort: 5 });
      expect(exact.proven).toBe(true);
      expect(heur.proven).toBe(false);
      expect(checkResult(inst, heur), `seed ${seed}`).toEqual([]);
      const h = referenceObjective(
        inst,
        heur.routes.map((r) => r.nodes.map((p) => p.node)),
      );
      const e = referenceObjective(
        inst,
        exact.routes.map((r) => r.nodes.map((p) => p.node)),
      );
      expect(h?.mandatory, `seed ${seed}`).toBe(e?.mandatory);
      expect(h?.score, `seed ${seed}`).toBeCloseTo(e?.score ?? NaN, 6);
      // Travel, the second criterion, is not always minimal: see BENCHMARKS.md (moving two nodes to an empty day at once).
      expect(h?.travel ?? 0, `seed ${seed}`).toBeGreaterThanOrEqual((e?.travel ?? 0) - 1e-6);
    }
  });

  it("with previous visits to keep: feasible, never better than the exact optimum, and mostly equal to it", () => {
    let reached = 0;
    let total = 0;
    for (let seed = 100; seed < 160; seed++) {
      const inst = randomInstance(seed, {
        nodes: 7 + (seed % 3),
        routes: 1 + (seed % 3),
        extras: seed % 2 === 0,
        keep: true,
      });
      const exact = solve(inst, { method: "exact" });
      const heur = solve(inst, { method: "heuristic", effort: 5 });
      expect(exact.proven, `seed ${seed}`).toBe(true);
      expect(checkResult(inst, heur), `seed ${seed}`).toEqual([]);
      const h = referenceObjective(inst, placedRoutes(heur));
      const e = referenceObjective(inst, placedRoutes(exact));
      if (!h || !e) throw new Error(`seed ${seed}: a plan the reference model rejects`);
      expect(heur.kept, `seed ${seed}`).toBe(h.kept);
      expect(betterObjective(h, e), `seed ${seed}: heuristic beats the proven optimum`).toBe(false);
      total++;
      if (h.mandatory === e.mandatory && Math.abs(h.score - e.score) < 1e-6 && h.kept === e.kept) reached++;
    }
    // Deterministic (fixed seeds): the keep term is optimised, not just tolerated. Measured 59 of 60.
    expect(reached).toBeGreaterThanOrEqual(total - 3);
  });

  it("re-planned against its own plan, keeps every visit unless it finds a plan worth more", () => {
    let same = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const inst = randomInstance(seed, {
        nodes: 30,
        routes: 1 + (seed % 3),
        extras: seed % 2 === 0,
        ...(seed % 3 === 0 ? { grid: 5 } : {}),
      });
      const first = solve(inst, { method: "heuristic" });
      const previous = withPreviousPlan(inst, first);
      const again = solve(previous, { method: "heuristic" });
      expect(checkResult(previous, again), `seed ${seed}`).toEqual([]);
      expect(again.score, `seed ${seed}`).toBeGreaterThanOrEqual(first.score - 1e-6);
      if (Math.abs(again.score - first.score) > 1e-6) continue;
      same++;
      const placed = first.routes.reduce((a, r) => a + r.nodes.length, 0);
      expect(again.kept, `seed ${seed}`).toBe(placed);
      // Kept nodes sit at their old times, so the routes are the old ones.
      expect(
        again.routes.map((r) => r.nodes.map((p) => [previous.nodes[p.node]?.id.replace(/-kept$/, ""), p.start])),
        `seed ${seed}`,
      ).toEqual(first.routes.map((r) => r.nodes.map((p) => [inst.nodes[p.node]?.id, p.start])));
    }
    expect(same).toBeGreaterThanOrEqual(9);
  });

  it("on the grid (5 and 15 minutes): feasible, on the grid, never better than the exact optimum", () => {
    let reached = 0;
    let total = 0;
    for (let seed = 200; seed < 260; seed++) {
      const inst = randomInstance(seed, {
        nodes: 7 + (seed % 3),
        routes: 1 + (seed % 3),
        extras: seed % 2 === 0,
        keep: seed % 4 < 2,
        grid: seed % 3 === 0 ? 15 : 5,
      });
      const exact = solve(inst, { method: "exact" });
      const heur = solve(inst, { method: "heuristic", effort: 5 });
      expect(exact.proven, `seed ${seed}`).toBe(true);
      // checkResult also checks that every start is on the grid, given times excepted.
      expect(checkResult(inst, heur), `seed ${seed}`).toEqual([]);
      expect(checkResult(inst, exact), `seed ${seed}`).toEqual([]);
      const h = referenceObjective(inst, placedRoutes(heur));
      const e = referenceObjective(inst, placedRoutes(exact));
      if (!h || !e) throw new Error(`seed ${seed}: a plan the reference model rejects`);
      expect(heur.travel, `seed ${seed}`).toBeCloseTo(h.travel, 6);
      expect(heur.endSum, `seed ${seed}`).toBeCloseTo(h.endSum, 6);
      expect(betterObjective(h, e), `seed ${seed}: heuristic beats the proven optimum`).toBe(false);
      total++;
      if (h.mandatory === e.mandatory && Math.abs(h.score - e.score) < 1e-6 && h.kept === e.kept) reached++;
    }
    expect(reached).toBeGreaterThanOrEqual(total - 3);
  });

  it("never returns an infeasible route (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 5, max: 30 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.constantFrom(1, 5, 15),
        fc.boolean(),
        (seed, nodes, routes, extras, grid, keep) => {
          const inst = randomInstance(seed, { nodes, routes, extras, grid, keep });
          const res = solve(inst, { method: "heuristic", iterations: 60 });
          expect(checkResult(inst, res)).toEqual([]);
          const obj = referenceObjective(
            inst,
            res.routes.map((r) => r.nodes.map((p) => p.node)),
          );
          expect(obj).not.toBeNull();
          expect(res.score).toBeCloseTo(obj?.score ?? NaN, 6);
          expect(res.travel).toBeCloseTo(obj?.travel ?? NaN, 6);
          expect(res.kept).toBe(obj?.kept);
          const placed = new Set(res.routes.flatMap((r) => r.nodes.map((p) => p.node)));
          expect(placed.size + res.unplaced.length).toBe(inst.nodes.length);
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });

  it("stops after one stagnation period once every usable node is placed", () => {
    // 30 nodes on a line, whole-day windows: everything fits on the three routes.
    const n = 30;
    const travel = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => Math.abs(i - j)));
    const routes = [0, 1, 2].map((d) => ({ start: d * 1000, end: d * 1000 + 600, startLoc: 0, endLoc: 0 }));
    const nodes = Array.from({ length: n }, (_, j) => ({
      id: `n${j}`,
      score: 1 + (j % 5),
      duration: 10,
      loc: j + 1,
      windows: routes.map((r) => [[r.start, r.end] as const]),
      countsAsVisit: true,
    }));
    const res = solve({ travel, buffer: 0, routes, nodes }, { method: "heuristic" });
    expect(res.unplaced).toEqual([]);
    expect(res.score).toBe(nodes.reduce((a, x) => a + x.score, 0));
    // The default budget is 200 + 60 × 30 = 2000 iterations; one stagnation period is 200.
    expect(res.stats.work).toBeLessThan(1550);
  });

  it("with extend, a cheap run goes on to twice its schedule, feasible; a given iteration count stays exact", () => {
    const inst = randomInstance(9, { nodes: 40, routes: 3, extras: true });
    // 200 + 60 × 40 iterations, far below the 20 M checks that end an extension early.
    const plain = solve(inst, { method: "heuristic" });
    const extended = solve(inst, { method: "heuristic", extend: true });
    expect(plain.stats.work).toBe(2600);
    expect(extended.stats.work).toBe(5200);
    expect(checkResult(inst, extended)).toEqual([]);
    expect(solve(inst, { iterations: 150, extend: true })).toEqual(solve(inst, { iterations: 150 }));
  });

  it("is deterministic: the same input gives the same output", () => {
    const inst = randomInstance(9, { nodes: 40, routes: 3, extras: true });
    const a = solve(inst, { iterations: 150 });
    const b = solve(JSON.parse(JSON.stringify(inst)), { iterations: 150 });
    expect(b).toEqual(a);
    const exactA = solve(randomInstance(3, { nodes: 8, routes: 2, extras: true }));
    expect(solve(randomInstance(3, { nodes: 8, routes: 2, extras: true }))).toEqual(exactA);
  });

  it("plans exactly the same with grid 1 and keep: false as without them (both solvers)", () => {
    for (const seed of [9, 21, 33]) {
      const inst = randomInstance(seed, { nodes: 30, routes: 3, extras: true });
      const explicit = { ...inst, grid: 1, nodes: inst.nodes.map((n) => ({ ...n, keep: false })) };
      expect(solve(explicit, { iterations: 150 }), `seed ${seed}`).toEqual(solve(inst, { iterations: 150 }));
      const small = randomInstance(seed, { nodes: 8, routes: 2, extras: true });
      const smallExplicit = { ...small, grid: 1, nodes: small.nodes.map((n) => ({ ...n, keep: false })) };
      const exact = solve(small, { method: "exact" });
      expect(exact.kept).toBe(0);
      expect(solve(smallExplicit, { method: "exact" }), `seed ${seed}`).toEqual(exact);
    }
  });
});
