import type { ResolvedPace, ResolvedRequest } from "../records/resolved-request.js";
import { tzOffset } from "@date-fns/tz";
import { shortDate } from "../records/dates.js";
import { formatClock, formatHours, type Hours } from "../records/formats.js";
import type { Place } from "../records/schemas.js";
import type { Workspace } from "../records/workspace.js";
import type { AgendaDay, AgendaItem } from "./agenda.js";
import { hostCapacity, rankCandidates, type Candidate } from "./candidates.js";
import type { HolidayCalendar } from "./holidays.js";
import { leg } from "./travel.js";
import { minutesOn } from "../records/zoned-time.js";

/** The fields the rules compare: times as minutes after local midnight of the item's day, places as ids. */
interface LocalItem {
  kind: AgendaItem["kind"];
  start: number;
  end: number;
  title?: string;
  host?: string;
  place?: string;
  from?: string;
  to?: string;
  online?: string;
  status?: AgendaItem["status"];
  group?: string;
  people?: number;
}

interface LocalDay {
  date: string;
  items: LocalItem[];
}

function localView(day: AgendaDay, zone: string): LocalDay {
  return {
    date: day.date,
    items: day.items.map((item) => ({
      kind: item.kind,
      start: minutesOn(day.date, item.start, zone),
      end: minutesOn(day.date, item.end, zone),
      ...(item.title ? { title: item.title } : {}),
      ...(item.host ? { host: item.host } : {}),
      ...(item.place ? { place: item.place.id } : {}),
      ...(item.from ? { from: item.from } : {}),
      ...(item.to ? { to: item.to } : {}),
      ...(item.online ? { online: item.online } : {}),
      ...(item.status ? { status: item.status } : {}),
      ...(item.group !== undefined ? { group: item.group } : {}),
      ...(item.people !== undefined ? { people: item.people } : {}),
    })),
  };
}

/** A broken rule, located by day and item index (and field) so the caller can point at the file. */
export interface AgendaIssue {
  /** -1: the agenda as a whole */
  day: number;
  item?: number;
  field?: "time" | "host" | "place" | "minutes" | "title" | "date";
  message: string;
  /** absent = a broken rule; "note": an exception the organiser agreed (a confirmed visit outside the host's hours) */
  severity?: "note";
}

export interface AgendaRulesContext {
  ws: Workspace;
  request: ResolvedRequest;
  holidays: HolidayCalendar;
}

/**
 * Every planning rule of SPEC checked on an agenda: the planner's output
 * passes by construction; a hand edit that breaks one is reported precisely.
 */
export function checkAgendaRules(
  agendaDays: readonly AgendaDay[],
  zone: string,
  ctx: AgendaRulesContext,
): AgendaIssue[] {
  const { ws, request } = ctx;
  const days = agendaDays.map((day) => localView(day, zone));
  const pace = request.pace;
  const candidates = new Map(rankCandidates(request, { ws, holidays: ctx.holidays }).map((c) => [c.host.id, c]));
  const issues: AgendaIssue[] = [];
  const visitedOn = new Map<string, string>();

  days.forEach((day, d) => {
    const requestDay = request.days.find((rd) => rd.date === day.date);
    if (!requestDay) {
      issues.push({
        day: d,
        field: "date",
        message: `${day.date} is not one of the request's days (${request.days.map((x) => x.date).join(", ")})`,
      });
      return;
    }
    const order = day.items
      .map((item, i) => ({ item, i }))
      .sort((a, b) => a.item.start - b.item.start || a.item.end - b.item.end);
    order.forEach(({ item, i }) => {
      const at = (message: string, field: AgendaIssue["field"] = "time", severity?: "note") =>
        issues.push({ day: d, item: i, field, message, ...(severity ? { severity } : {}) });
      if (item.start < requestDay.hours.start || item.end > requestDay.hours.end)
        at(`${describe(item)} (${span(item)}) lies outside the day's hours ${formatHours(requestDay.hours)}`);
      if (item.kind === "visit" && item.host) checkVisit(item, day.date, candidates.get(item.host), ctx, at, visitedOn);
      if (item.kind === "walk" || item.kind === "transit") checkLeg(item, ws, pace, at);
    });
    // Each sub-group's way through the day (the whole delegation's items and its own) follows the rules
    // of a day of its own: no overlaps, travel and buffers between places, from and back to the base.
    const tracks = trackOrders(order);
    const found: AgendaIssue[] = [];
    for (const track of tracks) {
      checkOverlaps(track, d, found);
      checkGaps(track, requestDay.hours, d, ctx, pace, found);
    }
    // The whole delegation's items are in every group's track: said once.
    const said = new Set<string>();
    for (const issue of found) {
      const key = `${issue.item}|${issue.message}`;
      if (said.has(key)) continue;
      said.add(key);
      issues.push(issue);
    }
    checkGroups(day, order, d, request, issues);
    checkDayLimits(day, order, d, request, issues);
  });

  const dayIndex = new Map(days.map((day, d) => [day.date, d]));
  checkMeals(days, request, dayIndex, issues);
  checkFixed(days, request, dayIndex, issues);
  const metInFixed = checkJointHosts(agendaDays, days, issues);
  for (const host of request.must_visit) {
    if (!visitedOn.has(host) && !metInFixed.has(host))
      issues.push({ day: -1, message: `must-visit host ${host} is not in the agenda` });
  }
  return issues;
}

