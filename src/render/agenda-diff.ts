import type { VisitChange } from "../plan/agenda-diff.js";
import { isJointMeeting } from "../plan/host-visits.js";
import { shortDay } from "../records/dates.js";
import { localTime } from "./agenda-time.js";
import type { HostVisit } from "./render-input.js";

// The diff of two agendas (src/plan/agenda-diff.ts) in words, as `plan
// --previous` and `invites --previous` print it.

/** One line per change that matters, e.g. "moved: microStart, Wed 19 Sep 09:30-11:00 → Wed 19 Sep 10:00-11:30". */
export function describeAgendaDiff(
  changes: readonly VisitChange[],
  name: (hostId: string) => string = (id) => id,
): string[] {
  return changes.flatMap((c) => {
    const visit = c.current ?? c.previous;
    const who = `${name(c.host)}${visit && isJointMeeting(visit.item) ? " (joint meeting)" : ""}`;
    if (c.change === "unchanged") return [];
    if (c.change === "new" && c.current) return [`new: ${who}, ${when(c.current, c.timezone)}`];
    if (c.change === "dropped" && c.previous)
      return [`cancelled: ${who}${c.declined ? " (declined)" : ""}, ${when(c.previous, c.timezone)}`];
    if (c.previous && c.current) {
      const where = c.moved?.place
        ? ` (now at ${c.current.session?.place?.name ?? c.current.item.place?.name ?? "another place"})`
        : "";
      const people =
        c.moved?.people && c.current.item.people !== undefined
          ? ` (now a group of ${c.current.item.people})`
          : c.moved?.people
            ? " (now the whole delegation)"
            : "";
      return [`moved: ${who}, ${when(c.previous, c.timezone)} → ${when(c.current, c.timezone)}${where}${people}`];
    }
    return [];
  });
}

/** "3 visits unchanged" (or "no visit unchanged"): the count the diff's lines leave out. */
export function unchangedSummary(changes: readonly VisitChange[]): string {
  const n = changes.filter((c) => c.change === "unchanged").length;
  return n === 0 ? "no visit unchanged" : `${n} visit${n === 1 ? "" : "s"} unchanged`;
}

/** "Wed 19 Sep 09:30-11:00" on the agenda zone's clock. */
export function visitWhen(v: HostVisit, timezone: string): string {
  return when(v, timezone);
}

function when(v: HostVisit, timezone: string): string {
  const start = localTime(v.item.start, timezone);
  return `${shortDay(start.date)} ${start.time}-${localTime(v.item.end, timezone).time}`;
}
