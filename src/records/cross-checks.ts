import { checkHostClock, checkRequestClock } from "./clock-checks.js";
import type { CrossCheck } from "./cross-check.js";
import { didYouMean } from "./did-you-mean.js";
import { formatHours } from "./formats.js";
import { checkHostHoursZone, checkHostRegion, checkPlacePosition, checkRequestZone } from "./geo-checks.js";
import type { Problem } from "./problem.js";
import { problemIn, type Origin, type Workspace } from "./workspace.js";
import type { PathSegment } from "./yaml-source.js";

// Rules that need more than one record (see CrossCheck).

function reference(
  ws: Workspace,
  origin: Origin,
  path: PathSegment[],
  kind: "place" | "host",
  id: string,
  onKey = false,
): Problem[] {
  const ids = kind === "place" ? ws.places : ws.hosts;
  if (ids.has(id) || ws.invalid[kind].has(id)) return [];
  const suggestion = didYouMean(id, ids.keys());
  return [
    problemIn(
      origin,
      path,
      `unknown ${kind} \`${id}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}`,
      onKey,
    ),
  ];
}

function eachRequest(ws: Workspace, each: (id: string, origin: Origin) => Problem[]): Problem[] {
  return [...ws.requests.keys()].flatMap((id) => each(id, ws.origins.request.get(id) as Origin));
}

function eachHost(ws: Workspace, each: (id: string, origin: Origin) => Problem[]): Problem[] {
  return [...ws.hosts.keys()].flatMap((id) => each(id, ws.origins.host.get(id) as Origin));
}

export const checkPlaceLocation: CrossCheck = (ws) =>
  [...ws.places.values()].flatMap((place) => {
    if (place.online) return [];
    const origin = ws.origins.place.get(place.id) as Origin;
    const out: Problem[] = [];
    if (!place.geo)
      out.push(
        problemIn(
          origin,
          [],
          `place \`${place.id}\` needs \`geo\` (its position, to compute walking times) unless it is \`online\``,
        ),
      );
    if (!place.address)
      out.push(problemIn(origin, [], `place \`${place.id}\` needs an \`address\` unless it is \`online\``));
    return out;
  });

export const checkHostPlace: CrossCheck = (ws) =>
  eachHost(ws, (id, origin) =>
    reference(ws, origin, ["place"], "place", (ws.hosts.get(id) as { place: string }).place),
  );

export const checkHostEndsAt: CrossCheck = (ws) =>
  eachHost(ws, (id, origin) => {
    const host = ws.hosts.get(id);
    const endsAt = host?.visit.ends_at;
    if (!host || !endsAt) return [];
    const problems = reference(ws, origin, ["visit", "ends_at"], "place", endsAt);
    if (problems.length === 0 && (ws.places.get(endsAt)?.online || ws.places.get(host.place)?.online)) {
      problems.push(
        problemIn(
          origin,
          ["visit", "ends_at"],
          "a visit that ends elsewhere is a walking tour: both its place and `ends_at` must be physical places, not online ones",
        ),
      );
    }
    return problems;
  });

export const checkHostAvailability: CrossCheck = (ws) =>
  eachHost(ws, (id, origin) => {
    const host = ws.hosts.get(id);
    if (!host) return [];
    const out: Problem[] = [];
    host.availability.slots.forEach((slot, i) => {
      if (host.availability.closed.includes(slot.date))
        out.push(
          problemIn(
            origin,
            ["availability", "slots", i, "date"],
            `slot on ${slot.date} falls on a date listed in \`closed\``,
          ),
        );
    });
    const place = ws.places.get(host.place);
    if (place?.capacity !== undefined && host.visit.capacity !== undefined && host.visit.capacity > place.capacity) {
      out.push(
        problemIn(
          origin,
          ["visit", "capacity"],
          `visit.capacity ${host.visit.capacity} is larger than its place \`${place.id}\` holds (capacity ${place.capacity})`,
        ),
      );
    }
    return out;
  });

export const checkRequestTimezone: CrossCheck = (ws) =>
  eachRequest(ws, (id, origin) =>
    ws.requests.get(id)?.zoneFrom !== "default" || ws.invalid.config
      ? []
      : [
          problemIn(
            origin,
            [],
            `request \`${id}\` has no \`timezone\`, and studyvisit.yaml gives none: add \`timezone: Europe/Brussels\` (or the visit's zone)`,
          ),
        ],
  );

export const checkRequestDays: CrossCheck = (ws) =>
  eachRequest(ws, (id, origin) => {
    const seen = new Set<string>();
    return (ws.requests.get(id)?.days ?? []).flatMap((day, i) => {
      if (seen.has(day.date)) return [problemIn(origin, ["days", i, "date"], `day ${day.date} is listed twice`)];
      seen.add(day.date);
      return [];
    });
  });

export const checkBase: CrossCheck = (ws) =>
  eachRequest(ws, (id, origin) => {
    const base = ws.requests.get(id)?.base;
    if (!base) return [];
    const problems = reference(ws, origin, ["base"], "place", base);
    if (problems.length === 0 && ws.places.get(base)?.online)
      return [problemIn(origin, ["base"], `base \`${base}\` is an online place: a day cannot start there`)];
    return problems;
  });

