import { describe, expect, it } from "vitest";
import { compileModel } from "../../../src/plan/engine/compile-model.js";
import { RouteCache, evalInsert } from "../../../src/plan/engine/route-cache.js";
import { simulateRoute } from "../../../src/plan/engine/simulate-route.js";
import { solve } from "../../../src/plan/engine/index.js";
import { randomInstance } from "./random-instance.js";

describe("route cache", () => {
  it("accepts an insertion in O(1) exactly when the full simulation does, on the grid too, and reports its travel", () => {
    let checked = 0;
    let feasible = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const grid = [1, 5, 15, 30][seed % 4] as number;
      const inst = randomInstance(seed, { nodes: 25, routes: 2, extras: false, keep: seed % 2 === 0, grid });
      const model = compileModel(inst);
      const plan = solve(inst, { method: "heuristic", iterations: 60 });
      plan.routes.forEach((route, r) => {
        // Every other node of a finished plan: routes with room left, and waiting on the grid.
        const rc = new RouteCache(model, r);
        rc.seq = route.nodes.map((p) => p.node).filter((_, k) => k % 2 === 0);
        if (!rc.refresh()) return;
        const placed = new Set(rc.seq);
        const probe = { evals: 0, insertTravel: 0 };
        for (let j = 0; j < model.n; j++) {
          // evalInsert's O(1) answer is exact for single-window nodes on routes of single-window nodes.
          if (placed.has(j) || rc.multi > 0 || (model.win[r]?.[j]?.length ?? 0) > 2) continue;
          for (let p = 0; p <= rc.seq.length; p++) {
            const seq = [...rc.seq.slice(0, p), j, ...rc.seq.slice(p)];
            const sim = simulateRoute(model, r, seq);
            const at = `seed ${seed} route ${r} node ${j} at ${p}`;
            expect(!Number.isNaN(evalInsert(probe, rc, j, p)), at).toBe(sim !== null);
            checked++;
            if (sim) {
              // The travel the insertion adds, as the search context reports it.
              expect(probe.insertTravel, at).toBeCloseTo(sim.travel - rc.travel, 9);
              feasible++;
            }
          }
        }
      });
    }
    expect(checked).toBeGreaterThan(1000);
    expect(feasible).toBeGreaterThan(100);
  });
});
