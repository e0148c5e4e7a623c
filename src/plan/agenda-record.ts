import type { AgendaFile, AgendaFileItem } from "../records/agenda-schema.js";
import type { Agenda, AgendaItem } from "./agenda.js";
import { minutesOn } from "../records/zoned-time.js";

// The agenda as its editable file holds it: local times and ids. What the
// reader derives again from the records (titles of visits and walks, places'
// names and addresses, uids) is left out, so the file says only what the
// organiser may change.

function itemRecord(item: AgendaItem, date: string, zone: string): AgendaFileItem {
  const time = { start: minutesOn(date, item.start, zone), end: minutesOn(date, item.end, zone) };
  const own = item.kind === "meal" || item.kind === "fixed" || item.kind === "parallel";
  const travel = item.kind === "walk" || item.kind === "transit";
  return {
    kind: item.kind,
    time,
    ...(item.group !== undefined ? { group: item.group } : {}),
    ...(item.people !== undefined ? { people: item.people } : {}),
    ...(own ? { title: item.title } : {}),
    ...(item.host ? { host: item.host } : {}),
    ...(item.place && !travel ? { place: item.place.id } : {}),
    ...(item.from ? { from: item.from } : {}),
    ...(item.to ? { to: item.to } : {}),
    ...(travel && item.minutes !== undefined ? { minutes: item.minutes } : {}),
    ...(travel && item.km !== undefined ? { km: item.km } : {}),
    // A place's own link comes back from the place record; only a fixed item's own link is the item's.
    ...(item.online && item.online !== item.place?.online ? { online: item.online } : {}),
    ...(item.sessions ? { sessions: item.sessions.map((s) => ({ title: s.title, host: s.host })) } : {}),
    ...(item.hosts ? { hosts: [...item.hosts] } : {}),
    ...(item.status ? { status: item.status } : {}),
    ...(item.sequence ? { sequence: item.sequence } : {}),
    ...(item.notes !== undefined ? { notes: item.notes } : {}),
  };
}

/** The editable file of an agenda; `resolveAgenda` of it on the same records gives the agenda back. */
export function agendaRecord(agenda: Agenda): AgendaFile {
  return {
    request: agenda.request,
    timezone: agenda.timezone,
    value: agenda.value,
    travel_minutes: agenda.travel_minutes,
    days: agenda.days.map((day) => ({
      date: day.date,
      items: day.items.map((item) => itemRecord(item, day.date, agenda.timezone)),
    })),
    unscheduled: agenda.unscheduled.map((u) => ({
      host: u.host,
      code: u.code,
      reason: u.reason,
      ...(u.suggestion ? { suggestion: u.suggestion } : {}),
      ...(u.value !== undefined ? { value: u.value } : {}),
    })),
  };
}
