import { relative, resolve, sep } from "node:path";
import type { Agenda, AgendaItem, AgendaDay } from "../plan/agenda.js";
import { agendaPlace } from "../plan/agenda.js";
import { dayUids } from "../plan/build-agenda.js";
import { rankCandidates } from "../plan/candidates.js";
import { checkAgendaRules, type LocalDay, type LocalItem } from "../plan/check-agenda.js";
import type { HolidayCalendar } from "../plan/holidays.js";
import { zonedIso } from "../plan/zoned-time.js";
import { agendaFileSchema, type AgendaItemRecord } from "../records/agenda-schema.js";
import { didYouMean } from "../records/did-you-mean.js";
import type { Problem } from "../records/problem.js";
import { sortProblems } from "../records/problem.js";
import type { Request } from "../records/schemas.js";
import type { Workspace } from "../records/workspace.js";
import { fileProblem, isContentFailure, MAX_RECORD_BYTES, readTextFile } from "../records/read-text-file.js";
import { parseYaml, type PathSegment, type YamlSource } from "../records/yaml-source.js";
import { zodProblems } from "../records/zod-problems.js";
import { userFileError } from "./read-user-file.js";

export interface LoadedAgenda {
  agenda?: Agenda;
  request?: Request;
  problems: Problem[];
}

/**
 * Read an agenda file (maybe edited by hand), resolve its ids against the
 * workspace, and check it against every planning rule. Problems are
 * positioned in the agenda file like record problems.
 */
export function loadAgendaFile(path: string, ws: Workspace, cwd: string, holidays: HolidayCalendar): LoadedAgenda {
  const abs = resolve(cwd, path);
  const display = relative(cwd, abs).split(sep).join("/") || abs;
  // An agenda is a record: bad bytes are positioned problems (exit 3); a path that leads to no readable file is exit 2.
  const read = readTextFile(abs, { maxBytes: MAX_RECORD_BYTES, what: "an agenda file" });
  if (read.failure) {
    if (isContentFailure(read.failure)) return { problems: [fileProblem(display, read.failure)] };
    throw userFileError(path, read.failure, {
      message: `no agenda file at ${path}`,
      hint: "write one with `studyvisit plan REQUEST --out DIR`",
    });
  }
  const parsed = parseYaml(display, read.text);
  if (!parsed.source) return { problems: parsed.problems };
  const result = agendaFileSchema.safeParse(parsed.data);
  if (!result.success)
    return { problems: zodProblems(parsed.source, [], agendaFileSchema, result.error.issues, parsed.data) };
  const file = result.data;
  const source = parsed.source;
  const request = ws.requests.get(file.request);
  if (!request) {
    const suggestion = didYouMean(file.request, ws.requests.keys());
    return {
      problems: [
        source.problemAt(
          ["request"],
          `unknown request \`${file.request}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}`,
        ),
      ],
    };
  }
  const zone = file.timezone ?? request.timezone ?? ws.config.timezone ?? "UTC";
  const problems: Problem[] = [];
  const localDays: LocalDay[] = file.days.map((day, d) => ({
    date: day.date,
    items: day.items.map((item, i) => resolveIds(item, ws, source, ["days", d, "items", i], problems)),
  }));
  if (problems.length > 0) return { problems: sortProblems(problems) };

  for (const issue of checkAgendaRules(localDays, { ws, request, holidays })) {
    const path: PathSegment[] =
      issue.day < 0
        ? ["request"]
        : issue.item === undefined
          ? ["days", issue.day, ...(issue.field === "date" ? ["date"] : [])]
          : ["days", issue.day, "items", issue.item, issue.field ?? "time"];
    problems.push(source.problemAt(path, issue.message));
  }
  const agenda = toAgenda(localDays, request, ws, zone, holidays, file.unscheduled);
  return { agenda, request, problems: sortProblems(problems) };
}

