import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Agenda } from "../../src/plan/agenda.js";
import { checkAgendaRules } from "../../src/plan/check-agenda.js";
import { planRequest } from "../../src/plan/plan-request.js";
import { planStatus } from "../../src/commands/compute-plans.js";
import { hostVisits } from "../../src/plan/host-visits.js";
import { planTogether, type PlanProgress } from "../../src/plan/plan-requests.js";
import { resolveRequestSettings, type ResolvedRequest } from "../../src/records/resolved-request.js";
import type { Host, Place, Request } from "../../src/records/schemas.js";
import { emptyWorkspace, type Workspace } from "../../src/records/workspace.js";
import { holidays, host, lines, north, request, workspaceOf } from "./workspace-builder.js";

const DATE = "2018-09-19"; // a Wednesday

/** Every visit of the agendas: host, start and end in ms. */
function visitsOf(agendas: readonly Agenda[]): { host: string; start: number; end: number }[] {
  return agendas.flatMap((a) =>
    a.days.flatMap((d) =>
      d.items
        .filter((i) => i.kind === "visit")
        .map((i) => ({ host: i.host as string, start: Date.parse(i.start), end: Date.parse(i.end) })),
    ),
  );
}

/** Checked apart from the planner: at no visit's start are more delegations at its host than `parallel`. */
function overBooked(ws: Workspace, agendas: readonly Agenda[]): string[] {
  const visits = visitsOf(agendas);
  return visits
    .filter(
      (v) =>
        visits.filter((o) => o.host === v.host && o.start <= v.start && v.start < o.end).length >
        (ws.hosts.get(v.host)?.availability.parallel ?? 1),
    )
    .map((v) => `${v.host} at ${new Date(v.start).toISOString()}`);
}

/** Every host's time the agendas take (visits, parallel sessions, joint meetings), in ms, from the agendas alone. */
function hostUses(agendas: readonly Agenda[]): { host: string; start: number; end: number }[] {
  return agendas.flatMap((a) =>
    hostVisits(a).map((v) => ({ host: v.host, start: Date.parse(v.item.start), end: Date.parse(v.item.end) })),
  );
}

/** As overBooked, with joint meetings and parallel sessions counted. */
function hostOverBooked(ws: Workspace, agendas: readonly Agenda[]): string[] {
  const uses = hostUses(agendas);
  return uses
    .filter(
      (v) =>
        uses.filter((o) => o.host === v.host && o.start <= v.start && v.start < o.end).length >
        (ws.hosts.get(v.host)?.availability.parallel ?? 1),
    )
    .map((v) => `${v.host} at ${new Date(v.start).toISOString()}`);
}

