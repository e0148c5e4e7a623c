import { describe, expect, it } from "vitest";
import { compileModel } from "../../../src/plan/engine/compile-model.js";
import { simulateRoute } from "../../../src/plan/engine/simulate-route.js";
import { EngineInputError, solve, type EngineInstance, type EngineNode } from "../../../src/plan/engine/index.js";
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
  opts: { buffer?: number; end?: number; depot?: number | null; maxVisits?: number; grid?: number } = {},
): EngineInstance {
  const depot = opts.depot === undefined ? 0 : opts.depot;
  return {
    travel,
    buffer: opts.buffer ?? 0,
    routes: [{ start: 0, end: opts.end ?? 1000, startLoc: depot, endLoc: depot }],
    nodes,
    ...(opts.maxVisits === undefined ? {} : { maxVisitsPerRoute: opts.maxVisits }),
    ...(opts.grid === undefined ? {} : { grid: opts.grid }),
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

  it("finds routes that a walking tour brings back faster than the walk (both solvers)", () => {
    // Venue 2 is 20 min from the hotel (a metric matrix); the tour leaves venue 2 and ends at the hotel after
    // 5 min. a 20-30 at venue 2, tour 30-35 back at the hotel: the day ends at 35, though 30 + the walk back is 50.
    const metric = [
      [0, 10, 20],
      [10, 0, 15],
      [20, 15, 0],
    ];
    const nodes = [node("a", 2, 10, [[0, 100]]), node("tour", 2, 5, [[0, 100]], { endLoc: 0 })];
    for (const method of ["exact", "heuristic"] as const) {
      const inst = { ...day(nodes, { end: 40 }), travel: metric };
      const res = solve(inst, { method });
      expect(res.score).toBe(2);
      expect(res.routes[0]?.nodes.map((p) => p.node)).toEqual([0, 1]);
      expect(res.routes[0]?.endTime).toBe(35);
      expect(checkResult(inst, res)).toEqual([]);
    }
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

  describe("round times", () => {
    it("starts at the first grid multiple after the arrival and the window's opening; travel stays real", () => {
      // Arrival at venue 1 at 10; the window opens at 47 (off the grid): 50 on a 5-minute grid, 60 on 15.
      const a = node("a", 1, 30, [[47, 200]]);
      expect(sim(day([a], { grid: 5 }), [0])?.starts[0]).toBe(50);
      expect(sim(day([a], { grid: 15 }), [0])?.starts[0]).toBe(60);
      expect(sim(day([a], { grid: 15 }), [0])?.arrivals[0]).toBe(10);
      expect(sim(day([a], { grid: 15 }), [0])?.travel).toBe(20);
      expect(sim(day([a], { grid: 15 }), [0])?.endTime).toBe(100);
      // Arrival plus buffer decides when the window is already open: a ends at 90, b (venue 2) can start at 105.
      const b = node("b", 2, 10, [[0, 500]]);
      const s = sim(day([a, b], { grid: 15, buffer: 10 }), [0, 1]);
      expect(Array.from(s?.starts ?? [])).toEqual([60, 105]);
      expect(Array.from(s?.arrivals ?? [])).toEqual([10, 105]);
      const s2 = sim(day([a, b], { grid: 15, buffer: 11 }), [0, 1]);
      expect(s2?.starts[1]).toBe(120);
      expect(s2?.travel).toBe(10 + 5 + 20);
    });

    it("uses the next window when the grid multiple falls after a window's end", () => {
      const a = node("a", 1, 30, [
        [47, 59],
        [100, 130],
      ]);
      expect(sim(day([a], { grid: 15 }), [0])?.starts[0]).toBe(105);
      expect(sim(day([a], { grid: 5 }), [0])?.starts[0]).toBe(50);
      expect(sim(day([node("a", 1, 30, [[47, 59]])], { grid: 15 }), [0])).toBeNull();
    });

    it("keeps a given time (every window a single point) even off the grid, and only then", () => {
      const fixed = node("fixed", 1, 30, [[47, 47]]);
      expect(sim(day([fixed], { grid: 15 }), [0])?.starts[0]).toBe(47);
      // A point among wider windows is no given time: the point 47 has no grid multiple, 60 is the first.
      const mixed = node("mixed", 1, 30, [
        [47, 47],
        [55, 70],
      ]);
      expect(sim(day([mixed], { grid: 15 }), [0])?.starts[0]).toBe(60);
      // Several routes, a point on each: still given times.
      const twoDays: EngineInstance = {
        ...day([{ ...fixed, windows: [[[47, 47]], [[1047, 1047]]] }], { grid: 15 }),
        routes: [
          { start: 0, end: 1000, startLoc: 0, endLoc: 0 },
          { start: 1000, end: 2000, startLoc: 0, endLoc: 0 },
        ],
      };
      expect(simulateRoute(compileModel(twoDays), 1, [0])?.starts[0]).toBe(1047);
    });

    it("with grid 1 rounds nothing, fractional travel included", () => {
      const frac = { ...day([node("a", 1, 30, [[0, 200]])]), travel: travel.map((row) => row.map((v) => v / 4)) };
      expect(sim(frac, [0])?.starts[0]).toBe(2.5);
      expect(sim({ ...frac, grid: 1 }, [0])?.starts[0]).toBe(2.5);
      expect(sim({ ...frac, grid: 5 }, [0])?.starts[0]).toBe(5);
    });

    it("plans on the grid with both solvers: a visit that fits only when rounded is left out", () => {
      // Day 0-100 from the hotel: a (venue 1, 30 min) then b (venue 2, 30 min) fit only without rounding
      // (a 10-40, b 45-75, home 95); on a 15-minute grid a 15-45, b 60-90, home 110 > 100.
      const nodes = [node("a", 1, 30, [[0, 100]]), node("b", 2, 30, [[0, 100]])];
      for (const method of ["exact", "heuristic"] as const) {
        expect(solve(day(nodes, { end: 100 }), { method }).score).toBe(2);
        const inst = day(nodes, { end: 100, grid: 15 });
        const res = solve(inst, { method });
        expect(res.score).toBe(1);
        expect(checkResult(inst, res)).toEqual([]);
        expect(res.routes[0]?.nodes.every((p) => p.start % 15 === 0)).toBe(true);
      }
    });

    it("refuses a grid that is not a positive integer", () => {
      for (const grid of [0, -5, 2.5, Number.NaN, Number.POSITIVE_INFINITY])
        expect(() => solve(day([node("a", 1, 30, [[0, 100]])], { grid }))).toThrow(EngineInputError);
      expect(() => solve(day([node("a", 1, 30, [[0, 100]])], { grid: 0 }))).toThrow(/grid must be a positive integer/);
    });
  });
});
