import fc from "fast-check";
import { resolveRequestSettings } from "../../src/records/resolved-request.js";
import type { Host, Place, Request } from "../../src/records/schemas.js";
import { emptyWorkspace, type Workspace } from "../../src/records/workspace.js";

// Random small workspaces (places, hosts, one request "r") for property tests.

const DATES = ["2018-09-18", "2018-09-19", "2018-09-20"];
const hours = (start: number, length: number) => ({ start, end: Math.min(start + length, 20 * 60) });

const placeArb = (id: string) =>
  fc
    .record({
      dLat: fc.integer({ min: 0, max: 40 }),
      dLon: fc.integer({ min: 0, max: 40 }),
      online: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      stepFree: fc.boolean(),
    })
    .map(({ dLat, dLon, online, stepFree }): Place =>
      online
        ? { id, name: id, online: `https://example.org/${id}` }
        : {
            id,
            name: id,
            address: `${id} street`,
            geo: { lat: 50.8 + dLat / 1000, lon: 4.3 + dLon / 1000 },
            step_free: stepFree,
          },
    );

const hostArb = (id: string, placeCount: number) =>
  fc
    .record({
      place: fc.integer({ min: 0, max: placeCount - 1 }),
      endsAt: fc.option(fc.integer({ min: 0, max: placeCount - 1 }), { freq: 4 }),
      duration: fc.constantFrom(30, 45, 60, 90),
      weekly: fc.array(
        fc.record({
          days: fc.subarray(["tue", "wed", "thu"] as const, { minLength: 1 }),
          start: fc.integer({ min: 16, max: 32 }),
          length: fc.integer({ min: 2, max: 16 }),
        }),
        { maxLength: 2 },
      ),
      slots: fc.array(
        fc.record({
          date: fc.constantFrom(...DATES),
          start: fc.integer({ min: 18, max: 34 }),
          length: fc.integer({ min: 1, max: 4 }),
        }),
        { maxLength: 2 },
      ),
      closed: fc.subarray(DATES, { maxLength: 1 }),
      themes: fc.subarray(["housing", "jobs", "language"], { minLength: 1 }),
      capacity: fc.option(fc.integer({ min: 5, max: 30 }), { freq: 3 }),
      parallel: fc.integer({ min: 1, max: 2 }),
    })
    .map((h): Host => ({
      id,
      name: `Host ${id}`,
      themes: h.themes,
      languages: ["en"],
      contacts: [],
      place: `p${h.place}`,
      visit: {
        duration: h.duration,
        ...(h.endsAt !== null ? { ends_at: `p${h.endsAt}` } : {}),
        ...(h.capacity !== null ? { capacity: h.capacity } : {}),
      },
      availability: {
        weekly: h.weekly.map((w) => ({ days: [...w.days], hours: hours(w.start * 30, w.length * 30) })),
        dates: [],
        slots: h.slots.map((s) => ({ date: s.date, hours: hours(s.start * 30, s.length * 30) })),
        closed: h.closed,
        parallel: h.parallel,
      },
    }));

export const workspaceArb = fc.integer({ min: 2, max: 5 }).chain((placeCount) =>
  fc
    .record({
      places: fc.tuple(...Array.from({ length: placeCount }, (_, i) => placeArb(`p${i}`))),
      hosts: fc
        .integer({ min: 1, max: 6 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => hostArb(`h${i}`, placeCount)))),
      days: fc.subarray(DATES, { minLength: 1 }),
      dayStart: fc.integer({ min: 16, max: 20 }),
      dayLength: fc.integer({ min: 8, max: 18 }),
      base: fc.option(fc.integer({ min: 0, max: placeCount - 1 }), { freq: 2 }),
      meal: fc.boolean(),
      mealPlace: fc.option(fc.integer({ min: 0, max: placeCount - 1 }), { freq: 2 }),
      fixed: fc.option(
        fc.record({
          date: fc.constantFrom(...DATES),
          start: fc.integer({ min: 18, max: 30 }),
          length: fc.integer({ min: 1, max: 3 }),
        }),
        { freq: 3 },
      ),
      maxVisits: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 3 }),
      size: fc.integer({ min: 4, max: 20 }),
      stepFree: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      buffer: fc.constantFrom(0, 5, 10),
      grid: fc.constantFrom(1, 5, 5, 10, 15),
    })
    .map((r) => {
      const ws: Workspace = emptyWorkspace("/random");
      // Every time the records give (windows, slots, fixed items) is on the half hour: on every grid drawn.
      ws.config = { timezone: "Europe/Brussels", synonyms: [], travel: [], grid: r.grid };
      for (const p of r.places) ws.places.set(p.id, p);
      for (const h of r.hosts) ws.hosts.set(h.id, h);
      const basePlace = r.base === null ? undefined : r.places[r.base];
      const base = basePlace && !basePlace.online ? basePlace.id : undefined;
      const mealPlace = r.mealPlace === null ? undefined : r.places[r.mealPlace]?.id;
      const record: Request = {
        id: "r",
        title: "Random visit",
        organiser: { name: "O", email: "o@example.org" },
        delegation: { size: r.size, profile: [], languages: ["en"], step_free: r.stepFree },
        timezone: "Europe/Brussels",
        days: r.days.map((date) => ({ date, hours: hours(r.dayStart * 30, r.dayLength * 30) })),
        ...(base ? { base } : {}),
        interests: [
          { theme: "housing", weight: 2 },
          { theme: "jobs", weight: 1 },
        ],
        must_visit: [],
        avoid: [],
        priorities: {},
        meals: r.meal
          ? [
              {
                name: "lunch",
                hours: { start: 12 * 60, end: 14 * 60 },
                duration: 45,
                places: mealPlace ? [mealPlace] : [],
              },
            ]
          : [],
        pace: { buffer: r.buffer },
        ...(r.maxVisits !== null ? { max_visits_per_day: r.maxVisits } : {}),
        fixed:
          r.fixed && r.days.includes(r.fixed.date)
            ? [{ title: "Fixed talk", date: r.fixed.date, hours: hours(r.fixed.start * 30, r.fixed.length * 30) }]
            : [],
      };
      const request = resolveRequestSettings(record, ws.config);
      ws.requests.set("r", request);
      return { ws, request };
    }),
);
