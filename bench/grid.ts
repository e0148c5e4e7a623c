import { join } from "node:path";
import { loadHolidays } from "../src/commands/load-holidays.js";
import type { Agenda } from "../src/plan/agenda.js";
import { checkAgendaRules } from "../src/plan/check-agenda.js";
import type { HolidayCalendar } from "../src/plan/holidays.js";
import { planRequest, type RequestPlan } from "../src/plan/plan-request.js";
import { minutesOn } from "../src/records/zoned-time.js";
import { loadWorkspace } from "../src/records/load-workspace.js";
import type { ResolvedRequest } from "../src/records/resolved-request.js";
import type { Workspace } from "../src/records/workspace.js";
import { syntheticCity } from "./scale.js";

// Round times measured: each request planned on its grid (5 min by default) and with the
// grid off (1 min); the value and travel the grid costs, whether every visit, meal and fixed
// item starts on the grid, and whether the plan passes every rule of `check`.

export interface GridRow {
  set: string;
  requests: number;
  /** plans with no feasible plan at either grid (left out of the sums) */
  impossible: number;
  /** both plans proven optimal by the exact solver */
  proven: number;
  value1: number;
  /** grid 1 again with another seed of the metaheuristic: how much value moves by search noise alone */
  value1Seed2: number;
  value5: number;
  /** requests whose value is lower on the grid */
  lower: number;
  travel1: number;
  travel5: number;
  /** visits, meals and fixed items, and how many start off the grid where the records did not give that time */
  items: number;
  offGrid: number;
  /** rule violations `check` finds in the grid plans */
  broken: number;
}

function plan(ws: Workspace, holidays: HolidayCalendar, request: ResolvedRequest, grid: number, seed = 1): RequestPlan {
  return planRequest({ ws, request: { ...request, grid }, holidays, suggestionLimit: 0, solver: { seed } });
}

/** Start minutes the records give exactly (slots, fixed items): those keep their times, on the grid or not. */
function givenStarts(ws: Workspace, request: ResolvedRequest): Set<string> {
  const given = new Set<string>();
  for (const f of request.fixed) given.add(`${f.date} ${f.hours.start}`);
  for (const host of ws.hosts.values())
    for (const s of host.availability.slots) given.add(`${s.date} ${s.hours.start}`);
  return given;
}

function gridStats(agenda: Agenda, grid: number, given: Set<string>): { items: number; offGrid: number } {
  let items = 0;
  let offGrid = 0;
  for (const day of agenda.days)
    for (const item of day.items) {
      if (!["visit", "meal", "fixed", "parallel"].includes(item.kind)) continue;
      items++;
      const start = minutesOn(day.date, item.start, agenda.timezone);
      if (start % grid !== 0 && !given.has(`${day.date} ${start}`)) offGrid++;
    }
  return { items, offGrid };
}

async function measure(set: string, ws: Workspace, requests: readonly ResolvedRequest[]): Promise<GridRow> {
  const holidays = await loadHolidays(ws);
  const row: GridRow = {
    set,
    requests: requests.length,
    impossible: 0,
    proven: 0,
    value1: 0,
    value1Seed2: 0,
    value5: 0,
    lower: 0,
    travel1: 0,
    travel5: 0,
    items: 0,
    offGrid: 0,
    broken: 0,
  };
  for (const request of requests) {
    const grid = request.grid;
    const off = plan(ws, holidays, request, 1);
    const on = plan(ws, holidays, request, grid);
    if (off.impossible || on.impossible) {
      row.impossible++;
      continue;
    }
    if (off.proven && on.proven) row.proven++;
    row.value1 += off.agenda.value;
    row.value1Seed2 += off.proven ? off.agenda.value : plan(ws, holidays, request, 1, 2).agenda.value;
    row.value5 += on.agenda.value;
    if (on.agenda.value < off.agenda.value) row.lower++;
    row.travel1 += off.agenda.travel_minutes;
    row.travel5 += on.agenda.travel_minutes;
    const stats = gridStats(on.agenda, grid, givenStarts(ws, request));
    row.items += stats.items;
    row.offGrid += stats.offGrid;
    row.broken += checkAgendaRules(on.agenda.days, on.agenda.timezone, {
      ws,
      request: { ...request, grid },
      holidays,
    }).filter((i) => i.severity !== "note").length;
  }
  return row;
}

export async function runGrid(root: string): Promise<GridRow[]> {
  const { workspace: bundled } = loadWorkspace(join(root, "data"), root);
  const rows = [await measure("bundled (data/)", bundled, [...bundled.requests.values()])];
  // Synthetic towns of 14 hosts (few candidates per delegation: the exact solver proves each plan, so
  // a difference is the grid's own cost), then cities of 80 hosts (the metaheuristic: search noise too).
  // Each has 20 three-day delegations in a 6 × 6 km square, planned one by one.
  for (const seed of [1, 2, 3, 4, 5]) {
    const { ws, requests } = syntheticCity(14, 20, seed);
    rows.push(await measure(`synthetic town of 14 hosts, seed ${seed}`, ws, requests));
  }
  for (const seed of [1, 2, 3]) {
    const { ws, requests } = syntheticCity(80, 20, seed);
    rows.push(await measure(`synthetic city of 80 hosts, seed ${seed}`, ws, requests));
  }
  return rows;
}
