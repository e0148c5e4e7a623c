import { performance } from "node:perf_hooks";
import { createHolidayCalendar } from "../src/plan/holidays.js";
import { planRequest } from "../src/plan/plan-request.js";
import { planTogether } from "../src/plan/plan-requests.js";
import { resolveRequestSettings, type ResolvedRequest } from "../src/records/resolved-request.js";
import type { Host, Request } from "../src/records/schemas.js";
import { emptyWorkspace, type Workspace } from "../src/records/workspace.js";

/** A seeded linear congruential generator: the same cases on every machine. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/**
 * City-like joint cases: 3 places within about 1 km, 6 hosts (some with
 * `parallel: 2`) open 2-3.5 hours on two days, 6 two-day requests from a hotel
 * with lunch and 10-minute buffers, walking times from positions. Small
 * enough for the exact solver, so each request alone is proven optimal and
 * the sum is an upper bound; walking minutes leave no coarse grid.
 */
export function jointCases(count: number, seed = 5): { ws: Workspace; requests: ResolvedRequest[] }[] {
  const random = lcg(seed);
  return Array.from({ length: count }, () => {
    const ws = emptyWorkspace("/joint");
    ws.config = { timezone: "Europe/Brussels", synonyms: [], travel: [], pace: { buffer: 10 } };
    for (let i = 0; i < 3; i++)
      ws.places.set(`p${i}`, {
        id: `p${i}`,
        name: `p${i}`,
        address: `p${i} street`,
        geo: { lat: 50.8 + i * 0.004 + random() * 0.003, lon: 4.3 + random() * 0.01 },
      });
    for (let h = 0; h < 6; h++) {
      const start = 540 + Math.floor(random() * 6) * 30;
      const host: Host = {
        id: `h${h}`,
        name: `h${h}`,
        themes: [["a", "b", "c"][h % 3] as string],
        languages: [],
        contacts: [],
        place: `p${h % 3}`,
        visit: { duration: [45, 60, 75][h % 3] as number },
        availability: {
          weekly: [{ days: ["wed", "thu"], hours: { start, end: start + 120 + Math.floor(random() * 4) * 30 } }],
          dates: [],
          slots: [],
          closed: [],
          parallel: random() < 0.3 ? 2 : 1,
        },
      };
      ws.hosts.set(host.id, host);
    }
    const requests: ResolvedRequest[] = [];
    for (let r = 0; r < 6; r++) {
      const record: Request = {
        id: `r${r}`,
        title: `r${r}`,
        organiser: { name: "Organiser", email: "organiser@example.org" },
        delegation: { size: 5, profile: [], languages: [], step_free: false },
        timezone: "Europe/Brussels",
        days: ["2018-09-19", "2018-09-20"].map((date) => ({ date, hours: { start: 540, end: 1020 } })),
        base: "p0",
        interests: [
          { theme: "a", weight: 1 + Math.floor(random() * 4) },
          { theme: ["b", "c"][r % 2] as string, weight: 1 + Math.floor(random() * 4) },
        ],
        must_visit: [],
        avoid: [],
        priorities: {},
        meals: [{ name: "lunch", hours: { start: 720, end: 840 }, duration: 60, places: [] }],
        fixed: [],
      };
      const request = resolveRequestSettings(record, ws.config);
      requests.push(request);
      ws.requests.set(request.id, request);
    }
    return { ws, requests };
  });
}

export interface JointRow {
  case: number;
  /** planned one after the other, in order, each around the visits of the ones before */
  sequential: number;
  joint: number;
  bound: number | undefined;
  proven: boolean;
  conflicts: number;
  replans: number;
  ms: number;
}

export function runJoint(count = 15): JointRow[] {
  const holidays = createHolidayCalendar();
  return jointCases(count).map(({ ws, requests }, i) => {
    const bookings = new Map<string, { start: number; end: number }[]>();
    let sequential = 0;
    for (const request of requests) {
      const plan = planRequest({ ws, request, holidays, bookings, suggestionLimit: 0 });
      sequential += plan.impossible ? 0 : plan.agenda.value;
      for (const day of plan.agenda.days)
        for (const item of day.items)
          if (item.kind === "visit" && item.host)
            bookings.set(item.host, [
              ...(bookings.get(item.host) ?? []),
              { start: Date.parse(item.start), end: Date.parse(item.end) },
            ]);
    }
    const started = performance.now();
    const joint = planTogether({ ws, requests, holidays });
    return {
      case: i,
      sequential,
      joint: joint.total,
      bound: joint.bound,
      proven: joint.proven,
      conflicts: joint.stats.conflicts,
      replans: joint.stats.replans,
      ms: Math.round(performance.now() - started),
    };
  });
}
