import { UsageError } from "../errors.js";
import { didYouMean } from "../records/did-you-mean.js";
import { parseClock, parseDate } from "../records/formats.js";
import type { ResolvedRequest } from "../records/resolved-request.js";
import type { Workspace } from "../records/workspace.js";

/** The organiser's changes to a plan: the flags --avoid, --must-visit and --pin, or the answers of --interactive. */
export interface Adjustments {
  avoid: string[];
  mustVisit: string[];
  /** host → the day and start it is pinned to (hard, like a confirmed visit) */
  pins: Map<string, { date: string; start: number }>;
}

export const noAdjustments = (): Adjustments => ({ avoid: [], mustVisit: [], pins: new Map() });

export function adjustRequest(request: ResolvedRequest, adjust: Adjustments): ResolvedRequest {
  const avoid = [...new Set([...request.avoid, ...adjust.avoid])];
  const mustVisit = [...new Set([...request.must_visit, ...adjust.mustVisit])].filter((h) => !adjust.avoid.includes(h));
  return { ...request, avoid: avoid.filter((h) => !mustVisit.includes(h)), must_visit: mustVisit };
}

export function requireHost(ws: Workspace, host: string): void {
  if (ws.hosts.has(host)) return;
  const suggestion = didYouMean(host, ws.hosts.keys());
  throw new UsageError(`unknown host \`${host}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}`);
}

/** `--pin microstart@2018-09-19T09:30`: the host, the day and the start time; undefined when `text` is not one. */
export function readPin(text: string): [string, { date: string; start: number }] | undefined {
  const m = /^([a-z0-9][a-z0-9-]*)@(\d{4}-\d{2}-\d{2})T(\d{1,2}:\d{2})$/.exec(text);
  const date = m ? parseDate(m[2]) : undefined;
  const start = m ? parseClock(m[3] as string) : undefined;
  if (!m || !date?.ok || start === undefined) return undefined;
  return [m[1] as string, { date: date.value, start }];
}
