import type { AgendaItem, ParallelSession } from "../plan/agenda.js";
import type { Contact } from "../records/schemas.js";
import { icsUtc, instantOf } from "./agenda-time.js";
import { icsProperty, icsQuotedParam, icsText, icsTextList, icsUri } from "./ics-text.js";
import { onlineLink, placeLabel, sessionPlace, type RenderInput } from "./render-input.js";

// One VEVENT, as both the itinerary and the invitations write it. Values are
// encoded here, once; callers pass plain text.

export interface EventContent {
  uid: string;
  item: AgendaItem;
  summary: string;
  location?: string;
  geo?: { lat: number; lon: number };
  /** the link to join online */
  url?: string;
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

/** GEO wants a plain FLOAT: never an exponent, as String(1e-7) would write. */
function icsFloat(value: number): string {
  return String(Number(value.toFixed(6)));
}

type Where = Pick<EventContent, "location" | "geo" | "url">;

/**
 * Where an event happens and how to join it: the item's place (or, for one
 * host's invitation to a parallel item, its session's room); for the
 * delegation's parallel item, the rooms of all its sessions.
 */
export function itemLocation(input: RenderInput, item: AgendaItem, session?: ParallelSession): Where {
  const place = session ? sessionPlace(input, session) : item.place;
  const url = (session ? place?.online : undefined) ?? onlineLink(item);
  const link = url ? { url } : {};
  if (place && !place.online) {
    const geo =
      Number.isFinite(place.lat) && Number.isFinite(place.lon)
        ? { lat: place.lat as number, lon: place.lon as number }
        : undefined;
    return { location: placeLabel(place), ...(geo ? { geo } : {}), ...link };
  }
  if (!session && item.kind === "parallel" && !place) {
    const rooms = (item.sessions ?? []).flatMap((s) => {
      const room = sessionPlace(input, s);
      return room ? [room.online ? `${room.name} (online)` : placeLabel(room)] : [];
    });
    if (rooms.length > 0) return { location: rooms.join("; "), ...link };
  }
  if (place?.online || url) return { location: place ? `${place.name} (online)` : "Online", ...link };
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
  if (event.geo) lines.push(icsProperty("GEO", `${icsFloat(event.geo.lat)};${icsFloat(event.geo.lon)}`));
  if (event.description) lines.push(icsProperty("DESCRIPTION", icsText(event.description)));
  if (event.url) lines.push(icsProperty("URL", icsUri(event.url)));
  lines.push(icsProperty("CATEGORIES", icsTextList(event.categories)));
  lines.push(icsProperty("STATUS", event.status));
  lines.push(organiserLine(input));
  for (const contact of event.attendees ?? []) {
    if (!contact.email) continue;
    const reply: [string, string][] =
      event.askReply === false
        ? []
        : [
            ["PARTSTAT", "NEEDS-ACTION"],
            ["RSVP", "TRUE"],
          ];
    lines.push(
      icsProperty("ATTENDEE", `mailto:${icsUri(contact.email)}`, [
        ["CN", icsQuotedParam(contact.name)],
        ["ROLE", "REQ-PARTICIPANT"],
        ...reply,
      ]),
    );
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
export function calendarLines(
  input: RenderInput,
  method: "PUBLISH" | "REQUEST" | "CANCEL",
  version: string,
  events: string[][],
): string[] {
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
