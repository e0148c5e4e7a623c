import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAgendaRules } from "../../src/plan/check-agenda.js";
import { planRequest } from "../../src/plan/plan-request.js";
import { workspaceArb } from "./random-workspace.js";
import { holidays } from "./workspace-builder.js";

// Random small workspaces (online places, walking tours, slots, meals without a
// place, fixed items, a visit cap) with the delegation allowed to split: every
// plan passes the agenda checker, splits only when that raises the value, and
// counts each host once.

const splitArb = workspaceArb.chain(({ ws, request }) =>
  fc.record({ maxGroups: fc.constantFrom(2, 3), min: fc.integer({ min: 1, max: 5 }) }).map(({ maxGroups, min }) => {
    const size = request.delegation.size;
    const split = { max_groups: maxGroups, min_size: Math.max(1, Math.min(min, Math.floor(size / 2))) };
    const r = { ...request, delegation: { ...request.delegation, split } };
    ws.requests.set("r", r);
    return { ws, request: r };
  }),
);

describe("every plan of a delegation that may split passes the agenda checker", () => {
  it("holds for random workspaces", () => {
    let split = 0;
    fc.assert(
      fc.property(splitArb, ({ ws, request }) => {
        fc.pre(
          [...ws.hosts.values()].every(
            (h) => !h.visit.ends_at || (!ws.places.get(h.place)?.online && !ws.places.get(h.visit.ends_at)?.online),
          ),
        );
        const plan = planRequest({ ws, request, holidays, suggestionLimit: 1 });
        if (plan.impossible) return;
        expect(checkAgendaRules(plan.agenda.days, plan.agenda.timezone, { ws, request, holidays })).toEqual([]);
        const items = plan.agenda.days.flatMap((d) => d.items);
        const grouped = items.some((i) => i.group !== undefined);
        if (grouped) split++;
        // Splits only when it raises the value.
        if (grouped) expect(plan.agenda.value).toBeGreaterThan(plan.split?.unsplitValue ?? Infinity);
        expect(plan.agenda.value).toBeGreaterThanOrEqual(plan.split?.unsplitValue ?? 0);
        const hosts = items.filter((i) => i.kind === "visit").map((i) => i.host);
        expect(new Set(hosts).size).toBe(hosts.length);
        for (const u of plan.agenda.unscheduled) expect(hosts).not.toContain(u.host);
      }),
      { numRuns: 300, seed: 2018 },
    );
    expect(split).toBeGreaterThan(10);
  });
});
