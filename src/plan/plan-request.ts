import { isoMinutes, shortDate } from "../records/dates.js";
import { formatClock, formatHours, type Geo } from "../records/formats.js";
import { FAR_KM } from "../records/geo-checks.js";
import { formatKm } from "../records/geography.js";
import type { ResolvedRequest } from "../records/resolved-request.js";
import type { Workspace } from "../records/workspace.js";
import type { Agenda, AgendaDay, UnscheduledHost } from "./agenda.js";
import { buildAgendaDays } from "./build-agenda.js";
import { buildInstance, type KeptVisits, type NodeMeaning, type Pins, type PlanInstance } from "./build-instance.js";
import { isOutOfArea, rankCandidates, type Bookings, type Candidate } from "./candidates.js";
import {
  DEFAULT_EXACT_MAX_NODES,
  solve,
  type EngineInstance,
  type SolveOptions,
  type SolveResult,
  type UnplacedReason,
} from "./engine/index.js";
import type { HolidayCalendar } from "./holidays.js";
import { splitPlan } from "./split-plan.js";
import { greatCircleKm } from "./travel.js";

export interface PlanRequestInput {
  ws: Workspace;
  request: ResolvedRequest;
  holidays: HolidayCalendar;
  bookings?: Bookings;
  declined?: ReadonlySet<string>;
  pins?: Pins;
  /** previous proposed and requested visits, kept unless moving one reaches a higher value */
  kept?: KeptVisits;
  solver?: SolveOptions;
  /** How many left-out hosts get a "fits if you skip X" suggestion (each costs one more solve). */
  suggestionLimit?: number;
  /** Candidates already ranked for this request (a re-plan reuses them). */
  candidates?: Candidate[];
  /** How many candidates (besides must-visits) the solver considers; see CANDIDATE_LIMIT. */
  candidateLimit?: number;
}

export interface RequestPlan {
  agenda: Agenda;
  candidates: Candidate[];
  /** set when no plan exists: exit 4 with this reason */
  impossible?: string;
  /** with `impossible`, what to change when it is not the host's time (a base far from everything) */
  hint?: string;
  proven: boolean;
  method: "exact" | "heuristic";
  /** with `delegation.split`: what splitting did (absent when the request does not allow it) */
  split?: SplitSummary;
}

/** How the delegation split: in how many parts of days, and the value of the best plan found without splitting. */
export interface SplitSummary {
  parts: number;
  unsplitValue: number;
}

/**
 * Past this many candidates the search space is dominated by hosts that could
 * only ever replace a better one: keep the must-visits and the best by value.
 * The bundled requests and most real visits stay below it and are solved exactly.
 */
export const CANDIDATE_LIMIT = 40;

function limitCandidates(candidates: Candidate[], limit: number, pins: Pins): Candidate[] {
  let kept = 0;
  return candidates.map((c) => {
    if (c.excluded || c.mustVisit || pins.has(c.host.id)) return c;
    if (kept++ < limit) return c;
    return {
      ...c,
      excluded: {
        code: "outranked",
        reason: `outranked: ${limit} hosts of higher or equal value were considered first (value ${c.value})`,
      },
    };
  });
}

type PinAt = { date: string; start: number; end?: number };

/** "the confirmed visit to microstart (19 Sep 09:30-10:30)", "the visit to microstart pinned at 19 Sep 09:30". */
function pinWords(host: string, pin: PinAt): string {
  return pin.end !== undefined
    ? `the confirmed visit to ${host} (${shortDate(pin.date)} ${formatHours({ start: pin.start, end: pin.end })})`
    : `the visit to ${host} pinned at ${shortDate(pin.date)} ${formatClock(pin.start)}`;
}

/**
 * A visit the host agreed to (a confirmed visit, pinned with its own times)
 * needs no free window and no value of its own: those exclusions are lifted.
 * The others (avoided, too small, closed, holiday, booked) still hold.
 */
