import { describe, expect, it } from "vitest";
import {
  parseDate,
  parseDuration,
  parseGeo,
  parseMargin,
  parseHours,
  parseId,
  parseLanguage,
  parseTimeZone,
  parseWeekday,
  weekdayOf,
  type Parsed,
} from "../../src/records/formats.js";

const value = <T>(r: Parsed<T>): T => {
  if (!r.ok) throw new Error(`expected a value, got: ${r.message}`);
  return r.value;
};
const message = <T>(r: Parsed<T>): string => {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`);
  return r.message;
};

describe("dates", () => {
  it("accepts real calendar dates, leap days included", () => {
    expect(value(parseDate("2018-09-19"))).toBe("2018-09-19");
    expect(value(parseDate("2024-02-29"))).toBe("2024-02-29");
    expect(value(parseDate("2000-02-29"))).toBe("2000-02-29");
  });
  it("rejects impossible and malformed dates with the reason", () => {
    expect(message(parseDate("2018-09-31"))).toContain("September 2018 has 30 days");
    expect(message(parseDate("2023-02-29"))).toContain("February 2023 has 28 days");
    expect(message(parseDate("1900-02-29"))).toContain("February 1900 has 28 days");
    expect(message(parseDate("2018-13-01"))).toContain("month 13 does not exist");
    expect(message(parseDate("19/09/2018"))).toContain("YYYY-MM-DD");
    expect(message(parseDate(20180919))).toContain("expected a date");
  });
  it("computes weekdays on the calendar", () => {
    expect(weekdayOf("2018-09-18")).toBe("tue");
    expect(weekdayOf("2018-09-19")).toBe("wed");
    expect(weekdayOf("2021-09-08")).toBe("wed");
    expect(weekdayOf("2000-01-02")).toBe("sun");
  });
});

describe("hours", () => {
  it("parses ranges into minutes since midnight", () => {
    expect(value(parseHours("09:30-11:00"))).toEqual({ start: 570, end: 660 });
    expect(value(parseHours("9:00 - 17:30"))).toEqual({ start: 540, end: 1050 });
    expect(value(parseHours("18:00-24:00"))).toEqual({ start: 1080, end: 1440 });
  });
  it("reads whole hours as people write them: 9-17, 9h-17h, 9h30-17h", () => {
    expect(value(parseHours("9-17"))).toEqual({ start: 540, end: 1020 });
    expect(value(parseHours("9h-17h"))).toEqual({ start: 540, end: 1020 });
    expect(value(parseHours("9h30-17h"))).toEqual({ start: 570, end: 1020 });
    expect(message(parseHours("9-25"))).toContain("not a time of day");
    expect(message(parseHours("900-1700"))).toContain("not a time of day");
  });
  it("rejects reversed, empty and malformed ranges", () => {
    expect(message(parseHours("17:00-09:00"))).toContain("end before they start");
    expect(message(parseHours("10:00-10:00"))).toContain("end before they start");
    expect(message(parseHours("09:60-10:00"))).toContain("not a time of day");
    expect(message(parseHours("25:00-26:00"))).toContain("not a time of day");
    expect(message(parseHours("09:00"))).toContain("not an hours range");
    expect(message(parseHours(930))).toContain("expected hours");
  });
});

describe("durations", () => {
  it.each([
    [90, 90],
    ["90", 90],
    ["90min", 90],
    ["1h30", 90],
    ["1h", 60],
    ["2h05", 125],
    ["1h 30min", 90],
  ])("%s is %i minutes", (input, minutes) => {
    expect(value(parseDuration(input))).toBe(minutes);
  });
  it.each([[0], [-5], [1.5], ["1h75"], ["an hour"], ["0min"], [true]])("%s is rejected", (input) => {
    expect(message(parseDuration(input))).toMatch(/duration|minutes|write/);
  });
  it("suggests the normal form for too many minutes", () => {
    expect(message(parseDuration("1h75"))).toContain("write 2h15");
  });
});

describe("geo", () => {
  it("accepts an object or the map app's string, latitude first", () => {
    expect(value(parseGeo({ lat: 50.8367, lon: 4.3296 }))).toEqual({ lat: 50.8367, lon: 4.3296 });
    expect(value(parseGeo("50.8367, 4.3296"))).toEqual({ lat: 50.8367, lon: 4.3296 });
    expect(value(parseGeo("-33.8688,151.2093"))).toEqual({ lat: -33.8688, lon: 151.2093 });
  });
  it("checks ranges and says when the two look swapped", () => {
    expect(message(parseGeo({ lat: 95, lon: 4 }))).toContain("latitude 95 is out of range");
    expect(message(parseGeo({ lat: 95, lon: 4 }))).toContain("swap");
    expect(message(parseGeo({ lat: 50, lon: 181 }))).toContain("longitude 181 is out of range");
    expect(message(parseGeo("50.8 4.3"))).toContain("not a position");
    expect(message(parseGeo({ lat: "50", lon: 4 }))).toContain("latitude must be a number");
    expect(message(parseGeo([50, 4]))).toContain("expected a position");
  });
});

describe("time zones, languages, ids, weekdays", () => {
  it("accepts IANA names and suggests the closest for a typo", () => {
    expect(value(parseTimeZone("Europe/Brussels"))).toBe("Europe/Brussels");
    expect(value(parseTimeZone("Europe/Riga"))).toBe("Europe/Riga");
    expect(value(parseTimeZone("UTC"))).toBe("UTC");
    expect(message(parseTimeZone("Europe/Bruxelles"))).toContain("did you mean `Europe/Brussels`");
    expect(message(parseTimeZone("CEST"))).toContain("unknown time zone");
  });
  it("accepts ISO 639-1 codes only", () => {
    for (const code of ["en", "fr", "nl", "sl", "lv", "ru", "ar"]) expect(value(parseLanguage(code))).toBe(code);
    expect(message(parseLanguage("EN"))).toContain("write `en`");
    expect(message(parseLanguage("French"))).toContain("write `fr`");
    expect(message(parseLanguage("eng"))).toContain("ISO 639-1");
    expect(message(parseLanguage("xx"))).toContain("ISO 639-1");
  });
  it("checks ids and proposes a valid one", () => {
    expect(value(parseId("hotel-midi"))).toBe("hotel-midi");
    expect(value(parseId("2go"))).toBe("2go");
    expect(message(parseId("Hôtel Midi"))).toContain("try `hotel-midi`");
    expect(message(parseId("-x"))).toContain("is not a valid id");
    expect(message(parseId(12))).toContain("an id must be text");
  });
  it("reads weekdays short or long", () => {
    expect(value(parseWeekday("tue"))).toBe("tue");
    expect(value(parseWeekday("Wednesday"))).toBe("wed");
    expect(message(parseWeekday("fry"))).toContain("not a weekday");
  });
});

describe("margins", () => {
  it("may be zero, unlike durations", () => {
    expect(value(parseMargin("0min"))).toBe(0);
    expect(value(parseMargin(0))).toBe(0);
    expect(value(parseMargin("15min"))).toBe(15);
    expect(message(parseMargin(-1))).toContain("whole number");
    expect(message(parseDuration("0min"))).toContain("longer than zero");
  });
});
