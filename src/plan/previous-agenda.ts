import type { Agenda, AgendaDay, AgendaItem } from "./agenda.js";
import { diffAgendas, inviteSequence } from "./agenda-diff.js";
import { isJointMeeting } from "./host-visits.js";
import type { GroupVisit, KeptVisits, Pins } from "./build-instance.js";
import { minutesOn } from "../records/zoned-time.js";

// What a previous agenda (`plan --previous`) tells a re-plan, and what the
// re-plan carries over from it: the organiser's statuses, notes and the
// invitations' SEQUENCE numbers.

export interface PreviousChoices {
  /** confirmed visits (and with `keepProposed` every visit): fixed where they are */
  pins: Map<string, { date: string; start: number; end?: number } & GroupVisit>;
  /** proposed and requested visits: kept at their time unless moving reaches a strictly higher value */
  keep: Map<string, { date: string; start: number } & GroupVisit>;
  /** hosts that declined: left out */
  declined: Set<string>;
}

/**
 * Confirmed visits stay exactly where they are, at their own times (the host
 * agreed to them, even if they differ from its record); proposed and requested
 * ones are kept if nothing better comes up (pinned at their start with
 * `keepProposed`); declined hosts are left out.
 */
export function previousChoices(previous: Agenda, options: { keepProposed?: boolean } = {}): PreviousChoices {
  const pins: PreviousChoices["pins"] = new Map();
  const keep: PreviousChoices["keep"] = new Map();
  const declined = new Set<string>();
  for (const day of previous.days) {
    for (const item of day.items) {
      if (item.kind !== "visit" || !item.host) continue;
      const start = minutesOn(day.date, item.start, previous.timezone);
      // A sub-group's visit: the re-plan tries the same groups again.
      const group = item.group !== undefined ? { group: item.group, people: item.people ?? 0 } : {};
      if (item.status === "declined") declined.add(item.host);
      else if (item.status === "confirmed")
        pins.set(item.host, {
          date: day.date,
          start,
          end: minutesOn(day.date, item.end, previous.timezone),
          ...group,
        });
      else if (options.keepProposed) pins.set(item.host, { date: day.date, start, ...group });
      else keep.set(item.host, { date: day.date, start, ...group });
    }
  }
  // A host declined on one day and proposed on another is not left out.
  for (const host of [...pins.keys(), ...keep.keys()]) declined.delete(host);
  return { pins, keep, declined };
}

export type { KeptVisits, Pins };

/**
 * The re-planned agenda with what the organiser wrote in the previous one:
 * a visit that stays or moves keeps its status and notes; its invitation's
 * SEQUENCE stays when unchanged and rises by one when moved. Other items
 * (meals, fixed items) keep their status, and their notes where the records
 * give none. Returns a new agenda; neither argument is changed.
 */
export function carryPrevious(previous: Agenda, current: Agenda): Agenda {
  const changes = diffAgendas(previous, current);
  const byUid = new Map(previous.days.flatMap((d) => d.items.map((i) => [i.uid, i] as const)));
  const carried = (item: AgendaItem): AgendaItem => {
    if (item.kind === "visit" && item.host) {
      const change = changes.find((c) => c.current?.item.uid === item.uid && c.host === item.host);
      const before = change?.previous?.item;
      if (!change || !before) return item;
      const sequence = inviteSequence(change, before.sequence ?? 0);
      const { sequence: _drop, ...rest } = item;
      return {
        ...rest,
        ...(before.status ? { status: before.status } : {}),
        ...(sequence > 0 ? { sequence } : {}),
        ...(before.notes !== undefined ? { notes: before.notes } : {}),
      };
    }
    const before = byUid.get(item.uid);
    // A joint meeting is one invitation to each of its hosts: its SEQUENCE rises when it moves.
    const sequence = isJointMeeting(item)
      ? Math.max(
          0,
          ...changes
            .filter((c) => c.current?.item.uid === item.uid && c.previous)
            .map((c) => inviteSequence(c, c.previous?.item.sequence ?? 0)),
        )
      : 0;
    if (!before || before.kind !== item.kind) return item;
    const { sequence: _drop, ...rest } = item;
    return {
      ...rest,
      ...(before.status ? { status: before.status } : {}),
      ...(sequence > 0 ? { sequence } : {}),
      ...(item.notes === undefined && before.notes !== undefined ? { notes: before.notes } : {}),
    };
  };
  const days: AgendaDay[] = current.days.map((d) => ({ date: d.date, items: d.items.map(carried) }));
  return { ...current, days };
}