describe("joint planning", () => {
  // Two delegations on the same Wednesday both want microStart (parallel: 1), open 09:00-11:00.
  // Alpha has all day and y, open from 10:00; Beta's day is 09:00-11:00 and after microStart it sees w, open 10:00-11:00 only.
  // Planned one after the other, Alpha takes microStart at 09:00 and Beta loses it (9 + 6 = 15);
  // together Alpha goes an hour later at no cost and both have it (9 + 12 = 21).
  const files = {
    "studyvisit.yaml": "timezone: Europe/Brussels\n",
    "places/p.yaml": '- {id: b, name: Office, address: "Rue 2", geo: "50.81, 4.3"}\n',
    "hosts/microstart.yaml": host(
      "microstart",
      "b",
      'themes: [microcredit]\navailability: {weekly: [{days: [wed], hours: "09:00-11:00"}], parallel: 1}\nvisit: {duration: 60min}',
    ).replace("themes: [inclusion]\n", ""),
    "hosts/y.yaml": host("y", "b", 'availability: {weekly: [{days: [wed], hours: "10:00-17:00"}]}'),
    "hosts/w.yaml": host(
      "w",
      "b",
      'themes: [housing]\navailability: {weekly: [{days: [wed], hours: "10:00-11:00"}]}',
    ).replace("themes: [inclusion]\n", ""),
    "requests/alpha.yaml": request(
      `days: [{date: ${DATE}, hours: "09:00-17:00"}]\ninterests: [{theme: microcredit, weight: 6}, {theme: inclusion, weight: 3}]`,
    ).replace("id: r", "id: alpha"),
    "requests/beta.yaml": request(
      `days: [{date: ${DATE}, hours: "09:00-11:00"}]\ninterests: [{theme: microcredit, weight: 6}, {theme: housing, weight: 6}]`,
    ).replace("id: r", "id: beta"),
  };

  it("gives two delegations that compete for one host the best total, and proves it", () => {
    const { ws } = workspaceOf(files);
    const alpha = ws.requests.get("alpha") as ResolvedRequest;
    const beta = ws.requests.get("beta") as ResolvedRequest;

    // The old rule, for the record: the first request books its best hour, the second plans around it.
    const first = planRequest({ ws, request: alpha, holidays });
    const taken = new Map([["microstart", visitsOf([first.agenda]).filter((v) => v.host === "microstart")]]);
    const second = planRequest({ ws, request: beta, holidays, bookings: taken });
    expect(first.agenda.value + second.agenda.value).toBe(15);

    const joint = planTogether({ ws, requests: [alpha, beta], holidays });
    expect(joint.total).toBe(21);
    expect(joint.bound).toBe(21);
    expect(joint.proven).toBe(true);
    const [a, b] = joint.plans;
    expect(lines(a!.agenda).filter((l) => l.includes("visit"))).toEqual([
      "10:00-11:00 visit microstart",
      "11:00-12:00 visit y",
    ]);
    expect(lines(b!.agenda).filter((l) => l.includes("visit"))).toEqual([
      "09:00-10:00 visit microstart",
      "10:00-11:00 visit w",
    ]);
    expect(a!.proven && b!.proven).toBe(true);
    expect(
      overBooked(
        ws,
        joint.plans.map((p) => p.agenda),
      ),
    ).toEqual([]);
  });

  it("weighs each request by its `priority` when both cannot have the host", () => {
    // Beta's day now ends at 10:00: only one of them can have microStart at 09:00-10:00 or Alpha at 10:00 ...
    // so make Alpha's window 09:00-10:00 too: exactly one of them gets microStart.
    const tight = {
      ...files,
      "hosts/microstart.yaml": files["hosts/microstart.yaml"].replace("09:00-11:00", "09:00-10:00"),
    };
    const { ws } = workspaceOf(tight);
    const alpha = ws.requests.get("alpha") as ResolvedRequest;
    const beta = ws.requests.get("beta") as ResolvedRequest;
    const plain = planTogether({ ws, requests: [alpha, beta], holidays });
    // Equal weights, equal value of the host to both: the earlier request keeps it.
    expect(plain.plans.map((p) => visitsOf([p.agenda]).some((v) => v.host === "microstart"))).toEqual([true, false]);
    expect(plain.proven).toBe(true);
    const weighted = planTogether({ ws, requests: [alpha, { ...beta, priority: 2 }], holidays });
    expect(weighted.plans.map((p) => visitsOf([p.agenda]).some((v) => v.host === "microstart"))).toEqual([false, true]);
    expect(weighted.total).toBe(3 + 2 * 12);
    expect(weighted.proven).toBe(true);
    const left = weighted.plans[0]!.agenda.unscheduled.find((u) => u.host === "microstart");
    expect(left?.code).toBe("booked");
  });

  it("leaves alone booked agendas that already over-book a host among themselves, and plans around them", () => {
    const { ws } = workspaceOf(files);
    const alpha = ws.requests.get("alpha") as ResolvedRequest;
    const beta = ws.requests.get("beta") as ResolvedRequest;
    // Two agendas sent out earlier, both at microStart 09:00-10:00: history, not a conflict to settle.
    const booked = [
      planRequest({ ws, request: beta, holidays }).agenda,
      planRequest({ ws, request: beta, holidays }).agenda,
    ];
    expect(overBooked(ws, booked)).not.toEqual([]);
    const joint = planTogether({ ws, requests: [alpha], holidays, booked });
    expect(joint.stats.conflicts).toBe(0);
    expect(lines(joint.plans[0]!.agenda).filter((l) => l.includes("visit"))).toEqual([
      "10:00-11:00 visit microstart",
      "11:00-12:00 visit y",
    ]);
    expect(joint.proven).toBe(true);
  });

  it("counts a joint meeting's hosts as taken for its whole time, planned together or booked", () => {
    // Alpha meets x and z together 09:00-10:00 (a joint meeting); Beta, on its own, would visit x (parallel: 1)
    // at 09:00 and w at 10:00. Together, x cannot receive Beta during Alpha's meeting.
    const meeting = {
      "studyvisit.yaml": "timezone: Europe/Brussels\n",
      "places/p.yaml": '- {id: b, name: Office, address: "Rue 2", geo: "50.81, 4.3"}\n',
      "hosts/x.yaml": host("x", "b", 'availability: {weekly: [{days: [wed], hours: "09:00-11:00"}], parallel: 1}'),
      "hosts/z.yaml": host("z", "b", 'availability: {weekly: [{days: [wed], hours: "09:00-17:00"}]}'),
      "hosts/w.yaml": host(
        "w",
        "b",
        'themes: [housing]\navailability: {weekly: [{days: [wed], hours: "10:00-11:00"}]}',
      ).replace("themes: [inclusion]\n", ""),
      "requests/alpha.yaml": request(
        `days: [{date: ${DATE}, hours: "09:00-17:00"}]\ninterests: [inclusion]\n` +
          `fixed: [{title: Round table, date: ${DATE}, hours: "09:00-10:00", place: b, hosts: [x, z]}]`,
      ).replace("id: r", "id: alpha"),
      "requests/beta.yaml": request(
        `days: [{date: ${DATE}, hours: "09:00-11:00"}]\ninterests: [{theme: inclusion, weight: 6}, {theme: housing, weight: 6}]`,
      ).replace("id: r", "id: beta"),
    };
    const { ws } = workspaceOf(meeting);
    const alpha = ws.requests.get("alpha") as ResolvedRequest;
    const beta = ws.requests.get("beta") as ResolvedRequest;
    const nine = Date.parse(`${DATE}T07:00:00Z`);
    const atX = (agenda: Agenda) => hostUses([agenda]).filter((u) => u.host === "x");
    // Alone, Beta takes x at 09:00, during Alpha's meeting: the conflict joint planning must see.
    const betaAlone = planRequest({ ws, request: beta, holidays });
    expect(atX(betaAlone.agenda)).toEqual([{ host: "x", start: nine, end: nine + 3_600_000 }]);

    const joint = planTogether({ ws, requests: [alpha, beta], holidays });
    expect(joint.stats.conflicts).toBe(1);
    const [a, b] = joint.plans;
    expect(atX(a!.agenda)).toEqual([{ host: "x", start: nine, end: nine + 3_600_000 }]);
    expect(atX(b!.agenda).every((u) => u.start >= nine + 3_600_000)).toBe(true);
    expect(hostOverBooked(ws, [a!.agenda, b!.agenda])).toEqual([]);
    expect(joint.proven).toBe(true);

    // Alpha's agenda sent out (--booked): its meeting holds x's time for Beta too.
    const booked = planTogether({ ws, requests: [beta], holidays, booked: [a!.agenda] });
    expect(atX(booked.plans[0]!.agenda).every((u) => u.start >= nine + 3_600_000)).toBe(true);
    expect(hostOverBooked(ws, [a!.agenda, booked.plans[0]!.agenda])).toEqual([]);
  });

  it("reports its progress: each request planned alone, then the search together, then the end", () => {
    const { ws } = workspaceOf(files);
    const alpha = ws.requests.get("alpha") as ResolvedRequest;
    const beta = ws.requests.get("beta") as ResolvedRequest;
    const events: PlanProgress[] = [];
    const joint = planTogether({ ws, requests: [alpha, beta], holidays, onProgress: (p) => events.push(p) });
    const quiet = planTogether({ ws, requests: [alpha, beta], holidays });
    expect(joint.plans.map((p) => p.agenda)).toEqual(quiet.plans.map((p) => p.agenda));

    const alone = events.filter((e) => !e.settling && e.current);
    expect(alone[0]).toEqual({ requestsDone: 0, requestsTotal: 2, valueDone: 0, current: { request: "alpha" } });
    // Alone, Alpha takes microStart at 09:00 and y: 9; Beta has microStart and w: 12.
    expect(alone).toContainEqual({ requestsDone: 1, requestsTotal: 2, valueDone: 9, current: { request: "beta" } });
    const settling = events.filter((e) => e.settling);
    expect(settling.length).toBeGreaterThan(0);
    for (const e of settling) expect(e).toMatchObject({ requestsDone: 2, requestsTotal: 2, valueDone: 21 });
    expect(settling.every((e) => e.settling!.conflicts === 1)).toBe(true);
    const replans = settling.map((e) => e.settling!.replans);
    expect(replans).toEqual([...replans].sort((x, y) => x - y));
    expect(settling[0]!.settling!.bestValue).toBeUndefined();
    expect(settling.at(-1)!.settling!.bestValue).toBe(21);
    expect(events.at(-1)).toEqual({ requestsDone: 2, requestsTotal: 2, valueDone: 21 });
    expect(planStatus(settling.at(-1)!)).toMatch(
      /^planning together: 2 requests planned alone \(value 21\) over-book hosts at 1 moment · \d+ re-plans? · best value so far 21$/,
    );
  });

  it("matches an exhaustive search over joint plans on small generated workspaces, and never over-books a host", () => {
    const seen = { conflicts: 0, belowBound: 0, impossible: 0 };
    fc.assert(
      fc.property(smallCase, ({ ws, requests }) => {
        const joint = planTogether({ ws, requests, holidays });
        const best = exhaustiveBest(ws, requests);
        if (joint.stats.conflicts > 0) seen.conflicts++;
        if (best !== undefined && joint.bound !== undefined && best < joint.bound) seen.belowBound++;
        if (best === undefined) seen.impossible++;
        if (best === undefined) {
          expect(joint.plans.some((p) => p.impossible)).toBe(true);
          return;
        }
        expect(joint.plans.every((p) => !p.impossible)).toBe(true);
        expect(joint.total).toBe(best);
        expect(joint.proven).toBe(true);
        expect(joint.total).toBeLessThanOrEqual(joint.bound as number);
        expect(
          overBooked(
            ws,
            joint.plans.map((p) => p.agenda),
          ),
        ).toEqual([]);
      }),
      { numRuns: 60, seed: 1911 },
    );
    // The sample holds the cases that matter: requests that compete, some that cannot all have their best
    // (the complete search at work), and some with no joint plan at all.
    expect(seen.conflicts).toBeGreaterThanOrEqual(20);
    expect(seen.belowBound).toBeGreaterThanOrEqual(5);
    expect(seen.impossible).toBeGreaterThanOrEqual(1);
  });

  it("with the heuristic (large requests): never over-books a host, never beats the exhaustive best, same plans on every run", () => {
    fc.assert(
      fc.property(smallCase, ({ ws, requests }) => {
        const solver = { method: "heuristic" as const, iterations: 40 };
        const joint = planTogether({ ws, requests, holidays, solver });
        expect(joint.bound).toBeUndefined();
        expect(joint.proven).toBe(false);
        if (joint.plans.some((p) => p.impossible)) return;
        expect(
          overBooked(
            ws,
            joint.plans.map((p) => p.agenda),
          ),
        ).toEqual([]);
        const best = exhaustiveBest(ws, requests);
        expect(joint.total).toBeLessThanOrEqual(best as number);
        const again = planTogether({ ws, requests, holidays, solver });
        expect(again.plans.map((p) => p.agenda)).toEqual(joint.plans.map((p) => p.agenda));
      }),
      { numRuns: 40, seed: 2026 },
    );
  });

  it("never ends below planning one after the other, on city-like workspaces where proofs are rare", () => {
    let gains = 0;
    fc.assert(
      fc.property(cityCase, ({ ws, requests }) => {
        const joint = planTogether({ ws, requests, holidays, budget: 200 });
        // The old rule, written out here: in order, each request planned around the visits of the ones before.
        const bookings = new Map<string, { start: number; end: number }[]>();
        let old = 0;
        for (const request of requests) {
          const plan = planRequest({ ws, request, holidays, bookings, suggestionLimit: 0 });
          if (plan.impossible) return;
          old += plan.agenda.value;
          for (const v of visitsOf([plan.agenda])) bookings.set(v.host, [...(bookings.get(v.host) ?? []), v]);
        }
        expect(joint.total).toBeGreaterThanOrEqual(old);
        if (joint.total > old) gains++;
        if (joint.bound !== undefined) expect(joint.total).toBeLessThanOrEqual(joint.bound);
        expect(
          overBooked(
            ws,
            joint.plans.map((p) => p.agenda),
          ),
        ).toEqual([]);
      }),
      { numRuns: 12, seed: 5 },
    );
    // Most of these cases gain nothing or cannot be proven; some must gain, or the search is not at work.
    expect(gains).toBeGreaterThanOrEqual(3);
  });
});

