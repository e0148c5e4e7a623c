import ICAL from "ical.js";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { zonedIsoSpan, skippedHour, zonedInstant } from "../../src/records/zoned-time.js";
import { weekdayOf } from "../../src/records/formats.js";
import { tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

// Europe/Brussels in 2026: the clocks go forward on Sunday 29 March (02:00 → 03:00)
// and back on Sunday 25 October (03:00 → 02:00, so 02:00-03:00 happens twice).
const SPRING = "2026-03-29";
const AUTUMN = "2026-10-25";

const env = { SOURCE_DATE_EPOCH: "1770000000" };

function workspace(files: Record<string, string>): string {
  const dir = tempDir();
  const all: Record<string, string> = {
    "studyvisit.yaml": "timezone: Europe/Brussels\n",
    "places/p.yaml": [
      "- {id: office, name: Office, address: Rue de Fiennes 77, geo: '50.8367, 4.3296'}",
      "- {id: hall, name: Town hall, address: Avenue d'Auderghem 113, geo: '50.8355, 4.3860'}",
      "",
    ].join("\n"),
    "hosts/night.yaml": [
      "id: night",
      "name: Night Shelter",
      "themes: [night work]",
      "country: BE",
      "contacts: [{name: Ann, email: ann@example.org}]",
      "place: office",
      "visit: {duration: 60min}",
      "availability:",
      "  slots: [{date: 2026-10-25, hours: '01:00-02:00'}]",
      "",
    ].join("\n"),
    "requests/night.yaml": [
      "id: night-visit",
      "title: Night work",
      "organiser: {name: Org, email: org@example.org}",
      "delegation: {size: 4}",
      "timezone: Europe/Brussels",
      "days: [{date: 2026-10-25, hours: '00:30-05:00'}]",
      "interests: [night work]",
      "",
    ].join("\n"),
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const problemLines = (stderr: string) => stderr.split("\n").filter((l) => /^[^:]+:\d+:\d+: /.test(l));

describe("the night the clocks go forward: a time that does not exist is an error with the reason", () => {
  it.each<[string, () => Record<string, string>, string]>([
    [
      "a host's slot at 02:30 (it used to become a zero-length visit)",
      () => ({
        "hosts/night.yaml": readHost().replace("2026-10-25, hours: '01:00-02:00'", "2026-03-29, hours: '02:30-03:30'"),
        "requests/night.yaml": readRequest().replace("2026-10-25", SPRING),
      }),
      "hosts/night.yaml:9:37: slot 02:30-03:30 on 2026-03-29: 02:30 does not exist on 2026-03-29 in Europe/Brussels (the clocks go forward from 02:00 to 03:00 that night)",
    ],
    [
      "a fixed item at 02:15 (it used to overlap a visit)",
      () => ({
        "requests/night.yaml": [
          readRequest().replace("2026-10-25, hours: '00:30-05:00'", "2026-03-29, hours: '01:00-05:00'"),
          "fixed: [{title: Night round, date: 2026-03-29, hours: '02:15-03:15', place: office}]",
          "",
        ].join(""),
      }),
      'requests/night.yaml:8:55: fixed item "Night round" (02:15-03:15): 02:15 does not exist on 2026-03-29 in Europe/Brussels (the clocks go forward from 02:00 to 03:00 that night)',
    ],
    [
      "a request's day that starts in the skipped hour",
      () => ({
        "requests/night.yaml": readRequest().replace(
          "2026-10-25, hours: '00:30-05:00'",
          "2026-03-29, hours: '02:45-05:00'",
        ),
      }),
      "requests/night.yaml:6:34: day 2026-03-29 (02:45-05:00): 02:45 does not exist on 2026-03-29 in Europe/Brussels (the clocks go forward from 02:00 to 03:00 that night)",
    ],
  ])("%s", async (_case, files, problem) => {
    const run = await runCli(["check", "--data", "."], { cwd: workspace(files()) });
    expect(run.code).toBe(3);
    expect(problemLines(run.stderr)).toEqual([problem]);
  });

  it("a window across the skipped hour is fine, and the planner never starts or ends a visit inside it", async () => {
    const dir = workspace({
      "hosts/night.yaml": readHost().replace(
        "  slots: [{date: 2026-10-25, hours: '01:00-02:00'}]",
        "  dates: [{date: 2026-03-29, hours: '01:30-04:00'}]",
      ),
      "requests/night.yaml": readRequest().replace(
        "days: [{date: 2026-10-25, hours: '00:30-05:00'}]",
        "days: [{date: 2026-03-29, hours: '01:30-05:00'}]",
      ),
    });
    expect((await runCli(["check", "--data", "."], { cwd: dir })).code).toBe(0);
    const run = await runCli(["plan", "night-visit", "--data", ".", "--json"], { cwd: dir });
    expect(run.code).toBe(0);
    const visit = visitIn(run.stdout);
    expect(visit).toMatchObject({ start: "2026-03-29T03:00:00+02:00", end: "2026-03-29T04:00:00+02:00" });
  });

  it("an item at 02:30 in a hand-edited agenda file", async () => {
    const dir = workspace({
      "hosts/night.yaml": readHost().replace(
        "slots: [{date: 2026-10-25, hours: '01:00-02:00'}]",
        "dates: [{date: 2026-03-29, hours: '01:00-05:00'}]",
      ),
      "requests/night.yaml": readRequest().replace("2026-10-25", SPRING),
      "agenda.yaml": [
        "request: night-visit",
        "timezone: Europe/Brussels",
        "days:",
        "  - date: 2026-03-29",
        "    items:",
        '      - {kind: visit, time: "02:30-03:30", host: night}',
        "",
      ].join("\n"),
    });
    const run = await runCli(["check", "--data", ".", "agenda.yaml"], { cwd: dir });
    expect(run.code).toBe(3);
    expect(problemLines(run.stderr)).toEqual([
      "agenda.yaml:6:29: visit to night (02:30-03:30): 02:30 does not exist on 2026-03-29 in Europe/Brussels (the clocks go forward from 02:00 to 03:00 that night)",
    ]);
  });
});

describe("the night the clocks go back: the first occurrence, and the real length", () => {
  it("a 60-minute visit at 01:00 lasts 60 minutes in the agenda JSON, the agenda file and the .ics (it used to be two hours)", async () => {
    const dir = workspace({});
    const json = await runCli(["plan", "night-visit", "--data", ".", "--json"], { cwd: dir, env });
    expect(json.code).toBe(0);
    expect(visitIn(json.stdout)).toMatchObject({
      start: "2026-10-25T01:00:00+02:00",
      end: "2026-10-25T02:00:00+02:00",
    });

    const out = await runCli(["plan", "night-visit", "--data", ".", "--out", "out", "--quiet"], { cwd: dir, env });
    expect(out.code).toBe(0);
    const agenda = join(dir, "out", "night-visit", "agenda.yaml");
    expect(readFileSync(agenda, "utf8")).toContain(`{kind: visit, time: "01:00-02:00", host: night`);
    const written = vevent(readFileSync(join(dir, "out", "night-visit", "itinerary.ics"), "utf8"));
    expect(written).toEqual({ start: "2026-10-24T23:00:00Z", minutes: 60 });
    const invite = vevent(readFileSync(join(dir, "out", "night-visit", "invites", "night.ics"), "utf8"));
    expect(invite).toEqual({ start: "2026-10-24T23:00:00Z", minutes: 60 });

    // Read back from the agenda file, the same.
    const exported = await runCli(["export", agenda, "--data", ".", "--format", "ics"], { cwd: dir, env });
    expect(exported.code).toBe(0);
    expect(vevent(exported.stdout)).toEqual({ start: "2026-10-24T23:00:00Z", minutes: 60 });
    const exportedJson = await runCli(["export", agenda, "--data", ".", "--format", "json"], { cwd: dir, env });
    expect(visitIn(exportedJson.stdout)).toMatchObject({
      start: "2026-10-25T01:00:00+02:00",
      end: "2026-10-25T02:00:00+02:00",
    });
  });

  it("a time in the repeated hour is its first occurrence; an item keeps its length on the wall clock", () => {
    const zone = "Europe/Brussels";
    expect(new Date(zonedInstant(AUTUMN, 150, zone)).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(zonedIsoSpan(AUTUMN, 150, 165, zone)).toEqual({
      start: "2026-10-25T02:30:00+02:00",
      end: "2026-10-25T02:45:00+02:00",
    });
    // 01:30-02:15: 45 minutes, ending in the first 02:15.
    expect(zonedIsoSpan(AUTUMN, 90, 135, zone)).toEqual({
      start: "2026-10-25T01:30:00+02:00",
      end: "2026-10-25T02:15:00+02:00",
    });
    expect(skippedHour(AUTUMN, 150, zone)).toBeUndefined();
    expect(skippedHour(SPRING, 120, zone)).toContain("02:00 does not exist");
    // An end at the very moment the clocks jump is that moment: 01:00-02:00 that night is an hour.
    expect(skippedHour(SPRING, 120, zone, true)).toBeUndefined();
    expect(zonedIsoSpan(SPRING, 60, 120, zone)).toEqual({
      start: "2026-03-29T01:00:00+01:00",
      end: "2026-03-29T03:00:00+02:00",
    });
  });
});

describe("a year 0050 is refused, not read as 1950", () => {
  it("check says the year is implausible", async () => {
    const dir = workspace({ "requests/night.yaml": readRequest().replace("2026-10-25", "0050-10-25") });
    const run = await runCli(["check", "--data", "."], { cwd: dir });
    expect(run.code).toBe(3);
    expect(problemLines(run.stderr)).toEqual([
      "requests/night.yaml:6:15: days[0].date: `0050-10-25`: the year 50 is not plausible for a visit (write a year from 1900 to 2999)",
    ]);
  });

  it("date arithmetic keeps the year as written", () => {
    // 25 October 0050 was a Tuesday in the proleptic Gregorian calendar; 25 October 1950 a Wednesday.
    expect(weekdayOf("0050-10-25")).toBe("tue");
    expect(weekdayOf("1950-10-25")).toBe("wed");
    expect(zonedIsoSpan("0050-10-25", 600, 660, "UTC")).toEqual({
      start: "0050-10-25T10:00:00+00:00",
      end: "0050-10-25T11:00:00+00:00",
    });
  });
});

describe("an agenda whose timezone is not its request's is an error in check, export and invites alike", () => {
  it("Asia/Tokyo on a Brussels request (it used to shift every event by 7 hours)", async () => {
    const dir = workspace({});
    const planned = await runCli(["plan", "night-visit", "--data", ".", "--out", "out", "--quiet"], { cwd: dir, env });
    expect(planned.code).toBe(0);
    const agenda = join(dir, "out", "night-visit", "agenda.yaml");
    writeFileSync(agenda, readFileSync(agenda, "utf8").replace("timezone: Europe/Brussels", "timezone: Asia/Tokyo"));
    const message =
      "out/night-visit/agenda.yaml:6:11: the agenda is on Asia/Tokyo time, but request `night-visit` is planned in Europe/Brussels (8 hours apart on 25 Oct): write `timezone: Europe/Brussels` if its times are Europe/Brussels times, or plan it again";
    for (const argv of [
      ["check", "out/night-visit/agenda.yaml"],
      ["export", "out/night-visit/agenda.yaml", "--format", "ics"],
      ["invites", "out/night-visit/agenda.yaml", "-o", "inv"],
    ]) {
      const run = await runCli([...argv, "--data", "."], { cwd: dir, env });
      expect(run.code, argv[0]).toBe(3);
      expect(problemLines(run.stderr), argv[0]).toEqual([message]);
      expect(run.stdout, argv[0]).toBe("");
    }
  });
});

type Json = { agendas: { days: { items: { kind: string; start: string; end: string }[] }[] }[] };

/** The visit of the agenda JSON's first day. */
function visitIn(json: string): { start: string; end: string } | undefined {
  return (JSON.parse(json) as Json).agendas[0]?.days[0]?.items.find((i) => i.kind === "visit");
}

function vevent(ics: string): { start: string; minutes: number } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  // The visit: the itinerary's event for Night Shelter, or the invitation's only event.
  const event = calendar
    .getAllSubcomponents("vevent")
    .find((e) => /Night|Visit of/.test(String(e.getFirstPropertyValue("summary"))));
  if (!event) throw new Error("no visit event");
  const start = event.getFirstPropertyValue("dtstart") as ICAL.Time;
  const end = event.getFirstPropertyValue("dtend") as ICAL.Time;
  return { start: start.toString(), minutes: (end.toUnixTime() - start.toUnixTime()) / 60 };
}

function readHost(): string {
  return readFileSync(join(workspace({}), "hosts", "night.yaml"), "utf8");
}

function readRequest(): string {
  return readFileSync(join(workspace({}), "requests", "night.yaml"), "utf8");
}
