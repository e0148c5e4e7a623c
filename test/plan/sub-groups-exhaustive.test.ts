import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAgendaRules } from "../../src/plan/check-agenda.js";
import { planRequest } from "../../src/plan/plan-request.js";
import { minutesOn } from "../../src/records/zoned-time.js";
import { splitCaseArb } from "../../bench/split-cases.js";
import { bruteForceBest, bruteForceModel, partOf } from "../../bench/split-exhaustive.js";
import { holidays } from "./workspace-builder.js";

// The sub-groups planner against exhaustive search over the same model (rejoin
// points fixed at the plan's times, see docs/sub-groups.md): exact for a day in
// one part; with meals and fixed items cutting the day, every part is at its
// best given the others (no part alone can be done better).

describe("sub-groups against exhaustive search", () => {
  it("finds the best split of a day without meals or fixed items, and a part it cannot improve elsewhere", () => {
    let cases = 0;
    let single = 0;
    let splits = 0;
    fc.assert(
      fc.property(splitCaseArb, ({ ws, request }) => {
        const plan = planRequest({ ws, request, holidays, suggestionLimit: 0 });
        if (plan.impossible) return;
        cases++;
        const { agenda } = plan;
        expect(checkAgendaRules(agenda.days, agenda.timezone, { ws, request, holidays })).toEqual([]);
        const model = bruteForceModel(ws, request, agenda, holidays);
        const visits = agenda.days.flatMap((d) =>
          d.items
            .filter((i) => i.kind === "visit")
            .map((i) => ({
              host: i.host as string,
              part: partOf(model, d.date, minutesOn(d.date, i.start, agenda.timezone)),
            })),
        );
        const value = (host: string) => model.hosts.find((h) => h.id === host)?.value ?? 0;
        // The whole model's best is an upper bound of any plan in it.
        const best = bruteForceBest(model);
        expect(agenda.value).toBeLessThanOrEqual(best);
        if (agenda.days.some((d) => d.items.some((i) => i.group !== undefined))) splits++;
        if (model.parts.length === 1) {
          single++;
          expect(agenda.value, "one part: exact").toBe(best);
        }
        // No part alone can do better with the hosts the other parts leave it.
        model.parts.forEach((_, p) => {
          const taken = new Set(visits.filter((v) => v.part !== p).map((v) => v.host));
          const mine = visits.filter((v) => v.part === p).reduce((n, v) => n + value(v.host), 0);
          expect(bruteForceBest(model, { searchParts: new Set([p]), taken }), `part ${p}`).toBe(mine);
        });
      }),
      { numRuns: 300, seed: 919 },
    );
    // The runs must exercise what they claim: feasible plans, and days in one part among them.
    expect(cases).toBeGreaterThan(250);
    expect(single).toBeGreaterThan(30);
    expect(splits).toBeGreaterThan(100);
  });
});
