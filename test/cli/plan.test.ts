import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AgendaDocument } from "../../src/plan/agenda.js";
import { fixturesDir, repoRoot, snapshotTree, tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/;

describe("plan", () => {
  it("prints a day-by-day timeline of a bundled request", async () => {
    const run = await runCli(["plan", "ljubljana-2018", "--data", "data"], { cwd: repoRoot });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Wednesday 19 September 2018");
    expect(run.stdout).toMatch(
      /09:30–11:00 {2}microStart {2}microStart — Brussels agency, Rue de Fiennes 77, 1070 Anderlecht/,
    );
    expect(run.stdout).toContain("proven optimal");
    expect(run.stdout).toContain("Not scheduled");
  });

  it("prints SPEC's agenda JSON with --json", async () => {
    const run = await runCli(["plan", "ljubljana-2018", "jelgava-schaerbeek", "--data", "data", "--json"], {
      cwd: repoRoot,
    });
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as AgendaDocument;
    expect(doc.agendas.map((a) => a.request)).toEqual(["ljubljana-2018", "jelgava-schaerbeek"]);
    for (const agenda of doc.agendas) {
      expect(agenda.timezone).toBe("Europe/Brussels");
      let travel = 0;
      const uids = new Set<string>();
      for (const day of agenda.days) {
        for (const item of day.items) {
          expect(["visit", "walk", "transit", "meal", "fixed", "parallel", "free"]).toContain(item.kind);
          expect(item.start).toMatch(ISO);
          expect(item.end).toMatch(ISO);
          expect(item.start.slice(0, 10)).toBe(day.date);
          expect(Date.parse(item.end)).toBeGreaterThanOrEqual(Date.parse(item.start));
          expect(uids.has(item.uid)).toBe(false);
          uids.add(item.uid);
          if (item.kind === "walk" || item.kind === "transit") {
            expect(Object.keys(item)).toEqual(expect.arrayContaining(["from", "to", "minutes", "km"]));
            travel += item.minutes ?? 0;
          }
          if (item.kind === "visit")
            expect(item.place).toMatchObject({ id: expect.any(String), name: expect.any(String) });
        }
      }
      expect(agenda.travel_minutes).toBe(travel);
      for (const u of agenda.unscheduled)
        expect(u).toMatchObject({ host: expect.any(String), reason: expect.any(String) });
    }
    // No host is visited by both delegations at overlapping times beyond its `parallel` (1 for all bundled hosts).
    const visits = doc.agendas.flatMap((a) =>
      a.days.flatMap((d) =>
        d.items
          .filter((i) => i.kind === "visit")
          .map((i) => ({ host: i.host, start: Date.parse(i.start), end: Date.parse(i.end) })),
      ),
    );
    for (const a of visits)
      for (const b of visits) if (a !== b && a.host === b.host) expect(a.start >= b.end || b.start >= a.end).toBe(true);
  });

  it("gives the same agenda whatever the machine's time zone", () => {
    const bin = join(repoRoot, "bin", "studyvisit.js");
    const run = (tz: string) =>
      spawnSync(process.execPath, [bin, "plan", "ljubljana-2018", "express-2021", "--data", "data", "--json"], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? "", TZ: tz },
        encoding: "utf8",
      });
    const utc = run("UTC");
    expect(utc.status).toBe(0);
    expect(run("Pacific/Auckland").stdout).toBe(utc.stdout);
    expect(run("America/Los_Angeles").stdout).toBe(utc.stdout);
  });

  it("exits 4 with the reason when a must-visit host cannot be placed, writing nothing", async () => {
    const dir = tempDir();
    cpSync(join(repoRoot, "data"), join(dir, "data"), { recursive: true });
    const path = join(dir, "data", "requests", "ljubljana-2018.yaml");
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace("must_visit: [microstart]", "must_visit: [microstart, globe-aroma]"),
    );
    const run = await runCli(["plan", "ljubljana-2018", "--data", "data", "--out", "out"], { cwd: dir });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(
      "no plan exists: ljubljana-2018: must-visit host globe-aroma cannot be visited: it receives at most 10 people and the delegation is 12",
    );
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("writes an editable agenda.yaml with --out that check accepts, and never overwrites it without --force", async () => {
    const dir = tempDir();
    const data = join(repoRoot, "data");
    const first = await runCli(["plan", "ljubljana-2018", "--data", data, "--out", "out", "--quiet"], { cwd: dir });
    expect(first.code).toBe(0);
    const agenda = join(dir, "out", "ljubljana-2018", "agenda.yaml");
    expect(readFileSync(agenda, "utf8")).toContain(
      '- {kind: visit, time: "09:30-11:00", host: microstart, place: microstart-anderlecht, status: proposed}',
    );
    expect((await runCli(["check", "--data", data, agenda], { cwd: dir })).code).toBe(0);
    const before = snapshotTree(join(dir, "out"));
    const again = await runCli(["plan", "ljubljana-2018", "--data", data, "--out", "out"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("refusing to overwrite");
    expect(snapshotTree(join(dir, "out"))).toEqual(before);
    expect(
      (await runCli(["plan", "ljubljana-2018", "--data", data, "--out", "out", "--force", "--quiet"], { cwd: dir }))
        .code,
    ).toBe(0);
  });

  it("reports what a hand edit broke, positioned in the agenda file", async () => {
    const fixture = join(fixturesDir, "agendas", "ljubljana-tampered");
    const run = await runCli(["check", "--data", "data", "test/fixtures/agendas/ljubljana-tampered/agenda.yaml"], {
      cwd: repoRoot,
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(readFileSync(join(fixture, "expected.txt"), "utf8"));
  });

  it("names an unknown request with a suggestion (exit 2)", async () => {
    const run = await runCli(["plan", "ljubljana-2019", "--data", "data"], { cwd: repoRoot });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown request `ljubljana-2019` (did you mean `ljubljana-2018`?)");
  });

  it("accepts a request file path", async () => {
    const run = await runCli(["plan", "data/requests/ljubljana-2018.yaml", "--data", "data", "--json"], {
      cwd: repoRoot,
    });
    expect((JSON.parse(run.stdout) as AgendaDocument).agendas[0]?.request).toBe("ljubljana-2018");
  });
});

describe("match", () => {
  it("ranks candidates with matched interests and free windows, and explains exclusions", async () => {
    const run = await runCli(["match", "ljubljana-2018", "--data", "data", "--json"], { cwd: repoRoot });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      candidates: { host: string; must_visit: boolean; value: number; free: { date: string; slots: string[] }[] }[];
      excluded: { host: string; excluded: { code: string } }[];
    };
    expect(out.candidates[0]).toMatchObject({
      host: "microstart",
      must_visit: true,
      free: [{ date: "2018-09-19", slots: ["09:30-11:00"] }],
    });
    expect(out.excluded.find((e) => e.host === "globe-aroma")?.excluded.code).toBe("too-small");
    const limited = await runCli(["match", "ljubljana-2018", "--data", "data", "--limit", "2"], { cwd: repoRoot });
    expect(limited.stdout).toMatch(/^ {2}2\. /m);
    expect(limited.stdout).not.toMatch(/^ {2}3\. /m);
    expect((await runCli(["match", "ljubljana-2018", "--data", "data", "--limit", "0"], { cwd: repoRoot })).code).toBe(
      2,
    );
  });
});

describe("plan --previous", () => {
  it("keeps confirmed visits, leaves declined hosts out, changes nothing else, and prints the diff", async () => {
    const dir = tempDir();
    const data = join(repoRoot, "data");
    await runCli(["plan", "ljubljana-2018", "--data", data, "--out", "v1", "--quiet"], { cwd: dir });
    const path = join(dir, "v1", "ljubljana-2018", "agenda.yaml");
    const first = readFileSync(path, "utf8");
    const visit = (host: string) =>
      new RegExp(`\\{kind: visit, time: "([0-9:-]+)", host: ${host}, [^}]*status: proposed\\}`);
    const pianofabriek = visit("pianofabriek").exec(first)?.[1];
    expect(pianofabriek).toBeDefined();
    writeFileSync(
      path,
      first
        .replace(visit("hub-brussels"), (m) => m.replace("proposed", "declined"))
        .replace(visit("pianofabriek"), (m) => m.replace("proposed", "confirmed")),
    );

    const run = await runCli(["plan", "ljubljana-2018", "--data", data, "--previous", path, "--json"], { cwd: dir });
    expect(run.code).toBe(0);
    const agenda = (JSON.parse(run.stdout) as AgendaDocument).agendas[0]!;
    const visits = agenda.days.flatMap((d) => d.items.filter((i) => i.kind === "visit"));
    expect(visits.find((v) => v.host === "hub-brussels")).toBeUndefined();
    const kept = visits.find((v) => v.host === "pianofabriek");
    expect(`${kept?.start.slice(11, 16)}-${kept?.end.slice(11, 16)}`).toBe(pianofabriek);
    expect(agenda.unscheduled.find((u) => u.host === "hub-brussels")?.code).toBe("declined");
    // Visits not touched by the edit stay at their times.
    for (const host of ["microstart", "microstart-shops-walk", "etterbeek"]) {
      const before = visit(host).exec(first)?.[1];
      const now = visits.find((v) => v.host === host);
      expect(`${now?.start.slice(11, 16)}-${now?.end.slice(11, 16)}`).toBe(before);
    }
    expect(run.stderr).toMatch(
      /^cancelled: hub\.brussels — Brussels Agency for Business Support \(declined\), Tue 18 Sep 15:00-16:00$/m,
    );
  });
});
