import { join } from "node:path";
import { describe, expect, it } from "vitest";
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

  it("keeps every contact at example.org", () => {
    const emails = [...workspace.hosts.values()].flatMap((h) => h.contacts.map((c) => c.email)).concat([...workspace.requests.values()].map((r) => r.organiser.email));
    for (const email of emails) if (email) expect(email).toMatch(/@example\.org$/);
  });
});