// City-like cases: 4-5 requests of two days from a hotel, lunch, 10-minute buffers, walking times
// from positions (whole minutes, so no coarse grid), 6 hosts, some with parallel 2.
const cityCase = fc
  .record({
    places: fc.array(fc.record({ lat: fc.integer({ min: 0, max: 8 }), lon: fc.integer({ min: 0, max: 12 }) }), {
      minLength: 3,
      maxLength: 3,
    }),
    hosts: fc.array(
      fc.record({
        start: fc.integer({ min: 18, max: 23 }).map((h) => h * 30),
        length: fc.integer({ min: 4, max: 7 }).map((h) => h * 30),
        parallel: fc.constantFrom(1, 1, 2),
      }),
      { minLength: 6, maxLength: 6 },
    ),
    requests: fc.array(fc.record({ a: fc.integer({ min: 1, max: 4 }), other: fc.integer({ min: 1, max: 4 }) }), {
      minLength: 5,
      maxLength: 6,
    }),
  })
  .map(({ places, hosts, requests }) => {
    const ws = emptyWorkspace("/city");
    ws.config = { timezone: "Europe/Brussels", synonyms: [], travel: [] };
    places.forEach((p, i) =>
      ws.places.set(`p${i}`, {
        id: `p${i}`,
        name: `p${i}`,
        address: `p${i} street`,
        geo: { lat: 50.8 + p.lat / 1000, lon: 4.3 + p.lon / 1000 },
      }),
    );
    hosts.forEach((h, i) =>
      ws.hosts.set(`h${i}`, {
        id: `h${i}`,
        name: `h${i}`,
        themes: [THEMES[i % 3] as string],
        languages: [],
        contacts: [],
        place: `p${i % 3}`,
        visit: { duration: [45, 60, 75][i % 3] as number },
        availability: {
          weekly: [{ days: ["wed", "thu"], hours: { start: h.start, end: h.start + h.length } }],
          dates: [],
          slots: [],
          closed: [],
          parallel: h.parallel,
        },
      }),
    );
    const records: Request[] = requests.map((r, i) => ({
      id: `r${i}`,
      title: `r${i}`,
      organiser: { name: "Org", email: "org@example.org" },
      delegation: { size: 5, profile: [], languages: [], step_free: false },
      timezone: "Europe/Brussels",
      days: ["2018-09-19", "2018-09-20"].map((date) => ({ date, hours: { start: 9 * 60, end: 17 * 60 } })),
      base: "p0",
      interests: [
        { theme: "a", weight: r.a },
        { theme: i % 2 ? "b" : "c", weight: r.other },
      ],
      must_visit: [],
      avoid: [],
      priorities: {},
      meals: [{ name: "lunch", hours: { start: 12 * 60, end: 14 * 60 }, duration: 60, places: [] }],
      fixed: [],
    }));
    const list = records.map((r) => resolveRequestSettings(r, ws.config));
    for (const r of list) ws.requests.set(r.id, r);
    return { ws, requests: list };
  });

