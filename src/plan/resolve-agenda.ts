import type { AgendaFile, AgendaFileItem } from "../records/agenda-schema.js";
import { formatHours } from "../records/formats.js";
import { didYouMean } from "../records/did-you-mean.js";
import type { ResolvedRequest } from "../records/resolved-request.js";
import type { Workspace } from "../records/workspace.js";
import type { PathSegment } from "../records/yaml-source.js";
import { agendaPlace, type Agenda, type AgendaDay, type AgendaItem } from "./agenda.js";
import { dayUids } from "./build-agenda.js";
import { rankCandidates } from "./candidates.js";
import { agendaZoneIssue, checkAgendaRules, describe } from "./check-agenda.js";
import type { HolidayCalendar } from "./holidays.js";
import { skippedHour, zonedIsoSpan } from "../records/zoned-time.js";

/** Something to say about an agenda file, located by its path inside the file's data. */
export interface AgendaFileIssue {
  path: PathSegment[];
  message: string;
  /** absent = an error */
  severity?: "note";
}

export interface ResolvedAgenda {
  /** set unless an id is unknown */
  agenda?: Agenda;
  request?: ResolvedRequest;
  issues: AgendaFileIssue[];
}

/**
 * An agenda file (maybe edited by hand) resolved against the records: ids to
 * places and hosts, local times to instants; then checked against every
 * planning rule. Pure: the file is not changed.
 */
export function resolveAgenda(file: AgendaFile, ws: Workspace, holidays: HolidayCalendar): ResolvedAgenda {
  const request = ws.requests.get(file.request);
  if (!request) {
    const suggestion = didYouMean(file.request, ws.requests.keys());
    return {
      issues: [
        {
          path: ["request"],
          message: `unknown request \`${file.request}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}`,
        },
      ],
    };
  }
  const issues = file.days.flatMap((day, d) =>
    day.items.flatMap((item, i) => unknownIds(item, ws, ["days", d, "items", i])),
  );
  if (issues.length > 0) return { request, issues };

  const requestZone = request.zone;
  // An old agenda is still read on its own clock (--previous, --booked); checked, it must be on its request's.
  const zone = file.timezone ?? requestZone;
  const zoneIssue = agendaZoneIssue(file.timezone, requestZone, request.id, file.days[0]?.date);
  if (zoneIssue) issues.push({ path: ["timezone"], message: zoneIssue });
  // Checked on the file's own wall-clock times: once turned into instants, 02:30 of the spring night reads as 03:30.
  let clockIssues = 0;
  file.days.forEach((day, d) =>
    day.items.forEach((item, i) => {
      const reason = skippedHour(day.date, item.time.start, zone) ?? skippedHour(day.date, item.time.end, zone, true);
      if (!reason) return;
      clockIssues++;
      issues.push({
        path: ["days", d, "items", i, "time"],
        message: `${describe(item)} (${formatHours(item.time)}): ${reason}`,
      });
    }),
  );
  // File order first: the rules point at items by their index in the file.
  const inFileOrder: AgendaDay[] = file.days.map((day) => ({
    date: day.date,
    items: resolveDay(day, request, ws, zone),
  }));
  // The rules cannot be judged on another zone's clock, nor on times the clock never shows.
  const judge = !zoneIssue && clockIssues === 0;
  for (const issue of judge ? checkAgendaRules(inFileOrder, zone, { ws, request, holidays }) : []) {
    const path: PathSegment[] =
      issue.day < 0
        ? ["request"]
        : issue.item === undefined
          ? ["days", issue.day, ...(issue.field === "date" ? ["date"] : [])]
          : ["days", issue.day, "items", issue.item, issue.field ?? "time"];
    issues.push({ path, message: issue.message, ...(issue.severity ? { severity: issue.severity } : {}) });
  }
  const days = inFileOrder.map((day) => ({
    date: day.date,
    items: [...day.items].sort(
      (a, b) => Date.parse(a.start) - Date.parse(b.start) || Date.parse(a.end) - Date.parse(b.end),
    ),
  }));
  const values = new Map(rankCandidates(request, { ws, holidays }).map((c) => [c.host.id, c.value]));
  const visited = days.flatMap((d) =>
    d.items.flatMap((i) =>
      i.status === "declined"
        ? []
        : i.kind === "visit" && i.host
          ? [i.host]
          : i.kind === "parallel"
            ? (i.sessions ?? []).map((s) => s.host)
            : (i.hosts ?? []),
    ),
  );
  const travel = days.reduce(
    (sum, d) =>
      sum + d.items.reduce((s, i) => s + (i.kind === "walk" || i.kind === "transit" ? (i.minutes ?? 0) : 0), 0),
    0,
  );
  const agenda: Agenda = {
    request: request.id,
    timezone: zone,
    // A host visited by several groups (a broken rule, reported) still counts once.
    value: [...new Set(visited)].reduce((sum, h) => sum + (values.get(h) ?? 0), 0),
    travel_minutes: travel,
    days,
    unscheduled: file.unscheduled.map((u) => ({
      host: u.host,
      reason: u.reason ?? "not scheduled",
      code: u.code ?? "unscheduled",
      ...(u.suggestion ? { suggestion: u.suggestion } : {}),
      ...(u.value !== undefined ? { value: u.value } : {}),
    })),
  };
  return { agenda, request, issues };
}