function agreedVisitsIn(candidates: Candidate[], pins: Pins): Candidate[] {
  const lifted = new Set(["no-window", "no-value", "outranked"]);
  return candidates.map((c) => {
    const pin = pins.get(c.host.id);
    if (pin?.end === undefined || !c.excluded || !lifted.has(c.excluded.code)) return c;
    const { excluded: _lifted, ...rest } = c;
    return rest;
  });
}

/** Plan one request: candidates → engine → agenda, with every left-out host explained. Pure. */
export function planRequest(input: PlanRequestInput): RequestPlan {
  const { ws, request } = input;
  const zone = request.zone;
  const pins = input.pins ?? new Map();
  const candidates = agreedVisitsIn(
    input.candidates ??
      rankCandidates(request, {
        ws,
        holidays: input.holidays,
        ...(input.bookings ? { bookings: input.bookings } : {}),
        ...(input.declined ? { declined: input.declined } : {}),
      }),
    pins,
  );
  const empty: Agenda = { request: request.id, timezone: zone, value: 0, travel_minutes: 0, days: [], unscheduled: [] };

  // Hosts met in fixed items (parallel sessions, joint meetings) are in the programme by the
  // organiser's word: counted as visited, never planned again, a must-visit among them satisfied.
  const parallelHosts = fixedItemHosts(request);
  for (const c of candidates) {
    // Too small for the whole delegation: a sub-group must go (checked after splitting).
    if (c.mustVisit && c.excluded && !parallelHosts.has(c.host.id) && !c.subGroupsOnly) {
      // Out of area because a place is in the wrong spot (swapped coordinates, another city): name that place.
      const far = isOutOfArea(c) ? farFromArea(ws, request, c) : undefined;
      return {
        agenda: empty,
        candidates,
        impossible: `must-visit host ${c.host.id} cannot be visited: ${far ? `out of area, because ${far.reason}` : c.excluded.reason}`,
        ...(far ? { hint: far.hint } : {}),
        proven: false,
        method: "exact",
      };
    }
  }
  const clash = fixedClash(request);
  if (clash) return { agenda: empty, candidates, impossible: clash, proven: false, method: "exact" };
  for (const c of candidates) {
    const pin = pins.get(c.host.id);
    const closed = pin?.end !== undefined ? c.days.find((d) => d.date === pin.date)?.unavailable : undefined;
    const excluded = c.subGroupsOnly ? undefined : c.excluded;
    const blocked = excluded ?? (closed?.code === "closed" || closed?.code === "holiday" ? closed : undefined);
    if (pin && blocked && !parallelHosts.has(c.host.id))
      return {
        agenda: empty,
        candidates,
        impossible: `${pinWords(c.host.id, pin)} cannot be kept: ${blocked.reason}`,
        proven: false,
        method: "exact",
      };
  }

  const planned = limitCandidates(
    candidates.filter((c) => !parallelHosts.has(c.host.id)),
    input.candidateLimit ?? CANDIDATE_LIMIT,
    pins,
  );
  const pace = request.pace;
  // With sub-groups the instance holds the hosts only a group can visit too; the unsplit plan goes without them.
  const groupsOnly = groupOnlyHosts(request, planned, pins);
  const plan = buildInstance(
    ws,
    request,
    planned.map((c) => (c.subGroupsOnly ? withoutExclusion(c) : c)),
    pace,
    pins,
    input.kept,
  );
  const unpinnable = plan.unpinnable[0];
  if (unpinnable !== undefined)
    return {
      agenda: empty,
      candidates,
      impossible: `${pinWords(unpinnable, pins.get(unpinnable) as PinAt)} cannot be kept: it is outside the host's availability or the request's days`,
      proven: false,
      method: "exact",
    };
  const result = solve(groupsOnly.size > 0 ? withoutHosts(plan, groupsOnly) : plan.instance, input.solver);
  if (!result.feasible) {
    // Unreachable because the hotel (or the host) is in the wrong place: name the place, not the host's time.
    const unreachable = result.missing.some((m) => m.reason === "unreachable");
    const far = unreachable ? (farBase(plan) ?? farHost(plan, result)) : undefined;
    return {
      agenda: empty,
      candidates,
      impossible: `${explainMissing(plan, result, request, pins)}${far ? `, because ${far.reason}` : ""}`,
      ...(far ? { hint: far.hint } : {}),
      proven: false,
      method: result.stats.method,
    };
  }

  const valueOf = (hosts: ReadonlySet<string>) =>
    candidates.filter((c) => hosts.has(c.host.id) || parallelHosts.has(c.host.id)).reduce((sum, c) => sum + c.value, 0);
  const unsplitHosts = new Set(
    result.routes.flatMap((r) =>
      r.nodes.flatMap((p) => {
        const meaning = plan.meanings[p.node] as NodeMeaning;
        return meaning.kind === "visit" ? [meaning.candidate.host.id] : [];
      }),
    ),
  );
  const split = request.delegation.split
    ? splitPlan({
        plan,
        result,
        request,
        required: new Set([...groupsOnly].filter((h) => pins.has(h) || request.must_visit.includes(h))),
        previousSizes: previousGroupSizes(request, pins, input.kept),
        ...(input.solver ? { solver: input.solver } : {}),
      })
    : undefined;
  if (split && split.missing.length > 0)
    return {
      agenda: empty,
      candidates,
      impossible: split.missing
        .map((h) => {
          const pin = pins.get(h);
          const why =
            "no sub-group can visit it: its time clashes with the rest of the programme, or no group is small enough";
          return pin ? `${pinWords(h, pin)} cannot be kept: ${why}` : `must-visit host ${h} cannot be placed: ${why}`;
        })
        .join("; "),
      proven: false,
      method: result.stats.method,
    };

  const days = buildAgendaDays(plan, result, request, zone, split?.days);
  const visited = new Set(days.flatMap((d) => d.items.filter((i) => i.kind === "visit").map((i) => i.host as string)));
  const unscheduled = explainLeftOut(plan, result, planned, visited, { ...input, candidates }, days, unsplitHosts);
  const value = valueOf(visited);
  const travel = days.reduce(
    (sum, d) =>
      sum + d.items.reduce((s, i) => s + (i.kind === "walk" || i.kind === "transit" ? (i.minutes ?? 0) : 0), 0),
    0,
  );
  return {
    agenda: { request: request.id, timezone: zone, value, travel_minutes: travel, days, unscheduled },
    candidates,
    // Splitting is planned part by part: a changed plan is the best found, not proven.
    proven: result.proven && !split?.changed,
    method: result.stats.method,
    ...(split ? { split: { parts: split.splits, unsplitValue: valueOf(unsplitHosts) } } : {}),
  };
}

