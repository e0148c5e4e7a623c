import { createHolidayCalendar, type HolidayCalendar } from "../plan/holidays.js";
import type { Workspace } from "../records/workspace.js";

/**
 * The public-holiday calendar of the countries of the workspace's hosts.
 * date-holidays' parser (with its calendars and time-zone data) is imported
 * only when some host has a country: a workspace without any starts without it.
 */
export async function loadHolidays(ws: Workspace): Promise<HolidayCalendar> {
  return loadHolidayCalendar([...ws.hosts.values()].map((h) => h.country));
}

export async function loadHolidayCalendar(countries: Iterable<string | undefined>): Promise<HolidayCalendar> {
  const wanted = new Set([...countries].filter((c): c is string => c !== undefined));
  if (wanted.size === 0) return createHolidayCalendar();
  const [{ default: HolidaysParser }, { data }] = await Promise.all([
    import("date-holidays-parser"),
    import("date-holidays/data"),
  ]);
  return createHolidayCalendar(wanted, (country, state) =>
    state
      ? new HolidaysParser(data, country, state, { languages: ["en"] })
      : new HolidaysParser(data, country, { languages: ["en"] }),
  );
}
