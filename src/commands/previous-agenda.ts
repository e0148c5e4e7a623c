import type { Agenda } from "../plan/agenda.js";
import { describeAgendaDiff, diffAgendas, inviteSequence } from "../render/agenda-diff.js";

// What a previous agenda (`--previous`) tells a re-plan: which visits are
// confirmed, which hosts declined, and what changed since it was sent.

/** The diff a re-plan prints: a host that declined counts as a cancelled visit, and says so. */
export function planDiff(previous: Agenda, current: Agenda, name: (id: string) => string): string[] {
  const declined = previousChoices(previous).declined;
  const asSent: Agenda = {
    ...previous,
    days: previous.days.map((d) => ({
      ...d,
      items: d.items.map((i) => (i.status === "declined" ? { ...i, status: "proposed" as const } : i)),
    })),
  };
  return describeAgendaDiff(diffAgendas(asSent, current), (id) =>
    declined.has(id) ? `${name(id)} (declined)` : name(id),
  );
}

/** Confirmed visits stay exactly where they are; proposed and requested ones are kept if nothing better comes up; declined hosts are left out. */
export function previousChoices(previous: Agenda): {
  pins: Map<string, { date: string; start: number; soft?: boolean }>;
  declined: Set<string>;
} {
  const pins = new Map<string, { date: string; start: number; soft?: boolean }>();
  const declined = new Set<string>();
  for (const day of previous.days) {
    for (const item of day.items) {
      if (item.kind !== "visit" || !item.host) continue;
      if (item.status === "declined") declined.add(item.host);
      else
        pins.set(item.host, {
          date: day.date,
          start: Number(item.start.slice(11, 13)) * 60 + Number(item.start.slice(14, 16)),
          ...(item.status === "confirmed" ? {} : { soft: true }),
        });
    }
  }
  return { pins, declined };
}

/** Each visit's invitation SEQUENCE as the re-plan leaves it: kept when unchanged, one higher when moved. */
export function carrySequences(previous: Agenda, current: Agenda | undefined): void {
  if (!current) return;
  const changes = diffAgendas(previous, current);
  for (const day of current.days) {
    for (const item of day.items) {
      const change = changes.find((c) => c.current?.item.uid === item.uid && c.host === item.host);
      const sequence = change ? inviteSequence(change, change.previous?.item.sequence ?? 0) : 0;
      if (item.kind === "visit" && sequence > 0) item.sequence = sequence;
    }
  }
}
