import { shortDate } from "../records/dates.js";
import { formatHours, weekdayOf, type Hours } from "../records/formats.js";
import { formatKm } from "../records/geography.js";
import type { ResolvedRequest } from "../records/resolved-request.js";
import type { Host, Place } from "../records/schemas.js";
import type { Workspace } from "../records/workspace.js";
import { outsideArea, requestArea, type RequestArea } from "./area.js";
import type { HolidayCalendar } from "./holidays.js";
import { clip, mergeIntervals, overlaps, subtract } from "./intervals.js";
import { createThemeMatcher } from "./themes.js";
import { localParts, shiftMinutes, skippedOn } from "../records/zoned-time.js";

/** Why a host cannot be in a request's plan at all (before any ordering). */
export type ExclusionCode =
  | "out-of-area"
  | "avoided"
  | "no-value"
  | "too-small"
  | "not-step-free"
  | "closed"
  | "holiday"
  | "no-window"
  | "booked"
  | "declined"
  | "outranked";

export interface Exclusion {
  code: ExclusionCode;
  reason: string;
}

export interface InterestMatch {
  interest: string;
  weight: number;
  theme: string;
}

export interface HostDay {
  date: string;
  /** Intervals in which the whole visit may lie, request-local minutes, clipped to the day's hours. */
  windows: Hours[];
  /** Fixed offers: the visit takes exactly this time. */
  slots: Hours[];
  /** Why this day offers nothing, if it does not. */
  unavailable?: Exclusion;
}

export interface Candidate {
  host: Host;
  place: Place;
  endPlace?: Place;
  value: number;
  matched: InterestMatch[];
  mustVisit: boolean;
  days: HostDay[];
  /** Set when the host cannot be planned; a must-visit host with an exclusion makes the plan impossible. */
  excluded?: Exclusion;
  /**
   * Excluded as too small for the whole delegation, but the request allows it to split
   * (`delegation.split`) and a group of `min_size` could visit it: every other rule holds.
   */
  subGroupsOnly?: true;
}

/** The largest group a host receives: the smaller of its visit's and its place's capacity (Infinity when neither is given). */
export function hostCapacity(c: Pick<Candidate, "host" | "place">): number {
  return Math.min(c.host.visit.capacity ?? Infinity, c.place.capacity ?? Infinity);
}

/** A host's time already taken by other delegations: instants in ms, one entry per delegation. */
export type Bookings = ReadonlyMap<string, readonly { start: number; end: number }[]>;

export interface CandidateContext {
  ws: Workspace;
  holidays: HolidayCalendar;
  bookings?: Bookings;
  /** Hosts the organiser marked `declined` in a previous agenda. */
  declined?: ReadonlySet<string>;
  /** judge only these hosts (a re-plan re-judges those whose time changed); the area is still the whole workspace's */
  only?: readonly Host[];
}

/** Hosts outside the request's area are no candidates: `match --all` shows them, nothing else names them. */
export function isOutOfArea(c: Pick<Candidate, "excluded">): boolean {
  return c.excluded?.code === "out-of-area";
}

/** Every host of the workspace judged for one request, ranked by value (then id). */
export function rankCandidates(request: ResolvedRequest, ctx: CandidateContext): Candidate[] {
  const matcher = createThemeMatcher(ctx.ws.config.synonyms);
  const zone = request.zone;
  const area = requestArea(request, ctx.ws);
  const hosts = ctx.only ?? [...ctx.ws.hosts.values()];
  const candidates = hosts.map((host) => judge(host, request, zone, ctx, matcher, area));
  return candidates.sort(
    (a, b) => Number(b.mustVisit) - Number(a.mustVisit) || b.value - a.value || (a.host.id < b.host.id ? -1 : 1),
  );
}

