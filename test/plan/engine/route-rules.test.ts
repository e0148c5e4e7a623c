import { describe, expect, it } from "vitest";
import { compileModel } from "../../../src/plan/engine/compile-model.js";
import { simulateRoute } from "../../../src/plan/engine/simulate-route.js";
import { solve, type EngineInstance, type EngineNode } from "../../../src/plan/engine/index.js";
import { checkResult } from "./reference-model.js";

// Locations: 0 hotel, 1 and 2 two venues. Travel 0<->1: 10, 0<->2: 20, 1<->2: 5.
const travel = [
  [0, 10, 20],
  [10, 0, 5],
  [20, 5, 0],
];

function node(
  id: string,
  loc: number | null,
  duration: number,
  windows: Array<[number, number]>,
  extra: Partial<EngineNode> = {},
): EngineNode {
  return { id, score: 1, duration, loc, windows: [windows], countsAsVisit: true, ...extra };
}

function day(
  nodes: EngineNode[],
  opts: { buffer?: number; end?: number; depot?: number | null; maxVisits?: number } = {},
): EngineInstance {
  const depot = opts.depot === undefined ? 0 : opts.depot;
  return {
    travel,
    buffer: opts.buffer ?? 0,
    routes: [{ start: 0, end: opts.end ?? 1000, startLoc: depot, endLoc: depot }],
    nodes,
    ...(opts.maxVisits === undefined ? {} : { maxVisitsPerRoute: opts.maxVisits }),
  };
}

function sim(inst: EngineInstance, seq: number[]) {
  return simulateRoute(compileModel(inst), 0, seq);
}

describe("route rules", () => {
  it("waits for a window to open and bounds the start of service", () => {
    const inst = day([node("a", 1, 30, [[60, 70]])]);
    const s = sim(inst, [0]);
    expect(s?.arrivals[0]).toBe(10);
    expect(s?.starts[0]).toBe(60);
    expect(s?.travel).toBe(20);
    expect(s?.endTime).toBe(100);
    expect(sim(day([node("a", 1, 30, [[0, 9]])]), [0])).toBeNull();
  });

  it("uses the first window that is still open among several", () => {
    const s = sim(
      day([
        node("a", 1, 30, [
          [100, 120],
          [0, 5],
        ]),
      ]),
      [0],
    );
    expect(s?.starts[0]).toBe(100);
    const s2 = sim(
      day([
        node("a", 1, 30, [
          [0, 12],
          [100, 120],
        ]),
      ]),
      [0],
    );
    expect(s2?.starts[0]).toBe(10);
  });

  it("adds the buffer only between items at different locations, never on the legs from and to the hotel", () => {
    const nodes = [node("a", 1, 30, [[0, 500]]), node("b", 1, 30, [[0, 500]]), node("c", 2, 30, [[0, 500]])];
    const s = sim(day(nodes, { buffer: 10 }), [0, 1, 2]);
    expect(Array.from(s?.starts ?? [])).toEqual([10, 40, 85]);
    expect(s?.travel).toBe(10 + 5 + 20);
    expect(s?.endTime).toBe(135);
    expect(sim(day(nodes, { buffer: 10, end: 135 }), [0, 1, 2])).not.toBeNull();
    expect(sim(day(nodes, { buffer: 10, end: 134 }), [0, 1, 2])).toBeNull();
  });

  it("treats a location-transparent item as happening where the delegation already is", () => {
    const nodes = [node("a", 1, 30, [[0, 500]]), node("call", null, 20, [[0, 500]]), node("c", 2, 30, [[0, 500]])];
    const s = sim(day(nodes, { buffer: 10 }), [0, 1, 2]);
    // a 10-40, call right after a (no travel, no buffer), then 1 -> 2 with buffer.
    expect(Array.from(s?.starts ?? [])).toEqual([10, 40, 75]);
    expect(s?.travel).toBe(10 + 5 + 20);
    // At the start of the day it happens at the hotel: the first leg is still a depot leg without buffer.
    const s2 = sim(day(nodes, { buffer: 10 }), [1, 0]);
    expect(Array.from(s2?.starts ?? [])).toEqual([0, 30]);
  });

  it("continues from endLoc after an item that ends elsewhere", () => {
    const nodes = [node("tour", 1, 60, [[0, 500]], { endLoc: 2 }), node("c", 2, 30, [[0, 500]])];
    const s = sim(day(nodes, { buffer: 10 }), [0, 1]);
    expect(Array.from(s?.starts ?? [])).toEqual([10, 70]);
    expect(s?.travel).toBe(10 + 0 + 20);
  });

  it("starts wherever the first item is when the route has no depot", () => {
    const s = sim(
      day([node("a", 2, 30, [[0, 500]]), node("b", 1, 10, [[0, 500]])], { depot: null, buffer: 10 }),
      [0, 1],
    );
    expect(Array.from(s?.starts ?? [])).toEqual([0, 45]);
    expect(s?.travel).toBe(5);
    expect(s?.endTime).toBe(55);
  });

  it("caps the visits per route, not counting items that are not visits", () => {
    const nodes = [
      node("a", 1, 10, [[0, 500]]),
      node("b", 1, 10, [[0, 500]]),
      node("c", 2, 10, [[0, 500]]),
      node("lunch", null, 30, [[0, 500]], { countsAsVisit: false }),
    ];
    const res = solve(day(nodes, { maxVisits: 2 }));
    expect(res.proven).toBe(true);
    expect(res.routes[0]?.nodes.filter((p) => p.node !== 3)).toHaveLength(2);
    expect(res.routes[0]?.nodes.some((p) => p.node === 3)).toBe(true);
    expect(res.unplaced).toEqual([{ node: 2, reason: "no-time-left" }]);
  });

  it("prefers less travel at equal score", () => {
    // Asymmetric: going 0 -> 1 -> 2 -> 0 costs 10 + 5 + 30, the other way 20 + 5 + 10.
    const asym = {
      ...day([node("a", 1, 10, [[0, 500]]), node("c", 2, 10, [[0, 500]])]),
      travel: [
        [0, 10, 20],
        [10, 0, 5],
        [30, 5, 0],
      ],
    };
    for (const method of ["exact", "heuristic"] as const) {
      const res = solve(asym, { method });
      expect(res.score).toBe(2);
      expect(res.travel).toBe(35);
      expect(res.routes[0]?.nodes.map((p) => p.node)).toEqual([1, 0]);
      expect(checkResult(asym, res)).toEqual([]);
    }
  });
});
