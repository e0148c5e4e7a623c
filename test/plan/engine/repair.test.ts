import { describe, expect, it } from "vitest";
import { compileModel } from "../../../src/plan/engine/compile-model.js";
import { repair } from "../../../src/plan/engine/repair.js";
import { RouteCache, evalInsert } from "../../../src/plan/engine/route-cache.js";
import { SearchContext } from "../../../src/plan/engine/search-context.js";
import { simulateRoute } from "../../../src/plan/engine/simulate-route.js";
import { Solution } from "../../../src/plan/engine/solution.js";
import type { EngineInstance } from "../../../src/plan/engine/index.js";
import { randomInstance } from "./random-instance.js";

/** The random product-like instance with every node located (the O(1) insertion check needs no transparent items). */
function locatedInstance(seed: number, nodes: number, routes: number, grid: number): EngineInstance {
  const inst = randomInstance(seed, { nodes, routes, extras: true, grid });
  return { ...inst, nodes: inst.nodes.map((n) => (n.loc === null ? { ...n, loc: 0 } : n)) };
}

/** Every unplaced node whose group is free, and the positions of route r where a full simulation accepts it. */
function fittingInsertions(sol: Solution, r: number): string[] {
  const md = sol.model;
  const rc = sol.routes[r] as RouteCache;
  const out: string[] = [];
  for (let j = 0; j < md.n; j++) {
    if (sol.where[j] !== -1 || (sol.groupCount[md.group[j] as number] as number) > 0) continue;
    if ((md.score[j] as number) <= 0) continue;
    for (let p = 0; p <= rc.seq.length; p++)
      if (simulateRoute(md, r, [...rc.seq.slice(0, p), j, ...rc.seq.slice(p)])) out.push(`node ${j} at ${p}`);
  }
  return out;
}

describe("repair", () => {
  it("skips only positions that cannot take a node: the least time an insertion consumes (minShift) is a true bound, on the grid too", () => {
    let skipped = 0;
    let feasible = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const inst = locatedInstance(seed, 20, 2, [1, 5, 15][seed % 3] as number);
      const model = compileModel(inst);
      for (let r = 0; r < model.m; r++) {
        // Every third node that fits, in index order: routes with waiting, buffers and walking tours.
        const rc = new RouteCache(model, r);
        for (let j = 0; j < model.n; j += 3) {
          rc.seq.push(j);
          if (!rc.refresh()) rc.seq.pop();
        }
        rc.refresh();
        if (rc.multi > 0) continue;
        const probe = { evals: 0, insertTravel: 0 };
        for (let j = 0; j < model.n; j++) {
          if (rc.seq.includes(j)) continue;
          for (let p = 0; p <= rc.seq.length; p++) {
            const at = `seed ${seed} route ${r} node ${j} at ${p}`;
            const shift = evalInsert(probe, rc, j, p);
            if (Number.isNaN(shift)) continue;
            feasible++;
            expect(shift, at).toBeGreaterThanOrEqual((model.minShift[j] as number) - 1e-9);
            // What bestPosition skips: a position whose room is below the bound. None of those fits.
            expect((rc.room[p + 1] as number) + 1e-6, at).toBeGreaterThanOrEqual((model.minShift[j] as number) - 1e-6);
          }
          for (let p = 0; p <= rc.seq.length; p++)
            if ((rc.room[p + 1] as number) < (model.minShift[j] as number)) skipped++;
        }
      }
    }
    expect(feasible).toBeGreaterThan(200);
    expect(skipped).toBeGreaterThan(200);
  });

  it("marks every route saturated after a full repair, and forgets it for a changed route and a freed group", () => {
    let checkedRoutes = 0;
    let freed = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const inst = randomInstance(seed, { nodes: 18, routes: 3, extras: false });
      const model = compileModel(inst);
      const ctx = new SearchContext(model, seed);
      const sol = new Solution(model);
      repair(sol, ctx, { noise: 0, exponent: 2 });
      for (let r = 0; r < model.m; r++) {
        // Saturated: a full simulation finds no unplaced node that fits anywhere on the route.
        expect(fittingInsertions(sol, r), `seed ${seed} route ${r}`).toEqual([]);
        for (let j = 0; j < model.n; j++) if (sol.where[j] === -1) expect(sol.knownMiss(j, r)).toBe(true);
        checkedRoutes++;
      }
      // Take the first node of route 0 out: route 0 is no longer saturated, and the node is no known miss anywhere.
      const first = (sol.routes[0] as RouteCache).seq[0];
      if (first === undefined) continue;
      const drop = new Uint8Array(model.n);
      drop[first] = 1;
      sol.removeMany(drop);
      for (let j = 0; j < model.n; j++) if (sol.where[j] === -1) expect(sol.knownMiss(j, 0)).toBe(false);
      for (let r = 1; r < model.m; r++) {
        expect(sol.knownMiss(first, r)).toBe(false);
        for (let j = 0; j < model.n; j++)
          if (sol.where[j] === -1 && j !== first) expect(sol.knownMiss(j, r)).toBe(true);
      }
      freed++;
    }
    expect(checkedRoutes).toBe(75);
    expect(freed).toBeGreaterThan(15);
  });
});