/**
 * Hosts met in fixed items (joint meetings, parallel sessions) are visited
 * there: a visit of their own besides is a joint host planned again. Returns
 * every host met so, for the must-visit rule.
 */
function checkJointHosts(
  agendaDays: readonly AgendaDay[],
  days: readonly LocalDay[],
  issues: AgendaIssue[],
): Set<string> {
  const met = new Map<string, string>();
  for (const day of agendaDays)
    for (const item of day.items) {
      if (item.status === "declined") continue;
      if (item.kind === "fixed") for (const host of item.hosts ?? []) met.set(host, item.title);
      if (item.kind === "parallel") for (const s of item.sessions ?? []) met.set(s.host, item.title);
    }
  days.forEach((day, d) =>
    day.items.forEach((item, i) => {
      const title = item.kind === "visit" && item.host ? met.get(item.host) : undefined;
      if (title !== undefined && item.status !== "declined")
        issues.push({
          day: d,
          item: i,
          field: "host",
          message: `${item.host} meets the delegation in "${title}" already: a host met in a fixed item is not visited again`,
        });
    }),
  );
  return new Set(met.keys());
}

function checkVisit(
  item: LocalItem,
  date: string,
  c: Candidate | undefined,
  ctx: AgendaRulesContext,
  at: (m: string, f?: AgendaIssue["field"], severity?: "note") => void,
  visitedOn: Map<string, string>,
): void {
  if (!c) return at(`unknown host \`${item.host}\``, "host");
  const name = c.host.name;
  const previous = visitedOn.get(c.host.id);
  if (previous) at(`${name} is already visited on ${shortDate(previous)}`, "host");
  visitedOn.set(c.host.id, date);
  const day = c.days.find((x) => x.date === date);
  if (day?.unavailable && (day.unavailable.code === "closed" || day.unavailable.code === "holiday"))
    return at(`${name} is ${day.unavailable.reason}`, "time");
  // A host the planner would leave out for value alone may still be visited by choice; the other exclusions are rules.
  // Capacity is checked against who goes: the whole delegation, or the sub-group visiting.
  const people = item.people ?? ctx.request.delegation.size;
  const capacity = hostCapacity(c);
  if (people > capacity)
    return at(
      `${name}: it receives at most ${capacity} people and ${item.group !== undefined ? `group ${item.group} is ${people}` : `the delegation is ${people}`}`,
      "host",
    );
  if (
    c.excluded &&
    c.excluded.code !== "no-value" &&
    c.excluded.code !== "no-window" &&
    c.excluded.code !== "closed" &&
    c.excluded.code !== "holiday" &&
    c.excluded.code !== "too-small"
  )
    return at(`${name}: ${c.excluded.reason}`, "host");
  const host = c.host;
  const visit: Hours = { start: item.start, end: item.end };
  const inSlot = (day?.slots ?? []).some((s) => s.start === visit.start && s.end === visit.end);
  const inWindow = (day?.windows ?? []).some((w) => w.start <= visit.start && visit.end <= w.end);
  const free = [...(day?.windows ?? []).map(formatHours), ...(day?.slots ?? []).map((s) => `slot ${formatHours(s)}`)];
  const freeWords = free.length ? `free ${free.join(", ")}` : "no window that day";
  const length = visit.end - visit.start;
  // What breaks the host's record: outside its hours, or shorter than its visit.
  const breaks =
    !inSlot && !inWindow
      ? `outside its availability (${freeWords})`
      : inWindow && !inSlot && length < host.visit.duration
        ? `${length} min, shorter than its ${host.visit.duration}-minute visit`
        : undefined;
  if (breaks && item.status === "confirmed") {
    // The host agreed to these times: information, said once for the visit, not a broken rule.
    const lengthWords = length !== host.visit.duration ? `, ${length} min instead of ${host.visit.duration}` : "";
    const hours = !inSlot && !inWindow ? ` outside its availability (${freeWords})` : "";
    at(`${name} on ${shortDate(date)} ${span(item)}: confirmed with the host${hours}${lengthWords}`, "time", "note");
  } else if (!inSlot && !inWindow) {
    at(`${name} on ${shortDate(date)} ${span(item)} is ${breaks}`);
  } else if (breaks) {
    at(`${name}: the visit lasts ${length} min, shorter than its ${host.visit.duration}-minute visit`);
  }
  if (item.place && item.place !== host.place) at(`${name} receives at ${host.place}, not ${item.place}`, "place");
}