// Small joint cases on a half-hour grid: one Wednesday 09:00-13:00, 2-3 requests, 2-4 hosts at
// 2 places 30 minutes apart, no buffer, no base, no meals. Every time is a multiple of 30 minutes,
// so some best joint plan has all its visits on the half-hour, which the exhaustive search enumerates.
const THEMES = ["a", "b", "c"] as const;
const hhmm = (m: number) => m;

const hostArb = (id: string) =>
  fc.record({
    place: fc.constantFrom("p0", "p1"),
    duration: fc.constantFrom(30, 60, 90),
    start: fc.integer({ min: 18, max: 24 }).map((h) => h * 30),
    length: fc.integer({ min: 2, max: 8 }).map((h) => h * 30),
    parallel: fc.constantFrom(1, 1, 2),
    themes: fc.subarray([...THEMES], { minLength: 1, maxLength: 2 }),
    id: fc.constant(id),
  });

const requestArb = (id: string, hosts: number) =>
  fc.record({
    id: fc.constant(id),
    interests: fc.uniqueArray(
      fc.record({ theme: fc.constantFrom(...THEMES), weight: fc.integer({ min: 1, max: 5 }) }),
      { minLength: 1, maxLength: 2, selector: (i) => i.theme },
    ),
    priority: fc.constantFrom(1, 1, 2),
    must: fc.option(fc.integer({ min: 0, max: hosts - 1 }), { freq: 4 }),
  });

