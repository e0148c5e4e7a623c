import { describe, expect, it } from "vitest";
import { currentTime } from "../../src/cli/current-time.js";
import { UsageError } from "../../src/errors.js";

const clock = () => new Date("2031-05-06T07:08:09Z");

describe("currentTime: the `now` every command is given", () => {
  it.each([
    ["unset", undefined, "2031-05-06T07:08:09.000Z"],
    ["empty", "", "2031-05-06T07:08:09.000Z"],
    ["0", "0", "1970-01-01T00:00:00.000Z"],
    ["a date in 2018", "1535788800", "2018-09-01T08:00:00.000Z"],
    ["the last second of 9999", "253402300799", "9999-12-31T23:59:59.000Z"],
  ])("SOURCE_DATE_EPOCH %s", (_name, epoch, expected) => {
    expect(currentTime({ SOURCE_DATE_EPOCH: epoch }, clock).toISOString()).toBe(expected);
  });

  it.each([
    ["past 9999", "253402300800"],
    ["negative", "-1"],
    ["a fraction", "1.5"],
    ["a date", "2018-09-01"],
    ["spaces", " 12"],
  ])("refuses SOURCE_DATE_EPOCH %s as a usage error", (_name, epoch) => {
    expect(() => currentTime({ SOURCE_DATE_EPOCH: epoch }, clock)).toThrow(UsageError);
    expect(() => currentTime({ SOURCE_DATE_EPOCH: epoch }, clock)).toThrow(
      `SOURCE_DATE_EPOCH must be whole seconds since 1970, from 0 to 253402300799 (the end of 9999), got \`${epoch}\``,
    );
  });

  it("shortens a long bad value in the message", () => {
    expect(() => currentTime({ SOURCE_DATE_EPOCH: "9".repeat(60) }, clock)).toThrow(`got \`${"9".repeat(40)}…\``);
  });
});
