import type { AgendaItem, ParallelSession } from "../plan/agenda.js";
import type { Contact } from "../records/schemas.js";
import { icsUtc, instantOf } from "./agenda-time.js";
import { icsProperty, icsQuotedParam, icsText, icsTextList, icsUri } from "./ics-text.js";
import { onlineLink, placeLabel, type RenderInput } from "./render-input.js";

// One VEVENT, as both the itinerary and the invitations write it. Values are
// encoded here, once; callers pass plain text.

export interface EventContent {
  uid: string;
  item: AgendaItem;
  summary: string;
  location?: string;
  geo?: { lat: number; lon: number };
  description: string;
  categories: string[];
  status: "TENTATIVE" | "CONFIRMED" | "CANCELLED";
  sequence?: number;
  attendees?: readonly Contact[];
  /** CANCEL: attendees are named but asked for no reply */
  askReply?: boolean;
}

export const CATEGORY: Partial<Record<AgendaItem["kind"], string>> = {
  visit: "Study visit",
  meal: "Meal",
  fixed: "Programme",
  parallel: "Parallel sessions",
};

export function organiserLine(input: RenderInput): string {
  const { name, email } = input.request.organiser;
  return icsProperty("ORGANIZER", `mailto:${icsUri(email)}`, [["CN", icsQuotedParam(name)]]);
}

export function eventStatus(item: AgendaItem): "TENTATIVE" | "CONFIRMED" {
  return item.status === "confirmed" ? "CONFIRMED" : "TENTATIVE";
}

/** Where an item happens: its place, else the places of its sessions, else "Online" for a link. */
export function itemLocation(item: AgendaItem, session?: ParallelSession): { location?: string; geo?: { lat: number; lon: number } } {
  const place = session?.place ?? item.place;
  if (place && !place.online) {
    const geo = Number.isFinite(place.lat) && Number.isFinite(place.lon) ? { lat: place.lat as number, lon: place.lon as number } : undefined;
    return { location: placeLabel(place), ...(geo ? { geo } : {}) };
  }
  if (!session && item.kind === "parallel") {
    const places = (item.sessions ?? []).flatMap((s) => (s.place && !s.place.online ? [placeLabel(s.place)] : []));
    if (places.length > 0) return { location: places.join("; ") };
  }
  if (place?.online || onlineLink(item)) return { location: place ? `${place.name} (online)` : "Online" };
  return {};
}

export function eventLines(input: RenderInput, event: EventContent): string[] {
  const { item } = event;
  const zone = input.agenda.timezone;
  const lines = [
    "BEGIN:VEVENT",
    icsProperty("UID", icsText(event.uid)),
    icsProperty("DTSTAMP", icsUtc(input.generatedAt)),
    icsProperty("DTSTART", icsUtc(instantOf(item.start, zone))),
    icsProperty("DTEND", icsUtc(instantOf(item.end, zone))),
  ];
  if (event.sequence !== undefined) lines.push(icsProperty("SEQUENCE", String(event.sequence)));
  lines.push(icsProperty("SUMMARY", icsText(event.summary)));
  if (event.location) lines.push(icsProperty("LOCATION", icsText(event.location)));
  if (event.geo) lines.push(icsProperty("GEO", `${event.geo.lat};${event.geo.lon}`));
  if (event.description) lines.push(icsProperty("DESCRIPTION", icsText(event.description)));
  const link = onlineLink(item);
  if (link) lines.push(icsProperty("URL", icsUri(link)));
  lines.push(icsProperty("CATEGORIES", icsTextList(event.categories)));
  lines.push(icsProperty("STATUS", event.status));
  lines.push(organiserLine(input));
  for (const contact of event.attendees ?? []) {
    if (!contact.email) continue;
    const reply: [string, string][] = event.askReply === false ? [] : [["PARTSTAT", "NEEDS-ACTION"], ["RSVP", "TRUE"]];
    lines.push(icsProperty("ATTENDEE", `mailto:${icsUri(contact.email)}`, [["CN", icsQuotedParam(contact.name)], ["ROLE", "REQ-PARTICIPANT"], ...reply]));
  }
  lines.push("END:VEVENT");
  return lines;
}

/** "Roxanne Lemercier (Partnership Manager), r.lemercier@example.org, +32 …" */
export function contactText(contact: Contact): string {
  const role = contact.role ? ` (${contact.role})` : "";
  return [`${contact.name}${role}`, contact.email, contact.phone].filter(Boolean).join(", ");
}

/** The calendar around the events. */
export function calendarLines(input: RenderInput, method: "PUBLISH" | "REQUEST" | "CANCEL", version: string, events: string[][]): string[] {
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    icsProperty("PRODID", `-//studyvisit//studyvisit ${icsText(version)}//EN`),
    "CALSCALE:GREGORIAN",
    icsProperty("METHOD", method),
    // A calendar name helps a subscribed itinerary; an invitation lands in the attendee's own calendar.
    ...(method === "PUBLISH" ? [icsProperty("X-WR-CALNAME", icsText(input.request.title))] : []),
    ...events.flat(),
    "END:VCALENDAR",
  ];
}