/**
 * Hosts the unsplit plan goes without when the delegation may split: those only
 * a sub-group can visit (too small for the whole delegation), and those a
 * sub-group visited in the previous agenda at times now pinned (two groups'
 * confirmed visits may overlap).
 */
function groupOnlyHosts(request: ResolvedRequest, planned: readonly Candidate[], pins: Pins): Set<string> {
  if (!request.delegation.split) return new Set();
  const size = request.delegation.size;
  return new Set([
    ...planned.filter((c) => c.subGroupsOnly).map((c) => c.host.id),
    ...[...pins].filter(([, pin]) => pin.people !== undefined && pin.people < size).map(([host]) => host),
  ]);
}

function withoutExclusion(c: Candidate): Candidate {
  const { excluded: _excluded, ...rest } = c;
  return rest;
}

/** The instance without these hosts' nodes (no window, not mandatory): the unsplit plan's. */
function withoutHosts(plan: PlanInstance, hosts: ReadonlySet<string>): EngineInstance {
  return {
    ...plan.instance,
    nodes: plan.instance.nodes.map((node, i) => {
      const meaning = plan.meanings[i] as NodeMeaning;
      return meaning.kind === "visit" && hosts.has(meaning.candidate.host.id)
        ? { ...node, windows: [], mandatory: false }
        : node;
    }),
  };
}

