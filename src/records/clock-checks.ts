import { skippedHour } from "./zoned-time.js";
import type { CrossCheck } from "./cross-check.js";
import { formatHours, type Hours } from "./formats.js";
import type { Problem } from "./problem.js";
import { problemIn, type Origin } from "./workspace.js";
import type { PathSegment } from "./yaml-source.js";

// A time the clocks skip (02:30 on the night they go forward) is no time at
// all: read anyway, it made a zero-length visit or a fixed item that overlaps
// the next one. Records naming one are errors, with the reason.

/** The reason `hours` on `date` start or end at a time that does not exist in `zone`, if they do. */
function skipped(date: string, hours: Hours, zone: string): string | undefined {
  return skippedHour(date, hours.start, zone) ?? skippedHour(date, hours.end, zone, true);
}

/** A request's days and fixed items are read in its zone. */
export const checkRequestClock: CrossCheck = (ws) =>
  [...ws.requests.values()].flatMap((request) => {
    // No zone given anywhere is checkRequestTimezone's error, not a clock to check.
    if (request.zoneFrom === "default") return [];
    const zone = request.zone;
    const origin = ws.origins.request.get(request.id) as Origin;
    const out: Problem[] = [];
    const at = (path: PathSegment[], what: string, reason: string | undefined) => {
      if (reason) out.push(problemIn(origin, path, `${what}: ${reason}`));
    };
    request.days.forEach((day, i) =>
      at(["days", i, "hours"], `day ${day.date} (${formatHours(day.hours)})`, skipped(day.date, day.hours, zone)),
    );
    request.fixed.forEach((item, i) =>
      at(
        ["fixed", i, "hours"],
        `fixed item "${item.title}" (${formatHours(item.hours)})`,
        skipped(item.date, item.hours, zone),
      ),
    );
    return out;
  });

/** A host's dated windows and slots are read in its zone (the workspace's when it gives none). */
export const checkHostClock: CrossCheck = (ws) =>
  [...ws.hosts.values()].flatMap((host) => {
    const zone = host.availability.timezone ?? ws.config.timezone;
    if (!zone) return [];
    const origin = ws.origins.host.get(host.id) as Origin;
    return (["dates", "slots"] as const).flatMap((key) =>
      host.availability[key].flatMap((entry, i) => {
        const reason = skipped(entry.date, entry.hours, zone);
        const what = key === "slots" ? "slot" : "window";
        return reason
          ? [
              problemIn(
                origin,
                ["availability", key, i, "hours"],
                `${what} ${formatHours(entry.hours)} on ${entry.date}: ${reason}`,
              ),
            ]
          : [];
      }),
    );
  });
