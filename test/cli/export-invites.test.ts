import ICAL from "ical.js";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, snapshotTree, tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

const data = join(repoRoot, "data");
const env = { SOURCE_DATE_EPOCH: "1535000000" };

async function planned(): Promise<{ dir: string; agenda: string }> {
  const dir = tempDir();
  const run = await runCli(["plan", "ljubljana-2018", "--data", data, "--out", "out", "--quiet"], { cwd: dir, env });
  expect(run.code).toBe(0);
  return { dir, agenda: join(dir, "out", "ljubljana-2018", "agenda.yaml") };
}

function events(ics: string): { uid: string; summary: string; start: string; sequence: number; method: string }[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((e) => ({
    uid: String(e.getFirstPropertyValue("uid")),
    summary: String(e.getFirstPropertyValue("summary")),
    start: String(e.getFirstPropertyValue("dtstart")),
    sequence: Number(e.getFirstPropertyValue("sequence") ?? 0),
    method: String(calendar.getFirstPropertyValue("method")),
  }));
}

describe("plan --out, export and invites", () => {
  it("plan --out writes the agenda, the itinerary in Markdown and iCalendar, the organiser's report, and one invitation per host", async () => {
    const { dir } = await planned();
    const out = join(dir, "out", "ljubljana-2018");
    expect(readdirSync(out).sort()).toEqual(["agenda.yaml", "invites", "itinerary.ics", "itinerary.md", "report.md"]);
    expect(readdirSync(join(out, "invites")).sort()).toEqual([
      "etterbeek.ics",
      "hub-brussels.ics",
      "microstart-shops-walk.ics",
      "microstart.ics",
      "pianofabriek.ics",
    ]);
    const itinerary = events(readFileSync(join(out, "itinerary.ics"), "utf8"));
    expect(itinerary.find((e) => e.summary === "microStart")).toMatchObject({
      start: "2018-09-19T07:30:00Z",
      uid: "2018-09-19.microstart.ljubljana-2018@studyvisit",
      method: "PUBLISH",
    });
    expect(readFileSync(join(out, "itinerary.md"), "utf8")).toContain("| 09:30–11:00 | microStart |");
  });

  it("export renders an agenda file in each format, identically on every run", async () => {
    const { dir, agenda } = await planned();
    for (const format of ["md", "ics", "json", "html"]) {
      const a = await runCli(["export", agenda, "--data", data, "--format", format], { cwd: dir, env });
      const b = await runCli(["export", agenda, "--data", data, "--format", format], {
        cwd: dir,
        env: { ...env, TZ: "Pacific/Auckland" },
      });
      expect(a.code).toBe(0);
      expect(b.stdout).toBe(a.stdout);
    }
    const json = await runCli(["export", agenda, "--data", data, "--format", "json"], { cwd: dir, env });
    const plan = await runCli(["plan", "ljubljana-2018", "--data", data, "--json"], { cwd: dir, env });
    expect(JSON.parse(json.stdout).agendas[0].days).toEqual(JSON.parse(plan.stdout).agendas[0].days);
    expect((await runCli(["export", agenda, "--data", data, "--format", "pdf"], { cwd: dir })).code).toBe(2);
    const written = await runCli(["export", agenda, "--data", data, "--format", "html", "-o", "booklet.html"], {
      cwd: dir,
      env,
    });
    expect(written.code).toBe(0);
    expect(readFileSync(join(dir, "booklet.html"), "utf8")).toMatch(/^<!DOCTYPE html>/i);
    expect(
      (await runCli(["export", agenda, "--data", data, "--format", "html", "-o", "booklet.html"], { cwd: dir, env }))
        .code,
    ).toBe(2);
  });

  it("export refuses an agenda whose hand edits break a rule (exit 3), writing nothing", async () => {
    const { dir, agenda } = await planned();
    writeFileSync(
      agenda,
      readFileSync(agenda, "utf8").replace(
        'time: "09:30-11:00", host: microstart',
        'time: "10:00-11:30", host: microstart',
      ),
    );
    const before = snapshotTree(dir);
    const run = await runCli(["export", agenda, "--data", data, "--format", "md", "-o", "x.md"], { cwd: dir, env });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      "microStart on 19 Sep 10:00-11:30 is outside its availability (free slot 09:30-11:00)",
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("invites --previous writes only what changed: a moved visit with SEQUENCE + 1, a CANCEL for a dropped one", async () => {
    const { dir, agenda } = await planned();
    const sent = join(dir, "sent.yaml");
    writeFileSync(sent, readFileSync(agenda, "utf8"));
    // The organiser moves Etterbeek by ten minutes (the leg back to the hotel still fits) and drops Pianofabriek.
    const edited = readFileSync(agenda, "utf8")
      .replace(/time: "14:20-15:50", host: etterbeek/, 'time: "14:30-16:00", host: etterbeek')
      .replace(
        / {6}- \{kind: walk, time: "16:00-16:12"[^\n]*\n {6}- \{kind: visit, time: "16:25-17:55", host: pianofabriek[^\n]*\n {6}- \{kind: transit, time: "17:55-18:12", from: pianofabriek, to: hotel-midi[^\n]*\n/,
        '      - {kind: transit, time: "16:00-16:19", from: hub-brussels-office, to: hotel-midi, minutes: 19, km: 2.5}\n',
      );
    writeFileSync(agenda, edited);
    expect((await runCli(["check", "--data", data, agenda], { cwd: dir })).stderr).toBe("");
    const run = await runCli(["invites", agenda, "--data", data, "-o", "inv", "--previous", sent], { cwd: dir, env });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("moved: Municipality of Etterbeek, Wed 19 Sep 14:20-15:50 → Wed 19 Sep 14:30-16:00");
    expect(run.stderr).toContain("cancelled: Pianofabriek, Tue 18 Sep 16:25-17:55");
    const read = (name: string) => events(readFileSync(join(dir, "inv", name), "utf8"))[0];
    // Unchanged hosts are named, and nothing is written for them.
    expect(existsSync(join(dir, "inv", "microstart.ics"))).toBe(false);
    expect(run.stderr).toContain(
      "unchanged, nothing written: hub.brussels — Brussels Agency for Business Support, microStart, Shops",
    );
    expect(readdirSync(join(dir, "inv")).sort()).toEqual(["etterbeek.ics", "pianofabriek.cancel.ics"]);
    expect(read("etterbeek.ics")).toMatchObject({
      sequence: 1,
      method: "REQUEST",
      uid: "2018-09-19.etterbeek.ljubljana-2018@studyvisit",
    });
    expect(read("pianofabriek.cancel.ics")).toMatchObject({
      sequence: 1,
      method: "CANCEL",
      uid: "2018-09-18.pianofabriek.ljubljana-2018@studyvisit",
    });
    expect(readFileSync(join(dir, "inv", "pianofabriek.cancel.ics"), "utf8")).toContain("STATUS:CANCELLED");
  });
});