function unknownIds(item: AgendaFileItem, ws: Workspace, path: PathSegment[]): AgendaFileIssue[] {
  const issues: AgendaFileIssue[] = [];
  const known = (kind: "host" | "place", id: string | undefined, at: PathSegment[]) => {
    if (id === undefined) return;
    const ids = kind === "host" ? ws.hosts : ws.places;
    if (ids.has(id)) return;
    const suggestion = didYouMean(id, ids.keys());
    issues.push({
      path: [...path, ...at],
      message: `unknown ${kind} \`${id}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}`,
    });
  };
  const need = (field: keyof AgendaFileItem) => {
    if (item[field] === undefined) issues.push({ path, message: `a ${item.kind} item needs \`${field}\`` });
  };
  if (item.kind === "visit") need("host");
  if (item.kind === "walk" || item.kind === "transit") {
    need("from");
    need("to");
  }
  if (item.kind === "fixed" || item.kind === "parallel" || item.kind === "meal") need("title");
  known("host", item.host, ["host"]);
  known("place", item.place, ["place"]);
  known("place", item.from, ["from"]);
  known("place", item.to, ["to"]);
  (item.sessions ?? []).forEach((s, k) => known("host", s.host, ["sessions", k, "host"]));
  (item.hosts ?? []).forEach((h, k) => known("host", h, ["hosts", k]));
  if (item.hosts && item.kind !== "fixed")
    issues.push({
      path: [...path, "hosts"],
      message: `only a fixed item meets hosts together, not a ${item.kind} item`,
    });
  return issues;
}

/** One day's items resolved, in file order; uids are given in time order, as the planner gives them. */
function resolveDay(
  day: AgendaFile["days"][number],
  request: ResolvedRequest,
  ws: Workspace,
  zone: string,
): AgendaItem[] {
  const byTime = day.items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.time.start - b.item.time.start || a.item.time.end - b.item.time.end);
  const uids = dayUids(
    request.id,
    day.date,
    byTime.map(({ item }) => ({ ...item, start: item.time.start })),
  );
  const uidOf = new Map(byTime.map(({ i }, k) => [i, uids[k] as string]));
  return day.items.map((item, i): AgendaItem => {
    const host = item.host ? ws.hosts.get(item.host) : undefined;
    const placeId = item.place ?? (item.kind === "visit" ? host?.place : undefined);
    const place = placeId ? ws.places.get(placeId) : undefined;
    const endsAt = item.kind === "visit" && host?.visit.ends_at ? ws.places.get(host.visit.ends_at) : undefined;
    const travel = item.kind === "walk" || item.kind === "transit";
    const title =
      item.title ??
      (item.kind === "visit"
        ? (host?.name ?? item.host ?? "Visit")
        : item.kind === "free"
          ? "Free time"
          : `${item.kind === "walk" ? "Walk" : "Public transport"} to ${ws.places.get(item.to ?? "")?.name ?? item.to}`);
    // As the planner gives it: a visit at an online place carries the link; a fixed item only its own.
    const online = item.online ?? (item.kind === "visit" ? place?.online : undefined);
    return {
      kind: item.kind,
      ...zonedIsoSpan(day.date, item.time.start, item.time.end, zone),
      ...(item.group !== undefined ? { group: item.group } : {}),
      ...(item.people !== undefined ? { people: item.people } : {}),
      title,
      ...(item.host ? { host: item.host } : {}),
      ...(place ? { place: agendaPlace(place) } : {}),
      ...(endsAt ? { ends_at: agendaPlace(endsAt) } : {}),
      ...(item.from ? { from: item.from } : {}),
      ...(item.to ? { to: item.to } : {}),
      ...(travel
        ? {
            minutes: item.minutes ?? item.time.end - item.time.start,
            ...(item.km !== undefined ? { km: item.km } : {}),
          }
        : {}),
      ...(online ? { online } : {}),
      ...(item.sessions ? { sessions: item.sessions } : {}),
      ...(item.hosts ? { hosts: item.hosts } : {}),
      ...(item.kind === "visit" ? { status: item.status ?? "proposed" } : item.status ? { status: item.status } : {}),
      ...(item.sequence ? { sequence: item.sequence } : {}),
      ...(item.notes !== undefined ? { notes: item.notes } : {}),
      uid: uidOf.get(i) as string,
    };
  });
}
