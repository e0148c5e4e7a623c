import { tzOffset } from "@date-fns/tz";

// Wall-clock times of a local date in a named zone, turned into instants and
// ISO strings without ever consulting the machine's own zone.
//
// Two nights a year the wall clock is not a clock: in spring an hour does not
// exist (02:00-03:00 in Brussels on the last Sunday of March), in autumn one
// happens twice (02:00-03:00 on the last Sunday of October). The records refuse
// a time that does not exist (see `skippedHour`); a time that happens twice is
// read as its first occurrence, and an item keeps its real length (`zonedSpan`).

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Milliseconds of `minutes` after midnight of a `YYYY-MM-DD` date, read as if
 * the wall clock were UTC. Any year: `Date.UTC` would read 0050 as 1950.
 */
export function wallAsUtc(date: string, minutes = 0): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime() + minutes * MINUTE;
}

/** The instants at which a wall clock reads `wall` (as from `wallAsUtc`): none, one, or two, earliest first. */
function occurrences(wall: number, zone: string): number[] {
  const offsets = new Set([-DAY, 0, DAY].map((shift) => tzOffset(zone, new Date(wall + shift))));
  return [...offsets]
    .filter((o) => tzOffset(zone, new Date(wall - o * MINUTE)) === o)
    .map((o) => wall - o * MINUTE)
    .sort((a, b) => a - b);
}

/**
 * The instant (ms since epoch) of `minutes` after local midnight of `date` in
 * `zone`. A time that happens twice is its first occurrence; a time in the
 * hour skipped in spring is read with the offset before the change, as clocks
 * do (02:30 → 03:30), though records never hold one (see `skippedHour`).
 */
export function zonedInstant(date: string, minutes: number, zone: string): number {
  const wall = wallAsUtc(date, minutes);
  const first = occurrences(wall, zone)[0];
  return first ?? wall - tzOffset(zone, new Date(wall - DAY)) * MINUTE;
}

/**
 * The instants of an item from `start` to `end` (minutes after midnight of
 * `date`). The start is its first occurrence; of the end's occurrences, the one
 * that keeps the item's length on the wall clock: a 60-minute visit at 01:00
 * on the night the clocks go back ends at 02:00 summer time, one hour later, not
 * at 02:00 winter time, two hours later.
 */
export function zonedSpan(date: string, start: number, end: number, zone: string): { start: number; end: number } {
  const from = zonedInstant(date, start, zone);
  const target = from + (end - start) * MINUTE;
  const ends = occurrences(wallAsUtc(date, end), zone).filter((t) => t >= from);
  const to = ends.sort((a, b) => Math.abs(a - target) - Math.abs(b - target))[0] ?? zonedInstant(date, end, zone);
  return { start: from, end: to };
}

/** `2018-09-19T09:30:00+02:00`: an instant as ISO 8601 with the zone's offset at that moment. */
export function isoAt(instant: number, zone: string): string {
  const offset = tzOffset(zone, new Date(instant));
  const local = new Date(instant + offset * MINUTE);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${localDate(local)}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `2018-09-19T09:30:00+02:00`: ISO 8601 with the zone's offset at that moment. */
export function zonedIso(date: string, minutes: number, zone: string): string {
  return isoAt(zonedInstant(date, minutes, zone), zone);
}

/** An item's start and end as ISO 8601, its real length kept (see `zonedSpan`). */
export function zonedIsoSpan(date: string, start: number, end: number, zone: string): { start: string; end: string } {
  const span = zonedSpan(date, start, end, zone);
  return { start: isoAt(span.start, zone), end: isoAt(span.end, zone) };
}

/** The local date and minutes-since-midnight of an instant in `zone`. */
export function localParts(instant: number, zone: string): { date: string; minutes: number } {
  const offset = tzOffset(zone, new Date(instant));
  const local = new Date(instant + offset * MINUTE);
  return { date: localDate(local), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

function localDate(local: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(local.getUTCFullYear()).padStart(4, "0")}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
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

/** Minutes after midnight, as a span of the wall clock. */
export interface WallSpan {
  start: number;
  end: number;
}

const skippedCache = new Map<string, WallSpan | null>();

/**
 * The wall-clock minutes of `date` that do not exist in `zone` (the hour the
 * clocks skip in spring: 02:00-03:00 in Brussels), or undefined on an ordinary day.
 */
export function skippedOn(date: string, zone: string): WallSpan | undefined {
  const key = `${zone}\u0000${date}`;
  let found = skippedCache.get(key);
  if (found === undefined) {
    found = null;
    const midnight = wallAsUtc(date);
    // Most days no offset changes within a day either side: nothing to look for.
    const before = tzOffset(zone, new Date(midnight - DAY));
    const after = tzOffset(zone, new Date(midnight + 2 * DAY));
    if (after > before) {
      let start: number | undefined;
      for (let m = 0; m <= 1440; m++) {
        const exists = occurrences(midnight + m * MINUTE, zone).length > 0;
        if (!exists && start === undefined) start = m;
        if (exists && start !== undefined) {
          found = { start, end: m };
          break;
        }
      }
    }
    skippedCache.set(key, found);
  }
  return found ?? undefined;
}

/**
 * Why `minutes` after midnight of `date` is no time at all in `zone`, or
 * undefined when the clock shows it: `02:30 does not exist on 2026-03-29 in
 * Europe/Brussels (the clocks go forward from 02:00 to 03:00 that night)`.
 * An `end` may be the moment the clocks jump (a window 01:00-02:00 that night
 * is an hour long and ends as they do).
 */
export function skippedHour(date: string, minutes: number, zone: string, end = false): string | undefined {
  const gap = skippedOn(date, zone);
  if (!gap || minutes < gap.start || minutes >= gap.end || (end && minutes === gap.start)) return undefined;
  return `${clock(minutes)} does not exist on ${date} in ${zone} (the clocks go forward from ${clock(gap.start)} to ${clock(gap.end)} that night)`;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
