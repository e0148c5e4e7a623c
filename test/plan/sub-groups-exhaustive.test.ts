import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAgendaRules } from "../../src/plan/check-agenda.js";
import { planRequest } from "../../src/plan/plan-request.js";
import { minutesOn } from "../../src/plan/zoned-time.js";
import type { Host, Place, Request } from "../../src/records/schemas.js";
import { emptyWorkspace, type Workspace } from "../../src/records/workspace.js";
import { bruteForceBest, bruteForceModel, partOf } from "./split-brute-force.js";
import { holidays } from "./workspace-builder.js";

// The sub-groups planner against exhaustive search over the same model (rejoin
// points fixed at the plan's times, see docs/sub-groups.md): exact for a day in
// one part; with meals and fixed items cutting the day, every part is at its
// best given the others (no part alone can be done better).

const DATE = "2018-09-19";
const hours = (start: number, length: number) => ({ start, end: start + length });

const caseArb = fc
  .record({
    places: fc.array(fc.record({ dLat: fc.integer({ min: 0, max: 30 }), dLon: fc.integer({ min: 0, max: 30 }) }), {
      minLength: 2,
      maxLength: 5,
    }),
    hosts: fc.array(
      fc.record({
        place: fc.nat(),
        duration: fc.constantFrom(45, 60, 90),
        start: fc.integer({ min: 16, max: 26 }),
        length: fc.integer({ min: 4, max: 14 }),
        slot: fc.option(fc.integer({ min: 18, max: 30 }), { freq: 4 }),
        capacity: fc.constantFrom(4, 6, 8, 10, 12, 30),
        theme: fc.constantFrom("housing", "jobs", "language"),
      }),
      { minLength: 2, maxLength: 4 },
    ),
    size: fc.integer({ min: 6, max: 12 }),
    min: fc.integer({ min: 2, max: 4 }),
    maxGroups: fc.constantFrom(2, 3),
    lunch: fc.option(fc.nat(), { freq: 2 }),
    fixed: fc.option(fc.record({ place: fc.nat(), start: fc.integer({ min: 28, max: 30 }) }), { freq: 3 }),
    buffer: fc.constantFrom(0, 5, 10),
    grid: fc.constantFrom(1, 5, 15),
  })
  .map((r) => {
    const ws: Workspace = emptyWorkspace("/random");
    ws.config = { timezone: "Europe/Brussels", synonyms: [], travel: [], grid: r.grid };
    const places: Place[] = r.places.map((p, i) => ({
      id: `p${i}`,
      name: `Place ${i}`,
      address: `Street ${i}`,
      geo: { lat: 50.8 + p.dLat / 1000, lon: 4.3 + p.dLon / 1000 },
    }));
    for (const p of places) ws.places.set(p.id, p);
    const at = (n: number) => (places[n % places.length] as Place).id;
    r.hosts.forEach((h, i) => {
      const host: Host = {
        id: `h${i}`,
        name: `Host ${i}`,
        themes: [h.theme],
        languages: ["en"],
        contacts: [],
        place: at(h.place),
        visit: { duration: h.duration, capacity: h.capacity },
        availability: {
          weekly: [{ days: ["wed"], hours: hours(h.start * 30, h.length * 30) }],
          dates: [],
          slots: h.slot === null ? [] : [{ date: DATE, hours: hours(h.slot * 30, 60) }],
          closed: [],
          parallel: 1,
        },
      };
      ws.hosts.set(host.id, host);
    });
    const min = Math.min(r.min, Math.floor(r.size / 2));
    const request: Request = {
      id: "r",
      title: "Random split",
      organiser: { name: "O", email: "o@example.org" },
      delegation: {
        size: r.size,
        profile: [],
        languages: ["en"],
        step_free: false,
        split: { max_groups: r.maxGroups, min_size: min },
      },
      timezone: "Europe/Brussels",
      days: [{ date: DATE, hours: { start: 9 * 60, end: 17 * 60 } }],
      base: "p0",
      interests: [
        { theme: "housing", weight: 3 },
        { theme: "jobs", weight: 2 },
        { theme: "language", weight: 1 },
      ],
      must_visit: [],
      avoid: [],
      priorities: {},
      meals:
        r.lunch === null
          ? []
          : [{ name: "lunch", hours: { start: 720, end: 840 }, duration: 45, places: [at(r.lunch)] }],
      pace: { buffer: r.buffer },
      fixed:
        r.fixed === null
          ? []
          : [{ title: "Talk", date: DATE, hours: hours(r.fixed.start * 30, 30), place: at(r.fixed.place) }],
    };
    ws.requests.set("r", request);
    return { ws, request };
  });

describe("sub-groups against exhaustive search", () => {
  it("finds the best split of a day without meals or fixed items, and a part it cannot improve elsewhere", () => {
    let cases = 0;
    let single = 0;
    let splits = 0;
    fc.assert(
      fc.property(caseArb, ({ ws, request }) => {
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
