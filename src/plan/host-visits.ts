import type { Agenda, AgendaItem, ParallelSession } from "./agenda.js";

/** A host's part in the agenda: a visit item, or the session it leads in a parallel item. */
export interface HostVisit {
  host: string;
  item: AgendaItem;
  session?: ParallelSession;
  /** the item's uid, or for a session the item's uid with the host added */
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

/** Ids of the hosts the agenda visits (visits and parallel sessions), in order of first appearance. */
export function visitedHostIds(agenda: Agenda): string[] {
  return [...new Set(hostVisits(agenda).map((v) => v.host))];
}
