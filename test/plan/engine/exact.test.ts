import { describe, expect, it } from "vitest";
import { solve } from "../../../src/plan/engine/index.js";
import { randomInstance } from "./random-instance.js";
import { bruteForce, checkResult, givenTime, referenceObjective } from "./reference-model.js";

describe("exact solver", () => {
  it("agrees with brute-force enumeration on small random instances", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const inst = randomInstance(seed, {
        nodes: seed % 3 === 0 ? 6 : 5,
        routes: seed % 2 === 0 ? 2 : 1,
        extras: seed % 4 !== 0,
      });
      const res = solve(inst, { method: "exact" });
      expect(res.proven, `seed ${seed}`).toBe(true);
      expect(checkResult(inst, res), `seed ${seed}`).toEqual([]);
      const got = referenceObjective(
        inst,
        res.routes.map((r) => r.nodes.map((p) => p.node)),
      );
      const want = bruteForce(inst).objective;
      expect(got, `seed ${seed}`).not.toBeNull();
      expect(got?.mandatory, `seed ${seed} mandatory`).toBe(want.mandatory);
      expect(got?.score, `seed ${seed} score`).toBeCloseTo(want.score, 6);
      expect(got?.travel, `seed ${seed} travel`).toBeCloseTo(want.travel, 6);
      expect(got?.endSum, `seed ${seed} endSum`).toBeCloseTo(want.endSum, 6);
      expect(res.score).toBeCloseTo(want.score, 6);
    }
  });

  it("agrees with exhaustive search on the whole objective, kept previous visits included", () => {
    let keptSomewhere = 0;
    let keptBeatsTravel = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const inst = randomInstance(seed, {
        nodes: seed % 3 === 0 ? 5 : 4,
        routes: seed % 2 === 0 ? 2 : 1,
        extras: seed % 4 !== 0,
        keep: true,
      });
      const res = solve(inst, { method: "exact" });
      expect(res.proven, `seed ${seed}`).toBe(true);
      expect(checkResult(inst, res), `seed ${seed}`).toEqual([]);
      const got = referenceObjective(
        inst,
        res.routes.map((r) => r.nodes.map((p) => p.node)),
      );
      const want = bruteForce(inst).objective;
      expect(got, `seed ${seed}`).not.toBeNull();
      expect(got?.mandatory, `seed ${seed} mandatory`).toBe(want.mandatory);
      expect(got?.score, `seed ${seed} score`).toBeCloseTo(want.score, 6);
      expect(got?.kept, `seed ${seed} kept`).toBe(want.kept);
      expect(got?.travel, `seed ${seed} travel`).toBeCloseTo(want.travel, 6);
      expect(got?.endSum, `seed ${seed} endSum`).toBeCloseTo(want.endSum, 6);
      expect(res.kept, `seed ${seed}`).toBe(want.kept);
      if (want.kept > 0) keptSomewhere++;
      // The same plan without keep flags: where its optimum keeps fewer, kept outranked travel or end times.
      const plain = solve({ ...inst, nodes: inst.nodes.map(({ keep: _keep, ...node }) => node) }, { method: "exact" });
      const plainKept = referenceObjective(
        inst,
        plain.routes.map((r) => r.nodes.map((p) => p.node)),
      )?.kept;
      if (plainKept !== undefined && plainKept < want.kept) keptBeatsTravel++;
    }
    // The generator must exercise the term: instances where something is kept, and where keeping costs travel.
    expect(keptSomewhere).toBeGreaterThan(40);
    expect(keptBeatsTravel).toBeGreaterThan(5);
  });

  it("agrees with exhaustive search on the grid (5 and 15 minutes), given times off the grid included", () => {
    let gridCost = 0;
    let offGridGiven = 0;
    let offGridWindows = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const grid = seed % 2 === 0 ? 5 : 15;
      const inst = randomInstance(seed, {
        nodes: seed % 3 === 0 ? 5 : 4,
        routes: seed % 4 < 2 ? 2 : 1,
        extras: seed % 5 !== 0,
        keep: seed % 3 !== 1,
        grid,
      });
      const res = solve(inst, { method: "exact" });
      expect(res.proven, `seed ${seed}`).toBe(true);
      expect(checkResult(inst, res), `seed ${seed}`).toEqual([]);
      const got = referenceObjective(
        inst,
        res.routes.map((r) => r.nodes.map((p) => p.node)),
      );
      const want = bruteForce(inst).objective;
      expect(got, `seed ${seed}`).not.toBeNull();
      expect(got?.mandatory, `seed ${seed} mandatory`).toBe(want.mandatory);
      expect(got?.score, `seed ${seed} score`).toBeCloseTo(want.score, 6);
      expect(got?.kept, `seed ${seed} kept`).toBe(want.kept);
      expect(got?.travel, `seed ${seed} travel`).toBeCloseTo(want.travel, 6);
      expect(got?.endSum, `seed ${seed} endSum`).toBeCloseTo(want.endSum, 6);
      // The engine's own figures agree with the reference reading of its routes.
      expect(res.travel, `seed ${seed}`).toBeCloseTo(want.travel, 6);
      expect(res.endSum, `seed ${seed}`).toBeCloseTo(want.endSum, 6);
      for (const r of res.routes)
        for (const p of r.nodes) {
          if (p.start % grid === 0) continue;
          if (givenTime(inst, p.node)) offGridGiven++;
          else throw new Error(`seed ${seed}: node ${p.node} starts at ${p.start}, off the grid`);
        }
      offGridWindows += inst.nodes.filter((n) => n.windows.some((ws) => ws?.some(([lo]) => lo % grid !== 0))).length;
      const { grid: _grid, ...noGrid } = inst;
      const free = bruteForce(noGrid).objective;
      if (free.score > want.score + 1e-6 || free.endSum < want.endSum - 1e-6) gridCost++;
    }
    // The cases must exercise the grid: windows opening off it, given times kept off it, plans it changes.
    expect(offGridWindows).toBeGreaterThan(200);
    expect(offGridGiven).toBeGreaterThan(10);
    expect(gridCost).toBeGreaterThan(30);
  });

  it("gives up within its budget instead of hanging, and auto falls back to the metaheuristic", () => {
    const inst = randomInstance(7, { nodes: 14, routes: 3, extras: false });
    const res = solve(inst, { exactBudget: 1000, iterations: 50 });
    expect(res.proven).toBe(false);
    expect(res.stats.method).toBe("heuristic");
    expect(res.stats.exactSkipped).toBe("budget");
    expect(checkResult(inst, res)).toEqual([]);
  });
});