/** The group sizes of the previous agenda's split parts, as its visits tell them (per date, when they add up). */
function previousGroupSizes(request: ResolvedRequest, pins: Pins, kept: KeptVisits = new Map()): number[][] {
  const byDate = new Map<string, Map<string, number>>();
  for (const visit of [...pins.values(), ...kept.values()]) {
    if (visit.group === undefined || visit.people === undefined) continue;
    const groups = byDate.get(visit.date) ?? new Map<string, number>();
    groups.set(visit.group, visit.people);
    byDate.set(visit.date, groups);
  }
  return [...byDate.values()]
    .map((groups) => [...groups.values()].sort((a, b) => b - a))
    .filter((sizes) => sizes.reduce((a, b) => a + b, 0) === request.delegation.size);
}

/** The hosts the request's fixed items name: parallel sessions' hosts and joint meetings' hosts. */
export function fixedItemHosts(request: Pick<ResolvedRequest, "fixed">): Set<string> {
  return new Set(request.fixed.flatMap((f) => [...(f.parallel ?? []).map((s) => s.host), ...(f.hosts ?? [])]));
}

/** Fixed items of one day that overlap: no plan can hold both (exit 4). */
function fixedClash(request: ResolvedRequest): string | undefined {
  const items = [...request.fixed].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.hours.start - b.hours.start,
  );
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1];
    const b = items[i];
    if (a && b && a.date === b.date && b.hours.start < a.hours.end) {
      return `fixed items "${a.title}" (${formatHours(a.hours)}) and "${b.title}" (${formatHours(b.hours)}) overlap on ${shortDate(a.date)}`;
    }
  }
  return undefined;
}

/** The base, when it lies further than FAR_KM from every other place of the plan: the likely culprit of "cannot be reached". */
function farBase(plan: PlanInstance): { reason: string; hint: string } | undefined {
  const base = plan.base;
  if (!base?.geo || base.online) return undefined;
  const from = base.geo;
  const nearest = plan.places
    .filter((p): p is typeof p & { geo: Geo } => p.id !== base.id && !p.online && p.geo !== undefined)
    .map((p) => ({ place: p, km: greatCircleKm(from, p.geo) }))
    .sort((a, b) => a.km - b.km)[0];
  if (!nearest || nearest.km <= FAR_KM) return undefined;
  return {
    reason: `the base \`${base.id}\` is ${formatKm(nearest.km)} from the nearest place of the visit, \`${nearest.place.id}\``,
    hint: `check the position (\`geo\`) of the base \`${base.id}\`: latitude first, then longitude; \`studyvisit check\` says whether swapping them fits`,
  };
}

/** A must-visit host that cannot be reached because its place lies further than FAR_KM from the base. */
function farHost(plan: PlanInstance, result: SolveResult): { reason: string; hint: string } | undefined {
  const base = plan.base;
  if (!base?.geo || base.online) return undefined;
  for (const m of result.missing) {
    const meaning = plan.meanings[m.nodes[0] as number] as NodeMeaning;
    if (m.reason !== "unreachable" || meaning.kind !== "visit") continue;
    const place = meaning.candidate.place;
    if (!place.geo || place.online) continue;
    const km = greatCircleKm(base.geo, place.geo);
    if (km <= FAR_KM) continue;
    const host = meaning.candidate.host.id;
    return {
      reason: `the place of ${host}, \`${place.id}\`, is ${formatKm(km)} from the base \`${base.id}\``,
      hint: `check the position (\`geo\`) of \`${place.id}\`, or drop ${host} from must_visit if it is in another city`,
    };
  }
  return undefined;
}

/**
 * Why a must-visit host lies outside the request's area when a place is more
 * than FAR_KM off: the base, when it is that far from every other place the
 * request names (its fixed items, meals and other must-visit hosts), else the
 * host's own place. Nearer than FAR_KM, the area itself is the likely limit:
 * undefined.
 */
