import type { EngineInstance, SolveResult } from "../../../src/plan/engine/index.js";

/**
 * Test-only re-implementation of the engine's route semantics, written from
 * the model's documentation rather than from engine code, so the tests
 * compare two independent readings of the rules.
 */
const EPS = 1e-6;

export interface RefRoute {
  travel: number;
  end: number;
}

/** The node's windows are all single points [t, t]: it starts at its given time, grid or not. */
export function givenTime(inst: EngineInstance, j: number): boolean {
  // lo > hi is an empty window, ignored like everywhere else.
  return (inst.nodes[j]?.windows ?? []).every((ws) => (ws ?? []).every(([lo, hi]) => lo >= hi));
}

/** Round times: the earliest grid multiple at or after max(lo, arrival) that is still <= hi (grid 1: no rounding). */
function startInWindow(inst: EngineInstance, j: number, lo: number, hi: number, arrival: number): number | null {
  const earliest = Math.max(lo, arrival);
  if (earliest > hi + EPS) return null;
  const grid = inst.grid ?? 1;
  if (grid === 1 || givenTime(inst, j)) return earliest;
  let s = Math.floor(earliest / grid) * grid;
  while (s < earliest - EPS) s += grid;
  return s <= hi + EPS ? s : null;
}

export function referenceSchedule(inst: EngineInstance, r: number, seq: number[]): RefRoute | null {
  const route = inst.routes[r];
  if (!route) return null;
  let t = route.start;
  let cur = route.startLoc;
  let afterItem = false;
  let travel = 0;
  let visits = 0;
  for (const j of seq) {
    const node = inst.nodes[j];
    const ws = node?.windows[r];
    if (!node || !ws || ws.length === 0) return null;
    if (node.countsAsVisit && ++visits > (inst.maxVisitsPerRoute ?? Infinity)) return null;
    let arrival = t;
    if (node.loc !== null && cur !== null) {
      const leg = cur === node.loc ? 0 : (inst.travel[cur]?.[node.loc] ?? NaN);
      travel += leg;
      arrival += leg + (afterItem && cur !== node.loc ? inst.buffer : 0);
    }
    let start = Infinity;
    for (const [lo, hi] of ws) {
      if (lo > hi) continue;
      const s = startInWindow(inst, j, lo, hi, arrival);
      if (s !== null) start = Math.min(start, s);
    }
    if (start === Infinity) return null;
    t = start + node.duration;
    if (node.loc !== null) {
      cur = node.endLoc ?? node.loc;
      afterItem = true;
    }
  }
  if (route.endLoc !== null && cur !== null) {
    const leg = cur === route.endLoc ? 0 : (inst.travel[cur]?.[route.endLoc] ?? NaN);
    travel += leg;
    t += leg;
  }
  if (seq.length > 0 && t > route.end + EPS) return null;
  return { travel, end: t };
}

/** The documented objective: mandatory groups and score maximised, then kept maximised, then travel and endSum minimised. */
export interface RefObjective {
  mandatory: number;
  score: number;
  /** Placed nodes with keep: true. */
  kept: number;
  travel: number;
  endSum: number;
}

function groupKey(inst: EngineInstance, j: number): string {
  const n = inst.nodes[j];
  return n?.group ?? `#${n?.id}`;
}

export function mandatoryGroups(inst: EngineInstance): Set<string> {
  const s = new Set<string>();
  inst.nodes.forEach((n, j) => {
    if (n.mandatory) s.add(groupKey(inst, j));
  });
  return s;
}

/** Objective of a set of routes, or null when a route is infeasible, a node repeats or a group is used twice. */
export function referenceObjective(inst: EngineInstance, routes: number[][]): RefObjective | null {
  const used = new Set<string>();
  const seen = new Set<number>();
  const mand = mandatoryGroups(inst);
  let score = 0;
  let kept = 0;
  let travel = 0;
  let endSum = 0;
  let mandatory = 0;
  for (let r = 0; r < inst.routes.length; r++) {
    const seq = routes[r] ?? [];
    const sched = referenceSchedule(inst, r, seq);
    if (!sched) return null;
    travel += sched.travel;
    endSum += sched.end;
    for (const j of seq) {
      if (seen.has(j)) return null;
      seen.add(j);
      const g = groupKey(inst, j);
      if (used.has(g)) return null;
      used.add(g);
      if (mand.has(g)) mandatory++;
      score += inst.nodes[j]?.score ?? 0;
      if (inst.nodes[j]?.keep === true) kept++;
    }
  }
  return { mandatory, score, kept, travel, endSum };
}

export function betterObjective(a: RefObjective, b: RefObjective): boolean {
  if (a.mandatory !== b.mandatory) return a.mandatory > b.mandatory;
  if (Math.abs(a.score - b.score) > EPS) return a.score > b.score;
  if (a.kept !== b.kept) return a.kept > b.kept;
  if (Math.abs(a.travel - b.travel) > EPS) return a.travel < b.travel;
  return a.endSum < b.endSum - EPS;
}