const smallCase = fc
  .record({ hosts: fc.integer({ min: 2, max: 4 }), requests: fc.integer({ min: 2, max: 3 }) })
  .chain(({ hosts, requests }) =>
    fc.record({
      hosts: fc.tuple(...Array.from({ length: hosts }, (_, i) => hostArb(`h${i}`))),
      requests: fc.tuple(...Array.from({ length: requests }, (_, i) => requestArb(`r${i}`, hosts))),
    }),
  )
  .map(({ hosts, requests }) => {
    const ws = emptyWorkspace("/joint");
    ws.config = {
      timezone: "Europe/Brussels",
      synonyms: [],
      travel: [{ from: "p0", to: "p1", minutes: 30 }],
      pace: { buffer: 0 },
    };
    ws.travel.set("p0\u0000p1", 30);
    ws.travel.set("p1\u0000p0", 30);
    for (const [i, id] of ["p0", "p1"].entries()) {
      const place: Place = { id, name: id, address: `${id} street`, geo: { lat: 50.8 + i / 100, lon: 4.3 } };
      ws.places.set(id, place);
    }
    for (const h of hosts) {
      const record: Host = {
        id: h.id,
        name: h.id,
        themes: h.themes,
        languages: [],
        contacts: [],
        place: h.place,
        visit: { duration: h.duration },
        availability: {
          weekly: [{ days: ["wed"], hours: { start: hhmm(h.start), end: hhmm(h.start + h.length) } }],
          dates: [],
          slots: [],
          closed: [],
          parallel: h.parallel,
        },
      };
      ws.hosts.set(record.id, record);
    }
    const records: Request[] = requests.map((r) => ({
      id: r.id,
      title: r.id,
      organiser: { name: "Org", email: "org@example.org" },
      delegation: { size: 5, profile: [], languages: [], step_free: false },
      timezone: "Europe/Brussels",
      days: [{ date: DATE, hours: { start: 9 * 60, end: 13 * 60 } }],
      interests: r.interests,
      must_visit: r.must === null ? [] : [`h${r.must}`],
      avoid: [],
      priorities: {},
      priority: r.priority,
      meals: [],
      fixed: [],
    }));
    const list = records.map((r) => resolveRequestSettings(r, ws.config));
    for (const r of list) ws.requests.set(r.id, r);
    return { ws, requests: list };
  });