function resolveIds(
  item: AgendaItemRecord,
  ws: Workspace,
  source: YamlSource,
  path: PathSegment[],
  problems: Problem[],
): LocalItem {
  const known = (kind: "host" | "place", id: string | undefined, at: PathSegment[]) => {
    if (id === undefined) return;
    const ids = kind === "host" ? ws.hosts : ws.places;
    if (ids.has(id)) return;
    const suggestion = didYouMean(id, ids.keys());
    problems.push(
      source.problemAt(
        [...path, ...at],
        `unknown ${kind} \`${id}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}`,
      ),
    );
  };
  const need = (field: keyof AgendaItemRecord) => {
    if (item[field] === undefined) problems.push(source.problemAt(path, `a ${item.kind} item needs \`${field}\``));
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
  const { time, ...rest } = item;
  return { ...rest, start: time.start, end: time.end } as LocalItem;
}

function toAgenda(
  localDays: LocalDay[],
  request: Request,
  ws: Workspace,
  zone: string,
  holidays: HolidayCalendar,
  unscheduled: { host: string; code?: string; reason?: string; suggestion?: string }[],
): Agenda {
  const values = new Map(rankCandidates(request, { ws, holidays }).map((c) => [c.host.id, c.value]));
  let value = 0;
  let travel = 0;
  const days: AgendaDay[] = localDays.map((day) => {
    const sorted = [...day.items].sort((a, b) => a.start - b.start || a.end - b.end);
    const uids = dayUids(request.id, day.date, sorted);
    const items = sorted.map((item, i): AgendaItem => {
      const host = item.host ? ws.hosts.get(item.host) : undefined;
      const placeId = item.place ?? (item.kind === "visit" ? host?.place : undefined);
      const place = placeId ? ws.places.get(placeId) : undefined;
      const endsAt = item.kind === "visit" && host?.visit.ends_at ? ws.places.get(host.visit.ends_at) : undefined;
      if (item.kind === "visit" && item.host) value += values.get(item.host) ?? 0;
      if (item.kind === "parallel") for (const s of item.sessions ?? []) value += values.get(s.host) ?? 0;
      const minutes = item.minutes ?? item.end - item.start;
      if (item.kind === "walk" || item.kind === "transit") travel += minutes;
      const title =
        item.title ??
        (item.kind === "visit"
          ? (host?.name ?? item.host ?? "Visit")
          : item.kind === "free"
            ? "Free time"
            : `${item.kind === "walk" ? "Walk" : "Public transport"} to ${ws.places.get(item.to ?? "")?.name ?? item.to}`);
      return {
        kind: item.kind,
        start: zonedIso(day.date, item.start, zone),
        end: zonedIso(day.date, item.end, zone),
        title,
        ...(item.host ? { host: item.host } : {}),
        ...(place ? { place: agendaPlace(place) } : {}),
        ...(endsAt ? { ends_at: agendaPlace(endsAt) } : {}),
        ...(item.from ? { from: item.from } : {}),
        ...(item.to ? { to: item.to } : {}),
        ...(item.kind === "walk" || item.kind === "transit"
          ? { minutes, ...(item.km !== undefined ? { km: item.km } : {}) }
          : {}),
        ...((item.online ?? place?.online) ? { online: item.online ?? place?.online } : {}),
        ...(item.sessions ? { sessions: item.sessions } : {}),
        ...(item.kind === "visit" ? { status: item.status ?? "proposed" } : item.status ? { status: item.status } : {}),
        ...(item.sequence ? { sequence: item.sequence } : {}),
        uid: uids[i] as string,
      } as AgendaItem;
    });
    return { date: day.date, items };
  });
  return {
    request: request.id,
    timezone: zone,
    value,
    travel_minutes: travel,
    days,
    unscheduled: unscheduled.map((u) => ({
      host: u.host,
      code: u.code ?? "unscheduled",
      reason: u.reason ?? "not scheduled",
      ...(u.suggestion ? { suggestion: u.suggestion } : {}),
    })),
  };
}
