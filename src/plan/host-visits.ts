import type { Agenda, AgendaItem, ParallelSession } from "./agenda.js";

/** A host's part in the agenda: a visit item, the session it leads in a parallel item, or a joint meeting it attends. */
export interface HostVisit {
  host: string;
  item: AgendaItem;
  session?: ParallelSession;
  /** the item's uid (a joint meeting's too), or for a session the item's uid with the host added */
  uid: string;
}

/** A parallel session's own uid: one host's share of the shared item, stable like the item's. */
export function sessionUid(itemUid: string, hostId: string): string {
  const at = itemUid.lastIndexOf("@");
  return at < 0 ? `${itemUid}.${hostId}` : `${itemUid.slice(0, at)}.${hostId}${itemUid.slice(at)}`;
}

/**
 * Every host visit of the agenda in time order. A declined visit is an answer
 * on record, not a visit; `withDeclined` counts it (it was sent, and its
 * CANCEL is rendered from it).
 */
export function hostVisits(agenda: Agenda, options: { withDeclined?: boolean } = {}): HostVisit[] {
  return agenda.days.flatMap((day) =>
    day.items.flatMap((item): HostVisit[] => {
      if (item.status === "declined" && !options.withDeclined) return [];
      if (item.kind === "visit" && item.host) return [{ host: item.host, item, uid: item.uid }];
      // A joint meeting is one event for all its hosts: each is invited to it, under the item's own uid.
      if (item.kind === "fixed") return (item.hosts ?? []).map((host) => ({ host, item, uid: item.uid }));
      if (item.kind !== "parallel") return [];
      return (item.sessions ?? []).map((session) => ({
        host: session.host,
        item,
        session,
        uid: sessionUid(item.uid, session.host),
      }));
    }),
  );
}

/** Ids of the hosts the agenda visits (visits, parallel sessions, joint meetings), in order of first appearance. */
export function visitedHostIds(agenda: Agenda): string[] {
  return [...new Set(hostVisits(agenda).map((v) => v.host))];
}

/** A fixed item naming hosts: they meet the delegation together. */
export function isJointMeeting(item: Pick<AgendaItem, "kind" | "hosts">): boolean {
  return item.kind === "fixed" && (item.hosts?.length ?? 0) > 0;
}