type Visit = { host: string; start: number; end: number };

/** Every plan of one request on the half-hour: sequences of its hosts at grid starts, travel and windows respected. */
function routesOf(ws: Workspace, r: ResolvedRequest): { value: number; visits: Visit[] }[] {
  const valueOf = (h: Host) => r.interests.filter((i) => h.themes.includes(i.theme)).reduce((s, i) => s + i.weight, 0);
  const hosts = [...ws.hosts.values()].filter((h) => valueOf(h) > 0 || r.must_visit.includes(h.id));
  const day = r.days[0]!.hours;
  const travel = (a: string | undefined, b: string) => (a === undefined || a === b ? 0 : 30);
  const out: { value: number; visits: Visit[] }[] = [];
  const walk = (free: number, at: string | undefined, visits: Visit[]) => {
    if (r.must_visit.every((m) => visits.some((v) => v.host === m)))
      out.push({ value: visits.reduce((s, v) => s + valueOf(ws.hosts.get(v.host)!), 0), visits });
    for (const h of hosts) {
      if (visits.some((v) => v.host === h.id)) continue;
      const w = h.availability.weekly[0]!.hours;
      const d = h.visit.duration;
      for (let s = Math.max(free + travel(at, h.place), w.start); s + d <= Math.min(w.end, day.end); s += 30)
        walk(s + d, h.place, [...visits, { host: h.id, start: s, end: s + d }]);
    }
  };
  walk(day.start, undefined, []);
  return out.sort((a, b) => b.value - a.value);
}

/** The best Σ priority × value over all joint plans that keep every host within `parallel`; undefined if none. */
function exhaustiveBest(ws: Workspace, requests: ResolvedRequest[]): number | undefined {
  const routes = requests.map((r) => routesOf(ws, r));
  const weight = requests.map((r) => r.priority ?? 1);
  const rest = routes.map((_, i) =>
    routes.slice(i).reduce((s, list, j) => s + (weight[i + j] as number) * (list[0]?.value ?? 0), 0),
  );
  let best: number | undefined;
  const fits = (taken: Visit[], visits: Visit[]) =>
    visits.every((v) => {
      const parallel = ws.hosts.get(v.host)!.availability.parallel;
      for (let t = v.start; t < v.end; t += 30)
        if (taken.filter((o) => o.host === v.host && o.start <= t && t < o.end).length >= parallel) return false;
      return true;
    });
  const go = (i: number, total: number, taken: Visit[]) => {
    if (i === routes.length) {
      if (best === undefined || total > best) best = total;
      return;
    }
    for (const route of routes[i]!) {
      if (best !== undefined && total + (rest[i] as number) <= best) return;
      if (fits(taken, route.visits))
        go(i + 1, total + (weight[i] as number) * route.value, [...taken, ...route.visits]);
    }
  };
  go(0, 0, []);
  return best;
}

