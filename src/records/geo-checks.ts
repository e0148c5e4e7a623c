import { regionProblem } from "./country-codes.js";
import type { CrossCheck } from "./cross-check.js";
import type { Geo } from "./formats.js";
import {
  countriesAt,
  countryAt,
  countryOfZoneAt,
  distanceKm,
  liesIn,
  formatGeo,
  formatKm,
  matchingZone,
  swapped,
  zoneAt,
  zonesOfCountry,
} from "./geography.js";
import { asWarning } from "./problem.js";
import type { Host, Place, Request } from "./schemas.js";
import { problemIn, type Origin, type Workspace } from "./workspace.js";

// Rules about where records lie and which clock they read. Plausible records
// that are wrong here give no error anywhere else: the plan is just an hour
// off, or a hotel sits in the ocean. Most are warnings (the data behind them
// is coarse near borders); an unknown region is an error, because it silently
// drops that region's holidays.

/** A place further than this from every other place of a request it belongs to is worth a second look. */
export const FAR_KM = 100;

// Days to compare clocks on when no record gives any: one winter and one summer day.
const SAMPLE_DATES = ["2025-01-15", "2025-07-15"];

/** `region` must be a subdivision of `country` that the holiday data knows (`ES-MD`, not `ES-MAD`). */
export const checkHostRegion: CrossCheck = (ws) =>
  [...ws.hosts.values()].flatMap((host) => {
    if (host.region === undefined) return [];
    const message = regionProblem(host.region, host.country);
    return message ? [problemIn(ws.origins.host.get(host.id) as Origin, ["region"], message)] : [];
  });

/** A host's hours without `availability.timezone` are read in the workspace's zone: warn when its country keeps another clock. */
export const checkHostHoursZone: CrossCheck = (ws) => {
  const readIn = ws.config.timezone
    ? [{ zone: ws.config.timezone, why: "studyvisit.yaml's timezone" }]
    : [...new Set([...ws.requests.values()].filter((r) => r.zoneFrom === "request").map((r) => r.zone))].map(
        (zone) => ({ zone, why: "the timezone of a request, as studyvisit.yaml gives none" }),
      );
  const requestDates = [...ws.requests.values()].flatMap((r) => r.days.map((d) => d.date));
  return [...ws.hosts.values()].flatMap((host) => {
    const { availability } = host;
    if (availability.timezone) return [];
    if (availability.weekly.length + availability.dates.length + availability.slots.length === 0) return [];
    const own = hostZones(host, ws.places.get(host.place));
    if (!own) return [];
    const dates = datesOr([
      ...requestDates,
      ...availability.dates.map((d) => d.date),
      ...availability.slots.map((s) => s.date),
    ]);
    const origin = ws.origins.host.get(host.id) as Origin;
    return readIn.flatMap(({ zone, why }) => {
      if (matchingZone(zone, own.zones, dates)) return [];
      const clock = own.zones.length === 1 ? `${own.zones[0]} time` : `the time of ${own.zones.join(", ")}`;
      return [
        asWarning(
          problemIn(
            origin,
            ["availability"],
            `host \`${host.id}\`: its hours are read in ${zone} (${why}), but ${own.who} keeps ${clock}: add \`timezone: ${own.zones[0]}\` under \`availability\``,
          ),
        ),
      ];
    });
  });
};

function hostZones(host: Host, place: Place | undefined): { zones: string[]; who: string } | undefined {
  const geo = place && !place.online ? place.geo : undefined;
  const country = host.country ?? (geo ? countryOfZoneAt(geo) : undefined);
  const countryZones = country ? zonesOfCountry(country) : [];
  // A country with several zones (ES has the Canaries) is narrowed by the place's own zone when that is one of them.
  const here = geo ? zoneAt(geo) : undefined;
  const zones = here && (countryZones.length === 0 || countryZones.includes(here)) ? [here] : countryZones;
  if (zones.length === 0 || !country) return undefined;
  return { zones, who: host.country ? `${country} (its country)` : `its place, in ${country},` };
}

/** A request's `timezone` (or the workspace's) should be the clock of the places it goes to. */
export const checkRequestZone: CrossCheck = (ws) =>
  [...ws.requests.values()].flatMap((request) => {
    if (request.zoneFrom === "default") return [];
    const zone = request.zone;
    const dates = datesOr(request.days.map((d) => d.date));
    const located = requestPlaces(ws, request).flatMap((place) => {
      const z = zoneAt(place.geo);
      return z ? [{ place, zone: z }] : [];
    });
    const off = located.filter((l) => !matchingZone(zone, [l.zone], dates));
    // One stray place is the place's problem (see checkPlacePosition), not the request's clock.
    if (off.length === 0 || off.length * 2 <= located.length) return [];
    const counts = new Map<string, number>();
    for (const l of off) counts.set(l.zone, (counts.get(l.zone) ?? 0) + 1);
    const likely = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] as string;
    const names = off.map((l) => `\`${l.place.id}\``);
    const shown = names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ");
    const origin = ws.origins.request.get(request.id) as Origin;
    const planned =
      request.zoneFrom === "request" ? `is planned in ${zone}` : `is planned in ${zone} (studyvisit.yaml's timezone)`;
    return [
      asWarning(
        problemIn(
          origin,
          request.zoneFrom === "request" ? ["timezone"] : [],
          `request \`${request.id}\` ${planned}, but its places ${shown} keep ${likely} time: set \`timezone: ${likely}\``,
        ),
      ),
    ];
  });

/**
 * A place far from the other places of a request that uses it, or outside its
 * host's country, was probably typed wrong; say so, and say "swapped?" when
 * exchanging latitude and longitude puts it right.
 */
