import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createHolidayCalendar, type HolidayCalendar } from "../plan/holidays.js";
import type { Workspace } from "../records/workspace.js";

/** date-holidays' data in the shape its parser reads: rules per country and the holiday names they refer to. */
interface HolidayData {
  holidays: Record<string, unknown>;
  names: Record<string, unknown>;
}

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
  const [{ default: HolidaysParser }, data] = await Promise.all([
    import("date-holidays-parser"),
    holidayData([...wanted]),
  ]);
  return createHolidayCalendar(wanted, (country, state) =>
    state
      ? new HolidaysParser(data, country, state, { languages: ["en"] })
      : new HolidaysParser(data, country, { languages: ["en"] }),
  );
}

/**
 * The bundled CLI has one small file per country beside it (scripts/build-cli.js
 * writes them from date-holidays' data); run from the sources, the library's
 * whole data set is read instead. A country without a file is one date-holidays
 * does not know: like the library, it has no holidays.
 */
async function holidayData(countries: string[]): Promise<HolidayData> {
  const dir = fileURLToPath(new URL("./holidays/", import.meta.url));
  if (!existsSync(dir)) return (await import("date-holidays/data")).data as HolidayData;
  const data: HolidayData = { holidays: {}, names: {} };
  for (const country of countries) {
    const file = join(dir, `${country}.json`);
    if (!existsSync(file)) continue;
    const part = JSON.parse(readFileSync(file, "utf8")) as HolidayData;
    Object.assign(data.holidays, part.holidays);
    Object.assign(data.names, part.names);
  }
  return data;
}
