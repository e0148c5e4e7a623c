import type { Agenda, AgendaItem } from "./agenda.js";

// The editable agenda file: the agenda with local "HH:MM-HH:MM" times and ids
// instead of resolved places, so an organiser can move, delete or confirm
// items by hand and `studyvisit check` can tell what an edit broke.

const time = (iso: string) => iso.slice(11, 16);

/** A YAML scalar that is safe in flow context; JSON strings are valid YAML double-quoted scalars. */
function scalar(value: string | number): string {
  if (typeof value === "number") return String(value);
  return /^[A-Za-z0-9][A-Za-z0-9 ._@/-]*$/.test(value) &&
    !/^(true|false|null|yes|no|on|off|~)$/i.test(value) &&
    !/^[0-9.+-]+$/.test(value)
    ? value
    : JSON.stringify(value);
}

function flow(fields: [string, string | number | undefined][]): string {
  return `{${fields
    .filter((f): f is [string, string | number] => f[1] !== undefined)
    .map(([k, v]) => `${k}: ${scalar(v)}`)
    .join(", ")}}`;
}

function itemLine(item: AgendaItem): string {
  const when = `${time(item.start)}-${time(item.end)}`;
  switch (item.kind) {
    case "visit":
      return flow([
        ["kind", "visit"],
        ["time", when],
        ["host", item.host],
        ["place", item.place?.id],
        ["status", item.status ?? "proposed"],
        ["sequence", item.sequence ? item.sequence : undefined],
        ["notes", item.notes],
      ]);
    case "walk":
    case "transit":
      return flow([
        ["kind", item.kind],
        ["time", when],
        ["from", item.from],
        ["to", item.to],
        ["minutes", item.minutes],
        ["km", item.km],
      ]);
    case "meal":
      return flow([
        ["kind", "meal"],
        ["time", when],
        ["title", item.title],
        ["place", item.place?.id],
        ["notes", item.notes],
      ]);
    case "fixed":
      return flow([
        ["kind", "fixed"],
        ["time", when],
        ["title", item.title],
        ["place", item.place?.id],
        ["online", item.online],
        ["notes", item.notes],
      ]);
    case "parallel": {
      const sessions = (item.sessions ?? [])
        .map((s) =>
          flow([
            ["title", s.title],
            ["host", s.host],
          ]),
        )
        .join(", ");
      return `{kind: parallel, time: ${scalar(when)}, title: ${scalar(item.title)}, sessions: [${sessions}]}`;
    }
    case "free":
      return flow([
        ["kind", "free"],
        ["time", when],
      ]);
  }
}

export function agendaToYaml(agenda: Agenda, checkCommand: string): string {
  const lines = [
    `# studyvisit agenda for ${agenda.request}. Edit it by hand: move times, delete or add items,`,
    "# set a visit's status (proposed, requested, confirmed, declined); then check it:",
    `#   ${checkCommand}`,
    `request: ${scalar(agenda.request)}`,
    `timezone: ${scalar(agenda.timezone)}`,
    `value: ${agenda.value}`,
    `travel_minutes: ${agenda.travel_minutes}`,
    "days:",
  ];
  for (const day of agenda.days) {
    lines.push(`  - date: ${day.date}`, day.items.length > 0 ? "    items:" : "    items: []");
    for (const item of day.items) lines.push(`      - ${itemLine(item)}`);
  }
  if (agenda.unscheduled.length === 0) lines.push("unscheduled: []");
  else {
    lines.push("unscheduled:");
    for (const u of agenda.unscheduled)
      lines.push(
        `  - ${flow([
          ["host", u.host],
          ["code", u.code],
          ["reason", u.reason],
          ["suggestion", u.suggestion],
        ])}`,
      );
  }
  return `${lines.join("\n")}\n`;
}
