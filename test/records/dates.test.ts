import { TZDate } from "@date-fns/tz";
import { format } from "date-fns/format";
import { de } from "date-fns/locale/de";
import { enGB } from "date-fns/locale/en-GB";
import { es } from "date-fns/locale/es";
import { fr } from "date-fns/locale/fr";
import { it as italian } from "date-fns/locale/it";
import { nl } from "date-fns/locale/nl";
import { pl } from "date-fns/locale/pl";
import { afterEach, describe, expect, it } from "vitest";
import {
  isoClock,
  isoDate,
  isoMinutes,
  longDate,
  monthName,
  nameOfMonth,
  shortDate,
  shortDay,
  weekdayName,
} from "../../src/records/dates.js";
import { generatedStamp, localTime } from "../../src/render/agenda-time.js";

const machineZone = process.env.TZ;
afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

describe("names of days and months", () => {
  it("names a calendar day in English", () => {
    expect(longDate("2018-09-19")).toBe("Wednesday 19 September 2018");
    expect(shortDay("2018-09-19")).toBe("Wed 19 Sep");
    expect(shortDate("2018-09-19")).toBe("19 Sep");
    expect(shortDate("2018-05-01")).toBe("1 May");
    expect(weekdayName("2018-09-23")).toBe("Sunday");
    expect(monthName("2018-12-31")).toBe("December");
    expect(nameOfMonth(2)).toBe("February");
    expect(nameOfMonth(9)).toBe("September");
  });

  it("names it in a letter's language with the date-fns locale", () => {
    expect(weekdayName("2018-09-19", fr)).toBe("mercredi");
    expect(monthName("2018-09-19", fr)).toBe("septembre");
    expect(monthName("2018-09-19", pl)).toBe("września");
    expect(longDate("2018-09-19", fr)).toBe("mercredi 19 septembre 2018");
  });

  it("gives the names date-fns's format gives, in every language of the letters and e-mails, for every day of a year", () => {
    const days = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2018, 0, 1 + i)).toISOString().slice(0, 10));
    for (const locale of [enGB, fr, nl, de, es, italian, pl])
      for (const date of days) {
        const utc = new TZDate(`${date}T00:00:00Z`, "UTC");
        expect(weekdayName(date, locale)).toBe(format(utc, "EEEE", { locale }));
        expect(monthName(date, locale)).toBe(format(utc, "MMMM", { locale }));
        expect(longDate(date, locale)).toBe(format(utc, "EEEE d MMMM y", { locale }));
      }
    for (const date of days) {
      const utc = new TZDate(`${date}T00:00:00Z`, "UTC");
      expect(shortDay(date)).toBe(format(utc, "EEE d MMM", { locale: enGB }));
      expect(shortDate(date)).toBe(format(utc, "d MMM", { locale: enGB }));
    }
  });

  it("is the same day on the nights the clocks change, under any machine zone", () => {
    for (const zone of ["UTC", "Europe/Brussels", "Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      process.env.TZ = zone;
      // Brussels goes back on 28 October 2018 and forward on 25 March 2018: both Sundays.
      expect(longDate("2018-10-28")).toBe("Sunday 28 October 2018");
      expect(longDate("2018-03-25")).toBe("Sunday 25 March 2018");
      expect(shortDay("2018-10-28")).toBe("Sun 28 Oct");
      expect(shortDate("2018-01-01")).toBe("1 Jan");
    }
    // The zone did change: 23:00 UTC on 27 October is already the 28th in Kiritimati (UTC+14).
    process.env.TZ = "Pacific/Kiritimati";
    expect(new Date(Date.UTC(2018, 9, 27, 23)).getDate()).toBe(28);
  });

  it("names a day of any year, not shifting the years 0-99 into the 1900s", () => {
    expect(longDate("0050-01-01")).toBe("Saturday 1 January 50");
    expect(shortDay("0050-01-01")).toBe("Sat 1 Jan");
  });
});

describe("reading ISO date-times on the clock they are written in", () => {
  it("reads the date, the time and the minutes after midnight as printed, whatever the offset", () => {
    expect(isoDate("2018-09-19T09:30:00+02:00")).toBe("2018-09-19");
    expect(isoClock("2018-09-19T09:30:00+02:00")).toBe("09:30");
    expect(isoMinutes("2018-09-19T09:30:00+02:00")).toBe(570);
    expect(isoClock("2018-10-28T23:59:00-10:00")).toBe("23:59");
    expect(isoMinutes("2018-10-28T00:05:00.000Z")).toBe(5);
  });

  it("refuses a string that is not a date-time instead of reading garbage", () => {
    expect(() => isoClock("19 September 09:30")).toThrow(/not an ISO 8601 date-time/);
    expect(() => isoMinutes("")).toThrow(/not an ISO 8601 date-time/);
  });

  it("reads an item on the night the clocks go back on the zone's clock (agenda-time)", () => {
    process.env.TZ = "America/New_York";
    // 02:30 happens twice in Brussels that night: the written offset picks which.
    expect(localTime("2018-10-28T02:30:00+02:00", "Europe/Brussels")).toEqual({
      date: "2018-10-28",
      time: "02:30",
      minutes: 150,
    });
    expect(localTime("2018-10-28T00:30:00Z", "Europe/Brussels")).toEqual({
      date: "2018-10-28",
      time: "02:30",
      minutes: 150,
    });
    expect(localTime("2018-10-27T23:30:00Z", "Europe/Brussels")).toEqual({
      date: "2018-10-28",
      time: "01:30",
      minutes: 90,
    });
    expect(generatedStamp(new Date(Date.UTC(2018, 8, 1, 8, 0)))).toBe("2018-09-01 08:00 UTC");
  });
});
