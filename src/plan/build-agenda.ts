import type { ResolvedRequest } from "../records/resolved-request.js";
import type { Place } from "../records/schemas.js";
import { slugify } from "../records/slug.js";
import { agendaPlace, type AgendaDay, type AgendaItem } from "./agenda.js";
import type { NodeMeaning, PlanInstance } from "./build-instance.js";
import { unsplitDays, type DayPlan, type Stop } from "./day-plan.js";
import type { SolveResult } from "./engine/index.js";
import { zonedIsoSpan } from "../records/zoned-time.js";

const DAY = 1440;
/** Gaps shorter than this are just slack; longer ones show as free time. */
export const FREE_TIME_MINUTES = 30;

/** A uid part from a title; cut at 48 characters so uids stay readable in calendar files. */
export function slug(text: string): string {
  return slugify(text).slice(0, 48) || "item";
}

/** Stable: the same request, host or item, and date give the same uid in every run. */
export function itemUid(request: string, what: string, date: string): string {
  return `${date}.${what}.${request}@studyvisit`;
}

/** What identifies an item within its day: the host, the leg, or the title; free time by its start (minutes). */
export interface UidSubject {
  kind: AgendaItem["kind"];
  host?: string;
  from?: string;
  to?: string;
  title?: string;
  /** a sub-group's walk or free time is its own item: the group is part of its key (a visit is keyed by its host alone) */
  group?: string;
  start: number;
}

function uidKey(item: UidSubject): string {
  const key = ownKey(item);
  return item.group !== undefined && item.kind !== "visit" ? `${key}-${item.group.toLowerCase()}` : key;
}

function ownKey(item: UidSubject): string {
  switch (item.kind) {
    case "visit":
      return item.host ?? "visit";
    case "walk":
    case "transit":
      return `${item.kind}-${item.from}-${item.to}`;
    case "free":
      return `free-${item.start}`;
    default:
      return `${item.kind}-${slug(item.title ?? item.kind)}`;
  }
}

/** The uids of one day's items, in order; a second item with the same key (the same walk twice) gets "-2". */
export function dayUids(request: string, date: string, items: readonly UidSubject[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = uidKey(item);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return itemUid(request, n === 1 ? key : `${key}-${n}`, date);
  });
}

interface Timed {
  item: Omit<AgendaItem, "start" | "end" | "uid">;
  start: number;
  end: number;
}

/** Where one party (the whole delegation, or a sub-group) is in the day: its place, its clock, whether an item came before. */
interface Whereabouts {
  here: Place | undefined;
  clock: number;
  started: boolean;
}

/**
 * Read the engine's routes back as the agenda's days: items, walks and transit
 * legs, free time. `dayPlans` (default: the routes as they are) may hold parts
 * of days where the delegation is split: each group's items carry `group` and
 * `people`.
 */
