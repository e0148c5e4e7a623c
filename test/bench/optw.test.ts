import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { optwDistance, optwToEngine, parseOptw } from "../../bench/optw.js";
import { readCsv } from "../../bench/references.js";
import { benchSet, setOfFile } from "../../bench/sets.js";
import { verifyRoutes } from "../../bench/verify.js";
import { solve } from "../../src/plan/engine/index.js";

const BENCH =
  process.env.STUDYVISIT_BENCH_DIR ?? join(import.meta.dirname, "..", "..", "..", "shared", "bench", "optw");

describe("OPTW parser", () => {
  it("reads CRLF, a header broken over two lines and no final newline", () => {
    const text =
      "2 \r\n4 3 1 0 700\r\n  0 40.00 50.00 0.00 0.00 0 0 0 100\r\n 1 43.00 54.00 10.00 7.00 1 2 1 2 5 60\r\n  2 40.00 60.00 5.00 3.00 1 0 0 50";
    const inst = parseOptw(text, "tiny");
    expect(inst.nodes).toHaveLength(3);
    expect(inst.nodes[0]).toMatchObject({ index: 0, open: 0, close: 100 });
    expect(inst.nodes[1]).toMatchObject({ index: 1, x: 43, y: 54, duration: 10, score: 7, open: 5, close: 60 });
    expect(inst.nodes[2]).toMatchObject({ index: 2, open: 0, close: 50 });
  });

  it("parses every benchmark file with N + 1 nodes", () => {
    for (const f of ["c101", "c204", "r211", "rc208"]) {
      const inst = parseOptw(readFileSync(join(BENCH, "solomon", `${f}.txt`), "utf8"), f);
      expect(inst.nodes, f).toHaveLength(101);
    }
  });

  it("truncates distances to one decimal", () => {
    const a = { index: 0, x: 0, y: 0, duration: 0, score: 0, open: 0, close: 0 };
    expect(optwDistance(a, { ...a, x: 1, y: 1 })).toBe(1.4);
    expect(optwDistance(a, { ...a, x: 3, y: 4 })).toBe(5);
    expect(optwDistance(a, { ...a, x: 2, y: 3 })).toBe(3.6);
  });

  it("truncates distances to two decimals when asked (the Cordeau-based set's rule)", () => {
    const a = { index: 0, x: 0, y: 0, duration: 0, score: 0, open: 0, close: 0 };
    expect(optwDistance(a, { ...a, x: 1, y: 1 }, 2)).toBe(1.41);
    expect(optwDistance(a, { ...a, x: 3, y: 4 }, 2)).toBe(5);
    expect(optwDistance(a, { ...a, x: 2, y: 3 }, 2)).toBe(3.6);
    expect(optwDistance(a, { ...a, x: 0.3, y: 0.4 }, 2)).toBe(0.5);
    expect(optwDistance(a, { ...a, x: 1.1, y: 2.2 }, 2)).toBe(2.45);
  });

  it("gives each set its own rounding rule: one decimal for Solomon, two for Cordeau", () => {
    expect(benchSet("solomon", BENCH).decimals).toBe(1);
    expect(benchSet("cordeau", BENCH).decimals).toBe(2);
    expect(setOfFile(join(BENCH, "cordeau", "pr01.txt"), BENCH).decimals).toBe(2);
    expect(setOfFile(join(BENCH, "solomon", "r101.txt"), BENCH).decimals).toBe(1);
    expect(setOfFile(join(BENCH, "solomon-50", "r101.txt"), BENCH).decimals).toBe(1);
  });

  it("parses every Cordeau-based file with N + 1 nodes and a depot budget of 1,000", () => {
    const sizes = [48, 96, 144, 192, 240, 288, 72, 144, 216, 288];
    sizes.forEach((n, i) => {
      const name = `pr${String(i + 1).padStart(2, "0")}`;
      const inst = parseOptw(readFileSync(join(BENCH, "cordeau", `${name}.txt`), "utf8"), name);
      expect(inst.nodes, name).toHaveLength(n + 1);
      expect(inst.nodes[0]?.close, name).toBe(1000);
    });
    const bks = readCsv(join(BENCH, "cordeau", "bks.csv"));
    expect(bks).toHaveLength(40);
  });

  it("maps onto the engine and the engine solves a small instance optimally", () => {
    const text =
      "4 2 3 1\n0 200\n 0 0 0 0 0 0 0 0 100\n 1 10 0 5 10 1 0 0 40\n 2 0 10 5 20 1 0 0 40\n 3 50 50 5 50 1 0 0 90";
    const inst = parseOptw(text, "tiny");
    const res = solve(optwToEngine(inst, 1));
    expect(res.proven).toBe(true);
    const routes = res.routes.map((r) => r.nodes.map((p) => p.node + 1));
    const check = verifyRoutes(inst.nodes, routes);
    expect(check.ok).toBe(true);
    expect(check.score).toBe(30);
  });
});