function checkLeg(
  item: LocalItem,
  ws: Workspace,
  pace: ResolvedPace,
  at: (m: string, f?: AgendaIssue["field"]) => void,
): void {
  const from = item.from ? ws.places.get(item.from) : undefined;
  const to = item.to ? ws.places.get(item.to) : undefined;
  if (!from || !to) return at(`${item.kind} needs known \`from\` and \`to\` places`, "place");
  const needed = leg(from, to, pace, ws.travel).minutes;
  if (item.end - item.start < needed)
    at(
      `${item.kind} from ${from.name} to ${to.name} takes ${needed} min, the agenda gives it ${item.end - item.start}`,
    );
}

function checkOverlaps(order: readonly { item: LocalItem; i: number }[], d: number, issues: AgendaIssue[]): void {
  let last: { item: LocalItem; i: number } | undefined;
  for (const entry of order) {
    if (entry.item.kind === "free") continue;
    if (last && entry.item.start < last.item.end) {
      issues.push({
        day: d,
        item: entry.i,
        field: "time",
        message: `${describe(entry.item)} (${span(entry.item)}) overlaps ${describe(last.item)} (${span(last.item)})`,
      });
    }
    if (!last || entry.item.end >= last.item.end) last = entry;
  }
}

/** Walking gaps: between items at different places, travel plus buffer; from and back to base, travel only. */
function checkGaps(
  order: readonly { item: LocalItem; i: number }[],
  hours: Hours,
  d: number,
  ctx: AgendaRulesContext,
  pace: ResolvedPace,
  issues: AgendaIssue[],
): void {
  const { ws, request } = ctx;
  // A meal without places happens "where the delegation already is": like an online item it moves no one, so it needs no gap.
  const mealsWithoutPlace = new Set(
    request.meals.filter((m) => m.places.length === 0).map((m) => m.name.toLowerCase()),
  );
  const moves = (item: LocalItem) => !(item.kind === "meal" && mealsWithoutPlace.has((item.title ?? "").toLowerCase()));
  const located = order.filter(
    ({ item }) =>
      item.kind !== "walk" &&
      item.kind !== "transit" &&
      item.kind !== "free" &&
      moves(item) &&
      placeOf(item, ws) !== undefined,
  );
  const base = request.base ? ws.places.get(request.base) : undefined;
  const short = (i: number, from: Place, to: Place, needs: number, has: number, withBuffer: boolean) =>
    issues.push({
      day: d,
      item: i,
      field: "time",
      message: `${needs - has} minutes short on the way from ${from.name} to ${to.name}: it needs ${needs} min (${leg(from, to, pace, ws.travel).minutes} of travel${withBuffer ? ` + ${pace.buffer} buffer` : ""}), the agenda leaves ${has}`,
    });
  const first = located[0];
  if (base && first) {
    const to = placeOf(first.item, ws) as Place;
    const needs = leg(base, to, pace, ws.travel).minutes;
    if (to.id !== base.id && first.item.start >= hours.start && first.item.start - hours.start < needs)
      short(first.i, base, to, needs, first.item.start - hours.start, false);
  }
  for (let k = 1; k < located.length; k++) {
    const a = located[k - 1] as { item: LocalItem; i: number };
    const b = located[k] as { item: LocalItem; i: number };
    const from = endPlaceOf(a.item, ws) as Place;
    const to = placeOf(b.item, ws) as Place;
    if (from.id === to.id || b.item.start < a.item.end) continue; // same place needs no gap; overlaps are reported already
    const needs = leg(from, to, pace, ws.travel).minutes + pace.buffer;
    if (b.item.start - a.item.end < needs) short(b.i, from, to, needs, b.item.start - a.item.end, true);
  }
  const last = located.at(-1);
  if (base && last) {
    const from = endPlaceOf(last.item, ws) as Place;
    const needs = leg(from, base, pace, ws.travel).minutes;
    if (from.id !== base.id && last.item.end <= hours.end && hours.end - last.item.end < needs)
      short(last.i, from, base, needs, hours.end - last.item.end, false);
  }
}

