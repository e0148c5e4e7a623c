import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadHolidays } from "../../src/commands/load-holidays.js";
import { buildInstance } from "../../src/plan/build-instance.js";
import { rankCandidates } from "../../src/plan/candidates.js";
import { solve, type EngineInstance } from "../../src/plan/engine/index.js";
import { loadWorkspace } from "../../src/records/load-workspace.js";
import { repoRoot } from "../helpers/files.js";
import {
  betterObjective,
  mandatoryGroups,
  referenceObjective,
  referenceSchedule,
  type RefObjective,
} from "./engine/reference-model.js";

/**
 * Exhaustive search with the test-only reference model: every feasible
 * sequence per day (grown one node at a time, pruned as soon as a prefix
 * misses a window), combined over the days without reusing a node or group.
 */
function exhaustive(inst: EngineInstance): RefObjective {
  const open: EngineInstance = { ...inst, routes: inst.routes.map((r) => ({ ...r, endLoc: null, end: Infinity })) };
  const group = (j: number) => inst.nodes[j]?.group ?? `#${inst.nodes[j]?.id}`;
  const perRoute = inst.routes.map((_, r) => {
    const out: number[][] = [[]];
    const grow = (seq: number[]) => {
      for (let j = 0; j < inst.nodes.length; j++) {
        if (seq.includes(j) || seq.some((k) => group(k) === group(j)) || !(inst.nodes[j]?.windows[r]?.length ?? 0))
          continue;
        const next = [...seq, j];
        if (!referenceSchedule(open, r, next)) continue;
        if (referenceSchedule(inst, r, next)) out.push(next);
        grow(next);
      }
    };
    grow([]);
    return out;
  });
  const needed = mandatoryGroups(inst).size;
  let best: RefObjective | undefined;
  const combine = (r: number, chosen: number[][]) => {
    if (r === inst.routes.length) {
      const objective = referenceObjective(inst, chosen);
      if (objective && objective.mandatory === needed && (!best || betterObjective(objective, best))) best = objective;
      return;
    }
    for (const seq of perRoute[r] ?? []) combine(r + 1, [...chosen, seq]);
  };
  combine(0, []);
  if (!best) throw new Error("no feasible plan");
  return best;
}

describe("the bundled requests are planned optimally", () => {
  const { workspace: ws } = loadWorkspace(join(repoRoot, "data"), repoRoot);
  const holidays = loadHolidays(ws);
  for (const request of ws.requests.values()) {
    it(`${request.id}: the exact solver's plan equals exhaustive search`, async () => {
      const candidates = rankCandidates(request, { ws, holidays: await holidays }).filter(
        (c) => !request.fixed.some((f) => f.parallel?.some((s) => s.host === c.host.id)),
      );
      const { instance } = buildInstance(ws, request, candidates, request.pace);
      const result = solve(instance);
      expect(result.proven).toBe(true);
      expect(result.stats.method).toBe("exact");
      const best = exhaustive(instance);
      expect({ score: result.score, travel: result.travel, endSum: result.endSum }).toEqual({
        score: best.score,
        travel: best.travel,
        endSum: best.endSum,
      });
    });
  }
});