describe("independent route checker", () => {
  const rows = readCsv(join(BENCH, "rs_dssr_routes_m1.csv"));

  it("accepts every proven-optimal route and recomputes its prize and start times", () => {
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      const name = row.instance as string;
      const inst = parseOptw(readFileSync(join(BENCH, "solomon", `${name}.txt`), "utf8"), name);
      const route = (row.route as string)
        .trim()
        .split(/\s+/)
        .map(Number)
        .filter((i) => i !== 0);
      const res = verifyRoutes(inst.nodes, [route]);
      expect(res.errors, name).toEqual([]);
      expect(res.score, name).toBe(Number(row.prize));
      const starts = (row.service_start_times as string).trim().split(/\s+/).map(Number);
      res.starts[0]?.forEach((s, i) => expect(s, `${name} stop ${i}`).toBeCloseTo(starts[i] ?? NaN, 1));
    }
  });

  it("rejects repeated customers, closed windows and a late return", () => {
    const inst = parseOptw(readFileSync(join(BENCH, "solomon", "c101.txt"), "utf8"), "c101");
    expect(verifyRoutes(inst.nodes, [[57, 57]]).errors.join()).toMatch(/twice/);
    expect(verifyRoutes(inst.nodes, [[57], [57]]).errors.join()).toMatch(/twice/);
    expect(verifyRoutes(inst.nodes, [[1]]).ok).toBe(true);
    expect(verifyRoutes(inst.nodes, [[1, 2]]).errors.join()).toMatch(/window/);
    const best = "57 63 62 74 93 97 12 2 21 75".split(" ").map(Number);
    expect(verifyRoutes(inst.nodes, [best]).score).toBe(320);
    expect(verifyRoutes(inst.nodes, [[...best, 1]]).ok).toBe(false);
    expect(verifyRoutes(inst.nodes, [[0]]).ok).toBe(false);
  });

  it("checks with the set's decimals: a route that fits at one decimal can be late at two", () => {
    // Customer 1 at distance 1.49: 1.4 with one decimal, 1.49 with two; its window closes at 1.45.
    const depot = { x: 0, y: 0, duration: 0, score: 0, open: 0, close: 10 };
    const nodes = [depot, { x: 1.49, y: 0, duration: 0, score: 5, open: 0, close: 1.45 }];
    expect(verifyRoutes(nodes, [[1]], 1).ok).toBe(true);
    expect(verifyRoutes(nodes, [[1]], 2).errors.join()).toMatch(/after its window closes/);
    expect(verifyRoutes(nodes, [[1]]).ok).toBe(true);
  });

  it("verifies the engine's routes on a Cordeau-based instance with two-decimal distances", () => {
    const inst = parseOptw(readFileSync(join(BENCH, "cordeau", "pr01.txt"), "utf8"), "pr01");
    const res = solve(optwToEngine(inst, 2, 2), { method: "heuristic", iterations: 300 });
    const routes = res.routes.map((r) => r.nodes.map((p) => p.node + 1));
    const check = verifyRoutes(inst.nodes, routes, 2);
    expect(check.errors).toEqual([]);
    expect(check.score).toBe(res.score);
    expect(res.score).toBeGreaterThan(400);
  });
});