describe("joint planning with a delegation allowed to split", () => {
  // A delegation of 20 that may split into two groups of at least 8, and one of 8 that stays together, on
  // the same Wednesday morning: x and y receive 10 people (parallel 1), z receives 30. Alone, the 20 split
  // to visit x and y at once while the 8 also visit x: the groups' visits are what over-books x.
  const places = `- {id: h, name: Hotel, address: "Rue 1", geo: "50.8, 4.3"}
- {id: a, name: Atelier, address: "Rue 2", geo: ${north(0.5)}}
- {id: b, name: Counter, address: "Rue 3", geo: ${north(1)}}
- {id: c, name: Town hall, address: "Rue 4", geo: ${north(1.5)}}
`;
  const open = (hours: string) => `availability: {weekly: [{days: [wed], hours: "${hours}"}], parallel: 1}`;
  const morning = `days: [{date: ${DATE}, hours: "09:00-13:00"}]\nbase: h\ninterests: [inclusion]`;
  const files = {
    "studyvisit.yaml": "timezone: Europe/Brussels\n",
    "places/p.yaml": places,
    "hosts/x.yaml": host("x", "a", `${open("09:00-12:00")}\nvisit: {duration: 90min, capacity: 10}`),
    "hosts/y.yaml": host("y", "b", `${open("09:00-12:00")}\nvisit: {duration: 90min, capacity: 10}`),
    "hosts/z.yaml": host("z", "c", `${open("09:00-17:00")}\nvisit: {duration: 90min, capacity: 30}`),
    "requests/large.yaml": request(`${morning}\npriorities: {x: 3, y: 3, z: 1}`)
      .replace("id: r", "id: large")
      .replace("delegation: {size: 10}", "delegation: {size: 20, split: {max_groups: 2, min_size: 8}}"),
    "requests/small.yaml": request(`${morning}\npriorities: {x: 3, y: 2, z: 1}`)
      .replace("id: r", "id: small")
      .replace("delegation: {size: 10}", "delegation: {size: 8}"),
  };

  it("never over-books a host through a sub-group's visit: each group's visit holds the host for its time", () => {
    const { ws } = workspaceOf(files);
    const requests = ["large", "small"].map((id) => ws.requests.get(id) as ResolvedRequest);
    const alone = requests.map((request) => planRequest({ ws, request, holidays }));
    // The case is what it says: alone, the large delegation splits and a group's visit collides with the small one's.
    expect(alone[0]!.split?.parts).toBe(1);
    const groupAtX = alone[0]!.agenda.days[0]!.items.find((i) => i.host === "x");
    expect(groupAtX?.group).toBeDefined();
    expect(lines(alone[1]!.agenda)).toContain("09:10-10:40 visit x");
    expect(overBooked(ws, [alone[0]!.agenda, alone[1]!.agenda])).not.toEqual([]);

    const joint = planTogether({ ws, requests, holidays });
    const [large, small] = joint.plans.map((p) => p.agenda);
    expect(joint.stats.conflicts).toBeGreaterThan(0);
    expect(overBooked(ws, [large!, small!])).toEqual([]);
    // The large delegation still splits, and its groups keep x and y; the small one goes where they are not.
    expect(lines(large!).filter((l) => l.includes(" visit "))).toEqual([
      "09:10-10:40 visit x",
      "09:20-10:50 visit y",
      "11:10-12:40 visit z",
    ]);
    expect(large!.days[0]!.items.filter((i) => i.kind === "visit").map((i) => i.group)).toEqual(["B", "A", "A"]);
    expect(lines(small!).filter((l) => l.includes(" visit "))).toEqual(["09:20-10:50 visit z"]);
    expect(joint.total).toBe(8);
    // A plan that splits is planned part by part (a local search): the joint total is not claimed optimal.
    expect(joint.proven).toBe(false);
    expect(joint.bound).toBeUndefined();
  });

  it("on generated towns: no host over-booked, every plan keeps the rules of sub-groups, the same plans on every run", () => {
    const seen = { conflicts: 0, splitTogether: 0, groupConflicts: 0 };
    fc.assert(
      fc.property(splitCase, ({ ws, requests }) => {
        const alone = requests.map((request) => planRequest({ ws, request, holidays, suggestionLimit: 0 }));
        if (alone.some((p) => p.impossible)) return;
        const joint = planTogether({ ws, requests, holidays, suggestionLimit: 0 });
        const agendas = joint.plans.map((p) => p.agenda);
        expect(joint.plans.every((p) => !p.impossible)).toBe(true);
        expect(overBooked(ws, agendas)).toEqual([]);
        for (const [r, request] of requests.entries())
          expect(checkAgendaRules(agendas[r]!.days, agendas[r]!.timezone, { ws, request, holidays })).toEqual([]);
        expect(joint.proven).toBe(false);
        if (joint.stats.conflicts > 0) seen.conflicts++;
        // A conflict of the plans alone at a host a sub-group visits.
        const grouped = new Set(
          alone[0]!.agenda.days.flatMap((d) => d.items.filter((i) => i.group !== undefined).map((i) => i.host)),
        );
        if (overBooked(ws, [alone[0]!.agenda, alone[1]!.agenda]).some((at) => grouped.has(at.split(" ")[0])))
          seen.groupConflicts++;
        if (agendas[0]!.days.some((d) => d.items.some((i) => i.kind === "visit" && i.group !== undefined)))
          seen.splitTogether++;
        const again = planTogether({ ws, requests, holidays, suggestionLimit: 0 });
        expect(again.plans.map((p) => p.agenda)).toEqual(agendas);
        // The heuristic's rounds (large requests) keep a group's visits where they fit: no over-booking either.
        const solver = { method: "heuristic" as const, iterations: 40 };
        const rounds = planTogether({ ws, requests, holidays, suggestionLimit: 0, solver });
        if (rounds.plans.some((p) => p.impossible)) return;
        expect(
          overBooked(
            ws,
            rounds.plans.map((p) => p.agenda),
          ),
        ).toEqual([]);
      }),
      { numRuns: 40, seed: 919 },
    );
    // The sample holds the cases that matter: groups' visits that collide with the other delegation's, settled
    // while the delegation still splits.
    expect(seen.groupConflicts).toBeGreaterThanOrEqual(20);
    expect(seen.splitTogether).toBeGreaterThanOrEqual(30);
  });
});