function placeOf(item: LocalItem, ws: Workspace): Place | undefined {
  const id = item.kind === "visit" && !item.place && item.host ? ws.hosts.get(item.host)?.place : item.place;
  const place = id ? ws.places.get(id) : undefined;
  return place && !place.online && !item.online ? place : undefined;
}

function endPlaceOf(item: LocalItem, ws: Workspace): Place | undefined {
  const endsAt = item.kind === "visit" && item.host ? ws.hosts.get(item.host)?.visit.ends_at : undefined;
  return (endsAt ? ws.places.get(endsAt) : undefined) ?? placeOf(item, ws);
}

/**
 * A person's visits of the day: the whole delegation's, and in each split part
 * the most any group makes (who is in which group may change from one part to
 * the next, so a person may be in the busiest group of each).
 */
function checkDayLimits(
  day: LocalDay,
  order: readonly { item: LocalItem; i: number }[],
  d: number,
  request: ResolvedRequest,
  issues: AgendaIssue[],
): void {
  const max = request.max_visits_per_day;
  if (max === undefined) return;
  const whole = day.items.filter((i) => i.kind === "visit" && i.group === undefined).length;
  const parts = splitParts(order);
  const grouped = parts.reduce((n, part) => {
    const counts = new Map<string, number>();
    for (const { item } of part.items)
      if (item.kind === "visit") counts.set(item.group as string, (counts.get(item.group as string) ?? 0) + 1);
    return n + Math.max(0, ...counts.values());
  }, 0);
  const visits = whole + grouped;
  if (visits > max) {
    issues.push({
      day: d,
      message:
        parts.length > 0
          ? `up to ${visits} visits a person on ${shortDate(day.date)} (the busiest group of each split part counted), more than max_visits_per_day (${max})`
          : `${visits} visits on ${shortDate(day.date)}, more than max_visits_per_day (${max})`,
    });
  }
}

/** The day's items one party sees: the whole delegation's alone, or with one group's, per group (in time order). */
function trackOrders(order: readonly { item: LocalItem; i: number }[]): { item: LocalItem; i: number }[][] {
  const groups = [...new Set(order.flatMap(({ item }) => (item.group === undefined ? [] : [item.group])))].sort();
  if (groups.length === 0) return [[...order]];
  return groups.map((g) => order.filter(({ item }) => item.group === undefined || item.group === g));
}

/** A part of the day where the delegation is split: its groups' items, between two items of the whole delegation. */
interface SplitPart {
  items: { item: LocalItem; i: number }[];
  /** the whole delegation's item before and after it (absent: the day's start or end) */
  before?: LocalItem;
  after?: LocalItem;
}

