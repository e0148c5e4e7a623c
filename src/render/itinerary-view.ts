import type { AgendaItem } from "../plan/agenda.js";
import { isJointMeeting } from "../plan/host-visits.js";
import { languageName } from "../records/formats.js";
import { longDate, shortDay } from "../records/dates.js";
import { generatedStamp, localTime } from "./agenda-time.js";
import {
  hostName,
  jointMeetingWords,
  legSummary,
  namesInWords,
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
  /** the sub-group whose item it is ("A", "B", …); absent: the whole delegation's */
  group?: string;
  time: string;
  start: string;
  end: string;
  what: string;
  where: string;
  notes: string[];
  /** online links: the item's ("Join online") and, each with its session, the sessions' rooms */
  links: { label: string; url: string }[];
}

/** One group's column head in a split part of a day: "Group A · 10 people". */
export interface GroupColumn {
  group: string;
  people: number;
  label: string;
}

/** Rows that start and end together share a line: one cell per group, empty where a group does nothing then. */
export interface SplitRow {
  time: string;
  start: string;
  end: string;
  cells: (ItineraryRow | undefined)[];
}

/**
 * A day read as the delegation lives it: stretches together (one column of
 * items) and stretches split into groups (a column per group, side by side).
 */
export type ItineraryBlock =
  { kind: "whole"; rows: ItineraryRow[] } | { kind: "split"; intro: string; groups: GroupColumn[]; rows: SplitRow[] };

export interface ItineraryDay {
  date: string;
  heading: string;
  short: string;
  /** every item in time order (a group's marked by `group`) */
  rows: ItineraryRow[];
  blocks: ItineraryBlock[];
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
  const splitDays = agenda.days.filter((d) => d.items.some((i) => i.group !== undefined)).length;
  const programme = [
    ...(visits > 0 || joint === 0 ? [`${visits} ${visits === 1 ? "visit" : "visits"}`] : []),
    ...(joint > 0 ? [`${joint} joint ${joint === 1 ? "meeting" : "meetings"}`] : []),
    ...(splitDays > 0 ? [`in groups for part of ${splitDays === 1 ? "one day" : `${splitDays} days`}`] : []),
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
          ? longDate(first)
          : `${longDate(first)} to ${longDate(last)}`
        : "no days planned",
    timezone: agenda.timezone,
    programme: `${programme}, ${agenda.travel_minutes} min of travel`,
    days: agenda.days.map((day) => ({
      date: day.date,
      heading: longDate(day.date),
      short: shortDay(day.date),
      rows: day.items.map((item) => row(input, item)),
      blocks: blocks(input, day.items),
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
  return {
    kind: item.kind,
    ...(item.group !== undefined ? { group: item.group } : {}),
    time: `${start}–${end}`,
    start,
    end,
    what: item.title,
    where,
    notes,
    links,
  };
}

const COUNT_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/** The day cut where the delegation splits and where it meets again. */
function blocks(input: RenderInput, items: readonly AgendaItem[]): ItineraryBlock[] {
  // A day without items still shows its (empty) table.
  if (items.length === 0) return [{ kind: "whole", rows: [] }];
  const out: ItineraryBlock[] = [];
  let i = 0;
  while (i < items.length) {
    const start = i;
    const grouped = (items[i] as AgendaItem).group !== undefined;
    while (i < items.length && ((items[i] as AgendaItem).group !== undefined) === grouped) i++;
    const run = items.slice(start, i);
    if (!grouped) {
      out.push({ kind: "whole", rows: run.map((item) => row(input, item)) });
      continue;
    }
    const sizes = new Map<string, number>();
    for (const item of run) if (!sizes.has(item.group as string)) sizes.set(item.group as string, item.people ?? 0);
    const groups = [...sizes]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([group, people]) => ({
        group,
        people,
        label: `Group ${group} · ${people} ${people === 1 ? "person" : "people"}`,
      }));
    const rows: SplitRow[] = [];
    for (const item of run) {
      const cell = row(input, item);
      const column = groups.findIndex((g) => g.group === item.group);
      const shared = rows.find((r) => r.start === cell.start && r.end === cell.end && !r.cells[column]);
      if (shared) shared.cells[column] = cell;
      else {
        const cells: (ItineraryRow | undefined)[] = groups.map(() => undefined);
        cells[column] = cell;
        rows.push({ time: cell.time, start: cell.start, end: cell.end, cells });
      }
    }
    const next = items[i];
    const until = next
      ? `until ${next.kind === "meal" ? next.title.toLowerCase() : `“${next.title}”`} at ${localTime(next.start, input.agenda.timezone).time}`
      : "for the rest of the day";
    const count = COUNT_WORDS[groups.length] ?? String(groups.length);
    const who = namesInWords(
      groups.map((g) => `group ${g.group} (${g.people} ${g.people === 1 ? "person" : "people"})`),
    );
    out.push({
      kind: "split",
      intro: `The delegation splits into ${count} groups ${until}, each going its own way: ${who}.`,
      groups,
      rows,
    });
  }
  return out;
}

function travelSummary(items: readonly AgendaItem[]): string {
  const text = legTotals(items);
  // Split into groups, each group's legs count: the totals are the groups' together.
  return text && items.some((i) => i.group !== undefined && TRAVEL_KINDS.has(i.kind))
    ? `${text} Each group's legs are counted.`
    : text;
}

function legTotals(items: readonly AgendaItem[]): string {
  const part = (kind: "walk" | "transit", label: string) => {
    const legs = items.filter((i) => i.kind === kind);
    if (legs.length === 0) return "";
    const minutes = legs.reduce((n, l) => n + (l.minutes ?? 0), 0);
    const km = legs.reduce((n, l) => n + (l.km ?? 0), 0);
    return `${label}: ${legs.length} ${legs.length === 1 ? "leg" : "legs"}, ${minutes} min, ${km.toFixed(1)} km.`;
  };
  return [part("walk", "Walking"), part("transit", "Public transport")].filter(Boolean).join(" ");
}
