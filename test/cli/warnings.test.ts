import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, fixturesDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

/**
 * A Brussels–London–Madrid workspace, valid and silent as written; each test
 * breaks one plausible thing that used to pass `check` and plan an hour off,
 * drop holidays, or put a hotel in the ocean.
 */
function threeCities(edits: Record<string, [string | RegExp, string][]> = {}): string {
  const dir = copyFixture(join(fixturesDir, "three-cities"));
  for (const [file, changes] of Object.entries(edits)) {
    const path = join(dir, file);
    let text = readFileSync(path, "utf8");
    for (const [from, to] of changes) {
      const next = text.replace(from, to);
      if (next === text) throw new Error(`${file}: ${String(from)} not found`);
      text = next;
    }
    writeFileSync(path, text);
  }
  return dir;
}

const LONDON_HOURS_IN_BRUSSELS = { "hosts/tower-hamlets.yaml": [["  timezone: Europe/London\n", ""]] } as Record<
  string,
  [string, string][]
>;

const lines = (text: string) => text.split("\n").filter((l) => l !== "");

describe("the three-city workspace", () => {
  it("is valid and gives no warning as written", async () => {
    const run = await runCli(["check", "--data", "."], { cwd: threeCities() });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe("✓ 10 files: 9 places, 3 hosts, 3 requests — all valid\n");
  });
});

