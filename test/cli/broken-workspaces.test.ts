import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, fixturesDir, snapshotTree } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

const brokenDir = join(fixturesDir, "broken");
const scenarios = readdirSync(brokenDir).sort();

// Some defects are too big or too binary to keep in git; they are made in the private copy.
const prepare: Record<string, (dir: string) => void> = {
  "oversized-file": (dir) => appendFileSync(join(dir, "hosts", "microstart.yaml"), `# ${"padding ".repeat(140_000)}\n`),
};

describe("broken workspaces: every problem positioned, exit 3, nothing written", () => {
  it("has the scenarios the foundation promises", () => {
    for (const name of [
      "yaml-syntax",
      "unknown-key-typo",
      "duplicate-key",
      "duplicate-id",
      "unknown-reference",
      "impossible-date",
      "reversed-hours",
      "latitude-out-of-range",
      "unknown-timezone",
      "alias-bomb",
      "oversized-file",
    ]) {
      expect(scenarios).toContain(name);
    }
  });

  it.each(scenarios)("%s", async (name) => {
    const dir = copyFixture(join(brokenDir, name));
    prepare[name]?.(dir);
    const before = snapshotTree(dir);
    const expected = readFileSync(join(brokenDir, name, "expected.txt"), "utf8");

    const run = await runCli(["check", "--data", "."], { cwd: dir });

    expect(run.stderr).toBe(expected);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("reports problems of several files in one run, sorted by file and line", async () => {
    const dir = copyFixture(join(brokenDir, "unknown-key-typo"));
    appendFileSync(join(dir, "requests", "ljubljana.yaml"), "avoid: [nobody]\n");
    appendFileSync(join(dir, "places", "places.yaml"), "- id: Bad Id\n  name: X\n  address: Y\n  geo: '50, 4'\n");
    const run = await runCli(["check", "--data", "."], { cwd: dir });
    const lines = run.stderr.trim().split("\n");
    expect(lines).toEqual([
      "hosts/microstart.yaml:8:1: unknown key `availabilty` (did you mean `availability`?)",
      'places/places.yaml:9:7: id: `Bad Id` is not a valid id: use lowercase letters, digits and "-", starting with a letter or digit (try `bad-id`)',
      "requests/ljubljana.yaml:9:9: unknown host `nobody`",
      "3 problems in 3 files",
    ]);
    expect(run.code).toBe(3);
  });

  it("prints the problems as JSON with --json and still exits 3", async () => {
    const dir = copyFixture(join(brokenDir, "impossible-date"));
    const run = await runCli(["check", "--data", ".", "--json"], { cwd: dir });
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as {
      valid: boolean;
      problems: { file: string; line: number; col: number; severity: string; message: string }[];
    };
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual([
      {
        file: "requests/ljubljana.yaml",
        line: 6,
        col: 12,
        severity: "error",
        message: "days[0].date: `2018-09-31` is not a real date: September 2018 has 30 days",
      },
    ]);
  });
});
