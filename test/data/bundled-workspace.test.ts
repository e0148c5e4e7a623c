import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AgendaDocument } from "../../src/plan/agenda.js";
import { loadWorkspace } from "../../src/records/load-workspace.js";
import { formatProblem } from "../../src/records/problem.js";
import { repoRoot } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

describe("the bundled workspace in data/", () => {
  const { workspace, problems } = loadWorkspace(join(repoRoot, "data"), repoRoot);

  it("passes check", async () => {
    expect(problems.map(formatProblem)).toEqual([]);
    const run = await runCli(["check", "--data", "data"], { cwd: repoRoot });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/— all valid\n$/);
  });

  it("is big and varied enough to exercise the planner", () => {
    expect(workspace.hosts.size).toBeGreaterThanOrEqual(12);
    expect(workspace.places.size).toBeGreaterThanOrEqual(8);
    expect([...workspace.requests.keys()].sort()).toEqual(["express-2021", "jelgava-schaerbeek", "ljubljana-2018"]);
    const hosts = [...workspace.hosts.values()];
    expect(hosts.some((h) => h.availability.weekly.length > 0)).toBe(true);
    expect(hosts.some((h) => h.availability.dates.length > 0)).toBe(true);
    expect(hosts.some((h) => h.availability.slots.length > 0)).toBe(true);
    expect(hosts.some((h) => h.availability.closed.length > 0)).toBe(true);
    expect(hosts.some((h) => h.visit.ends_at !== undefined)).toBe(true);
    expect([...workspace.places.values()].some((p) => p.online !== undefined)).toBe(true);
  });

  it("plans Ljubljana like the seed's real programme: 09:30 microStart, 11:30 shops walk, 12:30 lunch", async () => {
    const run = await runCli(["plan", "ljubljana-2018", "--data", "data", "--json"], { cwd: repoRoot });
    expect(run.code).toBe(0);
    const agenda = (JSON.parse(run.stdout) as AgendaDocument).agendas[0];
    const wednesday = agenda?.days.find((d) => d.date === "2018-09-19")?.items ?? [];
    const at = (kind: string, what: string) =>
      wednesday.find((i) => i.kind === kind && (i.host === what || i.title === what))?.start.slice(11, 16);
    expect(at("visit", "microstart")).toBe("09:30");
    expect(at("visit", "microstart-shops-walk")).toBe("11:30");
    expect(at("meal", "Lunch")).toBe("12:30");
    // Every visit, meal and fixed item of every bundled request starts on the 5-minute grid.
    for (const id of workspace.requests.keys()) {
      const plan = await runCli(["plan", id, "--data", "data", "--json"], { cwd: repoRoot });
      const starts = (JSON.parse(plan.stdout) as AgendaDocument).agendas[0]?.days.flatMap((d) =>
        d.items.filter((i) => ["visit", "meal", "fixed", "parallel"].includes(i.kind)).map((i) => i.start),
      );
      expect(starts?.length).toBeGreaterThan(0);
      for (const start of starts ?? []) expect(Number(start.slice(14, 16)) % 5, `${id} ${start}`).toBe(0);
    }
  });

  it("keeps every contact at example.org", () => {
    const emails = [...workspace.hosts.values()].flatMap((h) => h.contacts.map((c) => c.email)).concat([...workspace.requests.values()].map((r) => r.organiser.email));
    for (const email of emails) if (email) expect(email).toMatch(/@example\.org$/);
  });
});
