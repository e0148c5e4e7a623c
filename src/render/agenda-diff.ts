import type { Agenda } from "../plan/agenda.js";
import { instantOf, localTime, shortDay } from "./agenda-time.js";
import { hostVisits, type HostVisit } from "./render-input.js";

// What changed for each host between two agendas of the same request: the
// basis of re-sent invitations (RFC 5546 wants SEQUENCE to rise exactly when
// the organiser changes the event) and of the diff `plan --previous` prints.

export type VisitChangeKind = "unchanged" | "moved" | "new" | "dropped";

export interface VisitChange {
  host: string;
  change: VisitChangeKind;
  /** absent for a new visit */
  previous?: HostVisit;
  /** absent for a dropped visit */
  current?: HostVisit;
  /** moved: what moved */
  moved?: { time: boolean; place: boolean };
  /** the current agenda's zone, on whose clock both times are told */
  timezone: string;
}

/**
 * Per host visit: unchanged, moved (start, end or place differ), new or
 * dropped. Times compare as instants, so the same time written with another
 * offset is no move. A host visited more than once is paired by uid first,
 * then in time order. Changes come sorted by host id, then time.
 */
export function diffAgendas(previous: Agenda, current: Agenda): VisitChange[] {
  const before = groupByHost(hostVisits(previous));
  const after = groupByHost(hostVisits(current));
  const hosts = [...new Set([...before.keys(), ...after.keys()])].sort();
  const { timezone } = current;
  const changes: VisitChange[] = [];
  for (const host of hosts) {
    const old = [...(before.get(host) ?? [])];
    const now = [...(after.get(host) ?? [])];
    const pairs: [HostVisit, HostVisit][] = [];
    for (const visit of [...now]) {
      const match = old.findIndex((o) => o.uid === visit.uid);
      if (match < 0) continue;
      pairs.push([old.splice(match, 1)[0] as HostVisit, visit]);
      now.splice(now.indexOf(visit), 1);
    }
    while (old.length > 0 && now.length > 0) pairs.push([old.shift() as HostVisit, now.shift() as HostVisit]);
    for (const [p, c] of pairs) {
      const time =
        !sameInstant(p.item.start, previous.timezone, c.item.start, current.timezone) ||
        !sameInstant(p.item.end, previous.timezone, c.item.end, current.timezone);
      const place = placeKey(p) !== placeKey(c);
      changes.push(
        time || place
          ? { host, change: "moved", previous: p, current: c, moved: { time, place }, timezone }
          : { host, change: "unchanged", previous: p, current: c, timezone },
      );
    }
    for (const p of old) changes.push({ host, change: "dropped", previous: p, timezone });
    for (const c of now) changes.push({ host, change: "new", current: c, timezone });
  }
  return changes.sort((a, b) => (a.host === b.host ? startOf(a) - startOf(b) : a.host < b.host ? -1 : 1));
}

/**
 * The SEQUENCE of the invitation to send for a change, given the one sent
 * last time: unchanged keeps it, moved and dropped (its CANCEL) raise it by
 * one, a new visit starts at 0.
 */
export function inviteSequence(change: Pick<VisitChange, "change">, previousSequence = 0): number {
  if (change.change === "new") return 0;
  return change.change === "unchanged" ? previousSequence : previousSequence + 1;
}

/** One line per change that matters, e.g. "moved: microstart, Wed 19 Sep 09:30-11:00 -> Wed 19 Sep 10:00-11:30". */
export function describeAgendaDiff(
  changes: readonly VisitChange[],
  name: (hostId: string) => string = (id) => id,
): string[] {
  return changes.flatMap((c) => {
    const who = name(c.host);
    if (c.change === "unchanged") return [];
    if (c.change === "new" && c.current) return [`new: ${who}, ${when(c.current, c.timezone)}`];
    if (c.change === "dropped" && c.previous) return [`cancelled: ${who}, ${when(c.previous, c.timezone)}`];
    if (c.previous && c.current) {
      const where = c.moved?.place
        ? ` (now at ${c.current.session?.place?.name ?? c.current.item.place?.name ?? "another place"})`
        : "";
      return [`moved: ${who}, ${when(c.previous, c.timezone)} -> ${when(c.current, c.timezone)}${where}`];
    }
    return [];
  });
}

function groupByHost(visits: HostVisit[]): Map<string, HostVisit[]> {
  const map = new Map<string, HostVisit[]>();
  for (const v of visits) map.set(v.host, [...(map.get(v.host) ?? []), v]);
  return map;
}

function sameInstant(a: string, zoneA: string, b: string, zoneB: string): boolean {
  return instantOf(a, zoneA).getTime() === instantOf(b, zoneB).getTime();
}

function placeKey(v: HostVisit): string {
  return [v.session?.place?.id ?? v.item.place?.id ?? "", v.item.ends_at?.id ?? ""].join("\u0000");
}

function startOf(c: VisitChange): number {
  const visit = c.current ?? c.previous;
  return visit ? instantOf(visit.item.start, c.timezone).getTime() : 0;
}

function when(v: HostVisit, timezone: string): string {
  const start = localTime(v.item.start, timezone);
  return `${shortDay(start.date)} ${start.time}-${localTime(v.item.end, timezone).time}`;
}
