import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAgendaRules } from "../../src/plan/check-agenda.js";
import { planRequest } from "../../src/plan/plan-request.js";
import { workspaceArb } from "./random-workspace.js";
import { holidays } from "./workspace-builder.js";

// Random small workspaces: whatever the planner produces must pass every rule
// as the agenda checker (a separate reading of SPEC's rules) sees them.

describe("every agenda the planner produces passes the agenda checker", () => {
  it("holds for random workspaces, every start on the workspace's grid", () => {
    fc.assert(
      fc.property(workspaceArb, ({ ws, request }) => {
        // `check` rejects a walking tour that starts or ends at an online place; such records are never planned.
        fc.pre(
          [...ws.hosts.values()].every(
            (h) => !h.visit.ends_at || (!ws.places.get(h.place)?.online && !ws.places.get(h.visit.ends_at)?.online),
          ),
        );
        const plan = planRequest({ ws, request, holidays, suggestionLimit: 1 });
        if (plan.impossible) return; // a meal or fixed item that cannot be reached is a legitimate "no plan"
        const issues = checkAgendaRules(plan.agenda.days, plan.agenda.timezone, { ws, request, holidays });
        expect(issues).toEqual([]);
        // Round times: the records' own times are on the half hour, so every start is on the grid.
        const grid = ws.config.grid ?? 5;
        for (const day of plan.agenda.days)
          for (const item of day.items)
            if (["visit", "meal", "fixed"].includes(item.kind))
              expect(Number(item.start.slice(14, 16)) % grid, `${item.kind} ${item.start}, grid ${grid}`).toBe(0);
        const planned = new Set(
          plan.agenda.days.flatMap((d) => d.items.filter((i) => i.kind === "visit").map((i) => i.host)),
        );
        for (const u of plan.agenda.unscheduled) expect(planned.has(u.host)).toBe(false);
      }),
      { numRuns: 150, seed: 20181919 },
    );
  });
});
