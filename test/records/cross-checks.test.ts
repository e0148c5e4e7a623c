import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadWorkspace } from "../../src/records/load-workspace.js";
import { formatProblem } from "../../src/records/problem.js";
import { travelKey } from "../../src/records/workspace.js";
import { tempDir } from "../helpers/files.js";

const PLACES = `- id: hotel
  name: Hotel
  address: Avenue Fonsny 1
  geo: "50.8366, 4.3363"
- id: office
  name: Office
  address: Rue de Fiennes 77
  geo: "50.8367, 4.3296"
- id: room
  name: Webinar room
  online: https://example.org/room
`;
const HOST = `id: host-a
name: Host A
place: office
availability:
  weekly: [{days: [wed], hours: "09:00-17:00"}]
`;
const REQUEST = `id: req
title: Visit
organiser: {name: O, email: o@example.org}
delegation: {size: 5}
timezone: Europe/Brussels
days:
  - {date: 2018-09-19, hours: "09:00-17:00"}
`;

function workspace(files: Record<string, string>): string[] {
  const dir = tempDir();
  const all: Record<string, string> = {
    "places/p.yaml": PLACES,
    "hosts/a.yaml": HOST,
    "requests/r.yaml": REQUEST,
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return loadWorkspace(dir, dir).problems.map(formatProblem);
}

const FIXED_ITEMS = `fixed:
  - {title: Welcome, date: 2018-09-18, hours: "09:00-09:30", place: hotel}
  - {title: Late talk, date: 2018-09-19, hours: "16:30-17:30", place: office, online: "https://example.org/x"}
  - title: Breakouts
    date: 2018-09-19
    hours: "10:00-11:00"
    parallel:
      - {title: A, host: host-a}
      - {title: B, host: grdr}
`;
const JOINT_MEETINGS = `avoid: [host-b]
fixed:
  - {title: Kick-off, date: 2018-09-19, hours: "09:00-10:00", place: office, hosts: [host-a, host-b, hots-a, host-a]}
  - title: Both
    date: 2018-09-19
    hours: "11:00-12:00"
    hosts: [host-a]
    parallel: [{title: A, host: host-a}]
`;
const HOST_B = HOST.replace("id: host-a", "id: host-b").replace("name: Host A", "name: Host B");
/** A request without a timezone (nor one in studyvisit.yaml) and with a day listed twice. */
const TWICE_WITHOUT_ZONE = REQUEST.replace("timezone: Europe/Brussels\n", "").replace(
  'hours: "09:00-17:00"}',
  'hours: "09:00-17:00"}\n  - {date: 2018-09-19, hours: "09:00-12:00"}',
);

describe("cross-reference rules", () => {
  // Each row: the rule, the files that replace or join the base workspace, and every problem `check` prints.
  it.each<[string, Record<string, string>, string[]]>([
    ["the base workspace", {}, []],
    [
      "checkHostPlace and checkHostEndsAt",
      { "hosts/a.yaml": HOST.replace("place: office", "place: ofice\nvisit: {ends_at: square}") },
      ["hosts/a.yaml:3:8: unknown place `ofice` (did you mean `office`?)", "hosts/a.yaml:4:18: unknown place `square`"],
    ],
    [
      "checkPlaceLocation: a physical place needs geo and address",
      { "places/q.yaml": "id: nowhere\nname: Nowhere\n" },
      [
        "places/q.yaml:1:1: place `nowhere` needs `geo` (its position, to compute walking times) unless it is `online`",
        "places/q.yaml:1:1: place `nowhere` needs an `address` unless it is `online`",
      ],
    ],
    [
      "checkBase: not online",
      { "requests/r.yaml": `${REQUEST}base: room\n` },
      ["requests/r.yaml:8:7: base `room` is an online place: a day cannot start there"],
    ],
    [
      "checkBase: known",
      { "requests/r.yaml": `${REQUEST}base: hotell\n` },
      ["requests/r.yaml:8:7: unknown place `hotell` (did you mean `hotel`?)"],
    ],
    [
      "checkMustVisit, checkAvoid and checkPriorities",
      { "requests/r.yaml": `${REQUEST}must_visit: [host-a, host-b]\navoid: [host-a]\npriorities: {host-c: 2}\n` },
      [
        "requests/r.yaml:8:14: host `host-a` is both in must_visit and in avoid",
        "requests/r.yaml:8:22: unknown host `host-b` (did you mean `host-a`?)",
        "requests/r.yaml:10:14: unknown host `host-c` (did you mean `host-a`?)",
      ],
    ],
    [
      "checkMeals: places exist and the meal fits its hours",
      {
        "requests/r.yaml": `${REQUEST}meals:\n  - {name: lunch, hours: "12:00-12:30", duration: 1h, places: [cafe]}\n`,
      },
      [
        "requests/r.yaml:9:51: lunch lasts 60 min, longer than its hours 12:00-12:30",
        "requests/r.yaml:9:64: unknown place `cafe`",
      ],
    ],
    [
      "checkFixedItems: on a request day, within its hours, known places and hosts",
      { "requests/r.yaml": `${REQUEST}${FIXED_ITEMS}` },
      [
        'requests/r.yaml:9:28: fixed item "Welcome" is on 2018-09-18, which is not one of the request\'s days',
        'requests/r.yaml:10:49: fixed item "Late talk" (16:30-17:30) lies outside the day\'s hours 09:00-17:00',
        'requests/r.yaml:10:87: fixed item "Late talk" has both a place and an online link: keep one',
        "requests/r.yaml:16:26: unknown host `grdr`",
      ],
    ],
    [
      "checkJointMeetings: known hosts, each once, none avoided, not parallel sessions too",
      { "requests/r.yaml": `${REQUEST}${JOINT_MEETINGS}`, "hosts/b.yaml": HOST_B },
      [
        'requests/r.yaml:10:94: host `host-b` meets the delegation in "Kick-off" but is also in avoid',
        "requests/r.yaml:10:102: unknown host `hots-a` (did you mean `host-a`?)",
        'requests/r.yaml:10:110: host `host-a` is listed twice in "Kick-off"',
        'requests/r.yaml:14:12: fixed item "Both" has both `parallel` sessions and joint `hosts`: a joint meeting gathers the delegation, parallel sessions split it; make them two items',
      ],
    ],
    [
      "checkJointMeetings: a must-visit host in a joint meeting is fine",
      {
        "requests/r.yaml": `${REQUEST}must_visit: [host-a]\nfixed: [{title: Kick-off, date: 2018-09-19, hours: "09:00-10:00", place: office, hosts: [host-a]}]\n`,
      },
      [],
    ],
    [
      "checkRequestDays and checkRequestTimezone",
      { "requests/r.yaml": TWICE_WITHOUT_ZONE },
      [
        "requests/r.yaml:1:1: request `req` has no `timezone`, and studyvisit.yaml gives none: add `timezone: Europe/Brussels` (or the visit's zone)",
        "requests/r.yaml:7:12: day 2018-09-19 is listed twice",
      ],
    ],
    [
      "checkRequestTimezone: the workspace's timezone will do",
      {
        "requests/r.yaml": TWICE_WITHOUT_ZONE.replace(/\n {2}- \{date: 2018-09-19, hours: "09:00-12:00"\}/, ""),
        "studyvisit.yaml": "timezone: Europe/Brussels\n",
      },
      [],
    ],
    [
      "checkHostAvailability: a slot on a closed day, a visit larger than its room",
      {
        "hosts/a.yaml": `${HOST.replace("place: office", "place: {id: small, name: Small room, address: Rue 1, geo: '50.8, 4.3', capacity: 10}")}  slots: [{date: 2018-09-19, hours: "10:00-11:00"}]\n  closed: [2018-09-19]\nvisit: {capacity: 20}\n`,
      },
      [
        "hosts/a.yaml:6:18: slot on 2018-09-19 falls on a date listed in `closed`",
        "hosts/a.yaml:8:19: visit.capacity 20 is larger than its place `small` holds (capacity 10)",
      ],
    ],
    [
      "does not cascade: a reference to a record that is present but invalid is not reported again",
      { "places/p.yaml": PLACES.replace('geo: "50.8367, 4.3296"', 'geo: "150.8367, 4.3296"') },
      ["places/p.yaml:8:8: geo: latitude 150.8367 is out of range -90..90 (latitude comes first: did you swap them?)"],
    ],
  ])("%s", (_rule, files, problems) => {
    expect(workspace(files)).toEqual(problems);
  });

  it("checkTravelPairs, and the pairs and matrix load into travel overrides", () => {
    expect(workspace({ "studyvisit.yaml": "travel:\n  - {from: hotel, to: offfice, minutes: 12}\n" })).toEqual([
      "studyvisit.yaml:2:23: unknown place `offfice` (did you mean `office`?)",
    ]);
    const dir = tempDir();
    mkdirSync(join(dir, "places"));
    writeFileSync(join(dir, "places", "p.yaml"), PLACES);
    writeFileSync(
      join(dir, "studyvisit.yaml"),
      "travel_matrix: matrix.csv\ntravel:\n  - {from: hotel, to: office, minutes: 7}\n",
    );
    writeFileSync(join(dir, "matrix.csv"), "from\\to,hotel,office\nhotel,0,9.2\noffice,11,0\n");
    const { workspace: ws, problems } = loadWorkspace(dir, dir);
    expect(problems).toEqual([]);
    expect(ws.travel.get(travelKey("hotel", "office"))).toBe(7);
    expect(ws.travel.get(travelKey("office", "hotel"))).toBe(7);
    writeFileSync(join(dir, "studyvisit.yaml"), "travel_matrix: matrix.csv\n");
    expect(loadWorkspace(dir, dir).workspace.travel.get(travelKey("hotel", "office"))).toBe(10);
    writeFileSync(join(dir, "matrix.csv"), "from\\to,hotel,cafe\nhotel,0,x\n");
    expect(loadWorkspace(dir, dir).problems.map(formatProblem)).toEqual([
      "matrix.csv:1:15: unknown place `cafe` in the travel matrix",
    ]);
    writeFileSync(join(dir, "matrix.csv"), "from\\to;hotel;office\nhotel;0;abc\n");
    expect(loadWorkspace(dir, dir).problems.map(formatProblem)).toEqual([
      "matrix.csv:2:9: `abc` is not a number of minutes",
    ]);
  });
});
