import type { Agenda } from "./agenda.js";
import { hostVisits, isJointMeeting, type HostVisit } from "./host-visits.js";

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
  /** moved: what moved (`people`: how many come, a sub-group's size or the whole delegation, changed) */
  moved?: { time: boolean; place: boolean; people?: boolean };
  /** dropped: the host declined (its visit is marked `declined` in the agenda it was dropped from) */
  declined?: boolean;
  /** the current agenda's zone, on whose clock both times are told */
  timezone: string;
}

/**
 * Per host visit: unchanged, moved (start, end or place differ), new or
 * dropped. Times compare as instants, so the same time written with another
 * offset is no move. A host visited more than once is paired by uid first,
 * then in time order. A visit marked `declined` was sent (in the previous
 * agenda) but is no visit (in the current one): its host is dropped. Changes come sorted by host id, then time.
 */
export function diffAgendas(previous: Agenda, current: Agenda): VisitChange[] {
  // A visit the host declined in the previous agenda was still sent: its host is dropped now.
  const before = groupByHost(hostVisits(previous, { withDeclined: true }));
  const after = groupByHost(hostVisits(current));
  const declined = new Set(
    [previous, current].flatMap((a) =>
      a.days.flatMap((d) =>
        d.items.filter((i) => i.status === "declined").flatMap((i) => (i.host ? [i.host] : (i.hosts ?? []))),
      ),
    ),
  );
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
    // Then in time order, a joint meeting with a joint meeting and a visit with a visit: a host's joint
    // meeting that became a visit of its own (or the reverse) is another event, cancelled and sent anew.
    for (const joint of [true, false]) {
      const before = old.filter((v) => isJointMeeting(v.item) === joint);
      const after = now.filter((v) => isJointMeeting(v.item) === joint);
      while (before.length > 0 && after.length > 0) {
        const pair: [HostVisit, HostVisit] = [before.shift() as HostVisit, after.shift() as HostVisit];
        old.splice(old.indexOf(pair[0]), 1);
        now.splice(now.indexOf(pair[1]), 1);
        pairs.push(pair);
      }
    }
    for (const [p, c] of pairs) {
      const time = instant(p.item.start) !== instant(c.item.start) || instant(p.item.end) !== instant(c.item.end);
      const place = placeKey(p) !== placeKey(c);
      // A visit by a sub-group instead of the whole delegation (or another group size) is news to the host.
      const people = p.item.people !== c.item.people;
      changes.push(
        time || place || people
          ? {
              host,
              change: "moved",
              previous: p,
              current: c,
              moved: { time, place, ...(people ? { people } : {}) },
              timezone,
            }
          : { host, change: "unchanged", previous: p, current: c, timezone },
      );
    }
    for (const p of old)
      changes.push({
        host,
        change: "dropped",
        previous: p,
        ...(declined.has(host) ? { declined: true } : {}),
        timezone,
      });
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

function groupByHost(visits: HostVisit[]): Map<string, HostVisit[]> {
  const map = new Map<string, HostVisit[]>();
  for (const v of visits) map.set(v.host, [...(map.get(v.host) ?? []), v]);
  return map;
}

/** Agenda times carry their offset (the planner and the agenda reader write them so): an instant each. */
function instant(iso: string): number {
  return Date.parse(iso);
}

function placeKey(v: HostVisit): string {
  return [v.session?.place?.id ?? v.item.place?.id ?? "", v.item.ends_at?.id ?? ""].join("\u0000");
}

function startOf(c: VisitChange): number {
  const visit = c.current ?? c.previous;
  return visit ? instant(visit.item.start) : 0;
}