describe("warnings: printed like a compiler's, exit 0, --strict exits 3", () => {
  it("a London host's hours read in the workspace's Brussels zone", async () => {
    const dir = threeCities(LONDON_HOURS_IN_BRUSSELS);
    const run = await runCli(["check", "--data", "."], { cwd: dir });
    expect(run.code).toBe(0);
    expect(lines(run.stderr)).toEqual([
      "hosts/tower-hamlets.yaml:10:3: warning: host `tower-hamlets`: its hours are read in Europe/Brussels (studyvisit.yaml's timezone), but GB (its country) keeps Europe/London time: add `timezone: Europe/London` under `availability`",
      "1 warning in 1 file",
    ]);
    expect(run.stdout).toBe("✓ 10 files: 9 places, 3 hosts, 3 requests — valid, with 1 warning\n");

    const strict = await runCli(["check", "--strict", "--data", "."], { cwd: dir });
    expect(strict.code).toBe(3);
    expect(strict.stdout).toBe("");
    expect(lines(strict.stderr).at(-1)).toBe("1 warning in 1 file");
  });

  it("a Madrid host without a timezone is fine: Madrid reads Brussels's clock", async () => {
    const dir = threeCities();
    expect(readFileSync(join(dir, "hosts", "matadero.yaml"), "utf8")).not.toMatch(/^\s+timezone:/m);
    expect((await runCli(["check", "--strict", "--data", "."], { cwd: dir })).code).toBe(0);
  });

  it.each<[string, Record<string, [string, string][]>, string]>([
    [
      "a host without `country` is judged by where its place lies",
      {
        "hosts/tower-hamlets.yaml": [
          ["  timezone: Europe/London\n", ""],
          ["country: GB\nregion: GB-ENG\n", ""],
        ],
      },
      "hosts/tower-hamlets.yaml:8:3: warning: host `tower-hamlets`: its hours are read in Europe/Brussels (studyvisit.yaml's timezone), but its place, in GB, keeps Europe/London time: add `timezone: Europe/London` under `availability`",
    ],
    [
      "a London request left at Europe/Brussels",
      { "requests/london-2026.yaml": [["timezone: Europe/London", "timezone: Europe/Brussels"]] },
      "requests/london-2026.yaml:5:11: warning: request `london-2026` is planned in Europe/Brussels, but its places `hotel-london-bridge`, `borough-market`, `tower-hamlets-town-hall` keep Europe/London time: set `timezone: Europe/London`",
    ],
    [
      "a request without its own timezone takes the workspace's, and is told which to set",
      { "requests/london-2026.yaml": [["timezone: Europe/London\n", ""]] },
      "requests/london-2026.yaml:1:1: warning: request `london-2026` is planned in Europe/Brussels (studyvisit.yaml's timezone), but its places `hotel-london-bridge`, `borough-market`, `tower-hamlets-town-hall` keep Europe/London time: set `timezone: Europe/London`",
    ],
    [
      "a hotel typed longitude first: far from the request's other places, with the swap hint",
      { "places/london.yaml": [['geo: "51.5060, -0.0870"', 'geo: "-0.0870, 51.5060"']] },
      "places/london.yaml:5:8: warning: place `hotel-london-bridge` is 7,486 km from `tower-hamlets-town-hall`, the nearest other place of request `london-2026`; latitude and longitude swapped? `51.506, -0.087` is 0.3 km from `borough-market`",
    ],
    [
      "a place no request names, typed longitude first: only the swap that fits is said",
      {
        "places/london.yaml": [['geo: "51.5060, -0.0870"', 'geo: "-0.0870, 51.5060"']],
        "requests/london-2026.yaml": [["base: hotel-london-bridge\n", ""]],
      },
      "places/london.yaml:5:8: warning: place `hotel-london-bridge` is 7,150 km from the nearest other place, `matadero`; latitude and longitude swapped? `51.506, -0.087` is 0.3 km from `borough-market`",
    ],
  ])("%s", async (_case, edits, warning) => {
    const run = await runCli(["check", "--data", "."], { cwd: threeCities(edits) });
    expect(run.code).toBe(0);
    expect(lines(run.stderr)).toEqual([warning, "1 warning in 1 file"]);
  });

  it.each<[string, Record<string, [string, string][]>, string, string]>([
    [
      "plan exits 4 naming the base, not the host, when the hotel is what lies far away",
      { "places/london.yaml": [['geo: "51.5060, -0.0870"', 'geo: "-0.0870, 51.5060"']] },
      "because the base `hotel-london-bridge` is 7,486 km from the nearest place of the visit, `tower-hamlets-town-hall`",
      "hint: check the position (`geo`) of the base `hotel-london-bridge`: latitude first, then longitude; `studyvisit check` says whether swapping them fits",
    ],
    [
      "plan exits 4 naming a must-visit host's place when that is what lies far away",
      { "requests/london-2026.yaml": [["must_visit: [tower-hamlets]", "must_visit: [matadero]"]] },
      "because the place of matadero, `matadero`, is 1,267 km from the base `hotel-london-bridge`",
      "hint: check the position (`geo`) of `matadero`, or drop matadero from must_visit if it is in another city",
    ],
  ])("%s", async (_case, edits, because, hint) => {
    const run = await runCli(["plan", "london-2026", "--data", "."], { cwd: threeCities(edits) });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(because);
    expect(run.stderr).toContain(hint);
    expect(run.stderr).not.toContain("free the host's time");
  });

  it("a host's place outside the host's country", async () => {
    const dir = threeCities({ "places/madrid.yaml": [['geo: "40.3919, -3.6970"', 'geo: "-3.6970, 40.3919"']] });
    const run = await runCli(["check", "--data", "."], { cwd: dir });
    expect(run.stderr).toContain(
      "places/madrid.yaml:9:8: warning: place `matadero` is 6,642 km from `hotel-atocha`, the nearest other place of request `madrid-2026`; latitude and longitude swapped? `40.3919, -3.697` is 2.1 km from `hotel-atocha`",
    );
    // The same place, checked against its host's country only (no request names it).
    const alone = threeCities({
      // A slipped digit: -8.6970 for -3.6970 puts it in Portugal.
      "places/madrid.yaml": [['geo: "40.3919, -3.6970"', 'geo: "40.3919, -8.6970"']],
      "requests/madrid-2026.yaml": [["must_visit: [matadero]", "must_visit: []"]],
    });
    const out = await runCli(["check", "--data", "."], { cwd: alone });
    expect(lines(out.stderr)).toEqual([
      "places/madrid.yaml:9:8: warning: place `matadero` lies in PT, not in ES, the country of host `matadero`",
      "1 warning in 1 file",
    ]);
  });

  it("every command that loads records prints the warnings once on stderr, before its output, and goes on", async () => {
    const dir = threeCities(LONDON_HOURS_IN_BRUSSELS);
    const warning =
      "hosts/tower-hamlets.yaml:10:3: warning: host `tower-hamlets`: its hours are read in Europe/Brussels";
    for (const argv of [
      ["plan", "brussels-2026"],
      ["hosts"],
      ["match", "brussels-2026"],
      ["letter", "brussels-2026", "--host", "microstart"],
    ]) {
      const run = await runCli([...argv, "--data", "."], { cwd: dir });
      expect(run.code, argv.join(" ")).toBe(0);
      expect(run.stderr.split(warning).length - 1, argv.join(" ")).toBe(1);
      expect(run.stdout.length, argv.join(" ")).toBeGreaterThan(0);
    }
  });

  it("plan --out prints a geography warning once and lists it in the organiser's report.md", async () => {
    const dir = threeCities(LONDON_HOURS_IN_BRUSSELS);
    const warning =
      "hosts/tower-hamlets.yaml:10:3: warning: host `tower-hamlets`: its hours are read in Europe/Brussels (studyvisit.yaml's timezone), but GB (its country) keeps Europe/London time: add `timezone: Europe/London` under `availability`";
    const run = await runCli(["plan", "brussels-2026", "--data", ".", "--out", "out"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr.split(warning).length - 1).toBe(1);
    const report = readFileSync(join(dir, "out", "brussels-2026", "report.md"), "utf8");
    const section = report.slice(report.indexOf("## Warnings and notes"));
    // Markdown escapes the backticks the terminal shows as they are.
    expect(section).toContain(`- ${warning.replaceAll("`", "\\`")}\n`);
    // The delegation's itinerary is not the place for the organiser's warnings.
    expect(readFileSync(join(dir, "out", "brussels-2026", "itinerary.md"), "utf8")).not.toContain("tower-hamlets");
  });

  it("--json lists every problem with its severity, and counts them", async () => {
    const dir = threeCities({
      ...LONDON_HOURS_IN_BRUSSELS,
      "hosts/matadero.yaml": [["region: ES-MD", "region: ES-MAD"]],
    });
    const run = await runCli(["check", "--json", "--data", "."], { cwd: dir });
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as {
      valid: boolean;
      errors: number;
      warnings: number;
      problems: { file: string; severity: string; message: string }[];
    };
    expect(report).toMatchObject({ valid: false, errors: 1, warnings: 1 });
    expect(report.problems.map((p) => [p.file, p.severity])).toEqual([
      ["hosts/matadero.yaml", "error"],
      ["hosts/tower-hamlets.yaml", "warning"],
    ]);
    const onlyWarnings = await runCli(["check", "--json", "--data", "."], {
      cwd: threeCities(LONDON_HOURS_IN_BRUSSELS),
    });
    expect(onlyWarnings.code).toBe(0);
    expect(JSON.parse(onlyWarnings.stdout)).toMatchObject({ valid: true, errors: 0, warnings: 1 });
    const strict = await runCli(["check", "--json", "--strict", "--data", "."], {
      cwd: threeCities(LONDON_HOURS_IN_BRUSSELS),
    });
    expect(strict.code).toBe(3);
  });

  it("the summary line counts errors and warnings apart", async () => {
    const dir = threeCities({
      ...LONDON_HOURS_IN_BRUSSELS,
      "hosts/matadero.yaml": [["region: ES-MD", "region: ES-MAD"]],
    });
    const run = await runCli(["check", "--data", "."], { cwd: dir });
    expect(run.code).toBe(3);
    expect(lines(run.stderr).at(-1)).toBe("1 problem and 1 warning in 2 files");
  });
});

describe("errors with did-you-mean for country and region codes the holiday data does not know", () => {
  it.each<[string, Record<string, [string, string][]>, string]>([
    [
      "country: UK → GB",
      { "hosts/tower-hamlets.yaml": [["country: GB", "country: UK"]] },
      "hosts/tower-hamlets.yaml:4:10: country: `UK` is not an ISO 3166-1 alpha-2 country code (did you mean `GB`, United Kingdom?)",
    ],
    [
      "country: ZZ",
      { "hosts/microstart.yaml": [["country: BE", "country: ZZ"]] },
      "hosts/microstart.yaml:4:10: country: `ZZ` is not an ISO 3166-1 alpha-2 country code known to the holiday data (two capitals, like BE, GB, ES)",
    ],
    [
      "country: be, a lowercase code",
      { "hosts/microstart.yaml": [["country: BE", "country: be"]] },
      "hosts/microstart.yaml:4:10: country: `be` is not an ISO 3166-1 alpha-2 country code (did you mean `BE`, Belgium?)",
    ],
    [
      "country: Spain, a country name",
      { "hosts/matadero.yaml": [["country: ES", "country: Spain"]] },
      "hosts/matadero.yaml:5:10: country: `Spain` is not an ISO 3166-1 alpha-2 country code (did you mean `ES`, Spain?)",
    ],
    [
      "region: ES-MAD → ES-MD",
      { "hosts/matadero.yaml": [["region: ES-MD", "region: ES-MAD"]] },
      "hosts/matadero.yaml:6:9: region `ES-MAD` is not a subdivision of ES known to the holiday data (did you mean `ES-MD`, Comunidad de Madrid?)",
    ],
    [
      "region: FR-IDF on a Belgian host",
      { "hosts/microstart.yaml": [["region: BE-BRU", "region: FR-IDF"]] },
      "hosts/microstart.yaml:5:9: region `FR-IDF` is not in BE, the host's country: the holiday data knows BE-BRU (Bruxelles), BE-DE (Deutschsprachige Gemeinschaft), BE-VLG (Vlaamse Gemeenschap), BE-WAL (Communauté française)",
    ],
    [
      "a region without a country",
      { "hosts/microstart.yaml": [["country: BE\n", ""]] },
      "hosts/microstart.yaml:4:9: region `BE-BRU` needs the host's `country` too (holidays are looked up by country): add `country: BE`",
    ],
  ])("%s", async (_case, edits, message) => {
    const run = await runCli(["check", "--data", "."], { cwd: threeCities(edits) });
    expect(run.code).toBe(3);
    expect(lines(run.stderr)).toEqual([message, "1 problem in 1 file"]);
  });
});
