import type { Day, Locale, Month } from "date-fns";
import { enGB } from "date-fns/locale/en-GB";
import { wallAsUtc } from "./zoned-time.js";

// Names of days and months, and the parts of ISO date-times, in one place.
// A `YYYY-MM-DD` names a calendar day, not an instant: its weekday is counted
// on the calendar and its names come from an explicit date-fns locale (English
// unless a letter asks for another), so the bytes are the same under any TZ
// and locale. The names are the locale's `localize`, as date-fns's `format`
// takes them for "EEEE" and "MMMM": `check` and `plan` name days in their
// messages without loading `format`'s machinery (test/bin/bundle.test.ts).

type Width = "wide" | "abbreviated";

function calendar(date: string): { year: number; month: Month; day: number; weekday: Day } {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return { year, month: (month - 1) as Month, day, weekday: new Date(wallAsUtc(date)).getUTCDay() as Day };
}

/** "Wednesday" (or "mercredi" with the French locale); "Wed" abbreviated. */
export function weekdayName(date: string, locale: Locale = enGB, width: Width = "wide"): string {
  return locale.localize.day(calendar(date).weekday, { width, context: "formatting" });
}

/** "September" (or "septembre", or the genitive "września" in Polish, as after a day's number); "Sep" abbreviated. */
export function monthName(date: string, locale: Locale = enGB, width: Width = "wide"): string {
  return nameOfMonth(calendar(date).month + 1, locale, width);
}

/** The name of month 1-12: "September" for 9, whether or not the day of a date in it exists. */
export function nameOfMonth(month: number, locale: Locale = enGB, width: Width = "wide"): string {
  return locale.localize.month((month - 1) as Month, { width, context: "formatting" });
}

/** "Wednesday 19 September 2018" (date-fns's "EEEE d MMMM y"): a heading of the itinerary, the timeline and an e-mail. */
export function longDate(date: string, locale: Locale = enGB): string {
  const { day, year } = calendar(date);
  return `${weekdayName(date, locale)} ${day} ${monthName(date, locale)} ${year}`;
}

/** "Wed 19 Sep": short enough for a chart's section label. */
export function shortDay(date: string): string {
  return `${weekdayName(date, enGB, "abbreviated")} ${shortDate(date)}`;
}

/** "19 Sep": short enough for a line of the terminal. */
export function shortDate(date: string): string {
  return `${calendar(date).day} ${monthName(date, enGB, "abbreviated")}`;
}

// ISO 8601 date-times as the agenda writes them (`2018-09-19T09:30:00+02:00`)
// are read on the clock they are written in: the date and time as printed,
// whatever the offset (converting to an instant is agenda-time.ts's business).

const ISO_WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/;

function wallClock(iso: string): [date: string, hours: string, minutes: string] {
  const m = ISO_WALL_CLOCK.exec(iso);
  if (!m) throw new Error(`\`${iso}\` is not an ISO 8601 date-time like 2018-09-19T09:30:00+02:00`);
  return [m[1] as string, m[2] as string, m[3] as string];
}

/** "2018-09-19" of "2018-09-19T09:30:00+02:00". */
export function isoDate(iso: string): string {
  return wallClock(iso)[0];
}

/** "09:30" of "2018-09-19T09:30:00+02:00". */
export function isoClock(iso: string): string {
  const [, h, m] = wallClock(iso);
  return `${h}:${m}`;
}

/** 570 (minutes after midnight) of "2018-09-19T09:30:00+02:00". */
export function isoMinutes(iso: string): number {
  const [, h, m] = wallClock(iso);
  return Number(h) * 60 + Number(m);
}
