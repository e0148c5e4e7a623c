import { join } from "node:path";
import { loadHolidays } from "../src/commands/load-holidays.js";
import { buildInstance } from "../src/plan/build-instance.js";
import { rankCandidates } from "../src/plan/candidates.js";
import { fixedItemHosts } from "../src/plan/plan-request.js";
import { solve } from "../src/plan/engine/index.js";
import { loadWorkspace } from "../src/records/load-workspace.js";

export interface BundledRow {
  request: string;
  nodes: number;
  days: number;
  proven: boolean;
  medianMs: number;
  maxMs: number;
}

/** Solver time alone (no loading, no rendering) for each bundled request, 21 runs each. */
export async function runBundled(root: string): Promise<BundledRow[]> {
  const { workspace: ws } = loadWorkspace(join(root, "data"), root);
  const holidays = await loadHolidays(ws);
  return [...ws.requests.values()].map((request) => {
    const parallel = fixedItemHosts(request);
    const candidates = rankCandidates(request, { ws, holidays }).filter((c) => !parallel.has(c.host.id));
    const { instance } = buildInstance(ws, request, candidates, request.pace);
    const times: number[] = [];
    let proven = true;
    for (let i = 0; i < 21; i++) {
      const started = performance.now();
      proven &&= solve(instance).proven;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return {
      request: request.id,
      nodes: instance.nodes.length,
      days: instance.routes.length,
      proven,
      medianMs: round(times[10] ?? 0),
      maxMs: round(times[20] ?? 0),
    };
  });
}

const round = (ms: number) => Math.round(ms * 10) / 10;
