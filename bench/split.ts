import fc from "fast-check";
import { performance } from "node:perf_hooks";
import { checkAgendaRules } from "../src/plan/check-agenda.js";
import { createHolidayCalendar } from "../src/plan/holidays.js";
import { planRequest } from "../src/plan/plan-request.js";
import { minutesOn } from "../src/records/zoned-time.js";
import { resolveRequestSettings } from "../src/records/resolved-request.js";
import type { Host, Place, Request } from "../src/records/schemas.js";
import { emptyWorkspace, type Workspace } from "../src/records/workspace.js";
import { splitCaseArb } from "./split-cases.js";
import { bruteForceBest, bruteForceModel, partOf } from "./split-exhaustive.js";

// Sub-groups measured (issue 9: "a delegation of 20 with the best hosts
// receiving 10: the split plan's value against the best unsplit plan"): a
// generated town whose most valuable hosts receive at most 10 people, a
// delegation of 20 planned together (as without delegation.split) and allowed
// to split; then the planner against exhaustive search on small random days.

/** Deterministic pseudo-random numbers (mulberry32): every run plans the same towns. */
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

const DATES = ["2026-03-10", "2026-03-11"];

/**
 * A town of `hosts` hosts in a 5 × 5 km square around a hotel, each worth 1 to
 * 9 (the request's priorities); those worth 7 or more receive at most 10
 * people (unless `small: false`), the others 25 to 40. A delegation of 20, two days 09:00–17:30, lunch
 * where it is, four visits a day at most.
 */
export function splitTown(
  hosts: number,
  seed: number,
  split: Request["delegation"]["split"],
  options: { small?: boolean } = {},
) {
  const random = rng(seed);
  const ws: Workspace = emptyWorkspace("/split-town");
  ws.config = { timezone: "Europe/Brussels", synonyms: [], travel: [] };
  const place = (id: string): Place => ({
    id,
    name: id,
    address: `${id} street`,
    geo: { lat: 50.83 + random() * 0.045, lon: 4.33 + random() * 0.07 },
  });
  ws.places.set("hotel", place("hotel"));
  const priorities: Record<string, number> = {};
  for (let i = 0; i < hosts; i++) {
    const p = place(`venue-${i}`);
    ws.places.set(p.id, p);
    const value = 1 + Math.floor(random() * 9);
    const start = 8 * 60 + 30 * Math.floor(random() * 6);
    const host: Host = {
      id: `host-${i}`,
      name: `Host ${i}`,
      themes: ["inclusion"],
      languages: ["en"],
      contacts: [],
      place: p.id,
      visit: {
        duration: [60, 75, 90][Math.floor(random() * 3)] as number,
        // Without small hosts (the control): every host receives the delegation, splitting only adds parallel visits.
        capacity: value >= 7 && options.small !== false ? 10 : 25 + Math.floor(random() * 16),
      },
      availability: {
        weekly: [
          {
            days: (["tue", "wed"] as const).filter(() => random() < 0.7),
            hours: { start, end: start + 4 * 60 + 30 * Math.floor(random() * 8) },
          },
        ].filter((w) => w.days.length > 0),
        dates: [],
        slots: [],
        closed: [],
        parallel: 1,
      },
    };
    ws.hosts.set(host.id, host);
    priorities[host.id] = value;
  }
  const record: Request = {
    id: "delegation",
    title: "A delegation of 20",
    organiser: { name: "Organiser", email: "organiser@example.org" },
    delegation: { size: 20, profile: [], languages: ["en"], step_free: false, ...(split ? { split } : {}) },
    timezone: "Europe/Brussels",
    days: DATES.map((date) => ({ date, hours: { start: 9 * 60, end: 17 * 60 + 30 } })),
    base: "hotel",
    interests: [{ theme: "inclusion", weight: 1 }],
    must_visit: [],
    avoid: [],
    priorities,
    meals: [{ name: "lunch", hours: { start: 12 * 60, end: 14 * 60 }, duration: 60, places: [] }],
    max_visits_per_day: 4,
    fixed: [],
  };
  const request = resolveRequestSettings(record, ws.config);
  ws.requests.set(request.id, request);
  return { ws, request };
}

export interface SplitRow {
  seed: number;
  hosts: number;
  /** hosts that receive at most 10 (the most valuable ones) */
  small: number;
  unsplit: number;
  unsplitProven: boolean;
  unsplitMs: number;
  /** max_groups 3, min_size 4 */
  split: number;
  /** parts of days where the delegation splits (max_groups 3) */
  parts: number;
  splitMs: number;
  /** max_groups 2, min_size 8 */
  split2: number;
  /** rule violations `check` finds in the split plans */
  broken: number;
  /** the same town with no host below 25: what splitting gains by parallel visits alone */
  control: { unsplit: number; split: number };
}

