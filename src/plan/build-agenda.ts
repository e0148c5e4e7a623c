import type { Place, Request } from "../records/schemas.js";
import { slugify } from "../records/slug.js";
import { agendaPlace, type AgendaDay, type AgendaItem } from "./agenda.js";
import type { NodeMeaning, PlanInstance } from "./build-instance.js";
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
  start: number;
}

function uidKey(item: UidSubject): string {
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

/** Read the engine's routes back as the agenda's days: items, walks and transit legs, free time. */
export function buildAgendaDays(plan: PlanInstance, result: SolveResult, request: Request, zone: string): AgendaDay[] {
  return plan.days.map((day, r) => {
    const route = result.routes[r];
    const offset = r * DAY;
    const timed: Timed[] = [];
    let here: Place | undefined = plan.base;
    const grid = plan.instance.grid ?? 1;
    // A leg leaves as late as still arrives in time (with the buffer after an item): waiting
    // happens where the delegation was, not on a doorstep. On a grid it leaves at the latest round
    // time that still arrives in time ("11:00, walk 14 min" rather than "11:01"), never before the
    // previous item ends. `arriveBy` undefined: leave at once.
    const travelTo = (to: Place, earliest: number, arriveBy?: number) => {
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

    // The first leg may leave before the engine's latest departure (to leave on a round time), not before the day starts.
    let clock = day.hours.start;
    for (const placed of route?.nodes ?? []) {
      const meaning = plan.meanings[placed.node] as NodeMeaning;
      const start = placed.start - offset;
      const end = placed.end - offset;
      const where = placeOf(meaning, here, plan, route?.nodes ?? [], placed.node);
      if (where) clock = travelTo(where, clock, start - (timed.length > 0 ? plan.instance.buffer : 0));
      timed.push({ ...describe(meaning, where), start, end });
      const physical = (p: Place | undefined) => (p && !p.online ? p : undefined);
      const after =
        meaning.kind === "visit"
          ? (physical(meaning.candidate.endPlace) ?? physical(meaning.candidate.place))
          : physical(where);
      if (after) here = after;
      clock = end;
    }
    if (plan.base && here && here.id !== plan.base.id) travelTo(plan.base, clock);

    timed.sort((a, b) => a.start - b.start || a.end - b.end);
    const withFree: Timed[] = [];
    for (const t of timed) {
      const previous = withFree.at(-1);
      if (previous && t.start - previous.end >= FREE_TIME_MINUTES) {
        withFree.push({ item: { kind: "free", title: "Free time" }, start: previous.end, end: t.start });
      }
      withFree.push(t);
    }
    const uids = dayUids(
      request.id,
      day.date,
      withFree.map((t) => ({ ...t.item, start: t.start })),
    );
    const items = withFree.map((t, i): AgendaItem => {
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

/** Where an item happens: its own place, or for a meal without places where the delegation already is (before, else after). */
function placeOf(
  meaning: NodeMeaning,
  here: Place | undefined,
  plan: PlanInstance,
  route: readonly { node: number }[],
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