/** The whole delegation's meetings (not travel, not free time) cut the day; the groups' items between two of them form a part. */
function splitParts(order: readonly { item: LocalItem; i: number }[]): SplitPart[] {
  const meetings = order
    .map(({ item }) => item)
    .filter(
      (item) => item.group === undefined && item.kind !== "walk" && item.kind !== "transit" && item.kind !== "free",
    );
  const parts = new Map<number, SplitPart>();
  for (const entry of order) {
    if (entry.item.group === undefined) continue;
    // The part after the last meeting that ends by this item's start.
    let k = -1;
    meetings.forEach((m, j) => {
      if (m.end <= entry.item.start) k = j;
    });
    const part = parts.get(k) ?? {
      items: [],
      ...(k >= 0 ? { before: meetings[k] } : {}),
      ...(meetings[k + 1] ? { after: meetings[k + 1] } : {}),
    };
    part.items.push(entry);
    parts.set(k, part);
  }
  return [...parts.values()];
}

/**
 * SPEC "Sub-groups": groups only where the request allows them, named and
 * sized, adding up to the delegation in each split part, each at least
 * min_size, at most max_groups; meals and fixed items are the whole
 * delegation's; without a base, the day starts and ends together.
 */
function checkGroups(
  day: LocalDay,
  order: readonly { item: LocalItem; i: number }[],
  d: number,
  request: ResolvedRequest,
  issues: AgendaIssue[],
): void {
  const split = request.delegation.split;
  const size = request.delegation.size;
  const at = (i: number, message: string, field: AgendaIssue["field"] = "time") =>
    issues.push({ day: d, item: i, field, message });
  let structural = false;
  for (const { item, i } of order) {
    if (item.people !== undefined && item.group === undefined) {
      at(i, `${describe(item)} gives \`people\` without \`group\`: an item without a group is the whole delegation's`);
      structural = true;
    }
    if (item.group === undefined) continue;
    if (!split) {
      at(
        i,
        `${describe(item)} is group ${item.group}'s, but the request does not allow the delegation to split (delegation.split)`,
      );
      structural = true;
    } else if (item.people === undefined) {
      at(i, `${describe(item)} is group ${item.group}'s: give the group's size as \`people\``);
      structural = true;
    }
    if (item.kind === "meal" || item.kind === "fixed" || item.kind === "parallel") {
      at(i, `the groups rejoin for meals and fixed items: ${describe(item)} is the whole delegation's (no \`group\`)`);
      structural = true;
    }
  }
  if (structural || !split) return;
  const base = request.base;
  for (const part of splitParts(order)) {
    const first = part.items[0] as { item: LocalItem; i: number };
    const last = part.items.at(-1) as { item: LocalItem; i: number };
    const span = `${formatClock(first.item.start)}-${formatClock(Math.max(...part.items.map((x) => x.item.end)))}`;
    const sizes = new Map<string, number>();
    for (const { item, i } of part.items) {
      const known = sizes.get(item.group as string);
      if (known !== undefined && known !== item.people)
        at(i, `group ${item.group} is ${known} people earlier in this split part (${span}), not ${item.people}`);
      else sizes.set(item.group as string, item.people as number);
    }
    const groups = [...sizes].sort(([a], [b]) => (a < b ? -1 : 1));
    const words = groups.map(([g, n]) => `${g} (${n})`).join(", ");
    const total = groups.reduce((n, [, people]) => n + people, 0);
    if (groups.length < 2)
      at(first.i, `the delegation splits into one group only (${words}) at ${span}: a split has two groups or more`);
    else if (total !== size)
      at(first.i, `the groups at ${span}, ${words}, add up to ${total} people; the delegation is ${size}`);
    if (groups.length > split.max_groups)
      at(first.i, `${groups.length} groups at ${span}, more than max_groups (${split.max_groups})`);
    for (const [g, n] of groups)
      if (n < split.min_size) {
        const where = part.items.find(({ item }) => item.group === g) as { i: number };
        at(where.i, `group ${g} is ${n} people at ${span}, fewer than min_size (${split.min_size})`);
      }
    if (!base && !part.before)
      at(
        first.i,
        `the groups set out at ${span} from nowhere together: without a base, the day starts with the whole delegation`,
      );
    if (!base && !part.after)
      at(last.i, `the groups do not meet again after ${span}: without a base, the day ends with the whole delegation`);
  }
}

