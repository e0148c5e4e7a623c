import * as z from "zod";
import { UsageError } from "../errors.js";
import { requestArea } from "../plan/area.js";
import { rankCandidates, type Candidate } from "../plan/candidates.js";
import { shortDate } from "../records/dates.js";
import { formatHours } from "../records/formats.js";
import type { CommandDeps } from "./context.js";
import { loadHolidays } from "./load-holidays.js";
import { flag, positiveWholeNumber, text } from "./command-line.js";
import { commandRunner } from "./definition.js";
import { resolveRequest } from "./request-arg.js";
import { loadValidWorkspace } from "./workspace-access.js";

export interface MatchOptions {
  data?: string;
  request: string;
  limit?: number;
  json: boolean;
  /** every host of the workspace, those outside the request's area too */
  all: boolean;
}

export interface MatchRow {
  host: string;
  name: string;
  value: number;
  must_visit: boolean;
  priority: boolean;
  matched: { interest: string; weight: number; theme: string }[];
  free: { date: string; windows: string[]; slots: string[] }[];
  excluded?: { code: string; reason: string };
}

export function matchRows(candidates: readonly Candidate[], priorities: Readonly<Record<string, number>>): MatchRow[] {
  return candidates.map((c) => ({
    host: c.host.id,
    name: c.host.name,
    value: c.value,
    must_visit: c.mustVisit,
    priority: priorities[c.host.id] !== undefined,
    matched: c.matched,
    free: c.days
      .filter((d) => d.windows.length + d.slots.length > 0)
      .map((d) => ({ date: d.date, windows: d.windows.map(formatHours), slots: d.slots.map(formatHours) })),
    ...(c.excluded ? { excluded: c.excluded } : {}),
  }));
}

/** Rank the workspace's hosts for a request: candidates first (must-visit, then value), then the excluded with why. */
export async function runMatch(options: MatchOptions, deps: CommandDeps): Promise<number> {
  const { workspace: ws } = loadValidWorkspace(options.data, deps);
  const [request, ...more] = resolveRequest(options.request, ws, deps.cwd);
  if (!request || more.length > 0)
    throw new UsageError(`${options.request} holds several requests: name one by its id`);
  const area = requestArea(request, ws);
  const all = matchRows(rankCandidates(request, { ws, holidays: await loadHolidays(ws) }), request.priorities);
  // Hosts in other cities are not named unless asked for (--all): an address book serves many visits.
  const outside = all.filter((r) => r.excluded?.code === "out-of-area");
  const rows = options.all ? all : all.filter((r) => r.excluded?.code !== "out-of-area");
  const candidates = rows.filter((r) => !r.excluded).slice(0, options.limit ?? Infinity);
  const excluded = rows.filter((r) => r.excluded && r.excluded.code !== "no-value");
  const unrelated = rows.filter((r) => r.excluded?.code === "no-value");
  const areaWords =
    area.anchors.length > 0 ? `within ${area.withinKm} km of ${area.from}` : "every host, whatever the distance";
  if (options.json) {
    deps.out(
      JSON.stringify(
        {
          request: request.id,
          area: {
            within_km: area.withinKm,
            ...(area.anchors.length > 0 ? { around: area.anchors.map((p) => p.id) } : {}),
            ...(area.note ? { note: area.note } : {}),
            out_of_area: outside.length,
          },
          candidates,
          excluded: [...excluded, ...unrelated],
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const s = deps.style;
  deps.out(s.bold(`Hosts for ${request.title} (${request.id}): ${request.delegation.size} people`));
  if (!deps.quiet) {
    if (area.note) deps.err(s.dim(`area: ${area.note}`));
    if (outside.length > 0 && !options.all)
      deps.err(
        s.dim(
          `${outside.length} host${outside.length === 1 ? " is" : "s are"} outside the area (${areaWords}): not shown; --all lists every host`,
        ),
      );
  }
  candidates.forEach((row, i) => {
    const tags = [row.must_visit ? "must visit" : "", row.priority ? "priority" : ""].filter(Boolean).join(", ");
    deps.out(
      `${String(i + 1).padStart(3)}. ${s.bold(row.name)} ${s.dim(`(${row.host})`)} — value ${row.value}${tags ? ` · ${s.accent(tags)}` : ""}`,
    );
    if (row.matched.length > 0)
      deps.out(
        `      matches: ${row.matched.map((m) => `${m.interest}${m.weight !== 1 ? ` ×${m.weight}` : ""}${m.theme.toLowerCase() !== m.interest.toLowerCase() ? ` (as "${m.theme}")` : ""}`).join(", ")}`,
      );
    deps.out(
      `      free: ${row.free.map((f) => `${shortDate(f.date)} ${[...f.windows, ...f.slots.map((x) => `slot ${x}`)].join(", ")}`).join("; ")}`,
    );
  });
  if (candidates.length === 0) deps.out(s.dim("  no host can receive this delegation on its days"));
  if (excluded.length > 0) {
    deps.out("");
    deps.out(s.bold("Excluded"));
    for (const row of excluded)
      deps.out(`  ${s.warn(row.name)} ${s.dim(`(${row.host})`)}: ${row.excluded?.code} — ${row.excluded?.reason}`);
  }
  if (unrelated.length > 0 && !deps.quiet)
    deps.err(
      s.dim(
        `${unrelated.length} other host${unrelated.length === 1 ? " matches" : "s match"} none of the interests: ${unrelated.map((r) => r.host).join(", ")}`,
      ),
    );
  return 0;
}

/** `studyvisit match` from its command line; its definition is in match-command.ts. */
export const matchRunner = commandRunner(
  z.strictObject({ request: z.string(), data: text, limit: positiveWholeNumber.optional(), all: flag, json: flag }),
  runMatch,
);