/**
 * Exhaustive optimum: every assignment of nodes to routes (or none) that uses each group at most once, and
 * every order. Tiny instances only.
 */
export function bruteForce(inst: EngineInstance): { objective: RefObjective; routes: number[][] } {
  const n = inst.nodes.length;
  const m = inst.routes.length;
  let best: { objective: RefObjective; routes: number[][] } | null = null;
  const assign = new Array<number>(n).fill(-1);
  const permutations = (xs: number[]): number[][] =>
    xs.length <= 1
      ? [xs]
      : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
  const bestOrder = (r: number, nodes: number[]): { seq: number[]; s: RefRoute } | null => {
    let b: { seq: number[]; s: RefRoute } | null = null;
    for (const p of permutations(nodes)) {
      const s = referenceSchedule(inst, r, p);
      if (s && (!b || s.travel < b.s.travel - EPS || (Math.abs(s.travel - b.s.travel) <= EPS && s.end < b.s.end - EPS)))
        b = { seq: p, s };
    }
    return b;
  };
  const used = new Set<string>();
  const rec = (j: number): void => {
    if (j === n) {
      const routes: number[][] = [];
      for (let r = 0; r < m; r++) {
        const o = bestOrder(
          r,
          assign.flatMap((a, k) => (a === r ? [k] : [])),
        );
        if (!o) return;
        routes.push(o.seq);
      }
      const obj = referenceObjective(inst, routes);
      if (obj && (!best || betterObjective(obj, best.objective))) best = { objective: obj, routes };
      return;
    }
    assign[j] = -1;
    rec(j + 1);
    const g = groupKey(inst, j);
    if (used.has(g)) return;
    used.add(g);
    for (let r = 0; r < m; r++) {
      assign[j] = r;
      rec(j + 1);
    }
    assign[j] = -1;
    used.delete(g);
  };
  rec(0);
  if (!best) throw new Error("no feasible assignment (the all-empty plan should always be one)");
  return best;
}

/**
 * Checks a solver result against the instance without re-scheduling: the
 * reported start times must respect windows, travel, buffers and route ends.
 */
export function checkResult(inst: EngineInstance, res: SolveResult): string[] {
  const errors: string[] = [];
  const seen = new Set<number>();
  const groups = new Set<string>();
  res.routes.forEach((route, r) => {
    const rt = inst.routes[r];
    if (!rt) {
      errors.push(`route ${r} does not exist`);
      return;
    }
    let t = rt.start;
    let cur = rt.startLoc;
    let afterItem = false;
    let visits = 0;
    for (const p of route.nodes) {
      const node = inst.nodes[p.node];
      if (!node) {
        errors.push(`unknown node ${p.node}`);
        continue;
      }
      if (seen.has(p.node)) errors.push(`node ${node.id} placed twice`);
      seen.add(p.node);
      const g = groupKey(inst, p.node);
      if (groups.has(g)) errors.push(`group ${g} used twice`);
      groups.add(g);
      if (node.countsAsVisit) visits++;
      let earliest = t;
      if (node.loc !== null && cur !== null && cur !== node.loc)
        earliest += (inst.travel[cur]?.[node.loc] ?? NaN) + (afterItem ? inst.buffer : 0);
      if (p.start < earliest - EPS)
        errors.push(`node ${node.id} starts at ${p.start} before it can arrive (${earliest})`);
      const ws = node.windows[r] ?? [];
      if (!ws.some(([lo, hi]) => p.start >= lo - EPS && p.start <= hi + EPS))
        errors.push(`node ${node.id} starts at ${p.start} outside its windows on route ${r}`);
      const grid = inst.grid ?? 1;
      if (grid > 1 && !givenTime(inst, p.node) && Math.abs(p.start - Math.round(p.start / grid) * grid) > EPS)
        errors.push(`node ${node.id} starts at ${p.start}, off the ${grid}-minute grid`);
      if (Math.abs(p.end - p.start - node.duration) > EPS) errors.push(`node ${node.id} has the wrong duration`);
      t = p.end;
      if (node.loc !== null) {
        cur = node.endLoc ?? node.loc;
        afterItem = true;
      }
    }
    if (visits > (inst.maxVisitsPerRoute ?? Infinity)) errors.push(`route ${r} has ${visits} visits`);
    if (route.nodes.length > 0) {
      const back = rt.endLoc !== null && cur !== null && cur !== rt.endLoc ? (inst.travel[cur]?.[rt.endLoc] ?? NaN) : 0;
      if (t + back > rt.end + EPS) errors.push(`route ${r} ends at ${t + back} after ${rt.end}`);
    }
  });
  return errors;
}
