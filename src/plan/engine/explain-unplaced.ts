import type { Model } from "./compile-model.js";
import { simulateRoute } from "./simulate-route.js";
import type { MissingMandatory, UnplacedNode, UnplacedReason } from "./types.js";

const SEVERITY: Record<UnplacedReason, number> = {
  "no-window": 4,
  unreachable: 3,
  "blocked-by-mandatory": 2,
  "group-taken": 1,
  "no-time-left": 0,
};

function fitsSomewhere(model: Model, r: number, base: number[], j: number): boolean {
  for (let p = 0; p <= base.length; p++) {
    const seq = base.slice();
    seq.splice(p, 0, j);
    if (simulateRoute(model, r, seq)) return true;
  }
  return false;
}

function reasonFor(
  model: Model,
  routes: number[][],
  placed: Uint8Array,
  j: number,
  mandatoryOnly: number[][],
): UnplacedReason {
  if (!model.win.some((w) => w[j] !== null)) return "no-window";
  const g = model.group[j] as number;
  if ((model.groupNodes[g] as number[]).some((k) => placed[k] === 1)) return "group-taken";
  const routeIdx = [...routes.keys()];
  if (!routeIdx.some((r) => simulateRoute(model, r, [j]) !== null)) return "unreachable";
  if (!routeIdx.some((r) => fitsSomewhere(model, r, mandatoryOnly[r] as number[], j))) return "blocked-by-mandatory";
  return "no-time-left";
}

/** Reason codes for every node left out, and the mandatory groups that are missing. */
export function explainUnplaced(
  model: Model,
  routes: number[][],
): { unplaced: UnplacedNode[]; missing: MissingMandatory[] } {
  const placed = new Uint8Array(model.n);
  for (const seq of routes) for (const j of seq) placed[j] = 1;
  const mandatoryOnly = routes.map((seq) => seq.filter((j) => model.groupMandatory[model.group[j] as number]));
  const unplaced: UnplacedNode[] = [];
  const reasons = new Map<number, UnplacedReason>();
  for (let j = 0; j < model.n; j++) {
    if (placed[j] === 1) continue;
    const reason = reasonFor(model, routes, placed, j, mandatoryOnly);
    reasons.set(j, reason);
    unplaced.push({ node: j, reason });
  }
  const missing: MissingMandatory[] = [];
  model.groupNodes.forEach((nodes, g) => {
    if (!model.groupMandatory[g] || nodes.some((k) => placed[k] === 1)) return;
    let reason: UnplacedReason = "no-window";
    for (const k of nodes) {
      const r = reasons.get(k) ?? "no-window";
      if (SEVERITY[r] < SEVERITY[reason]) reason = r;
    }
    missing.push({ group: model.groupName[g] as string, nodes: [...nodes], reason });
  });
  return { unplaced, missing };
}
