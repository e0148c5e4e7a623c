import { tzOffset } from "@date-fns/tz";
import { isoClock, isoDate, isoMinutes } from "../records/dates.js";

// Times of agenda items as the renderers need them: the wall clock the
// delegation reads, and the UTC instant a calendar needs. Nothing here reads
// the machine's zone, so the output is the same bytes under any TZ.

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** minutes since local midnight */
  minutes: number;
}

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

interface ParsedIso {
  /** the wall clock read as if it were UTC, in ms */
  wallAsUtc: number;
  /** the offset written in the string, in minutes east of UTC; undefined when none */
  offset?: number;
}

function parseIso(iso: string): ParsedIso {
  const m = ISO_LOCAL.exec(iso.trim());
  if (!m) throw new Error(`\`${iso}\` is not an ISO 8601 date-time like 2018-09-19T09:30:00+02:00`);
  const [, y, mo, d, h, mi, s, off] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string | undefined,
    string | undefined,
  ];
  const wallAsUtc =
    calendarDay(Number(y), Number(mo), Number(d)).getTime() +
    (Number(h) * 3600 + Number(mi) * 60 + Number(s ?? 0)) * 1000;
  if (off === undefined) return { wallAsUtc };
  if (off === "Z") return { wallAsUtc, offset: 0 };
  const digits = off.replace(":", "");
  const sign = digits.startsWith("-") ? -1 : 1;
  return { wallAsUtc, offset: sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) };
}

/**
 * The UTC instant of an item's time. The agenda writes each time with the
 * request zone's offset; the wall clock then decides, because it is what the
 * delegation reads. So a hand-edited agenda that moved a visit across a DST
 * change but kept the old offset (one the zone uses, at another season)
 * still lands at the time printed; the written offset only picks between the
 * two instants of the hour that happens twice when the clocks go back. An
 * offset the zone never uses (`Z` in Brussels) was meant as an instant, and
 * is read as one.
 */
export function instantOf(iso: string, timeZone: string): Date {
  const { wallAsUtc, offset } = parseIso(iso);
  const hour = 3_600_000;
  const seasons = [-183 * 24, 0, 183 * 24].map((h) => tzOffset(timeZone, new Date(wallAsUtc + h * hour)));
  if (offset !== undefined && !seasons.includes(offset)) return new Date(wallAsUtc - offset * 60_000);
  // Every offset the zone uses around this wall clock: at most two, either side of a change.
  const offsets = [...new Set([-24, 0, 24].map((h) => tzOffset(timeZone, new Date(wallAsUtc + h * hour))))];
  const valid = offsets.filter((o) => tzOffset(timeZone, new Date(wallAsUtc - o * 60_000)) === o).sort((a, b) => b - a);
  const chosen = valid.find((o) => o === offset) ?? valid[0];
  // A wall clock inside the hour skipped in spring: read it with the offset before the change, as clocks do.
  const fallback = tzOffset(timeZone, new Date(wallAsUtc - 24 * hour));
  return new Date(wallAsUtc - (chosen ?? fallback) * 60_000);
}

/** The date and time an item happens on the request zone's clock: what the itinerary prints. */
export function localTime(iso: string, timeZone: string): WallClock {
  const instant = instantOf(iso, timeZone);
  const local = new Date(instant.getTime() + tzOffset(timeZone, instant) * 60_000).toISOString();
  return { date: isoDate(local), time: isoClock(local), minutes: isoMinutes(local) };
}

/** Midnight UTC of a calendar day, for any year (`Date.UTC` reads the years 0-99 as 1900-1999). */
export function calendarDay(year: number, month: number, day: number): Date {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return t;
}

/** `20180919T073000Z`: an iCalendar UTC DATE-TIME. */
export function icsUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

/** "2018-09-01 08:00 UTC": when a document was generated, never in the machine's zone. */
export function generatedStamp(at: Date): string {
  const iso = at.toISOString();
  return `${isoDate(iso)} ${isoClock(iso)} UTC`;
}
