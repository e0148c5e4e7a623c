import { tzOffset } from "@date-fns/tz";
import tzLookup from "@photostructure/tz-lookup";
import type * as CountryCoder from "@rapideditor/country-coder";
import countriesAndTimezones from "countries-and-timezones";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Geo } from "./formats.js";

// Where a position lies and which clock it reads, from well-kept data sets:
// country borders (country-coder, from OpenStreetMap), the time zone at a
// point (tz-lookup, from the tz boundary data) and the zones of a country
// (countries-and-timezones, from the IANA database). All three are offline and
// coarse near borders, which is why what they find is a warning, never an error.

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km. */
export function distanceKm(a: Geo, b: Geo): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** `1,234 km`, `12 km`, `0.4 km`: distances as a reader writes them (grouped by hand: no locale data). */
export function formatKm(km: number): string {
  if (km < 10) return `${km.toFixed(1)} km`;
  return `${String(Math.round(km)).replace(/\B(?=(\d{3})+$)/g, ",")} km`;
}

let borders: typeof CountryCoder | undefined;

// The borders are 700 kB of code: loaded on first use only, so that a workspace
// whose places all lie where the time-zone data already puts them never pays for it.
// The bundled CLI has them beside it as one file of their own (scripts/build-cli.js):
// bundled into the records' code, every check would read them at start.
function countryCoder(): typeof CountryCoder {
  if (borders) return borders;
  const bundled = fileURLToPath(new URL("./country-coder.cjs", import.meta.url));
  borders = createRequire(import.meta.url)(
    existsSync(bundled) ? bundled : "@rapideditor/country-coder",
  ) as typeof CountryCoder;
  return borders;
}

/**
 * The ISO 3166-1 alpha-2 codes of the countries and territories containing a
 * point (Jersey gives JE and GB; the Canaries IC and ES); empty at sea.
 */
export function countriesAt(geo: Geo): string[] {
  return countryCoder()
    .iso1A2Codes([geo.lon, geo.lat])
    .filter((code) => /^[A-Z]{2}$/.test(code) && code !== "EU" && code !== "UN");
}

/** The country at a point (Jersey gives GB, the Canaries ES), or undefined at sea. */
export function countryAt(geo: Geo): string | undefined {
  return countryCoder().iso1A2Code([geo.lon, geo.lat], { level: "country" }) ?? undefined;
}

/**
 * Whether a point lies in `country`. The zone at the point answers first, when
 * only that country and its dependencies keep it (Europe/Madrid: ES); the
 * borders decide otherwise (Europe/Brussels is also NL's and LU's).
 */
export function liesIn(geo: Geo, country: string): boolean {
  const zone = zoneAt(geo);
  const keepers = zone ? (countriesAndTimezones.getTimezone(zone)?.countries ?? []) : [];
  if (keepers.length > 0 && keepers[0] === country) return true;
  return countriesAt(geo).includes(country);
}

/** The country whose clock a point reads (Europe/London: GB), from the zone data alone; undefined at sea. */
export function countryOfZoneAt(geo: Geo): string | undefined {
  const zone = zoneAt(geo);
  return zone ? countriesAndTimezones.getTimezone(zone)?.countries[0] : undefined;
}

/** The IANA zone at a point; undefined at sea (where the data gives an `Etc/GMT±N` nautical zone). */
export function zoneAt(geo: Geo): string | undefined {
  const zone = tzLookup(geo.lat, geo.lon);
  return zone.startsWith("Etc/") ? undefined : zone;
}

/** The zones in use in a country (deprecated aliases left out); empty for an unknown code. */
export function zonesOfCountry(country: string): string[] {
  return countriesAndTimezones.getCountry(country)?.timezones ?? [];
}

/**
 * Whether two zones read the same clock on these dates (checked at 00:00,
 * 06:00, 12:00 and 18:00 UTC each day). Brussels and Amsterdam are the same
 * clock; Brussels and London are not.
 */
export function sameClock(a: string, b: string, dates: readonly string[]): boolean {
  if (a === b) return true;
  return dates.every((date) =>
    [0, 6, 12, 18].every((hour) => {
      const at = new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);
      return tzOffset(a, at) === tzOffset(b, at);
    }),
  );
}

/** The zone among `zones` that reads the clock of `zone` on these dates, if one does. */
export function matchingZone(zone: string, zones: readonly string[], dates: readonly string[]): string | undefined {
  return zones.find((z) => sameClock(zone, z, dates));
}

/** A position with latitude and longitude exchanged, when that is a position at all. */
export function swapped(geo: Geo): Geo | undefined {
  return Math.abs(geo.lon) <= 90 ? { lat: geo.lon, lon: geo.lat } : undefined;
}

/** `51.506, -0.0937`: a position as it is written in the records. */
export function formatGeo(geo: Geo): string {
  return `${geo.lat}, ${geo.lon}`;
}

export interface NamedPosition {
  id: string;
  geo: Geo;
}

/** The position among `others` nearest to `geo`, and how far. */
export function nearestTo(geo: Geo, others: readonly NamedPosition[]): { id: string; km: number } | undefined {
  let best: { id: string; km: number } | undefined;
  for (const other of others) {
    const km = distanceKm(geo, other.geo);
    if (!best || km < best.km) best = { id: other.id, km };
  }
  return best;
}

/**
 * What to say about a position just typed, given the workspace's other places
 * (`limit` km is "near"): `swap` when it is far from them (or at sea) and
 * exchanging latitude and longitude puts it among them (or on land); `far`
 * when it is simply far from all of them; nothing when it sits among them.
 */
export function judgePosition(
  geo: Geo,
  others: readonly NamedPosition[],
  limit: number,
): { swap?: string; far?: string } {
  const now = nearestTo(geo, others);
  const flipped = swapped(geo);
  const here = countryAt(geo);
  const where = here ? `lies in ${here}` : "lies at sea";
  if (now && now.km <= limit) return {};
  if (flipped && countriesAt(flipped).length > 0) {
    const then = nearestTo(flipped, others);
    if (then && then.km <= limit)
      return {
        swap: `\`${formatGeo(geo)}\` is ${formatKm(now?.km ?? 0)} from the nearest place of the workspace (\`${now?.id}\`); latitude and longitude swapped? \`${formatGeo(flipped)}\` is ${formatKm(then.km)} from \`${then.id}\`: type the latitude first`,
      };
    if (!here)
      return {
        swap: `\`${formatGeo(geo)}\` ${where}; latitude and longitude swapped? \`${formatGeo(flipped)}\` lies in ${countryAt(flipped) ?? countriesAt(flipped)[0]}: type the latitude first`,
      };
  }
  if (!now) return {};
  return {
    far: `\`${formatGeo(geo)}\` ${where}, ${formatKm(now.km)} from the nearest place of the workspace (\`${now.id}\`)`,
  };
}
