import type { EngineInstance } from "../src/plan/engine/index.js";

/** One OPTW node: index 0 is the depot. */
export interface OptwNode {
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly duration: number;
  readonly score: number;
  /** Earliest start of service. */
  readonly open: number;
  /** Latest start of service (for the depot: the latest return). */
  readonly close: number;
}

export interface OptwInstance {
  readonly name: string;
  readonly nodes: ReadonlyArray<OptwNode>;
}

/**
 * Parses the KU Leuven OPTW text format. Node lines are recognised by their
 * leading index (0, 1, 2, … in order) and at least nine numeric fields, so a
 * header broken over two lines (c204) or shorter header lines never match;
 * O and C are the last two fields because the list before them has a
 * variable length. Accepts CRLF and a missing final newline.
 */
export function parseOptw(text: string, name: string): OptwInstance {
  const nodes: OptwNode[] = [];
  for (const raw of text.split(/\r?\n|\r/)) {
    const fields = raw
      .trim()
      .split(/\s+/)
      .filter((f) => f.length > 0);
    if (fields.length < 9) continue;
    const nums = fields.map(Number);
    if (nums.some((v) => !Number.isFinite(v))) continue;
    const [index, x, y, duration, score] = nums as [number, number, number, number, number];
    if (index !== nodes.length) continue;
    nodes.push({
      index,
      x,
      y,
      duration,
      score,
      open: nums[nums.length - 2] as number,
      close: nums[nums.length - 1] as number,
    });
  }
  if (nodes.length < 2) throw new Error(`${name}: no OPTW node lines found`);
  return { name, nodes };
}

/**
 * Euclidean distance truncated to `decimals` decimals, the rule under which the published best-known scores
 * hold: one decimal for the Solomon-based sets, two for the Cordeau-based one (see the bench README).
 */
export function optwDistance(a: OptwNode, b: OptwNode, decimals = 1): number {
  const d = Math.hypot(a.x - b.x, a.y - b.y);
  const scale = 10 ** decimals;
  // Scale and floor; the small epsilon keeps values like 2.3 (stored as 22.999… after scaling) from losing a unit.
  return Math.floor(d * scale + 1e-9) / scale;
}

/** Maps an OPTW instance with m routes onto the engine: depot = location 0, start windows [O, C], buffer 0. */
export function optwToEngine(inst: OptwInstance, m: number, decimals = 1): EngineInstance {
  const depot = inst.nodes[0] as OptwNode;
  const travel = inst.nodes.map((a) => inst.nodes.map((b) => optwDistance(a, b, decimals)));
  const routes = Array.from({ length: m }, () => ({ start: depot.open, end: depot.close, startLoc: 0, endLoc: 0 }));
  const nodes = inst.nodes.slice(1).map((c) => ({
    id: String(c.index),
    score: c.score,
    duration: c.duration,
    loc: c.index,
    windows: Array.from({ length: m }, () => [[c.open, c.close] as const]),
    countsAsVisit: true,
  }));
  return { travel, buffer: 0, routes, nodes };
}
