import fc from "fast-check";
import { resolveRequestSettings, type ResolvedRequest } from "../src/records/resolved-request.js";
import type { Host, Place, Request } from "../src/records/schemas.js";
import { emptyWorkspace, type Workspace } from "../src/records/workspace.js";

// Small random days for the sub-groups planner against exhaustive search
// (bench/split-exhaustive.ts): one day from a hotel, two to four hosts of
// capacities 4 to 30, maybe a lunch and a fixed talk that cut the day, a
// delegation of 6 to 12 that may split into 2 or 3 groups.

const DATE = "2018-09-19";
const hours = (start: number, length: number) => ({ start, end: start + length });

export const splitCaseArb: fc.Arbitrary<{ ws: Workspace; request: ResolvedRequest }> = fc
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
    const record: Request = {
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
    const request = resolveRequestSettings(record, ws.config);
    ws.requests.set("r", request);
    return { ws, request };
  });