function checkMeals(
  days: readonly LocalDay[],
  request: ResolvedRequest,
  dayIndex: Map<string, number>,
  issues: AgendaIssue[],
): void {
  for (const requestDay of request.days) {
    const d = dayIndex.get(requestDay.date);
    for (const meal of request.meals) {
      const overlap =
        Math.min(meal.hours.end, requestDay.hours.end) - Math.max(meal.hours.start, requestDay.hours.start);
      if (overlap < meal.duration) continue;
      const items =
        d === undefined
          ? []
          : (days[d] as LocalDay).items
              .map((item, i) => ({ item, i }))
              .filter(
                ({ item }) => item.kind === "meal" && (item.title ?? "").toLowerCase() === meal.name.toLowerCase(),
              );
      const found = items[0];
      if (!found) {
        issues.push({
          day: d ?? 0,
          message: `missing ${meal.name} on ${shortDate(requestDay.date)} (${meal.duration} min between ${formatHours(meal.hours)})`,
        });
        continue;
      }
      const { item, i } = found;
      if (item.start < meal.hours.start || item.end > meal.hours.end)
        issues.push({
          day: d as number,
          item: i,
          field: "time",
          message: `${meal.name} (${span(item)}) is outside its hours ${formatHours(meal.hours)}`,
        });
      if (item.end - item.start < meal.duration)
        issues.push({
          day: d as number,
          item: i,
          field: "time",
          message: `${meal.name} lasts ${item.end - item.start} min, shorter than ${meal.duration}`,
        });
      if (meal.places.length > 0 && (!item.place || !meal.places.includes(item.place))) {
        issues.push({
          day: d as number,
          item: i,
          field: "place",
          message: `${meal.name} must be at ${meal.places.join(" or ")}`,
        });
      }
    }
  }
}

function checkFixed(
  days: readonly LocalDay[],
  request: ResolvedRequest,
  dayIndex: Map<string, number>,
  issues: AgendaIssue[],
): void {
  for (const fixed of request.fixed) {
    const d = dayIndex.get(fixed.date);
    const kind = fixed.parallel ? "parallel" : "fixed";
    const match =
      d === undefined
        ? undefined
        : (days[d] as LocalDay).items
            .map((item, i) => ({ item, i }))
            .find(({ item }) => item.kind === kind && item.title === fixed.title);
    if (!match) {
      issues.push({
        day: d ?? 0,
        message: `fixed item "${fixed.title}" (${shortDate(fixed.date)} ${formatHours(fixed.hours)}) is missing`,
      });
    } else if (match.item.start !== fixed.hours.start || match.item.end !== fixed.hours.end) {
      issues.push({
        day: d as number,
        item: match.i,
        field: "time",
        message: `fixed item "${fixed.title}" is pinned at ${formatHours(fixed.hours)}, not ${span(match.item)}`,
      });
    }
  }
}

/**
 * Why an agenda file on `agendaZone`'s clock cannot be read as its request's
 * (on `requestZone`), or nothing: every time in it would be read hours off in
 * the calendar files.
 */
export function agendaZoneIssue(
  agendaZone: string | undefined,
  requestZone: string,
  requestId: string,
  date: string | undefined,
): string | undefined {
  if (agendaZone === undefined || agendaZone === requestZone) return undefined;
  const at = new Date(`${date ?? "2025-01-15"}T12:00:00Z`);
  const apart = (tzOffset(agendaZone, at) - tzOffset(requestZone, at)) / 60;
  const gap =
    apart === 0
      ? "the same clock that day, but another zone"
      : `${Math.abs(apart)} hour${Math.abs(apart) === 1 ? "" : "s"} apart${date ? ` on ${shortDate(date)}` : ""}`;
  return `the agenda is on ${agendaZone} time, but request \`${requestId}\` is planned in ${requestZone} (${gap}): write \`timezone: ${requestZone}\` if its times are ${requestZone} times, or plan it again`;
}

/** How messages name an item: `visit to microstart`, `walk to hotel-midi`, `fixed "Welcome"`. */
export function describe(item: Pick<LocalItem, "kind" | "host" | "to" | "title">): string {
  if (item.kind === "visit") return `visit to ${item.host}`;
  if (item.kind === "walk" || item.kind === "transit") return `${item.kind} to ${item.to}`;
  return item.title ? `${item.kind} "${item.title}"` : item.kind;
}

function span(item: LocalItem): string {
  return `${formatClock(item.start)}-${formatClock(item.end)}`;
}
