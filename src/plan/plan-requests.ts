import type { Request } from "../records/schemas.js";
import type { Workspace } from "../records/workspace.js";
import type { Agenda } from "./agenda.js";
import type { KeptVisits, Pins } from "./build-instance.js";
import type { SolveOptions } from "./engine/index.js";
import type { HolidayCalendar } from "./holidays.js";
import { hostVisits } from "./host-visits.js";
import { planRequest, type RequestPlan } from "./plan-request.js";

export interface PlanManyInput {
  ws: Workspace;
  requests: readonly Request[];
  holidays: HolidayCalendar;
  /** agendas already sent out (`--booked`): their visits hold host time */
  booked?: readonly Agenda[];
  declined?: ReadonlyMap<string, ReadonlySet<string>>;
  pins?: ReadonlyMap<string, Pins>;
  /** per request: previous proposed and requested visits, kept unless moving one reaches a higher value */
  kept?: ReadonlyMap<string, KeptVisits>;
  solver?: SolveOptions;
  suggestionLimit?: number;
  /** Told before, during and after each request's planning; the caller draws it (the plan layer never prints). */
  onProgress?: (progress: PlanProgress) => void;
}

/** How far `planRequests` is: requests planned of all, their total value, and the request being planned. */
export interface PlanProgress {
  requestsDone: number;
  requestsTotal: number;
  /** total value of the agendas planned so far */
  valueDone: number;
  /** the request being planned and the best value its search has found so far (none yet at its start) */
  current?: { request: string; bestValue?: number };
}

/**
 * Several requests planned together so that no host receives more than its
 * `parallel` delegations at once: each request is planned in the order given
 * (the organiser's priority), and the host time it takes is booked before the
 * next one is planned.
 */
export function planRequests(input: PlanManyInput): RequestPlan[] {
  const bookings = new Map<string, { start: number; end: number }[]>();
  // Visits, parallel sessions and joint meetings all take the host's time.
  const book = (agenda: Agenda) => {
    for (const { host, item } of hostVisits(agenda)) {
      const list = bookings.get(host) ?? [];
      list.push({ start: Date.parse(item.start), end: Date.parse(item.end) });
      bookings.set(host, list);
    }
  };
  for (const agenda of input.booked ?? []) book(agenda);
  // Many requests planned at once share the organiser's wait: search less per request, suggest less.
  const many = input.requests.length;
  const effort = input.solver?.effort ?? Math.max(0.1, Math.min(1, 5 / many));
  const suggestionLimit = input.suggestionLimit ?? (many <= 5 ? 5 : 1);
  const report = input.onProgress;
  let valueDone = 0;
  const plans = input.requests.map((request, i) => {
    const declined = input.declined?.get(request.id);
    const pins = input.pins?.get(request.id);
    const kept = input.kept?.get(request.id);
    const progress = (bestValue?: number) =>
      report?.({
        requestsDone: i,
        requestsTotal: many,
        valueDone,
        current: { request: request.id, ...(bestValue === undefined ? {} : { bestValue }) },
      });
    progress();
    const plan = planRequest({
      ws: input.ws,
      request,
      holidays: input.holidays,
      bookings,
      ...(declined ? { declined } : {}),
      ...(pins ? { pins } : {}),
      ...(kept ? { kept } : {}),
      solver: { ...input.solver, effort, ...(report ? { onProgress: (p) => progress(p.bestScore) } : {}) },
      suggestionLimit,
    });
    if (!plan.impossible) {
      book(plan.agenda);
      valueDone += plan.agenda.value;
    }
    return plan;
  });
  report?.({ requestsDone: many, requestsTotal: many, valueDone });
  return plans;
}
