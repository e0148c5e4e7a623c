import { describe, expect, it } from "vitest";
import { localParts, shiftMinutes, zonedInstant, zonedIso } from "../../src/records/zoned-time.js";

describe("wall-clock times in a named zone", () => {
  it("gives the zone's offset on each side of a daylight-saving change", () => {
    expect(zonedIso("2018-10-26", 9 * 60 + 30, "Europe/Brussels")).toBe("2018-10-26T09:30:00+02:00");
    expect(zonedIso("2018-10-29", 9 * 60 + 30, "Europe/Brussels")).toBe("2018-10-29T09:30:00+01:00");
    expect(zonedIso("2021-09-08", 9 * 60, "Europe/Riga")).toBe("2021-09-08T09:00:00+03:00");
    expect(zonedIso("2018-09-19", 23 * 60 + 59, "America/New_York")).toBe("2018-09-19T23:59:00-04:00");
  });

  it("turns a wall-clock time into the right instant and back", () => {
    expect(new Date(zonedInstant("2018-09-19", 9 * 60 + 30, "Europe/Brussels")).toISOString()).toBe(
      "2018-09-19T07:30:00.000Z",
    );
    expect(new Date(zonedInstant("2018-03-25", 3 * 60 + 30, "Europe/Brussels")).toISOString()).toBe(
      "2018-03-25T01:30:00.000Z",
    );
    expect(localParts(Date.UTC(2018, 8, 19, 7, 30), "Europe/Brussels")).toEqual({ date: "2018-09-19", minutes: 570 });
  });

  it("reads a host's hours in another zone on the request's clock", () => {
    // A host in Riga open 10:00-16:00 local is open 09:00-15:00 on a Brussels clock in September.
    expect(shiftMinutes("2018-09-19", 10 * 60, "Europe/Riga", "Europe/Brussels")).toBe(9 * 60);
    expect(shiftMinutes("2018-09-19", 16 * 60, "Europe/Riga", "Europe/Brussels")).toBe(15 * 60);
    expect(shiftMinutes("2018-09-19", 9 * 60, "Europe/Brussels", "Europe/Brussels")).toBe(9 * 60);
    // 00:30 in Brussels is still the day before in London: minutes go negative rather than wrap.
    expect(shiftMinutes("2018-09-19", 30, "Europe/Brussels", "Europe/London")).toBe(-30);
  });
});
