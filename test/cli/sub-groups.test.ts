import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import type { AgendaDocument } from "../../src/plan/agenda.js";
import { repoRoot, tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

// SPEC "Sub-groups" end to end: the bundled Ljubljana delegation (12 people)
// allowed to split into two groups of at least 5, so that Globe Aroma (10) and
// the Schaerbeek one-stop shop (10) come within reach.

const env = { SOURCE_DATE_EPOCH: "1535000000" };
const REQUEST = join("data", "requests", "ljubljana-2018.yaml");

function workspace(split = "  split: {max_groups: 2, min_size: 5}\n"): string {
  const dir = tempDir();
  cpSync(join(repoRoot, "data"), join(dir, "data"), { recursive: true });
  const path = join(dir, REQUEST);
  const before = readFileSync(path, "utf8");
  const after = before.replace("  step_free: false\n", `  step_free: false\n${split}`);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

describe("sub-groups from the command line", () => {
  it("plan says what splitting gained and marks each group's items; --json carries group and people", async () => {
    const dir = workspace();
    const run = await runCli(["plan", "ljubljana-2018"], { cwd: dir, env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /The delegation splits into groups for \d parts? of days?: value \d+, against 19 without splitting\./,
    );
    expect(run.stdout).toMatch(/in two groups until lunch: A \d+ people · B \d+ people/);
    const json = await runCli(["plan", "ljubljana-2018", "--json"], { cwd: dir, env });
    const agenda = (JSON.parse(json.stdout) as AgendaDocument).agendas[0];
    const grouped = agenda?.days.flatMap((d) => d.items).filter((i) => i.group !== undefined) ?? [];
    expect(grouped.length).toBeGreaterThan(0);
    for (const item of grouped) {
      expect(["A", "B"]).toContain(item.group);
      expect(item.people).toBeGreaterThanOrEqual(5);
    }
    const globe = grouped.find((i) => i.host === "globe-aroma");
    expect(globe?.people).toBeLessThanOrEqual(10);
  });

  it("plan --out writes an agenda that check accepts, and invitations that say how many people come", async () => {
    const dir = workspace();
    const out = await runCli(["plan", "ljubljana-2018", "--out", "out"], { cwd: dir, env });
    expect(out.code, out.stderr).toBe(0);
    const agendaPath = join("out", "ljubljana-2018", "agenda.yaml");
    expect(readFileSync(join(dir, agendaPath), "utf8")).toMatch(/group: A, people: \d+/);
    expect(readFileSync(join(dir, "out", "ljubljana-2018", "report.md"), "utf8")).toContain(
      "- **Sub-groups:** the delegation splits for value",
    );
    const check = await runCli(["check", agendaPath], { cwd: dir, env });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const invites = await runCli(["invites", agendaPath, "-o", "mail", "--eml"], { cwd: dir, env });
    expect(invites.code, invites.stderr).toBe(0);
    const mail = await simpleParser(readFileSync(join(dir, "mail", "globe-aroma.eml")));
    expect(mail.text).toMatch(/with the delegation from Ljubljana \(\d of its 12 people\)/);
    // Re-planned against itself: nothing moves.
    const again = await runCli(["plan", "ljubljana-2018", "--previous", agendaPath], { cwd: dir, env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout + again.stderr).toMatch(/\d+ visits unchanged/);
    expect(again.stdout + again.stderr).not.toMatch(/moved:|new:|cancelled:/);
  });

  it("check points at a group too small for min_size in agenda.yaml, at its line", async () => {
    const dir = workspace();
    expect((await runCli(["plan", "ljubljana-2018", "--out", "out"], { cwd: dir, env })).code).toBe(0);
    const agendaPath = join("out", "ljubljana-2018", "agenda.yaml");
    const text = readFileSync(join(dir, agendaPath), "utf8");
    // Every item of group A loses a person: the groups no longer add up to 12.
    writeFileSync(
      join(dir, agendaPath),
      text.replace(/group: A, people: (\d+)/g, (_, n) => `group: A, people: ${Number(n) - 1}`),
    );
    const check = await runCli(["check", agendaPath], { cwd: dir, env });
    expect(check.code).toBe(3);
    expect(check.stdout + check.stderr).toMatch(
      /out\/ljubljana-2018\/agenda\.yaml:\d+:\d+: the groups at [\d:-]+, A \(\d+\), B \(\d+\), add up to 11 people; the delegation is 12/,
    );
  });

  it("refuses a split the delegation cannot make, at its line", async () => {
    const dir = workspace("  split: {max_groups: 2, min_size: 7}\n");
    const check = await runCli(["check"], { cwd: dir, env });
    expect(check.code).toBe(3);
    expect(check.stdout + check.stderr).toContain(
      "data/requests/ljubljana-2018.yaml:17:36: delegation.split.min_size: a delegation of 12 cannot split into groups of at least 7: min_size is at most half the size (6)",
    );
  });
});
