import type { AgendaItem } from "../plan/agenda.js";
import { isJointMeeting } from "../plan/host-visits.js";
import { languageName } from "../records/formats.js";
import { dayHeading, generatedStamp, localTime, shortDay } from "./agenda-time.js";
import {
  hostName,
  jointMeetingWords,
  legSummary,
  onlineLink,
  placeLabel,
  placeName,
  sessionPlace,
  TRAVEL_KINDS,
  visitedHostIds,
  type RenderInput,
} from "./render-input.js";

// What the itinerary says, as plain unescaped text: Markdown and HTML render
// this same content, each escaping for its own format, so they never drift apart.

export interface ItineraryRow {
  kind: AgendaItem["kind"];
  time: string;
  start: string;
  end: string;
  what: string;
  where: string;
  notes: string[];
  /** online links: the item's ("Join online") and, each with its session, the sessions' rooms */
  links: { label: string; url: string }[];
}

export interface ItineraryDay {
  date: string;
  heading: string;
  short: string;
  rows: ItineraryRow[];
  /** "Walking: 4 legs, 38 min, 2.6 km. Public transport: 1 leg, 25 min, 5.1 km." or empty */
  travel: string;
}

export interface ContactBlock {
  host: string;
  summary?: string;
  contacts: { name: string; role?: string; email?: string; phone?: string }[];
}

export interface Itinerary {
  title: string;
  delegation: string;
  organiser: { text: string; email: string };
  dates: string;
  timezone: string;
  programme: string;
  days: ItineraryDay[];
  contacts: ContactBlock[];
  generated: string;
}

export function buildItinerary(input: RenderInput): Itinerary {
  const { request, agenda } = input;
  const { delegation, organiser } = request;
  const from = delegation.from ? ` from ${delegation.from}` : "";
  const profile = delegation.profile.length > 0 ? `: ${delegation.profile.join(", ")}` : "";
  const languages =
    delegation.languages.length > 0
      ? ` Languages: ${delegation.languages.map((l) => languageName(l)).join(", ")}.`
      : "";
  const count = (kind: (i: AgendaItem) => boolean) =>
    agenda.days.reduce((n, d) => n + d.items.filter((i) => kind(i) && i.status !== "declined").length, 0);
  const visits = count((i) => i.kind === "visit");
  const joint = count((i) => isJointMeeting(i));
  const programme = [
    ...(visits > 0 || joint === 0 ? [`${visits} ${visits === 1 ? "visit" : "visits"}`] : []),
    ...(joint > 0 ? [`${joint} joint ${joint === 1 ? "meeting" : "meetings"}`] : []),
  ].join(", ");
  const first = agenda.days[0]?.date;
  const last = agenda.days[agenda.days.length - 1]?.date;
  return {
    title: request.title,
    delegation: `${delegation.size} ${delegation.size === 1 ? "person" : "people"}${from}${profile}.${languages}`,
    organiser: {
      text: [organiser.name, organiser.organisation, organiser.phone].filter(Boolean).join(", "),
      email: organiser.email,
    },
    dates:
      first && last
        ? first === last
          ? dayHeading(first)
          : `${dayHeading(first)} to ${dayHeading(last)}`
        : "no days planned",
    timezone: agenda.timezone,
    programme: `${programme}, ${agenda.travel_minutes} min of travel`,
    days: agenda.days.map((day) => ({
      date: day.date,
      heading: dayHeading(day.date),
      short: shortDay(day.date),
      rows: day.items.map((item) => row(input, item)),
      travel: travelSummary(day.items),
    })),
    contacts: visitedHostIds(agenda).map((id) => {
      const host = input.hosts.get(id);
      return {
        host: hostName(input, id),
        ...(host?.summary ? { summary: host.summary } : {}),
        contacts: host?.contacts ?? [],
      };
    }),
    generated: generatedStamp(input.generatedAt),
  };
}

function row(input: RenderInput, item: AgendaItem): ItineraryRow {
  const start = localTime(item.start, input.agenda.timezone).time;
  const end = localTime(item.end, input.agenda.timezone).time;
  const link = onlineLink(item);
  const notes: string[] = [];
  let where = item.place ? placeLabel(item.place) : "";
  if (TRAVEL_KINDS.has(item.kind)) {
    where = [item.from, item.to]
      .filter((p): p is string => Boolean(p))
      .map((p) => placeName(input, p))
      .join(" → ");
    notes.push(legSummary(item));
  }
  if (item.place?.online || (!item.place && link)) where = item.place ? `${item.place.name} (online)` : "Online";
  if (item.ends_at) notes.push(`Ends at ${item.ends_at.name}`);
  const rooms = (item.sessions ?? []).map((s) => ({ session: s, place: sessionPlace(input, s) }));
  if (item.kind === "parallel" && !item.place)
    where = [...new Set(rooms.flatMap(({ place }) => (place ? [place.online ? "Online" : place.name] : [])))].join(
      ", ",
    );
  const links = link ? [{ label: "Join online", url: link }] : [];
  for (const { session, place } of rooms) {
    const label = `${session.title} — ${hostName(input, session.host)}`;
    if (place?.online) links.push({ label, url: place.online });
    else notes.push(label);
  }
  const joint = jointMeetingWords(item, (id) => hostName(input, id));
  if (joint) notes.push(`${joint.charAt(0).toUpperCase()}${joint.slice(1)}`);
  if (item.notes) notes.push(item.notes);
  if (item.status && item.status !== "proposed") notes.push(`Status: ${item.status}`);
  return { kind: item.kind, time: `${start}–${end}`, start, end, what: item.title, where, notes, links };
}

function travelSummary(items: readonly AgendaItem[]): string {
  const part = (kind: "walk" | "transit", label: string) => {
    const legs = items.filter((i) => i.kind === kind);
    if (legs.length === 0) return "";
    const minutes = legs.reduce((n, l) => n + (l.minutes ?? 0), 0);
    const km = legs.reduce((n, l) => n + (l.km ?? 0), 0);
    return `${label}: ${legs.length} ${legs.length === 1 ? "leg" : "legs"}, ${minutes} min, ${km.toFixed(1)} km.`;
  };
  return [part("walk", "Walking"), part("transit", "Public transport")].filter(Boolean).join(" ");
}