function farFromArea(
  ws: Workspace,
  request: ResolvedRequest,
  c: Candidate,
): { reason: string; hint: string } | undefined {
  const base = request.base ? ws.places.get(request.base) : undefined;
  if (!base?.geo || base.online) return undefined;
  const from = base.geo;
  const named = [
    ...request.fixed.map((f) => f.place),
    ...request.meals.flatMap((m) => m.places),
    ...request.must_visit.map((id) => ws.hosts.get(id)?.place),
  ];
  const distances = [...new Set(named)]
    .map((id) => (id === undefined || id === base.id ? undefined : ws.places.get(id)))
    .filter((p): p is NonNullable<typeof p> & { geo: Geo } => p !== undefined && !p.online && p.geo !== undefined)
    .map((p) => ({ place: p, km: greatCircleKm(from, p.geo) }))
    .sort((a, b) => a.km - b.km || (a.place.id < b.place.id ? -1 : 1));
  // The host's own place cannot tell whether it or the base is off; the request's other places can.
  const others = distances.filter((d) => d.place.id !== c.place.id);
  const nearest = distances[0];
  if (nearest && others.length > 0 && others.every((d) => d.km > FAR_KM))
    return {
      reason: `the base \`${base.id}\` is ${formatKm(nearest.km)} from the nearest place of the visit, \`${nearest.place.id}\``,
      hint: `check the position (\`geo\`) of the base \`${base.id}\`: latitude first, then longitude; \`studyvisit check\` says whether swapping them fits`,
    };
  const place = c.place;
  if (!place.geo || place.online) return undefined;
  const km = greatCircleKm(from, place.geo);
  if (km <= FAR_KM) return undefined;
  return {
    reason: `the place of ${c.host.id}, \`${place.id}\`, is ${formatKm(km)} from the base \`${base.id}\``,
    hint: `check the position (\`geo\`) of \`${place.id}\`, or drop ${c.host.id} from must_visit if it is in another city`,
  };
}

function explainMissing(plan: PlanInstance, result: SolveResult, request: ResolvedRequest, pins: Pins): string {
  const words: Record<UnplacedReason, string> = {
    "no-window": "it has no time on the request's days",
    unreachable: "it cannot be reached and left within the day's hours",
    "blocked-by-mandatory":
      "its time clashes with fixed items, meals or other must-visit hosts (travel and buffers included)",
    "group-taken": "another option was taken",
    "no-time-left": "the days are too full",
  };
  return result.missing
    .map((m) => {
      const meaning = plan.meanings[m.nodes[0] as number] as NodeMeaning;
      if (meaning.kind === "visit") {
        const id = meaning.candidate.host.id;
        const pin = pins.get(id);
        if (pin) return `${pinWords(id, pin)} cannot be kept: ${words[m.reason]}`;
        return `must-visit host ${id} cannot be placed: ${words[m.reason]}`;
      }
      if (meaning.kind === "meal")
        return `${meaning.meal.name} cannot be placed on ${shortDate(m.group.slice(m.group.lastIndexOf(":") + 1))} within ${formatHours(meaning.meal.hours)}: ${words[m.reason]}`;
      const hours = formatHours(meaning.item.hours);
      return `fixed item "${meaning.item.title}" (${shortDate(meaning.item.date)} ${hours}) cannot be kept: ${meaning.kind === "fixed" && request.base ? "with travel from and to the base and the buffers, " : ""}${words[m.reason]}`;
    })
    .join("; ");
}