// Split cases: a delegation of 20 that may split (2 or 3 groups) and one of 6-10, one Wednesday 09:00-13:00
// from a hotel, 3-5 hosts at 3 places, most receiving 8-12 people, `parallel` 1 or 2.
const splitCase = fc
  .record({
    hosts: fc.array(
      fc.record({
        place: fc.constantFrom("p1", "p2", "p3"),
        capacity: fc.constantFrom(8, 10, 12, 30),
        duration: fc.constantFrom(45, 60, 90),
        start: fc.integer({ min: 18, max: 22 }).map((h) => h * 30),
        length: fc.integer({ min: 3, max: 8 }).map((h) => h * 30),
        parallel: fc.constantFrom(1, 1, 2),
        value: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
      }),
      { minLength: 3, maxLength: 5 },
    ),
    groups: fc.constantFrom(2, 3),
    min: fc.constantFrom(4, 6, 8),
    other: fc.integer({ min: 6, max: 10 }),
  })
  .map(({ hosts, groups, min, other }) => {
    const ws = emptyWorkspace("/split");
    ws.config = { timezone: "Europe/Brussels", synonyms: [], travel: [] };
    ["p0", "p1", "p2", "p3"].forEach((id, i) =>
      ws.places.set(id, { id, name: id, address: `${id} street`, geo: { lat: 50.8 + i / 200, lon: 4.3 } }),
    );
    hosts.forEach((h, i) =>
      ws.hosts.set(`h${i}`, {
        id: `h${i}`,
        name: `h${i}`,
        themes: ["a"],
        languages: [],
        contacts: [],
        place: h.place,
        visit: { duration: h.duration, capacity: h.capacity },
        availability: {
          weekly: [{ days: ["wed"], hours: { start: h.start, end: h.start + h.length } }],
          dates: [],
          slots: [],
          closed: [],
          parallel: h.parallel,
        },
      }),
    );
    const requestOf = (id: string, size: number, r: 0 | 1): Request => ({
      id,
      title: id,
      organiser: { name: "Org", email: "org@example.org" },
      delegation: {
        size,
        profile: [],
        languages: [],
        step_free: false,
        ...(size === 20 ? { split: { max_groups: groups, min_size: min } } : {}),
      },
      timezone: "Europe/Brussels",
      days: [{ date: DATE, hours: { start: 9 * 60, end: 13 * 60 } }],
      base: "p0",
      interests: [{ theme: "a", weight: 1 }],
      must_visit: [],
      avoid: [],
      priorities: Object.fromEntries(hosts.map((h, i) => [`h${i}`, h.value[r]])),
      meals: [],
      fixed: [],
    });
    const requests = [requestOf("large", 20, 0), requestOf("small", other, 1)].map((r) =>
      resolveRequestSettings(r, ws.config),
    );
    for (const r of requests) ws.requests.set(r.id, r);
    return { ws, requests };
  });
