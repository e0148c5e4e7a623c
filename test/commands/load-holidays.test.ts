import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Holidays from "date-holidays";
import HolidaysParser from "date-holidays-parser";
import { data as fullData } from "date-holidays/data";
import { describe, expect, it } from "vitest";
import { loadHolidayCalendar } from "../../src/commands/load-holidays.js";
import { repoRoot } from "../helpers/files.js";

const publicDays = (data: object, country: string, state: string | undefined, year: number) =>
  (state ? new HolidaysParser(data, country, state) : new HolidaysParser(data, country))
    .getHolidays(year)
    .filter((h) => h.type === "public")
    .map((h) => `${h.date} ${String(h.name)}`);

describe("loadHolidayCalendar", () => {
  it("knows the public holidays of the countries asked for, by country and region", async () => {
    const calendar = await loadHolidayCalendar(["BE", "DE", undefined]);
    expect(calendar.holidayOn("BE", undefined, "2018-11-01")).toBe("All Saints' Day");
    expect(calendar.holidayOn("BE", undefined, "2018-11-02")).toBeUndefined();
    // Corpus Christi is a holiday in Bavaria, not in Berlin.
    expect(calendar.holidayOn("DE", "DE-BY", "2018-05-31")).toBe("Corpus Christi");
    expect(calendar.holidayOn("DE", "DE-BE", "2018-05-31")).toBeUndefined();
    expect(calendar.holidayOn(undefined, undefined, "2018-11-01")).toBeUndefined();
  });

  it("loads nothing for a workspace without countries, and refuses a country it did not load", async () => {
    const none = await loadHolidayCalendar([undefined]);
    expect(none.holidayOn(undefined, undefined, "2018-12-25")).toBeUndefined();
    expect(() => none.holidayOn("BE", undefined, "2018-12-25")).toThrow("the holiday data of BE was not loaded");
    const be = await loadHolidayCalendar(["BE"]);
    expect(() => be.holidayOn("FR", undefined, "2018-12-25")).toThrow("the holiday data of FR was not loaded");
  });
});

// scripts/build-cli.js writes one file per country beside the bundled CLI; each must
// give exactly the holidays the library's whole data set gives.
describe("the bundle's per-country holiday files (dist/cli/holidays)", () => {
  const dir = join(repoRoot, "dist", "cli", "holidays");
  const files = readdirSync(dir).sort();
  const full = fullData as { holidays: Record<string, { states?: object; regions?: object }> };

  it("exist for every country of date-holidays", () => {
    expect(files).toEqual(
      Object.keys(full.holidays)
        .sort()
        .map((c) => `${c}.json`),
    );
  });

  it("give every country's and state's public holidays as the whole data set does", () => {
    let compared = 0;
    for (const file of files) {
      const country = file.replace(/\.json$/, "");
      const part = JSON.parse(readFileSync(join(dir, file), "utf8")) as object;
      const states = Object.keys(full.holidays[country]?.states ?? full.holidays[country]?.regions ?? {});
      for (const state of [undefined, ...states]) {
        for (const year of state ? [2025] : [2018, 2025]) {
          expect(publicDays(part, country, state, year), `${country} ${state ?? ""} ${year}`).toEqual(
            publicDays(fullData, country, state, year),
          );
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  }, 120_000);
});

// `check` validates every host's country and region against this file (src/records/country-codes.ts)
// instead of loading every country's rules; it must list what the library itself lists.
describe("the bundle's country and region codes (dist/cli/holiday-codes.json)", () => {
  it("are date-holidays' countries and states, with their English names", () => {
    const codes = JSON.parse(readFileSync(join(repoRoot, "dist", "cli", "holiday-codes.json"), "utf8")) as {
      countries: Record<string, string>;
      states: Record<string, Record<string, string>>;
    };
    const library = new Holidays();
    expect(codes.countries).toEqual(library.getCountries("en"));
    expect(Object.keys(codes.countries).length).toBeGreaterThan(150);
    for (const country of Object.keys(codes.countries))
      expect(codes.states[country], country).toEqual(library.getStates(country, "en") ?? {});
    expect(codes.states.ES?.MD).toBe("Comunidad de Madrid");
  });
});