export const checkPlacePosition: CrossCheck = (ws) => {
  const reasons = new Map<string, string[]>();
  const add = (place: Place, reason: string) => reasons.set(place.id, [...(reasons.get(place.id) ?? []), reason]);

  for (const request of ws.requests.values()) {
    const places = requestPlaces(ws, request);
    if (places.length < 2) continue;
    const nearest = (geo: Geo, self: string) =>
      places
        .filter((p) => p.id !== self)
        .map((p) => ({ place: p, km: distanceKm(geo, p.geo) }))
        .sort((a, b) => a.km - b.km)[0] as { place: LocatedPlace; km: number };
    const far = places.flatMap((place) => {
      const near = nearest(place.geo, place.id);
      if (near.km <= FAR_KM) return [];
      // A swap fits when it lands on land among the others (a swapped European position lies at sea or in Africa).
      const flipped = swapped(place.geo);
      const fix = flipped && countriesAt(flipped).length > 0 ? nearest(flipped, place.id) : undefined;
      return [{ place, near, fix: fix && fix.km <= FAR_KM ? { geo: flipped as Geo, ...fix } : undefined }];
    });
    // When swapping one place's coordinates puts it among the others, that place is the culprit, not the others.
    const culprits = far.some((f) => f.fix) ? far.filter((f) => f.fix) : far;
    for (const { place, near, fix } of culprits) {
      if (reasons.has(place.id)) continue;
      const hint = fix
        ? `; latitude and longitude swapped? \`${formatGeo(fix.geo)}\` is ${formatKm(fix.km)} from \`${fix.place.id}\``
        : "";
      add(
        place,
        `place \`${place.id}\` is ${formatKm(near.km)} from \`${near.place.id}\`, the nearest other place of request \`${request.id}\`${hint}`,
      );
    }
  }

  for (const host of ws.hosts.values()) {
    const place = ws.places.get(host.place);
    if (!host.country || !place?.geo || place.online || reasons.has(place.id)) continue;
    if (liesIn(place.geo, host.country)) continue;
    const codes = countriesAt(place.geo);
    const flipped = swapped(place.geo);
    const hint =
      flipped && countriesAt(flipped).includes(host.country)
        ? `; latitude and longitude swapped? \`${formatGeo(flipped)}\` lies in ${host.country}`
        : "";
    const where = codes.length > 0 ? `lies in ${countryAt(place.geo) ?? codes[0]}` : "lies in no country (at sea?)";
    add(place, `place \`${place.id}\` ${where}, not in ${host.country}, the country of host \`${host.id}\`${hint}`);
  }

  // A place no request or host country vouches for: only a swap that fits is worth saying.
  const located = [...ws.places.values()].filter((p): p is LocatedPlace => p.geo !== undefined && !p.online);
  for (const place of located) {
    if (reasons.has(place.id)) continue;
    const flipped = swapped(place.geo);
    if (!flipped) continue;
    // A place with a neighbour within FAR_KM is said nothing here: found at once in a city, so a registry of
    // thousands of places costs a scan per isolated place, not a sort of all the others per place.
    if (located.some((p) => p !== place && distanceKm(place.geo, p.geo) <= FAR_KM)) continue;
    const nearest = (geo: Geo) => {
      let best: { place: LocatedPlace; km: number } | undefined;
      for (const p of located) {
        if (p === place) continue;
        const km = distanceKm(geo, p.geo);
        if (!best || km < best.km) best = { place: p, km };
      }
      return best;
    };
    const now = nearest(place.geo);
    const then = nearest(flipped);
    if (now && then && now.km > FAR_KM && then.km <= FAR_KM && countriesAt(flipped).length > 0) {
      add(
        place,
        `place \`${place.id}\` is ${formatKm(now.km)} from the nearest other place, \`${now.place.id}\`; latitude and longitude swapped? \`${formatGeo(flipped)}\` is ${formatKm(then.km)} from \`${then.place.id}\``,
      );
    } else if (!now && !zoneAt(place.geo) && countriesAt(place.geo).length === 0 && countriesAt(flipped).length > 0) {
      add(
        place,
        `place \`${place.id}\` lies in no country (at sea?); latitude and longitude swapped? \`${formatGeo(flipped)}\` lies in ${countryAt(flipped) ?? countriesAt(flipped)[0]}`,
      );
    }
  }

  return [...reasons].map(([id, messages]) =>
    asWarning(problemIn(ws.origins.place.get(id) as Origin, ["geo"], messages.join("; "))),
  );
};

type LocatedPlace = Place & { geo: Geo };

/** The physical places a request itself names: its base, meals, fixed items, and the hosts it must visit or ranks. */
function requestPlaces(ws: Workspace, request: Request): LocatedPlace[] {
  const hostPlace = (id: string) => ws.hosts.get(id)?.place;
  const ids = [
    request.base,
    ...request.meals.flatMap((m) => m.places),
    ...request.fixed.map((f) => f.place),
    ...request.fixed.flatMap((f) => (f.parallel ?? []).map((s) => hostPlace(s.host))),
    ...request.must_visit.map(hostPlace),
    ...Object.keys(request.priorities).map(hostPlace),
  ];
  const seen = new Set<string>();
  return ids.flatMap((id) => {
    if (id === undefined || seen.has(id)) return [];
    seen.add(id);
    const place = ws.places.get(id);
    return place?.geo && !place.online ? [place as LocatedPlace] : [];
  });
}

function datesOr(dates: string[]): string[] {
  const unique = [...new Set(dates)];
  return unique.length > 0 ? unique : SAMPLE_DATES;
}