export function buildAgendaDays(
  plan: PlanInstance,
  result: SolveResult,
  request: ResolvedRequest,
  zone: string,
  dayPlans: readonly DayPlan[] = unsplitDays(result, plan.days.length),
): AgendaDay[] {
  return plan.days.map((day, r) => {
    const offset = r * DAY;
    const timed: Timed[] = [];
    const grid = plan.instance.grid ?? 1;
    const buffer = plan.instance.buffer;
    const pieces = dayPlans[r]?.pieces ?? [];
    const located = pieces.flatMap((p) => (p.kind === "stop" ? [p.stop] : p.tracks.flatMap((t) => t.stops)));
    // A leg leaves as late as still arrives in time (with the buffer after an item): waiting
    // happens where the delegation was, not on a doorstep. On a grid it leaves at the latest round
    // time that still arrives in time ("11:00, walk 14 min" rather than "11:01"), never before the
    // previous item ends. `arriveBy` undefined: leave at once.
    const travelTo = (party: Whereabouts, to: Place, arriveBy: number | undefined, group?: Group): number => {
      const { here, clock: earliest } = party;
      if (!here || here.id === to.id || here.online || to.online) return earliest;
      const from = plan.places.indexOf(here);
      const dest = plan.places.indexOf(to);
      const l = plan.legs[from]?.[dest];
      if (!l || l.mode === "none" || l.minutes === 0) return earliest;
      const start =
        arriveBy === undefined ? earliest : Math.max(earliest, Math.floor((arriveBy - l.minutes) / grid) * grid);
      timed.push({
        item: {
          kind: l.mode,
          ...(group ?? {}),
          title: `${l.mode === "walk" ? "Walk" : "Public transport"} to ${to.name}`,
          from: here.id,
          to: to.id,
          minutes: l.minutes,
          km: l.km,
        },
        start,
        end: start + l.minutes,
      });
      return start + l.minutes;
    };
    const visit = (party: Whereabouts, stop: Stop, group?: Group) => {
      const meaning = plan.meanings[stop.node] as NodeMeaning;
      const start = stop.start - offset;
      const end = stop.end - offset;
      const where = placeOf(meaning, party.here, plan, located, stop.node);
      if (where) party.clock = travelTo(party, where, start - (party.started ? buffer : 0), group);
      const { item } = describe(meaning, where);
      timed.push({ item: group ? { kind: item.kind, ...group, ...withoutKind(item) } : item, start, end });
      const physical = (p: Place | undefined) => (p && !p.online ? p : undefined);
      const after =
        meaning.kind === "visit"
          ? (physical(meaning.candidate.endPlace) ?? physical(meaning.candidate.place))
          : physical(where);
      if (after) party.here = after;
      party.clock = end;
      party.started = true;
    };

    // The first leg may leave before the engine's latest departure (to leave on a round time), not before the day starts.
    const whole: Whereabouts = { here: plan.base, clock: day.hours.start, started: false };
    for (const piece of pieces) {
      if (piece.kind === "stop") {
        visit(whole, piece.stop);
        continue;
      }
      // Each group goes its own way from where the delegation is, and meets the others again in time
      // for the next item (with the buffer, as between any two items), or back at the base. A part the
      // whole delegation was planned anew in meets the next item where the plan said (a meal "where we
      // are" included).
      const rejoin = piece.rejoin === undefined ? plan.base : plan.places[piece.rejoin];
      const idle: Group[] = [];
      const before = timed.length;
      for (const track of piece.tracks) {
        const group: Group | undefined =
          track.group === undefined ? undefined : { group: track.group, people: track.people };
        const party: Whereabouts = { ...whole };
        const own = timed.length;
        for (const stop of track.stops) visit(party, stop, group);
        if (rejoin) {
          const by = piece.rejoin === undefined ? undefined : piece.until - offset - (party.started ? buffer : 0);
          travelTo(party, rejoin, by, group);
        }
        if (timed.length === own && group) idle.push(group);
      }
      // A group that visits no one waits where the delegation is while the others go: its free time,
      // until they meet again (at the day's end, until the last group is back).
      const until =
        piece.rejoin === undefined
          ? Math.max(whole.clock, ...timed.slice(before).map((t) => t.end))
          : piece.until - offset;
      for (const group of idle)
        if (until > whole.clock)
          timed.push({ item: { kind: "free", ...group, title: "Free time" }, start: whole.clock, end: until });
      whole.here = rejoin ?? whole.here;
      whole.clock = piece.until - offset;
      whole.started = true;
    }
    if (plan.base && whole.here && whole.here.id !== plan.base.id) travelTo(whole, plan.base, undefined);

    const ordered = withFreeTime(timed);
    const uids = dayUids(
      request.id,
      day.date,
      ordered.map((t) => ({ ...t.item, start: t.start })),
    );
    const items = ordered.map((t, i): AgendaItem => {
      // Key order as in SPEC's example: kind, start, end, then the rest, uid last.
      const { kind, ...rest } = t.item;
      const { start, end } = zonedIsoSpan(day.date, t.start, t.end, zone);
      return {
        kind,
        start,
        end,
        ...rest,
        uid: uids[i] as string,
      };
    });
    return { date: day.date, items };
  });
}

type Group = { group: string; people: number };

