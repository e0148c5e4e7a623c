import type { EngineInstance, EngineNode, Window } from "../../../src/plan/engine/index.js";

export interface RandomInstanceOptions {
  nodes: number;
  routes: number;
  extras: boolean;
  /**
   * Give about half the nodes a "previous visit": a twin in the node's group with keep and the single window
   * [t, t] on one route (t inside one of the node's windows, or anywhere in the first 200 minutes), mostly of
   * the same score. Twins come after the other nodes and are drawn last, so the rest of the instance is the same.
   */
  keep?: boolean;
  /** EngineInstance.grid (windows and route starts stay on arbitrary minutes, so most open off the grid). */
  grid?: number;
}

/** Small seeded generator of product-like instances: buffers, transparent items, walking tours, groups, mandatory items, several windows. */
export function randomInstance(seed: number, opts: RandomInstanceOptions): EngineInstance {
  let s = seed >>> 0 || 1;
  const rnd = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  const int = (a: number, b: number): number => a + Math.floor(rnd() * (b - a + 1));
  const nLoc = int(3, 6);
  const pts = Array.from({ length: nLoc }, () => [int(0, 40), int(0, 40)] as const);
  const travel = pts.map(([x1, y1], i) =>
    pts.map(([x2, y2], j) =>
      i === j ? 0 : Math.floor(Math.hypot(x1 - x2, y1 - y2) * 10) / 10 + (opts.extras ? int(0, 3) : 0),
    ),
  );
  const routes = Array.from({ length: opts.routes }, (_, r) => {
    const depot = opts.extras && rnd() < 0.2 ? null : 0;
    return { start: r * 1000, end: r * 1000 + int(120, 300), startLoc: depot, endLoc: depot };
  });
  const nodes: EngineNode[] = Array.from({ length: opts.nodes }, (_, j) => {
    const transparent = opts.extras && rnd() < 0.15;
    const loc = transparent ? null : int(0, nLoc - 1);
    const windows: Window[][] = routes.map((rt) => {
      if (rnd() < 0.2) return [];
      const k = opts.extras && rnd() < 0.3 ? 2 : 1;
      return Array.from({ length: k }, () => {
        const a = rt.start + int(0, 200);
        return [a, a + int(0, 80)] as const;
      });
    });
    const node: EngineNode = {
      id: `n${j}`,
      score: int(0, 10),
      duration: int(5, 40),
      loc,
      windows,
      countsAsVisit: rnd() < 0.8,
      ...(opts.extras && loc !== null && rnd() < 0.15 ? { endLoc: int(0, nLoc - 1) } : {}),
      ...(opts.extras && rnd() < 0.25 ? { group: `g${int(0, 1)}` } : {}),
      ...(opts.extras && rnd() < 0.15 ? { mandatory: true } : {}),
    };
    return node;
  });
  const inst: EngineInstance = {
    travel,
    buffer: opts.extras ? int(0, 10) : 0,
    routes,
    nodes,
    ...(opts.extras && rnd() < 0.3 ? { maxVisitsPerRoute: int(1, 3) } : {}),
    ...(opts.grid === undefined ? {} : { grid: opts.grid }),
  };
  if (!opts.keep) return inst;
  const base = nodes.length;
  for (let j = 0; j < base; j++) {
    if (rnd() < 0.5) continue;
    const node = nodes[j] as EngineNode;
    const group = node.group ?? `h${j}`;
    const r = int(0, routes.length - 1);
    const ws = node.windows[r] ?? [];
    const w = ws.length > 0 && rnd() < 0.8 ? ws[int(0, ws.length - 1)] : undefined;
    const t = w ? int(w[0], w[1]) : (routes[r]?.start ?? 0) + int(0, 200);
    nodes[j] = { ...node, group };
    nodes.push({
      ...node,
      id: `${node.id}-kept`,
      group,
      score: rnd() < 0.8 ? node.score : int(0, 10),
      windows: routes.map((_, q) => (q === r ? [[t, t] as const] : [])),
      keep: true,
    });
  }
  return inst;
}
