import { it } from "vitest";
import { solve } from "../../src/plan/engine/index.js";
import { randomInstance } from "./engine/random-instance.js";
it("probe", () => {
  for (let seed = 100; seed < 140; seed++) {
    const inst = randomInstance(seed, { nodes: 7 + (seed % 3), routes: 1 + (seed % 3), extras: seed % 2 === 0 });
    const e = solve(inst, { method: "exact" });
    const h = solve(inst, { method: "heuristic" });
    const h5 = solve(inst, { method: "heuristic", effort: 5 });
    if (Math.abs(e.score - h.score) > 1e-9 || Math.abs(e.travel - h.travel) > 1e-6) {
      console.log(seed, e.score, h.score, h5.score, e.travel, h.travel, h5.travel, "buf", inst.buffer, "mv", inst.maxVisitsPerRoute, JSON.stringify(e.routes.map(r => r.nodes.map(p => p.node))), JSON.stringify(h.routes.map(r => r.nodes.map(p => p.node))));
    }
  }
});