function judge(
  host: Host,
  request: ResolvedRequest,
  zone: string,
  ctx: CandidateContext,
  matcher: ReturnType<typeof createThemeMatcher>,
  area: RequestArea,
): Candidate {
  const place = ctx.ws.places.get(host.place) as Place;
  const endPlace = host.visit.ends_at ? ctx.ws.places.get(host.visit.ends_at) : undefined;
  const matched: InterestMatch[] = [];
  for (const interest of request.interests) {
    const theme = host.themes.find((t) => matcher.matches(t, interest.theme));
    if (theme !== undefined) matched.push({ interest: interest.theme, weight: interest.weight, theme });
  }
  const priority = request.priorities[host.id];
  const value = priority ?? matched.reduce((sum, m) => sum + m.weight, 0);
  const mustVisit = request.must_visit.includes(host.id);
  const base = { host, place, ...(endPlace ? { endPlace } : {}), value, matched, mustVisit };
  const days = () => request.days.map((day) => hostDay(host, day, zone, ctx));
  const ruledOut = exclusionBeforeDays(base, request, ctx, area, request.delegation.size);
  if (ruledOut) {
    const forGroup = subGroupCandidate(base, ruledOut, request, ctx, area, days);
    if (forGroup) return forGroup;
    // Most hosts of a large registry are ruled out before their days matter: those are worked out only when read.
    return withLazyDays({ ...base, excluded: ruledOut }, days);
  }
  const candidate: Candidate = { ...base, days: days() };
  const excluded = dayExclusion(candidate);
  return excluded ? { ...candidate, excluded } : candidate;
}

/**
 * Too small for the whole delegation: a sub-group may still go, if nothing else rules the host out
 * (the request allows a split and a group of `min_size` fits).
 */
function subGroupCandidate(
  base: Omit<Candidate, "days">,
  excluded: Exclusion,
  request: ResolvedRequest,
  ctx: CandidateContext,
  area: RequestArea,
  days: () => HostDay[],
): Candidate | undefined {
  const split = request.delegation.split;
  if (excluded.code !== "too-small" || !split || hostCapacity(base) < split.min_size) return undefined;
  if (exclusionBeforeDays(base, request, ctx, area, split.min_size)) return undefined;
  const candidate: Candidate = { ...base, days: days() };
  if (dayExclusion(candidate)) return { ...candidate, excluded };
  return {
    ...candidate,
    excluded: { ...excluded, reason: `${excluded.reason}: only a sub-group can visit it` },
    subGroupsOnly: true,
  };
}

function withLazyDays(c: Omit<Candidate, "days">, compute: () => HostDay[]): Candidate {
  let days: HostDay[] | undefined;
  return Object.defineProperty(c, "days", {
    get: () => (days ??= compute()),
    enumerable: true,
    configurable: true,
  }) as Candidate;
}

function exclusionBeforeDays(
  c: Omit<Candidate, "days">,
  request: ResolvedRequest,
  ctx: CandidateContext,
  area: RequestArea,
  size: number,
): Exclusion | undefined {
  // First: a host in another city is not this visit's business, whatever else could be said of it.
  const km = outsideArea(area, c.place);
  if (km !== undefined) return { code: "out-of-area", reason: `out of area, ${formatKm(km)} from ${area.from}` };
  if (request.avoid.includes(c.host.id)) return { code: "avoided", reason: "the request lists it under `avoid`" };
  if (ctx.declined?.has(c.host.id))
    return { code: "declined", reason: "it declined the invitation (marked `declined` in the previous agenda)" };
  if (c.value === 0 && !c.mustVisit)
    return { code: "no-value", reason: "none of its themes matches the delegation's interests" };
  const capacity = hostCapacity(c);
  if (capacity < size)
    return { code: "too-small", reason: `it receives at most ${capacity} people and the delegation is ${size}` };
  if (request.delegation.step_free && !c.place.online && c.place.step_free !== true) {
    return {
      code: "not-step-free",
      reason: `${c.place.name} is not marked step-free and the delegation needs step-free access`,
    };
  }
  return undefined;
}

function dayExclusion(c: Candidate): Exclusion | undefined {
  if (c.days.some((d) => d.windows.length > 0 || d.slots.length > 0)) return undefined;
  const reasons = c.days.map((d) => d.unavailable).filter((u): u is Exclusion => u !== undefined);
  const codes = new Set(reasons.map((r) => r.code));
  const only = (code: ExclusionCode) => codes.size === 1 && codes.has(code) && reasons.length === c.days.length;
  if (only("closed")) return { code: "closed", reason: reasons.map((r) => r.reason).join("; ") };
  if (only("holiday")) return { code: "holiday", reason: reasons.map((r) => r.reason).join("; ") };
  if (only("booked")) return { code: "booked", reason: reasons.map((r) => r.reason).join("; ") };
  // "no window on 19 Sep" says nothing the summary does not; closures, holidays and too-short windows do.
  const detail = reasons.filter((r) => !r.reason.startsWith("no window on")).map((r) => r.reason);
  return {
    code: "no-window",
    reason: `no availability on the request's days${detail.length ? ` (${detail.join("; ")})` : ""}`,
  };
}

