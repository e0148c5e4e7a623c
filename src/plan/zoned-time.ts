import { tzOffset } from "@date-fns/tz";

// Wall-clock times of a local date in a named zone, turned into instants and
// ISO strings without ever consulting the machine's own zone.

/** The instant (ms since epoch) of `minutes` after local midnight of `date` in `zone`. */
export function zonedInstant(date: string, minutes: number, zone: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wallClockAsUtc = Date.UTC(y, m - 1, d, 0, minutes);
  // The offset at the wall-clock time, read twice so a time near a DST change settles on the right side.
  let offset = tzOffset(zone, new Date(wallClockAsUtc));
  offset = tzOffset(zone, new Date(wallClockAsUtc - offset * 60_000));
  return wallClockAsUtc - offset * 60_000;
}

/** `2018-09-19T09:30:00+02:00`: ISO 8601 with the zone's offset at that moment. */
export function zonedIso(date: string, minutes: number, zone: string): string {
  const instant = zonedInstant(date, minutes, zone);
  const offset = tzOffset(zone, new Date(instant));
  const local = new Date(instant + offset * 60_000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The local date and minutes-since-midnight of an instant in `zone`. */
export function localParts(instant: number, zone: string): { date: string; minutes: number } {
  const offset = tzOffset(zone, new Date(instant));
  const local = new Date(instant + offset * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** Minutes of a wall-clock time on `date` in zone `from`, read on the wall clock of zone `to` (same date assumed). */
export function shiftMinutes(date: string, minutes: number, from: string, to: string): number {
  if (from === to) return minutes;
  const parts = localParts(zonedInstant(date, minutes, from), to);
  const dayShift = parts.date === date ? 0 : parts.date > date ? 1440 : -1440;
  return parts.minutes + dayShift;
}

/** Minutes after local midnight of `date` in `zone` of an ISO time with offset (the next day's 00:00 is 1440). */
export function minutesOn(date: string, iso: string, zone: string): number {
  const parts = localParts(Date.parse(iso), zone);
  const days = Math.round((Date.parse(`${parts.date}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
  return parts.minutes + days * 1440;
}
