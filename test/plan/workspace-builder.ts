import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadHolidayCalendar } from "../../src/commands/load-holidays.js";
import type { Agenda, AgendaItem } from "../../src/plan/agenda.js";
import { planRequest, type PlanRequestInput, type RequestPlan } from "../../src/plan/plan-request.js";
import { loadWorkspace } from "../../src/records/load-workspace.js";
import { formatProblem } from "../../src/records/problem.js";
import type { Workspace } from "../../src/records/workspace.js";
import { tempDir } from "../helpers/files.js";

/** The rules of the countries the tests' hosts are in (the CLI loads those of the workspace's hosts). */
export const holidays = await loadHolidayCalendar(["BE", "DE", "FR", "IT", "NL"]);

/** A workspace from YAML texts (path → content); fails the test if the records are invalid. */
export function workspaceOf(files: Record<string, string>): { ws: Workspace; dir: string } {
  const dir = tempDir();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const { workspace, problems } = loadWorkspace(dir, dir);
  if (problems.length > 0) throw new Error(`invalid test workspace:\n${problems.map(formatProblem).join("\n")}`);
  return { ws: workspace, dir };
}

export function planOf(ws: Workspace, requestId: string, extra: Partial<PlanRequestInput> = {}): RequestPlan {
  const request = ws.requests.get(requestId);
  if (!request) throw new Error(`no request ${requestId}`);
  return planRequest({ ws, request, holidays, ...extra });
}

export const hm = (iso: string) => iso.slice(11, 16);
export const minutesOf = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));

/** The agenda's items as compact "HH:MM-HH:MM kind what" lines, for readable asserts. */
export function lines(agenda: Agenda, date?: string): string[] {
  return agenda.days
    .filter((d) => !date || d.date === date)
    .flatMap((d) =>
      d.items.map(
        (i: AgendaItem) => `${hm(i.start)}-${hm(i.end)} ${i.kind} ${i.host ?? i.to ?? i.place?.id ?? i.title}`,
      ),
    );
}

/** Places on a north-south line from 50.8 N, 4.3 E: `north(km)` is that far (great circle) from the origin. */
export function north(km: number): string {
  const degrees = km / ((2 * Math.PI * 6371.0088) / 360);
  return `"${(50.8 + degrees).toFixed(6)}, 4.3"`;
}

export const request = (fields: string) => `id: r
title: Test visit
organiser: {name: Org, email: org@example.org}
delegation: {size: 10}
timezone: Europe/Brussels
${fields}
`;

export const host = (id: string, place: string, fields = "") => `id: ${id}
name: Host ${id.toUpperCase()}
themes: [inclusion]
place: ${place}
${fields}
`;
