import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

const data = join(repoRoot, "data");

describe("plan --interactive", () => {
  it("drops a host, pins a visit, adds a must-visit, re-plans each time and saves", async () => {
    const dir = tempDir();
    const run = await runCli(["plan", "ljubljana-2018", "--data", data, "--interactive"], {
      cwd: dir,
      prompter: [
        { q: "What next?", a: "drop" },
        { q: "left out", a: "hub-brussels" },
        { q: "What next?", a: "pin" },
        { q: "pinned", a: "pianofabriek" },
        { q: "day", a: "2018-09-18" },
        { q: "Starting at", a: "9:60" },
        { q: "Starting at", a: "15:00" },
        { q: "What next?", a: "must" },
        { q: "must be visited", a: "cire" },
        { q: "What next?", a: "save" },
        { q: "Folder", a: "" },
      ],
    });
    expect(run.prompter.remaining()).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.prompter.asked.find((q) => q.rejected)?.rejected).toBe("write a time like 09:30");
    expect(run.stdout).toContain(
      "your changes: without hub.brussels — Brussels Agency for Business Support; must visit CIRÉ — Coordination et Initiatives pour Réfugiés et Étrangers; Pianofabriek pinned at 18 Sep 15:00",
    );
    const agenda = readFileSync(join(dir, "out", "ljubljana-2018", "agenda.yaml"), "utf8");
    expect(agenda).not.toMatch(/kind: visit[^}]*host: hub-brussels/);
    expect(agenda).toContain('{kind: visit, time: "15:00-16:30", host: pianofabriek');
    expect(agenda).toMatch(/kind: visit[^}]*host: cire/);
    expect(
      (await runCli(["check", "--data", data, join(dir, "out", "ljubljana-2018", "agenda.yaml")], { cwd: dir })).code,
    ).toBe(0);
  });

  it("undoes a change that leaves no plan, and quits without writing", async () => {
    const dir = tempDir();
    const run = await runCli(["plan", "ljubljana-2018", "--data", data, "--interactive"], {
      cwd: dir,
      prompter: [
        { q: "What next?", a: "must" },
        { q: "must be visited", a: "globe-aroma" },
        { q: "What next?", a: "quit" },
      ],
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "that change leaves no plan: ljubljana-2018: must-visit host globe-aroma cannot be visited: it receives at most 10 people and the delegation is 12; it is undone",
    );
    expect(run.prompter.remaining()).toEqual([]);
  });

  it("refuses at once without a terminal and names the flags that do the same", async () => {
    const run = await runCli(["plan", "ljubljana-2018", "--data", data, "--interactive"], { cwd: repoRoot });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("plan --interactive needs a terminal");
    expect(run.stderr).toContain("--avoid HOST, --must-visit HOST and --pin HOST@DATETHH:MM");
  });

  it("has flags for every prompt: --avoid, --must-visit, --pin", async () => {
    const run = await runCli(
      [
        "plan",
        "ljubljana-2018",
        "--data",
        data,
        "--avoid",
        "hub-brussels",
        "--must-visit",
        "cire",
        "--pin",
        "pianofabriek@2018-09-18T15:00",
        "--json",
      ],
      { cwd: repoRoot },
    );
    expect(run.code).toBe(0);
    const visits = JSON.parse(run.stdout).agendas[0].days.flatMap(
      (d: { items: { kind: string; host?: string; start: string }[] }) => d.items.filter((i) => i.kind === "visit"),
    );
    expect(visits.map((v: { host: string }) => v.host)).not.toContain("hub-brussels");
    expect(visits.map((v: { host: string }) => v.host)).toContain("cire");
    expect(visits.find((v: { host: string }) => v.host === "pianofabriek").start).toBe("2018-09-18T15:00:00+02:00");
    expect(
      (await runCli(["plan", "ljubljana-2018", "--data", data, "--pin", "etterbeek@19/09"], { cwd: repoRoot })).code,
    ).toBe(2);
    expect(
      (await runCli(["plan", "ljubljana-2018", "--data", data, "--avoid", "eterbeek"], { cwd: repoRoot })).stderr,
    ).toContain("did you mean `etterbeek`");
  });
});
