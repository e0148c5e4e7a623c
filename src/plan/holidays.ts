/** Public holidays (type "public" only) of a country or region, looked up by local date string. */
export interface HolidayCalendar {
  holidayOn(country: string | undefined, region: string | undefined, date: string): string | undefined;
}

/** One country's (or state's) holiday rules, as date-holidays builds them: `getHolidays(year)` lists every kind of day. */
export interface CountryHolidays {
  getHolidays(year: number): readonly { date: string; name: string; type: string }[] | false | undefined;
}

/** Builds the rules of a country, or of one of its states (`BE`, `BRU`); the caller loads the library and its data. */
export type CountryHolidaysFactory = (country: string, state: string | undefined) => CountryHolidays;

/**
 * A calendar over the rules of the countries in `countries`: those of the
 * workspace's hosts, whose data the commands layer loaded. A host without
 * `country` has no holidays; a country outside the list is a bug (its data
 * was not loaded), not a country without holidays.
 *
 * Building a country's rules is slow, so one set per country/region and one
 * list per year are cached. Dates are compared as local `YYYY-MM-DD`
 * strings, which keeps the answer independent of the machine's zone.
 */
export function createHolidayCalendar(
  countries: ReadonlySet<string> = new Set(),
  rulesOf?: CountryHolidaysFactory,
): HolidayCalendar {
  const rules = new Map<string, CountryHolidays>();
  const byKey = new Map<string, Map<string, string>>();
  return {
    holidayOn(country, region, date) {
      if (!country) return undefined;
      if (!countries.has(country) || !rulesOf) throw new Error(`the holiday data of ${country} was not loaded`);
      const year = Number(date.slice(0, 4));
      const state = region?.startsWith(`${country}-`) ? region.slice(country.length + 1) : undefined;
      const place = `${country}/${state ?? ""}`;
      const key = `${place}/${year}`;
      let days = byKey.get(key);
      if (!days) {
        days = new Map();
        let calendar = rules.get(place);
        if (!calendar) {
          calendar = rulesOf(country, state);
          rules.set(place, calendar);
        }
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