function explainLeftOut(
  plan: PlanInstance,
  result: SolveResult,
  planned: readonly Candidate[],
  visited: ReadonlySet<string>,
  input: PlanRequestInput,
  days: readonly AgendaDay[],
  unsplitHosts: ReadonlySet<string> = new Set(),
): UnscheduledHost[] {
  const engineReason = new Map<string, UnplacedReason>();
  for (const u of result.unplaced) {
    const meaning = plan.meanings[u.node] as NodeMeaning;
    if (meaning.kind !== "visit") continue;
    const id = meaning.candidate.host.id;
    const previous = engineReason.get(id);
    // A host with several options (windows, slots) is explained by its most promising one.
    if (!previous || SEVERITY[u.reason] < SEVERITY[previous]) engineReason.set(id, u.reason);
  }
  const out: UnscheduledHost[] = [];
  let suggestions = input.suggestionLimit ?? 5;
  for (const c of planned) {
    // Hosts of no interest, or in another city, are no candidates: not "left out" of this programme.
    if (visited.has(c.host.id) || c.excluded?.code === "no-value" || isOutOfArea(c)) continue;
    if (c.excluded) {
      out.push({ host: c.host.id, code: c.excluded.code, reason: c.excluded.reason, value: c.value });
      continue;
    }
    if (unsplitHosts.has(c.host.id)) {
      // In the unsplit plan, left out when the delegation split: the groups' visits are worth more.
      out.push({
        host: c.host.id,
        code: "outranked",
        reason: `outranked: the sub-groups' visits are worth more in total (value ${c.value})`,
        value: c.value,
      });
      continue;
    }
    const reason = engineReason.get(c.host.id) ?? "no-time-left";
    const entry: UnscheduledHost = { host: c.host.id, code: reason, reason: leftOutWords(reason, c), value: c.value };
    if (reason === "no-time-left" && suggestions > 0) {
      suggestions--;
      const suggestion = suggest(c, input, visited, days);
      if (suggestion) {
        entry.code = "outranked";
        entry.reason = `outranked: the days are full with visits worth more in total (value ${c.value})`;
        entry.suggestion = suggestion;
      }
    }
    out.push(entry);
  }
  return out;
}

const SEVERITY: Record<UnplacedReason, number> = {
  "no-time-left": 0,
  "group-taken": 1,
  "blocked-by-mandatory": 2,
  unreachable: 3,
  "no-window": 4,
};

function leftOutWords(reason: UnplacedReason, c: Candidate): string {
  const free = c.days
    .flatMap((d) => [...d.windows, ...d.slots].map((w) => `${shortDate(d.date)} ${formatHours(w)}`))
    .join(", ");
  switch (reason) {
    case "no-window":
      return "no window on the request's days";
    case "unreachable":
      return `too far to reach and come back within the day's hours (free ${free})`;
    case "blocked-by-mandatory":
      return `its free time (${free}) clashes with fixed items, meals or must-visit hosts, travel and buffers included`;
    default:
      return `no time left: free ${free}, but the days are full`;
  }
}

/**
 * Re-plan with the host forced in, among the visits of the plan only: if that
 * works, say where it lands and which of those visits it pushes out. Only the
 * plan's own hosts and this one go to the solver, so each suggestion is a
 * small solve, however large the registry. When that re-plan is too large to
 * solve exactly (a full programme of many days), the host is tried day by day
 * instead (see suggestByDay): a few exact solves of one day each cost less
 * than one heuristic re-plan of every day.
 */
function suggest(
  c: Candidate,
  input: PlanRequestInput,
  visited: ReadonlySet<string>,
  days: readonly AgendaDay[],
): string | undefined {
  const request = { ...input.request, must_visit: [...input.request.must_visit, c.host.id] };
  const candidates = input.candidates
    ?.filter((x) => x.host.id === c.host.id || visited.has(x.host.id))
    .map((x) => (x.host.id === c.host.id ? { ...x, mustVisit: true } : x));
  if (candidates && !request.delegation.split && usableNodes(input, request, candidates) > DEFAULT_EXACT_MAX_NODES)
    return suggestByDay(c, input, candidates, days);
  const forced = planRequest({
    ...input,
    request,
    ...(candidates ? { candidates } : {}),
    suggestionLimit: 0,
    // A forced re-plan's scores are not the plan's: it reports no progress.
    solver: { ...input.solver, effort: Math.min(input.solver?.effort ?? 1, 0.3), onProgress: undefined },
  });
  if (forced.impossible) return undefined;
  const landed = landing(forced, c, visited);
  return landed && suggestionWords(landed, input);
}

