import type { VisitChange } from "../plan/agenda-diff.js";
import { describeAgendaDiff, unchangedSummary } from "./agenda-diff.js";
import { shortDay } from "../records/dates.js";
import { generatedStamp, localTime } from "./agenda-time.js";
import { inviteRecipients } from "./ics.js";
import { mdCell, mdInline } from "./markdown-escape.js";
import { hostName, visitedHostIds, type RenderInput } from "./render-input.js";

// The organiser's report (`plan --out` writes it beside the itinerary): what the
// delegation's documents leave out on purpose. Which hosts are not in the
// programme and why, what changed since the agenda sent before, who cannot be
// invited by e-mail, and every warning of the records and the agenda.

export interface ReportInput {
  /** the agenda, its request and the records, as the itinerary is rendered from */
  input: RenderInput;
  /** "proven optimal", "best found" */
  quality: string;
  /** minutes of the round-times grid (1: off) */
  grid: number;
  area: {
    withinKm: number;
    /** what the distance is measured from ("the base"); empty when the area has no limit */
    from: string;
    /** hosts of the workspace outside the area: counted, never named (they belong to other visits) */
    outside: number;
    /** how the area was chosen, when not around the base */
    note?: string;
  };
  /** hosts in the area whose themes match none of the interests, by id */
  unrelated: readonly string[];
  /** the diff against the agenda sent before, and what that agenda was */
  changes?: { since: string; list: readonly VisitChange[] };
  /** warnings and notes, each one line: `FILE:LINE:COL: warning: …` or an agenda note */
  notices: readonly string[];
  /** the request allows the delegation to split: in how many parts of days it does, and the value without splitting */
  split?: { parts: number; unsplitValue: number };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function renderReport(report: ReportInput): string {
  const { input } = report;
  const { agenda, request } = input;
  const name = (id: string) => hostName(input, id);
  const visited = visitedHostIds(agenda);
  const d = request.delegation;
  const out: string[] = [
    `# Organiser's report: ${mdInline(request.title)}`,
    "",
    "For the organiser only: the delegation's itinerary (itinerary.md, .html, .ics) and the hosts' invitations leave all of this out.",
    "",
    `- **Request:** ${mdInline(request.id)}, ${plural(d.size, "person", "people")}${d.from ? ` from ${mdInline(d.from)}` : ""}`,
    `- **Programme:** ${plural(visited.length, "host")} met, value ${agenda.value}, ${agenda.travel_minutes} min of travel (${mdInline(report.quality)})`,
    `- **Round times:** ${report.grid === 1 ? "off (grid 1 min): items start whenever they can" : `visits, meals and fixed items start on a ${report.grid}-minute grid`}`,
    `- **Area:** ${areaLine(report.area)}`,
    ...(report.split ? [`- **Sub-groups:** ${splitLine(report.split, agenda)}`] : []),
    "",
  ];

  if (report.changes) {
    const lines = describeAgendaDiff(report.changes.list, name);
    out.push(`## Changes since ${mdInline(report.changes.since)}`, "");
    for (const line of [...lines, unchangedSummary(report.changes.list)]) out.push(`- ${mdInline(line)}`);
    out.push("");
  }

  out.push("## Hosts not in the programme", "");
  if (agenda.unscheduled.length === 0) out.push("Every candidate host of the area is in the programme.", "");
  else {
    out.push("| Host | Why not | What would let it in |", "| --- | --- | --- |");
    for (const u of agenda.unscheduled)
      out.push(`| ${mdCell(`${name(u.host)} (${u.host})`)} | ${mdCell(u.reason)} | ${mdCell(u.suggestion ?? "")} |`);
    out.push("");
  }
  if (report.unrelated.length > 0)
    out.push(
      `Not considered, their themes matching none of the delegation's interests: ${report.unrelated.map((id) => mdInline(name(id))).join(", ")}.`,
      "",
    );

  out.push("## Invitations", "");
  const unreachable = visited.filter((id) => inviteRecipients(input, id).length === 0);
  if (unreachable.length === 0)
    out.push(
      visited.length === 0
        ? "No host is in the programme: nobody to invite."
        : "Every host in the programme has a contact with an e-mail address: its invitation is in invites/.",
      "",
    );
  else {
    out.push("No invitation was written for these hosts: their records give no contact with an e-mail address.", "");
    for (const id of unreachable) {
      const phones = (input.hosts.get(id)?.contacts ?? []).filter((c) => c.phone).map((c) => `${c.name}, ${c.phone}`);
      out.push(`- ${mdInline(name(id))}${phones.length > 0 ? `: call ${mdInline(phones.join("; "))}` : ""}`);
    }
    out.push("");
  }

  out.push("## Warnings and notes", "");
  if (report.notices.length === 0) out.push("None: the records and the agenda raise no warning.", "");
  else {
    for (const notice of report.notices) out.push(`- ${mdInline(notice)}`);
    out.push("");
  }
  out.push("---", "", `*Generated on ${generatedStamp(input.generatedAt)} by studyvisit.*`, "");
  return out.join("\n");
}

/** Whether the delegation splits, where, and what it gains: the planner splits only when the value rises. */
function splitLine(split: NonNullable<ReportInput["split"]>, agenda: RenderInput["agenda"]): string {
  if (split.parts === 0)
    return `allowed, not used: splitting into groups would not raise the value (${agenda.value} with the delegation together)`;
  const parts = agenda.days.flatMap((day) => {
    const items = day.items;
    const out: string[] = [];
    items.forEach((item, i) => {
      if (item.group === undefined || items[i - 1]?.group !== undefined) return;
      let j = i;
      const sizes = new Map<string, number>();
      while (j < items.length && items[j]?.group !== undefined) {
        const g = items[j] as RenderInput["agenda"]["days"][number]["items"][number];
        if (!sizes.has(g.group as string)) sizes.set(g.group as string, g.people ?? 0);
        j++;
      }
      const next = items[j];
      const until = next
        ? `until ${next.kind === "meal" ? next.title.toLowerCase() : `“${next.title}”`}`
        : "until the end of the day";
      const who = [...sizes]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([g, n]) => `${g} ${n}`)
        .join(", ");
      out.push(`${shortDay(day.date)} from ${localTime(item.start, agenda.timezone).time} ${until} (${who})`);
    });
    return out;
  });
  return `the delegation splits for value ${agenda.value}, against ${split.unsplitValue} together: ${mdInline(parts.join("; "))}`;
}

function areaLine(area: ReportInput["area"]): string {
  const note = area.note ? ` (${mdInline(area.note)})` : "";
  if (area.from === "") return `not limited${note}`;
  const outside =
    area.outside === 0
      ? "every host of the workspace is inside it"
      : `${plural(area.outside, "host")} of the workspace ${area.outside === 1 ? "is" : "are"} further away and ${area.outside === 1 ? "was" : "were"} not considered`;
  return `hosts within ${area.withinKm} km of ${mdInline(area.from)}${note}; ${outside}`;
}
