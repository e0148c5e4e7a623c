import { describe, expect, it } from "vitest";
import { solve, type EngineInstance, type EngineNode } from "../../../src/plan/engine/index.js";
import { checkResult } from "./reference-model.js";

// One day 9:00-17:00 (minutes 540-1020) from a hotel (0); hosts at 1..3, restaurants at 4 (near) and 5 (far).
const coords: Array<[number, number]> = [
  [0, 0],
  [10, 0],
  [20, 0],
  [30, 0],
  [12, 2],
  [0, 40],
];
const travel = coords.map(([x1, y1]) => coords.map(([x2, y2]) => Math.ceil(Math.hypot(x1 - x2, y1 - y2))));
const day: [number, number] = [540, 1020];

function host(id: string, loc: number, score: number, from: number, to: number, duration = 90): EngineNode {
  return { id, score, duration, loc, windows: [[[from, to - duration]]], countsAsVisit: true };
}

function instance(
  nodes: EngineNode[],
  routes = [{ start: day[0], end: day[1], startLoc: 0, endLoc: 0 }],
): EngineInstance {
  return { travel, buffer: 10, routes, nodes };
}

const lunchNear: EngineNode = {
  id: "lunch@near",
  score: 0,
  duration: 60,
  loc: 4,
  windows: [[[720, 780]]],
  mandatory: true,
  group: "lunch",
  countsAsVisit: false,
};
const lunchFar: EngineNode = { ...lunchNear, id: "lunch@far", loc: 5 };
const welcome: EngineNode = {
  id: "welcome",
  score: 0,
  duration: 30,
  loc: 0,
  windows: [[[540, 540]]],
  mandatory: true,
  countsAsVisit: false,
};

describe("mandatory nodes and groups", () => {
  for (const method of ["exact", "heuristic"] as const) {
    it(`places exactly one meal alternative and a fixed item (${method})`, () => {
      const inst = instance([
        welcome,
        lunchNear,
        lunchFar,
        host("a", 1, 3, 540, 1020),
        host("b", 2, 2, 540, 1020),
        host("c", 3, 1, 540, 1020),
      ]);
      const res = solve(inst, { method });
      expect(res.feasible).toBe(true);
      expect(checkResult(inst, res)).toEqual([]);
      const placed = res.routes[0]?.nodes.map((p) => inst.nodes[p.node]?.id) ?? [];
      expect(placed.filter((id) => id?.startsWith("lunch@"))).toEqual(["lunch@near"]);
      expect(placed[0]).toBe("welcome");
      expect(res.routes[0]?.nodes[0]?.start).toBe(540);
      expect(res.unplaced.find((u) => inst.nodes[u.node]?.id === "lunch@far")?.reason).toBe("group-taken");
    });

    it(`places a must-visit host even when it displaces more valuable ones (${method})`, () => {
      // Both hosts need most of a short day; the mandatory one is worth less.
      const must = { ...host("must", 3, 1, 540, 800, 200), mandatory: true };
      const inst = instance(
        [must, host("rich", 1, 10, 540, 800, 200)],
        [{ start: 540, end: 800, startLoc: 0, endLoc: 0 }],
      );
      const res = solve(inst, { method });
      expect(res.feasible).toBe(true);
      expect(res.routes[0]?.nodes.map((p) => p.node)).toEqual([0]);
      expect(res.unplaced).toEqual([{ node: 1, reason: "blocked-by-mandatory" }]);
    });

    it(`reports a mandatory node that cannot be placed, and still plans the rest (${method})`, () => {
      const late = { ...host("late", 1, 1, 2000, 2200), mandatory: true };
      const clash = { ...host("clash", 2, 1, 540, 640), mandatory: true };
      const inst = instance([
        welcome,
        late,
        clash,
        { ...welcome, id: "welcome-2", windows: [[[560, 560]]] },
        host("a", 1, 5, 540, 1020),
      ]);
      const res = solve(inst, { method });
      expect(res.feasible).toBe(false);
      expect(checkResult(inst, res)).toEqual([]);
      const missing = Object.fromEntries(res.missing.map((m) => [m.group, m.reason]));
      expect(missing.late).toBe("unreachable");
      // welcome (540-570) and welcome-2 (560) cannot both happen; one of them is reported, as are late and clash.
      expect(res.missing).toHaveLength(3);
      expect(res.routes[0]?.nodes.some((p) => inst.nodes[p.node]?.id === "a")).toBe(true);
    });
  }

  it("reports nodes with no window on any route", () => {
    const inst = instance([{ ...host("x", 1, 5, 540, 1020), windows: [[]] }]);
    const res = solve(inst);
    expect(res.unplaced).toEqual([{ node: 0, reason: "no-window" }]);
    expect(res.feasible).toBe(true);
  });

  it("chooses the day by the node's per-route windows", () => {
    const days = [
      { start: 540, end: 1020, startLoc: 0, endLoc: 0 },
      { start: 1980, end: 2460, startLoc: 0, endLoc: 0 },
    ];
    const onlyDay2: EngineNode = { ...host("d2", 1, 4, 0, 0), windows: [undefined, [[2000, 2100]]] };
    const inst = instance([onlyDay2, host("d1", 2, 4, 540, 1020)], days);
    const res = solve(inst);
    expect(res.routes[1]?.nodes.map((p) => p.node)).toEqual([0]);
    expect(res.routes[0]?.nodes.map((p) => p.node)).toEqual([1]);
  });
});
