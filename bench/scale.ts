import { createHolidayCalendar } from "../src/plan/holidays.js";
import { planRequests } from "../src/plan/plan-requests.js";
import { resolveRequestSettings, type ResolvedRequest } from "../src/records/resolved-request.js";
import type { Host, Place, Request } from "../src/records/schemas.js";
import { emptyWorkspace, type Workspace } from "../src/records/workspace.js";

/** Deterministic pseudo-random numbers (mulberry32) so every run plans the same city. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const THEMES = [
  "migrant inclusion",
  "language learning",
  "housing",
  "entrepreneurship",
  "volunteering",
  "women's empowerment",
  "youth work",
  "health",
  "employment",
  "culture",
  "participation",
  "education",
];
const DATES = ["2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-16", "2026-03-17", "2026-03-18"];
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"] as const;

/** A city of `hosts` hosts in a 6 × 6 km square and `requests` delegations of 3 days each. */
export function syntheticCity(
  hosts: number,
  requests: number,
  seed = 7,
): { ws: Workspace; requests: ResolvedRequest[]; records: Request[] } {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const ws = emptyWorkspace("/synthetic");
  ws.config = { timezone: "Europe/Brussels", synonyms: [], travel: [] };
  const place = (id: string): Place => ({
    id,
    name: id,
    address: `${id} street`,
    geo: { lat: 50.82 + random() * 0.054, lon: 4.33 + random() * 0.085 },
    step_free: random() < 0.7,
    capacity: 10 + Math.floor(random() * 40),
  });
  for (let i = 0; i < 20; i++) ws.places.set(`hotel-${i}`, place(`hotel-${i}`));
  for (let i = 0; i < hosts; i++) {
    const p = place(`venue-${i}`);
    ws.places.set(p.id, p);
    const start = 8 * 60 + 30 * Math.floor(random() * 6);
    const host: Host = {
      id: `host-${i}`,
      name: `Host ${i}`,
      themes: [pick(THEMES), pick(THEMES)],
      languages: ["en"],
      contacts: [],
      place: p.id,
      visit: { duration: pick([60, 75, 90, 120]) },
      availability: {
        weekly: [
          {
            days: WEEKDAYS.filter(() => random() < 0.6),
            hours: { start, end: start + 4 * 60 + 30 * Math.floor(random() * 8) },
          },
        ].filter((w) => w.days.length > 0),
        dates: [],
        slots: random() < 0.2 ? [{ date: pick(DATES), hours: { start: 14 * 60, end: 15 * 60 + 30 } }] : [],
        closed: random() < 0.1 ? [pick(DATES)] : [],
        parallel: random() < 0.2 ? 2 : 1,
      },
    };
    ws.hosts.set(host.id, host);
  }
  const list: ResolvedRequest[] = [];
  const records: Request[] = [];
  for (let r = 0; r < requests; r++) {
    const first = Math.floor(random() * (DATES.length - 2));
    const record: Request = {
      id: `delegation-${r}`,
      title: `Delegation ${r}`,
      organiser: { name: "Organiser", email: "organiser@example.org" },
      delegation: { size: 6 + Math.floor(random() * 20), profile: [], languages: ["en"], step_free: false },
      timezone: "Europe/Brussels",
      days: DATES.slice(first, first + 3).map((date) => ({ date, hours: { start: 9 * 60, end: 17 * 60 } })),
      base: `hotel-${r % 20}`,
      interests: [
        { theme: pick(THEMES), weight: 3 },
        { theme: pick(THEMES), weight: 2 },
        { theme: pick(THEMES), weight: 1 },
      ],
      must_visit: [],
      avoid: [],
      priorities: {},
      meals: [{ name: "lunch", hours: { start: 12 * 60, end: 14 * 60 }, duration: 60, places: [] }],
      max_visits_per_day: 4,
      fixed: [],
    };
    const request = resolveRequestSettings(record, ws.config);
    ws.requests.set(request.id, request);
    list.push(request);
    records.push(record);
  }
  return { ws, requests: list, records };
}

export interface ScaleResult {
  hosts: number;
  requests: number;
  days: number;
  ms: number;
  peakRssMb: number;
  visits: number;
  value: number;
  doubleBooked: number;
}

export function runScale(hosts = 1000, requests = 50): ScaleResult {
  const { ws, requests: list } = syntheticCity(hosts, requests);
  const started = performance.now();
  const plans = planRequests({ ws, requests: list, holidays: createHolidayCalendar() });
  const ms = Math.round(performance.now() - started);
  const visits = plans.flatMap((p) =>
    p.agenda.days.flatMap((d) =>
      d.items
        .filter((i) => i.kind === "visit")
        .map((i) => ({ host: i.host as string, start: Date.parse(i.start), end: Date.parse(i.end) })),
    ),
  );
  // Verified independently of the planner: no host above its `parallel` at any moment.
  let doubleBooked = 0;
  for (const v of visits) {
    const overlapping = visits.filter((o) => o.host === v.host && o.start < v.end && v.start < o.end).length;
    if (overlapping > (ws.hosts.get(v.host)?.availability.parallel ?? 1)) doubleBooked++;
  }
  return {
    hosts,
    requests,
    days: 3,
    ms,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    visits: visits.length,
    value: plans.reduce((s, p) => s + p.agenda.value, 0),
    doubleBooked,
  };
}