function withoutKind(item: Timed["item"]): Omit<Timed["item"], "kind"> {
  const { kind: _kind, ...rest } = item;
  return rest;
}

/**
 * The day's items in time order (the whole delegation's before a group's at the
 * same time, groups by name), with free time where a party waits half an hour
 * or more: the whole delegation between its own items, a group between its
 * items and the whole delegation's around them.
 */
function withFreeTime(timed: readonly Timed[]): Timed[] {
  const order = (a: Timed, b: Timed) =>
    a.start - b.start || a.end - b.end || (a.item.group ?? "").localeCompare(b.item.group ?? "");
  const sorted = [...timed].sort(order);
  const free: Timed[] = [];
  const gaps = (track: readonly Timed[], group?: string) => {
    for (let i = 1; i < track.length; i++) {
      const a = track[i - 1] as Timed;
      const b = track[i] as Timed;
      if (b.start - a.end < FREE_TIME_MINUTES) continue;
      // A group's free time touches one of its own items; the whole delegation's lies between two of its own
      // with no group's items in between (while it is split, the groups' tracks say what each does).
      if (group !== undefined && a.item.group === undefined && b.item.group === undefined) continue;
      if (group === undefined && sorted.some((t) => t.item.group !== undefined && t.start < b.start && t.end > a.end))
        continue;
      free.push({
        // The group's size in this part: its item's next to the gap (a group may have another size in another part).
        item: {
          kind: "free",
          ...(group !== undefined
            ? { group, people: (a.item.group === group ? a.item.people : b.item.people) as number }
            : {}),
          title: "Free time",
        },
        start: a.end,
        end: b.start,
      });
    }
  };
  gaps(sorted.filter((t) => t.item.group === undefined));
  const groups = [...new Set(sorted.flatMap((t) => (t.item.group === undefined ? [] : [t.item.group])))];
  for (const g of groups)
    gaps(
      sorted.filter((t) => t.item.group === undefined || t.item.group === g),
      g,
    );
  return [...sorted, ...free].sort(order);
}

/** Where an item happens: its own place, or for a meal without places where the delegation already is (before, else after). */
function placeOf(
  meaning: NodeMeaning,
  here: Place | undefined,
  plan: PlanInstance,
  route: readonly Stop[],
  node: number,
): Place | undefined {
  if (meaning.kind === "visit") return meaning.candidate.place;
  if (meaning.place) return meaning.place;
  if (meaning.kind === "meal") {
    if (here) return here;
    const next = route
      .slice(route.findIndex((p) => p.node === node) + 1)
      .map((p) => plan.meanings[p.node] as NodeMeaning);
    for (const m of next) {
      const p = m.kind === "visit" ? m.candidate.place : m.place;
      if (p && !p.online) return p;
    }
  }
  return undefined;
}

function describe(meaning: NodeMeaning, where: Place | undefined): Omit<Timed, "start" | "end"> {
  if (meaning.kind === "visit") {
    const { host, place, endPlace } = meaning.candidate;
    return {
      item: {
        kind: "visit",
        title: host.name,
        host: host.id,
        place: agendaPlace(place),
        ...(endPlace ? { ends_at: agendaPlace(endPlace) } : {}),
        ...(place.online ? { online: place.online } : {}),
        status: "proposed",
      },
    };
  }
  if (meaning.kind === "meal") {
    return {
      item: { kind: "meal", title: capitalise(meaning.meal.name), ...(where ? { place: agendaPlace(where) } : {}) },
    };
  }
  const { item } = meaning;
  if (item.parallel) {
    return {
      item: {
        kind: "parallel",
        title: item.title,
        sessions: item.parallel.map((s) => ({ title: s.title, host: s.host })),
        ...(item.notes ? { notes: item.notes } : {}),
      },
    };
  }
  return {
    item: {
      kind: "fixed",
      title: item.title,
      ...(where ? { place: agendaPlace(where) } : {}),
      ...(item.online ? { online: item.online } : {}),
      ...(item.hosts && item.hosts.length > 0 ? { hosts: [...item.hosts] } : {}),
      ...(item.notes ? { notes: item.notes } : {}),
    },
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
