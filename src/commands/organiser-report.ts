import type { Agenda } from "../plan/agenda.js";
import { diffAgendas } from "../plan/agenda-diff.js";
import { requestArea } from "../plan/area.js";
import { isOutOfArea } from "../plan/candidates.js";
import { checkAgendaRules } from "../plan/check-agenda.js";
import type { HolidayCalendar } from "../plan/holidays.js";
import { visitedHostIds } from "../plan/host-visits.js";
import type { RequestPlan } from "../plan/plan-request.js";
import { formatProblem, type Problem } from "../records/problem.js";
import type { ResolvedRequest } from "../records/resolved-request.js";
import type { Workspace } from "../records/workspace.js";
import type { RenderInput } from "../render/render-input.js";
import type { ReportInput } from "../render/report.js";

export interface ReportSources {
  ws: Workspace;
  request: ResolvedRequest;
  plan: RequestPlan;
  input: RenderInput;
  holidays: HolidayCalendar;
  /** warnings and notes of the records (the load result's problems that are not errors) */
  notices: readonly Problem[];
  /** where the agenda is written, as the user sees the path: its notes point there */
  agendaPath: string;
}

/**
 * What the organiser's report says about one request: gathered here from the
 * plan, the records and the agenda sent before, rendered by renderReport.
 * Warnings come from the load result whatever their kind, so new checks of
 * the records reach the report without a change here.
 */
export function organiserReport(sources: ReportSources, earlier?: { agenda: Agenda; since: string }): ReportInput {
  const { ws, request, plan, input } = sources;
  const area = requestArea(request, ws);
  const visited = new Set(visitedHostIds(plan.agenda));
  const agendaNotes = checkAgendaRules(plan.agenda.days, plan.agenda.timezone, {
    ws,
    request,
    holidays: sources.holidays,
  }).map((issue) => `${sources.agendaPath}: ${issue.severity === "note" ? "note: " : ""}${issue.message}`);
  return {
    input,
    quality: plan.proven ? "proven optimal" : "best found",
    grid: request.grid,
    area: {
      withinKm: area.withinKm,
      from: area.anchors.length === 0 ? "" : request.base ? `${area.from} (${area.anchors[0]?.name})` : area.from,
      outside: plan.candidates.filter(isOutOfArea).length,
      ...(area.note ? { note: area.note } : {}),
    },
    unrelated: plan.candidates
      .filter((c) => c.excluded?.code === "no-value" && !visited.has(c.host.id))
      .map((c) => c.host.id),
    ...(earlier ? { changes: { since: earlier.since, list: diffAgendas(earlier.agenda, plan.agenda) } } : {}),
    ...(plan.split ? { split: plan.split } : {}),
    notices: [...sources.notices.map(formatProblem), ...agendaNotes],
  };
}
