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

/** One test per row: `input` is read as `expected`. */
function reads<T>(parse: (input: unknown) => Parsed<T>, rows: [input: unknown, expected: T][]): void {
  it.each(rows)("reads %j as %j", (input, expected) => {
    expect(value(parse(input))).toEqual(expected);
  });
}

/** One test per row: `input` is refused with a message that says `reason`. */
function refuses(parse: (input: unknown) => Parsed<unknown>, rows: [input: unknown, reason: string][]): void {
  it.each(rows)("refuses %j: %s", (input, reason) => {
    expect(message(parse(input))).toContain(reason);
  });
}

describe("dates: real calendar dates, leap days included", () => {
  reads(parseDate, [
    ["2018-09-19", "2018-09-19"],
    ["2024-02-29", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
  ]);
  refuses(parseDate, [
    ["2018-09-31", "September 2018 has 30 days"],
    ["2023-02-29", "February 2023 has 28 days"],
    ["1900-02-29", "February 1900 has 28 days"],
    ["2018-13-01", "month 13 does not exist"],
    ["19/09/2018", "YYYY-MM-DD"],
    [20180919, "expected a date"],
  ]);
  it.each([
    ["2018-09-18", "tue"],
    ["2018-09-19", "wed"],
    ["2021-09-08", "wed"],
    ["2000-01-02", "sun"],
  ])("%s falls on a %s", (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });
});

describe("hours: ranges into minutes since midnight, whole hours as people write them (9-17, 9h-17h)", () => {
  reads(parseHours, [
    ["09:30-11:00", { start: 570, end: 660 }],
    ["9:00 - 17:30", { start: 540, end: 1050 }],
    ["18:00-24:00", { start: 1080, end: 1440 }],
    ["9-17", { start: 540, end: 1020 }],
    ["9h-17h", { start: 540, end: 1020 }],
    ["9h30-17h", { start: 570, end: 1020 }],
  ]);
  refuses(parseHours, [
    ["9-25", "not a time of day"],
    ["900-1700", "not a time of day"],
    ["17:00-09:00", "end before they start"],
    ["10:00-10:00", "end before they start"],
    ["09:60-10:00", "not a time of day"],
    ["25:00-26:00", "not a time of day"],
    ["09:00", "not an hours range"],
    [930, "expected hours"],
  ]);
});

describe("durations", () => {
  reads(parseDuration, [
    [90, 90],
    ["90", 90],
    ["90min", 90],
    ["1h30", 90],
    ["1h", 60],
    ["2h05", 125],
    ["1h 30min", 90],
  ]);
  it.each([[0], [-5], [1.5], ["1h75"], ["an hour"], ["0min"], [true]])("%s is rejected", (input) => {
    expect(message(parseDuration(input))).toMatch(/duration|minutes|write/);
  });
  refuses(parseDuration, [
    ["1h75", "write 2h15"],
    ["0min", "longer than zero"],
  ]);
});

describe("margins: may be zero, unlike durations", () => {
  reads(parseMargin, [
    ["0min", 0],
    [0, 0],
    ["15min", 15],
  ]);
  refuses(parseMargin, [[-1, "whole number"]]);
});

describe("geo: an object or the map app's string, latitude first; ranges checked, a swap pointed out", () => {
  reads(parseGeo, [
    [
      { lat: 50.8367, lon: 4.3296 },
      { lat: 50.8367, lon: 4.3296 },
    ],
    ["50.8367, 4.3296", { lat: 50.8367, lon: 4.3296 }],
    ["-33.8688,151.2093", { lat: -33.8688, lon: 151.2093 }],
  ]);
  refuses(parseGeo, [
    [{ lat: 95, lon: 4 }, "latitude 95 is out of range"],
    [{ lat: 95, lon: 4 }, "swap"],
    [{ lat: 50, lon: 181 }, "longitude 181 is out of range"],
    ["50.8 4.3", "not a position"],
    [{ lat: "50", lon: 4 }, "latitude must be a number"],
    [[50, 4], "expected a position"],
  ]);
});

describe("time zones: IANA names, the closest suggested for a typo", () => {
  reads(parseTimeZone, [
    ["Europe/Brussels", "Europe/Brussels"],
    ["Europe/Riga", "Europe/Riga"],
    ["UTC", "UTC"],
  ]);
  refuses(parseTimeZone, [
    ["Europe/Bruxelles", "did you mean `Europe/Brussels`"],
    ["CEST", "unknown time zone"],
  ]);
});

describe("languages: ISO 639-1 codes only", () => {
  reads(
    parseLanguage,
    ["en", "fr", "nl", "sl", "lv", "ru", "ar"].map((code) => [code, code]),
  );
  refuses(parseLanguage, [
    ["EN", "write `en`"],
    ["French", "write `fr`"],
    ["eng", "ISO 639-1"],
    ["xx", "ISO 639-1"],
  ]);
});

describe("ids: a valid one proposed", () => {
  reads(parseId, [
    ["hotel-midi", "hotel-midi"],
    ["2go", "2go"],
  ]);
  refuses(parseId, [
    ["Hôtel Midi", "try `hotel-midi`"],
    ["-x", "is not a valid id"],
    [12, "an id must be text"],
  ]);
});

describe("weekdays, short or long", () => {
  reads(parseWeekday, [
    ["tue", "tue"],
    ["Wednesday", "wed"],
  ]);
  refuses(parseWeekday, [["fry", "not a weekday"]]);
});