function hostDay(host: Host, day: { date: string; hours: Hours }, zone: string, ctx: CandidateContext): HostDay {
  const hostZone = host.availability.timezone ?? ctx.ws.config.timezone ?? zone;
  const when = shortDate(day.date);
  const empty = (unavailable: Exclusion): HostDay => ({ date: day.date, windows: [], slots: [], unavailable });
  if (host.availability.closed.includes(day.date)) return empty({ code: "closed", reason: `closed on ${when}` });
  const holiday = ctx.holidays.holidayOn(host.country, host.region, day.date);
  if (holiday) return empty({ code: "holiday", reason: `${when} is a public holiday (${holiday})` });

  const local = (h: Hours): Hours => ({
    start: shiftMinutes(day.date, h.start, hostZone, zone),
    end: shiftMinutes(day.date, h.end, hostZone, zone),
  });
  const weekday = weekdayCache.get(day.date) ?? weekdayOf(day.date);
  weekdayCache.set(day.date, weekday);
  const open = [
    ...host.availability.weekly.filter((w) => w.days.includes(weekday)).map((w) => local(w.hours)),
    ...host.availability.dates.filter((d) => d.date === day.date).map((d) => local(d.hours)),
  ];
  // The hour the clocks skip in spring is no time to meet: a visit in a window may neither start, end nor lie in it;
  // a slot may span it (01:30-03:30 that night is an hour), not start or end in it.
  const skipped = skippedOn(day.date, zone);
  const inSkipped = (m: number, end: boolean) => !!skipped && m >= skipped.start + (end ? 1 : 0) && m < skipped.end;
  let windows = subtract(clip(mergeIntervals(open), day.hours), skipped ? [skipped] : []);
  let slots = host.availability.slots
    .filter((s) => s.date === day.date)
    .map((s) => local(s.hours))
    .filter((s) => s.start >= day.hours.start && s.end <= day.hours.end)
    .filter((s) => !inSkipped(s.start, false) && !inSkipped(s.end, true))
    .filter((s, i, all) => all.findIndex((o) => o.start === s.start && o.end === s.end) === i);

  const full = fullIntervals(ctx.bookings?.get(host.id) ?? [], host.availability.parallel)
    .map((iv) => instantsToLocal(iv, day.date, zone))
    .filter((iv): iv is Hours => iv !== undefined);
  if (full.length > 0) {
    const before = windows.length + slots.length;
    windows = subtract(windows, full);
    slots = slots.filter((s) => !full.some((f) => overlaps(f, s)));
    if (before > 0 && windows.length + slots.length === 0) {
      return empty({
        code: "booked",
        reason: `already receiving ${host.availability.parallel === 1 ? "another delegation" : `${host.availability.parallel} delegations`} on ${when} (${full.map(formatHours).join(", ")})`,
      });
    }
  }
  const usable = windows.filter((w) => w.end - w.start >= host.visit.duration);
  if (usable.length === 0 && slots.length === 0) {
    const reason =
      windows.length > 0
        ? `on ${when} its free time (${windows.map(formatHours).join(", ")}) is shorter than a ${host.visit.duration}-minute visit`
        : `no window on ${when}`;
    return { date: day.date, windows: [], slots: [], unavailable: { code: "no-window", reason } };
  }
  return { date: day.date, windows: usable, slots };
}

// Thousands of hosts ask for the weekday of the same few dates.
const weekdayCache = new Map<string, ReturnType<typeof weekdayOf>>();

/** Intervals (instants) during which `parallel` or more delegations are already there. */
export function fullIntervals(
  bookings: readonly { start: number; end: number }[],
  parallel: number,
): { start: number; end: number }[] {
  if (bookings.length < parallel) return [];
  const events = bookings.flatMap((b) => [
    { t: b.start, d: 1 },
    { t: b.end, d: -1 },
  ]);
  events.sort((a, b) => a.t - b.t || a.d - b.d);
  const out: { start: number; end: number }[] = [];
  let count = 0;
  let since = 0;
  for (const e of events) {
    const before = count;
    count += e.d;
    if (before < parallel && count >= parallel) since = e.t;
    if (before >= parallel && count < parallel && e.t > since) out.push({ start: since, end: e.t });
  }
  return out;
}

function instantsToLocal(iv: { start: number; end: number }, date: string, zone: string): Hours | undefined {
  const a = localParts(iv.start, zone);
  const b = localParts(iv.end, zone);
  if (a.date > date || b.date < date) return undefined;
  return { start: a.date < date ? 0 : a.minutes, end: b.date > date ? 1440 : b.minutes };
}
