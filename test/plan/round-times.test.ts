import { describe, expect, it } from "vitest";
import { parseGrid } from "../../src/records/formats.js";
import { loadWorkspace } from "../../src/records/load-workspace.js";
import { formatProblem } from "../../src/records/problem.js";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../helpers/files.js";
import { host, lines, north, planOf, request, workspaceOf } from "./workspace-builder.js";

// SPEC "Round times": visits, meals and fixed items start on the grid (default 5 min, a workspace
// or request may set another, 1 min turns it off); travel keeps its real minutes.
// Place c is 3 km north of the hotel: 3.9 km walked is more than 25 min, so transit: 3.9/18×60 + 10 = 23.0…, 24 min
// rounded up (the position is written to 6 decimals).

const PLACES = `- {id: h, name: Hotel, address: "Rue 1", geo: "50.8, 4.3"}
- {id: c, name: Office C, address: "Rue 4", geo: ${north(3)}}
`;
const DAY = 'days: [{date: 2018-09-19, hours: "09:00-17:00"}]';
const OPEN = 'availability: {weekly: [{days: [wed], hours: "09:00-17:00"}]}\nvisit: {duration: 60min}';

function ws(files: Record<string, string>, config = "") {
  return workspaceOf({
    "studyvisit.yaml": `timezone: Europe/Brussels\n${config}`,
    "places/p.yaml": PLACES,
    ...files,
  }).ws;
}

describe("round times", () => {
  it("starts a visit on the next 5-minute mark by default; the leg leaves at the latest round time that arrives in time", () => {
    const w = ws({
      "hosts/x.yaml": host("x", "c", OPEN),
      "requests/r.yaml": request(`${DAY}\nbase: h\ninterests: [inclusion]`),
    });
    // Arrival 09:24 → 09:25; the 24-minute leg keeps its minutes.
    expect(lines(planOf(w, "r").agenda)).toEqual([
      "09:00-09:24 transit c",
      "09:25-10:25 visit x",
      "10:25-10:49 transit h",
    ]);
  });

  it("takes the workspace's grid, and a request's own grid over it; 1min turns rounding off", () => {
    const files = (grid: string) => ({
      "hosts/x.yaml": host("x", "c", OPEN),
      "requests/r.yaml": request(`${DAY}\nbase: h\ninterests: [inclusion]${grid}`),
    });
    expect(lines(planOf(ws(files(""), "grid: 15min\n"), "r").agenda)[1]).toBe("09:30-10:30 visit x");
    expect(lines(planOf(ws(files("\ngrid: 10"), "grid: 15min\n"), "r").agenda)[1]).toBe("09:30-10:30 visit x");
    expect(lines(planOf(ws(files("\ngrid: 20min"), "grid: 15min\n"), "r").agenda)[1]).toBe("09:40-10:40 visit x");
    expect(lines(planOf(ws(files("\ngrid: 1min"), "grid: 15min\n"), "r").agenda)[1]).toBe("09:24-10:24 visit x");
  });

  it("puts meals on the grid and keeps the given times of slots and fixed items", () => {
    const w = ws({
      "hosts/x.yaml": host(
        "x",
        "c",
        'availability: {slots: [{date: 2018-09-19, hours: "09:53-10:41"}]}\nvisit: {duration: 60min}',
      ),
      "requests/r.yaml": request(
        `${DAY}\nbase: h\ninterests: [inclusion]\nmeals: [{name: lunch, hours: "12:00-14:00", duration: 45min, places: [c]}]\nfixed: [{title: Talk, date: 2018-09-19, hours: "10:41-11:58", place: c}]`,
      ),
    });
    expect(lines(planOf(w, "r").agenda)).toEqual([
      "09:25-09:49 transit c",
      "09:53-10:41 visit x",
      "10:41-11:58 fixed c",
      "12:00-12:45 meal c",
      "12:45-13:09 transit h",
    ]);
  });

  it("a leg after a visit waits where the group was, and leaves on a round time", () => {
    const w = ws({
      "hosts/x.yaml": host("x", "h", 'availability: {slots: [{date: 2018-09-19, hours: "09:00-10:00"}]}'),
      "hosts/y.yaml": host("y", "c", 'availability: {slots: [{date: 2018-09-19, hours: "11:00-12:00"}]}'),
      "requests/r.yaml": request(`${DAY}\ninterests: [inclusion]`),
    });
    // y needs arrival by 10:50 (buffer 10): the 24-minute leg leaves at 10:25 (not 10:26); the wait before it
    // is under half an hour, no "free time".
    expect(lines(planOf(w, "r").agenda)).toEqual([
      "09:00-10:00 visit x",
      "10:25-10:49 transit c",
      "11:00-12:00 visit y",
    ]);
  });
});

function writeTree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe("the grid in the records", () => {
  it("accepts durations that divide an hour", () => {
    for (const [text, minutes] of [
      ["5min", 5],
      [15, 15],
      ["1min", 1],
      ["1h", 60],
      ["30", 30],
    ] as const)
      expect(parseGrid(text)).toEqual({ ok: true, value: minutes });
  });

  it("refuses a grid that does not divide an hour, and says which do", () => {
    const seven = parseGrid("7min");
    expect(seven.ok).toBe(false);
    expect(!seven.ok && seven.message).toBe(
      "a grid of 7 min does not divide an hour, so starts would drift off the clock: use 1 (no rounding), 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60 min (nearest: 6min)",
    );
    expect(!parseGrid("90min").ok && (parseGrid("90min") as { message: string }).message).toContain(
      "a grid of 90 min does not divide an hour",
    );
    expect(parseGrid(0).ok).toBe(false);
  });

  it("points at the grid in studyvisit.yaml and in a request", () => {
    const dir = writeTree({
      "studyvisit.yaml": "timezone: Europe/Brussels\ngrid: 7min\n",
      "places/p.yaml": PLACES,
      "requests/r.yaml": request(`${DAY}\ngrid: 45min`),
    });
    const problems = loadWorkspace(dir, dir).problems.map(formatProblem);
    expect(problems).toEqual([
      expect.stringMatching(/^requests\/r\.yaml:7:7: grid: a grid of 45 min does not divide an hour/),
      expect.stringMatching(/^studyvisit\.yaml:2:7: grid: a grid of 7 min does not divide an hour/),
    ]);
  });
});
