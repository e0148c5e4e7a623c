import Holidays from "date-holidays";

/** Public holidays (type "public" only) of a country or region, looked up by local date string. */
export interface HolidayCalendar {
  holidayOn(country: string | undefined, region: string | undefined, date: string): string | undefined;
}

/**
 * date-holidays is slow to build a calendar, so one calendar per country/region
 * and one list per year are cached. Dates are compared as local `YYYY-MM-DD`
 * strings, which keeps the answer independent of the machine's zone.
 */
export function createHolidayCalendar(): HolidayCalendar {
  const byKey = new Map<string, Map<string, string>>();
  return {
    holidayOn(country, region, date) {
      if (!country) return undefined;
      const year = Number(date.slice(0, 4));
      const state = region?.startsWith(`${country}-`) ? region.slice(country.length + 1) : undefined;
      const key = `${country}/${state ?? ""}/${year}`;
      let days = byKey.get(key);
      if (!days) {
        days = new Map();
        const calendar = state
          ? new Holidays(country, state, { languages: ["en"] })
          : new Holidays(country, { languages: ["en"] });
        for (const holiday of calendar.getHolidays(year) || []) {
          if (holiday.type === "public" && !days.has(holiday.date.slice(0, 10)))
            days.set(holiday.date.slice(0, 10), holiday.name);
        }
        byKey.set(key, days);
      }
      return days.get(date);
    },
  };
}
