import type { Agenda, AgendaItem } from "../plan/agenda.js";
import { isoClock, longDate } from "../records/dates.js";
import { jointMeetingWords } from "./render-input.js";

/** The colours the timeline uses; the CLI passes its Style, tests pass plain text. */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  accent(text: string): string;
  location(text: string): string;
  travel(text: string): string;
  warn(text: string): string;
}

export const plainPaint: Paint = {
  bold: (t) => t,
  dim: (t) => t,
  accent: (t) => t,
  location: (t) => t,
  travel: (t) => t,
  warn: (t) => t,
};

export interface TimelineHeader {
  title: string;
  delegation: string;
  hostNames: ReadonlyMap<string, string>;
  /** e.g. "proven optimal" */
  quality?: string;
  /** the request allows the delegation to split: in how many parts of days it does, and the value without splitting */
  split?: { parts: number; unsplitValue: number };
}

/** Record text on one line and without control characters: a name must not move the cursor or forge a line. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ");
}

/** The day-by-day timeline a visit organiser reads in the terminal. */
export function renderTimeline(rawAgenda: Agenda, rawHeader: TimelineHeader, paint: Paint = plainPaint): string {
  const agenda = JSON.parse(JSON.stringify(rawAgenda), (_key, value: unknown) =>
    typeof value === "string" ? oneLine(value) : value,
  ) as Agenda;
  const header: TimelineHeader = {
    ...rawHeader,
    title: oneLine(rawHeader.title),
    delegation: oneLine(rawHeader.delegation),
    hostNames: new Map([...rawHeader.hostNames].map(([id, name]) => [id, oneLine(name)])),
  };
  const lines: string[] = [];
  lines.push(paint.bold(header.title));
  lines.push(
    paint.dim(
      `${header.delegation} · value ${agenda.value} · ${agenda.travel_minutes} min of travel${header.quality ? ` · ${header.quality}` : ""}`,
    ),
  );
  if (header.split) lines.push(paint.accent(splitWords(header.split, agenda.value)));
  for (const day of agenda.days) {
    lines.push("", paint.bold(longDate(day.date)));
    day.items.forEach((item, i) => {
      // Where the delegation splits: a line that says into which groups until when, then each group's
      // items in time order, marked with the group's letter.
      const previous = day.items[i - 1];
      if (item.group !== undefined && previous?.group === undefined) lines.push(splitLine(day.items, i, paint));
      const mark = item.group !== undefined ? `  ${paint.accent(item.group)}  ` : "";
      lines.push(
        `  ${paint.dim(`${isoClock(item.start)}–${isoClock(item.end)}`)}  ${mark}${describeItem(item, header, paint)}`,
      );
    });
    if (day.items.length === 0) lines.push(paint.dim("  nothing planned"));
    const totals = travelTotals(day.items);
    if (totals) lines.push(paint.dim(`  ${totals}`));
  }
  if (agenda.unscheduled.length > 0) {
    lines.push("", paint.bold("Not scheduled"));
    for (const u of agenda.unscheduled) {
      const name = header.hostNames.get(u.host) ?? u.host;
      lines.push(`  ${paint.warn(name)} ${paint.dim(`(${u.host})`)}: ${u.reason}`);
      if (u.suggestion) lines.push(`    ${paint.accent(`→ ${u.suggestion}`)}`);
    }
  }
  return lines.join("\n");
}

const COUNT_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/** The planner's word on splitting: what it gained, or that it did not pay. */
function splitWords(split: { parts: number; unsplitValue: number }, value: number): string {
  if (split.parts === 0)
    return `The delegation stays together: splitting into groups would not raise the value (${value}).`;
  return `The delegation splits into groups for ${split.parts === 1 ? "part of a day" : `${split.parts} parts of days`}: value ${value}, against ${split.unsplitValue} without splitting.`;
}

/** "09:00–12:00  in two groups until Lunch: A 10 people · B 10 people" */
function splitLine(items: readonly AgendaItem[], from: number, paint: Paint): string {
  let to = from;
  while (to < items.length && items[to]?.group !== undefined) to++;
  const run = items.slice(from, to);
  const sizes = new Map<string, number>();
  for (const item of run) if (!sizes.has(item.group as string)) sizes.set(item.group as string, item.people ?? 0);
  const groups = [...sizes].sort(([a], [b]) => (a < b ? -1 : 1));
  const next = items[to];
  const end = next ? isoClock(next.start) : run.reduce((t, i) => (isoClock(i.end) > t ? isoClock(i.end) : t), "");
  const until = next
    ? `until ${next.kind === "meal" ? next.title.toLowerCase() : `“${next.title}”`}`
    : "until the end of the day";
  const who = groups.map(([g, n]) => `${g} ${n} ${n === 1 ? "person" : "people"}`).join(" · ");
  const count = COUNT_WORDS[groups.length] ?? String(groups.length);
  return `  ${paint.dim(`${items[from] ? isoClock(items[from].start) : ""}–${end}`)}  ${paint.accent(`in ${count} groups ${until}: ${who}`)}`;
}

/** "walking 31 min (1.9 km) · public transport 75 min": the day's legs in one line, or nothing on a day without any. */
function travelTotals(items: readonly AgendaItem[]): string {
  const sum = (kind: "walk" | "transit", field: "minutes" | "km") =>
    items.filter((i) => i.kind === kind).reduce((s, i) => s + (i[field] ?? 0), 0);
  const parts: string[] = [];
  if (items.some((i) => i.kind === "walk"))
    parts.push(`walking ${sum("walk", "minutes")} min (${sum("walk", "km").toFixed(1)} km)`);
  if (items.some((i) => i.kind === "transit")) parts.push(`public transport ${sum("transit", "minutes")} min`);
  if (parts.length > 0 && items.some((i) => i.group !== undefined && (i.kind === "walk" || i.kind === "transit")))
    parts.push("each group's legs counted");
  return parts.join(" · ");
}

function describeItem(item: AgendaItem, header: TimelineHeader, paint: Paint): string {
  const where = (p: AgendaItem["place"]) =>
    p ? (p.online ? `online: ${p.online}` : [p.name, p.address].filter(Boolean).join(", ")) : "";
  switch (item.kind) {
    case "walk":
    case "transit": {
      const mode = item.kind === "walk" ? "walk" : "public transport";
      return paint.travel(
        `${mode} ${item.minutes} min · ${(item.km ?? 0).toFixed(1)} km → ${item.title.replace(/^(Walk|Public transport) to /, "")}`,
      );
    }
    case "visit": {
      const tour = item.ends_at ? paint.dim(` (ends at ${item.ends_at.name})`) : "";
      return `${paint.bold(item.title)}${tour}  ${paint.location(where(item.place))}`;
    }
    case "meal":
      return `${item.title}  ${paint.location(where(item.place))}`;
    case "fixed": {
      const joint = jointMeetingWords(item, (id) => header.hostNames.get(id) ?? id);
      return `${item.title}${joint ? paint.accent(` (${joint})`) : ""}  ${paint.location(item.online ? `online: ${item.online}` : where(item.place))}`;
    }
    case "parallel":
      return `${item.title}: ${(item.sessions ?? []).map((s) => `${s.title} (${header.hostNames.get(s.host) ?? s.host})`).join(" | ")}`;
    case "free":
      return paint.dim("free time");
  }
}