export const checkMustVisit: CrossCheck = (ws) =>
  eachRequest(ws, (id, origin) => {
    const request = ws.requests.get(id);
    if (!request) return [];
    return request.must_visit.flatMap((host, i) => {
      const problems = reference(ws, origin, ["must_visit", i], "host", host);
      if (problems.length === 0 && request.avoid.includes(host))
        problems.push(problemIn(origin, ["must_visit", i], `host \`${host}\` is both in must_visit and in avoid`));
      return problems;
    });
  });

export const checkAvoid: CrossCheck = (ws) =>
  eachRequest(ws, (id, origin) =>
    (ws.requests.get(id)?.avoid ?? []).flatMap((host, i) => reference(ws, origin, ["avoid", i], "host", host)),
  );

export const checkPriorities: CrossCheck = (ws) =>
  eachRequest(ws, (id, origin) =>
    Object.keys(ws.requests.get(id)?.priorities ?? {}).flatMap((host) =>
      reference(ws, origin, ["priorities", host], "host", host, true),
    ),
  );

export const checkMeals: CrossCheck = (ws) =>
  eachRequest(ws, (id, origin) =>
    (ws.requests.get(id)?.meals ?? []).flatMap((meal, i) => {
      const out = meal.places.flatMap((place, j) => reference(ws, origin, ["meals", i, "places", j], "place", place));
      if (meal.duration > meal.hours.end - meal.hours.start) {
        out.push(
          problemIn(
            origin,
            ["meals", i, "duration"],
            `${meal.name} lasts ${meal.duration} min, longer than its hours ${formatHours(meal.hours)}`,
          ),
        );
      }
      return out;
    }),
  );

export const checkFixedItems: CrossCheck = (ws) =>
  eachRequest(ws, (id, origin) => {
    const request = ws.requests.get(id);
    if (!request) return [];
    return request.fixed.flatMap((item, i) => {
      const out: Problem[] = [];
      const at = (path: PathSegment[], message: string) => out.push(problemIn(origin, ["fixed", i, ...path], message));
      const day = request.days.find((d) => d.date === item.date);
      if (!day) at(["date"], `fixed item "${item.title}" is on ${item.date}, which is not one of the request's days`);
      else if (item.hours.start < day.hours.start || item.hours.end > day.hours.end) {
        at(
          ["hours"],
          `fixed item "${item.title}" (${formatHours(item.hours)}) lies outside the day's hours ${formatHours(day.hours)}`,
        );
      }
      if (item.place) out.push(...reference(ws, origin, ["fixed", i, "place"], "place", item.place));
      if (item.place && item.online)
        at(["online"], `fixed item "${item.title}" has both a place and an online link: keep one`);
      (item.parallel ?? []).forEach((session, j) =>
        out.push(...reference(ws, origin, ["fixed", i, "parallel", j, "host"], "host", session.host)),
      );
      return out;
    });
  });

/**
 * A joint meeting (a fixed item with `hosts`): known hosts, each once, none
 * also under `avoid`; not parallel sessions too (those split the delegation,
 * a joint meeting gathers it). A joint host that is also a must-visit host is
 * satisfied by the meeting.
 */
export const checkJointMeetings: CrossCheck = (ws) =>
  eachRequest(ws, (id, origin) => {
    const request = ws.requests.get(id);
    if (!request) return [];
    return request.fixed.flatMap((item, i) => {
      const hosts = item.hosts;
      if (!hosts) return [];
      const at = (path: PathSegment[], message: string) => problemIn(origin, ["fixed", i, ...path], message);
      const out: Problem[] = [];
      if (hosts.length === 0)
        out.push(at(["hosts"], `fixed item "${item.title}" names no host: list at least one, or remove \`hosts\``));
      if (item.parallel)
        out.push(
          at(
            ["hosts"],
            `fixed item "${item.title}" has both \`parallel\` sessions and joint \`hosts\`: a joint meeting gathers the delegation, parallel sessions split it; make them two items`,
          ),
        );
      hosts.forEach((host, j) => {
        const problems = reference(ws, origin, ["fixed", i, "hosts", j], "host", host);
        if (problems.length === 0 && hosts.indexOf(host) !== j)
          problems.push(at(["hosts", j], `host \`${host}\` is listed twice in "${item.title}"`));
        if (problems.length === 0 && request.avoid.includes(host))
          problems.push(
            at(["hosts", j], `host \`${host}\` meets the delegation in "${item.title}" but is also in avoid`),
          );
        out.push(...problems);
      });
      return out;
    });
  });

export const checkTravelPairs: CrossCheck = (ws) => {
  const origin = ws.configOrigin;
  if (!origin) return [];
  return ws.config.travel.flatMap((pair, i) => [
    ...reference(ws, origin, ["travel", i, "from"], "place", pair.from),
    ...reference(ws, origin, ["travel", i, "to"], "place", pair.to),
  ]);
};

export const CROSS_CHECKS: readonly CrossCheck[] = [
  checkPlaceLocation,
  checkHostPlace,
  checkHostEndsAt,
  checkHostAvailability,
  checkRequestTimezone,
  checkRequestDays,
  checkBase,
  checkMustVisit,
  checkAvoid,
  checkPriorities,
  checkMeals,
  checkFixedItems,
  checkJointMeetings,
  checkTravelPairs,
  checkHostRegion,
  checkHostHoursZone,
  checkRequestZone,
  checkPlacePosition,
  checkRequestClock,
  checkHostClock,
];

export function crossChecks(ws: Workspace): Problem[] {
  return CROSS_CHECKS.flatMap((check) => check(ws));
}