/** Nodes of the forced re-plan's instance that have a window: what decides whether the engine solves it exactly. */
function usableNodes(input: PlanRequestInput, request: ResolvedRequest, candidates: readonly Candidate[]): number {
  const built = buildInstance(input.ws, request, candidates, request.pace, input.pins ?? new Map(), input.kept);
  return built.instance.nodes.filter((n) => n.windows.some((w) => (w?.length ?? 0) > 0)).length;
}

interface Landing {
  date: string;
  start: string;
  end: string;
  /** the plan's visits the forced re-plan goes without */
  skipped: string[];
}

/** Where the forced host lands in a forced re-plan, and which of `from` (the plan's visits) it leaves out. */
function landing(forced: RequestPlan, c: Candidate, from: ReadonlySet<string>): Landing | undefined {
  const visit = forced.agenda.days
    .flatMap((d) => d.items.map((i) => ({ d, i })))
    .find(({ i }) => i.kind === "visit" && i.host === c.host.id);
  if (!visit) return undefined;
  const kept = new Set(
    forced.agenda.days.flatMap((d) => d.items.filter((i) => i.kind === "visit").map((i) => i.host as string)),
  );
  return {
    date: visit.d.date,
    start: visit.i.start,
    end: visit.i.end,
    skipped: [...from].filter((h) => !kept.has(h)).sort(),
  };
}

function suggestionWords(landed: Landing, input: PlanRequestInput): string {
  const when = `${shortDate(landed.date)} ${clock(landed.start)}-${clock(landed.end)}`;
  const names = landed.skipped.map((h) => input.ws.hosts.get(h)?.name ?? h);
  return names.length > 0
    ? `fits on ${when} if the delegation skips ${names.join(" and ")}`
    : `fits on ${when} with the other visits moved`;
}

/**
 * The host forced into one day at a time, among that day's visits of the plan
 * (the other days stay as planned): one route of a few nodes, solved exactly.
 * The day that loses the least value wins (the earliest on a tie).
 */
function suggestByDay(
  c: Candidate,
  input: PlanRequestInput,
  candidates: readonly Candidate[],
  days: readonly AgendaDay[],
): string | undefined {
  let best: { landed: Landing; loss: number } | undefined;
  for (const hostDay of c.days) {
    const day = input.request.days.find((d) => d.date === hostDay.date);
    if (!day || hostDay.windows.length + hostDay.slots.length === 0) continue;
    const onDay = new Set(
      (days.find((d) => d.date === day.date)?.items ?? []).flatMap((i) =>
        i.kind === "visit" && i.host !== undefined ? [i.host] : [],
      ),
    );
    const request: ResolvedRequest = {
      ...input.request,
      days: [day],
      fixed: input.request.fixed.filter((f) => f.date === day.date),
      must_visit: [...input.request.must_visit.filter((h) => onDay.has(h)), c.host.id],
    };
    const forced = planRequest({
      ...input,
      request,
      candidates: candidates
        .filter((x) => x.host.id === c.host.id || onDay.has(x.host.id))
        .map((x) => ({ ...x, days: x.days.filter((d) => d.date === day.date) })),
      suggestionLimit: 0,
      solver: { ...input.solver, effort: Math.min(input.solver?.effort ?? 1, 0.3), onProgress: undefined },
    });
    if (forced.impossible) continue;
    const landed = landing(forced, c, onDay);
    if (!landed) continue;
    const loss = landed.skipped.reduce((sum, h) => sum + (candidates.find((x) => x.host.id === h)?.value ?? 0), 0);
    if (!best || loss < best.loss) best = { landed, loss };
  }
  return best && suggestionWords(best.landed, input);
}

function clock(iso: string): string {
  return formatClock(isoMinutes(iso));
}