export interface ExhaustiveSummary {
  cases: number;
  /** plans that split */
  split: number;
  /** days in one part (no meal or fixed item): the planner must reach the exhaustive best */
  single: number;
  singleExact: number;
  /** plans at the exhaustive best of the whole model (rejoin points at the plan's times) */
  joint: number;
  /** parts of days that exhaustive search could do better with the hosts the other parts leave (must be 0) */
  partsImprovable: number;
  parts: number;
}

export function runSplit(): { rows: SplitRow[]; exhaustive: ExhaustiveSummary } {
  const holidays = createHolidayCalendar();
  const rows: SplitRow[] = [];
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
    const hosts = 30;
    const together = splitTown(hosts, seed, undefined);
    let t0 = performance.now();
    const unsplit = planRequest({ ...together, holidays, suggestionLimit: 0 });
    const unsplitMs = Math.round(performance.now() - t0);
    const allowed = splitTown(hosts, seed, { max_groups: 3, min_size: 4 });
    t0 = performance.now();
    const split = planRequest({ ...allowed, holidays, suggestionLimit: 0 });
    const splitMs = Math.round(performance.now() - t0);
    const two = splitTown(hosts, seed, { max_groups: 2, min_size: 8 });
    const split2 = planRequest({ ...two, holidays, suggestionLimit: 0 });
    const control = {
      unsplit: planRequest({ ...splitTown(hosts, seed, undefined, { small: false }), holidays, suggestionLimit: 0 }),
      split: planRequest({
        ...splitTown(hosts, seed, { max_groups: 3, min_size: 4 }, { small: false }),
        holidays,
        suggestionLimit: 0,
      }),
    };
    if ([unsplit, split, split2, control.unsplit, control.split].some((p) => p.impossible))
      throw new Error(`seed ${seed}: no plan`);
    rows.push({
      seed,
      hosts,
      small: [...together.ws.hosts.values()].filter((h) => (h.visit.capacity ?? 0) <= 10).length,
      unsplit: unsplit.agenda.value,
      unsplitProven: unsplit.proven,
      unsplitMs,
      split: split.agenda.value,
      parts: split.split?.parts ?? 0,
      splitMs,
      split2: split2.agenda.value,
      broken:
        checkAgendaRules(split.agenda.days, split.agenda.timezone, { ...allowed, holidays }).length +
        checkAgendaRules(split2.agenda.days, split2.agenda.timezone, { ...two, holidays }).length,
      control: { unsplit: control.unsplit.agenda.value, split: control.split.agenda.value },
    });
  }
  return { rows, exhaustive: runExhaustive(300, 919) };
}

/** The planner against exhaustive search over the same model on `runs` random small days. */
export function runExhaustive(runs: number, seed: number): ExhaustiveSummary {
  const holidays = createHolidayCalendar();
  const summary: ExhaustiveSummary = {
    cases: 0,
    split: 0,
    single: 0,
    singleExact: 0,
    joint: 0,
    partsImprovable: 0,
    parts: 0,
  };
  for (const { ws, request } of fc.sample(splitCaseArb, { seed, numRuns: runs })) {
    const plan = planRequest({ ws, request, holidays, suggestionLimit: 0 });
    if (plan.impossible) continue;
    const { agenda } = plan;
    summary.cases++;
    if (agenda.days.some((d) => d.items.some((i) => i.group !== undefined))) summary.split++;
    const model = bruteForceModel(ws, request, agenda, holidays);
    const best = bruteForceBest(model);
    if (agenda.value === best) summary.joint++;
    if (model.parts.length === 1) {
      summary.single++;
      if (agenda.value === best) summary.singleExact++;
    }
    const visits = agenda.days.flatMap((d) =>
      d.items
        .filter((i) => i.kind === "visit")
        .map((i) => ({
          host: i.host as string,
          part: partOf(model, d.date, minutesOn(d.date, i.start, agenda.timezone)),
        })),
    );
    const value = (host: string) => model.hosts.find((h) => h.id === host)?.value ?? 0;
    model.parts.forEach((_, p) => {
      summary.parts++;
      const taken = new Set(visits.filter((v) => v.part !== p).map((v) => v.host));
      const mine = visits.filter((v) => v.part === p).reduce((n, v) => n + value(v.host), 0);
      if (bruteForceBest(model, { searchParts: new Set([p]), taken }) > mine) summary.partsImprovable++;
    });
  }
  return summary;
}
