import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AgendaDocument } from "../../src/plan/agenda.js";
import { parseAgendaYaml } from "../../src/records/agenda-file.js";
import type { AgendaFile } from "../../src/records/agenda-schema.js";
import { agendaYaml } from "../../src/records/agenda-yaml.js";
import { repoRoot, tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

// The round on the bundled workspace: plan → the organiser edits agenda.yaml
// (statuses, notes, agreed times) → check → plan --previous → invites.

const data = join(repoRoot, "data");
const env = { SOURCE_DATE_EPOCH: "1535000000" };

async function plannedInto(dir: string, request: string, out = "out"): Promise<string> {
  const run = await runCli(["plan", request, "--data", data, "--out", out, "--quiet"], { cwd: dir, env });
  expect(run.code).toBe(0);
  return join(dir, out, request, "agenda.yaml");
}

/** Edit an agenda file as the organiser would, through the file format itself. */
function edit(path: string, change: (file: AgendaFile) => void): void {
  const read = parseAgendaYaml(path, readFileSync(path, "utf8"));
  if (!read.file) throw new Error(`cannot read ${path}: ${JSON.stringify(read.problems)}`);
  change(read.file);
  writeFileSync(path, agendaYaml(read.file));
}

const visitsOf = (file: AgendaFile) => file.days.flatMap((d) => d.items.filter((i) => i.kind === "visit"));
const visit = (file: AgendaFile, host: string) => {
  const found = visitsOf(file).find((i) => i.host === host);
  if (!found) throw new Error(`no visit to ${host}`);
  return found;
};

describe("the round", () => {
  it("re-plans every bundled request against its own edited agenda and gives it back: times, statuses, notes, uids, sequences", async () => {
    for (const request of ["ljubljana-2018", "jelgava-schaerbeek", "express-2021"]) {
      const dir = tempDir();
      const path = await plannedInto(dir, request);
      edit(path, (file) => {
        const visits = visitsOf(file);
        const [first, second] = visits;
        if (first) Object.assign(first, { status: "confirmed", notes: "Badges for 12: names sent on 1 Sep" });
        if (second)
          Object.assign(second, { status: "requested", sequence: 2, notes: 'Ask for the "yes" form: A|B # 2' });
        const meal = file.days.flatMap((d) => d.items).find((i) => i.kind === "meal");
        if (meal) meal.notes = "Vegetarian: 3\nHalal: 2";
      });
      expect((await runCli(["check", "--data", data, path], { cwd: dir })).code).toBe(0);
      const edited = await runCli(["export", path, "--data", data, "--format", "json"], { cwd: dir, env });
      const replanned = await runCli(["plan", request, "--data", data, "--previous", path, "--json"], {
        cwd: dir,
        env,
      });
      expect(replanned.code).toBe(0);
      const before = (JSON.parse(edited.stdout) as AgendaDocument).agendas[0];
      const after = (JSON.parse(replanned.stdout) as AgendaDocument).agendas[0];
      expect(after?.days).toEqual(before?.days);
      expect(replanned.stderr).toMatch(/^\d+ visits? unchanged$/m);
      expect(replanned.stderr).not.toMatch(/^(new|moved|cancelled):/m);
    }
  });

  it("accepts a confirmed visit at times the host agreed to, says so once, and keeps it through plan --previous, export and invites", async () => {
    const dir = tempDir();
    const path = await plannedInto(dir, "ljubljana-2018");
    edit(path, (file) => {
      // Etterbeek agreed to 60 minutes instead of its 90.
      Object.assign(visit(file, "etterbeek"), {
        time: { start: 14 * 60 + 20, end: 15 * 60 + 20 },
        notes: "Agreed by phone: one hour",
      });
    });
    const refused = await runCli(["check", "--data", data, path], { cwd: dir });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      "Municipality of Etterbeek: the visit lasts 60 min, shorter than its 90-minute visit",
    );

    edit(path, (file) => {
      visit(file, "etterbeek").status = "confirmed";
    });
    const check = await runCli(["check", "--data", data, path], { cwd: dir });
    expect(check.code).toBe(0);
    const notes = check.stderr.split("\n").filter((l) => l.includes(": note: "));
    expect(notes).toEqual([
      expect.stringMatching(
        /^out\/ljubljana-2018\/agenda\.yaml:\d+:\d+: note: Municipality of Etterbeek on 19 Sep 14:20-15:20: confirmed with the host, 60 min instead of 90$/,
      ),
    ]);
    expect(check.stdout).toContain("all valid (1 note)");

    const replanned = await runCli(["plan", "ljubljana-2018", "--data", data, "--previous", path, "--out", "v2"], {
      cwd: dir,
      env,
    });
    expect(replanned.code).toBe(0);
    const v2 = parseAgendaYaml("v2", readFileSync(join(dir, "v2", "ljubljana-2018", "agenda.yaml"), "utf8")).file;
    expect(v2 && visit(v2, "etterbeek")).toMatchObject({
      time: { start: 14 * 60 + 20, end: 15 * 60 + 20 },
      status: "confirmed",
      notes: "Agreed by phone: one hour",
    });
    for (const format of ["md", "html"]) {
      const out = await runCli(["export", path, "--data", data, "--format", format], { cwd: dir, env });
      expect(out.code).toBe(0);
      expect(out.stdout).toContain("Agreed by phone: one hour");
    }
    const ics = await runCli(["export", path, "--data", data, "--format", "ics"], { cwd: dir, env });
    expect(ics.stdout).toContain("DTSTART:20180919T122000Z\r\nDTEND:20180919T132000Z");
    const invites = await runCli(["invites", path, "--data", data, "-o", "inv"], { cwd: dir, env });
    expect(invites.code).toBe(0);
    const etterbeek = readFileSync(join(dir, "inv", "etterbeek.ics"), "utf8");
    expect(etterbeek).toContain("STATUS:CONFIRMED");
    expect(etterbeek).toContain("DTEND:20180919T132000Z");
  });

  it("plan --out --force over an earlier run cancels the host that left the plan instead of leaving its REQUEST", async () => {
    const dir = tempDir();
    const path = await plannedInto(dir, "ljubljana-2018");
    const invites = join(dir, "out", "ljubljana-2018", "invites");
    expect(existsSync(join(invites, "hub-brussels.ics"))).toBe(true);
    writeFileSync(join(dir, "sent.yaml"), readFileSync(path, "utf8"));
    edit(path, (file) => {
      visit(file, "hub-brussels").status = "declined";
    });
    const again = await runCli(
      ["plan", "ljubljana-2018", "--data", data, "--previous", path, "--out", "out", "--force"],
      {
        cwd: dir,
        env,
      },
    );
    expect(again.code).toBe(0);
    expect(readdirSync(invites).sort()).toEqual([
      "etterbeek.ics",
      "hub-brussels.cancel.ics",
      "microstart-shops-walk.ics",
      "microstart.ics",
      "pianofabriek.ics",
    ]);
    const cancel = readFileSync(join(invites, "hub-brussels.cancel.ics"), "utf8");
    expect(cancel).toContain("METHOD:CANCEL");
    expect(cancel).toContain("SEQUENCE:1");

    // invites --force into a folder holding a REQUEST for a host now cancelled: the REQUEST goes.
    expect((await runCli(["invites", "sent.yaml", "--data", data, "-o", "inv"], { cwd: dir, env })).code).toBe(0);
    expect(existsSync(join(dir, "inv", "hub-brussels.ics"))).toBe(true);
    const noForce = await runCli(["invites", path, "--data", data, "-o", "inv", "--previous", "sent.yaml"], {
      cwd: dir,
      env,
    });
    expect(noForce.code).toBe(2);
    expect(noForce.stderr).toContain("refusing to remove inv/hub-brussels.ics");
    const forced = await runCli(["invites", path, "--data", data, "-o", "inv", "--previous", "sent.yaml", "--force"], {
      cwd: dir,
      env,
    });
    expect(forced.code).toBe(0);
    expect(existsSync(join(dir, "inv", "hub-brussels.ics"))).toBe(false);
    expect(readFileSync(join(dir, "inv", "hub-brussels.cancel.ics"), "utf8")).toContain("METHOD:CANCEL");
  });

  it("writes the password nowhere: a `password` key under smtp: is an error that says where it goes", async () => {
    const dir = tempDir();
    cpSync(data, join(dir, "data"), { recursive: true });
    const config = join(dir, "data", "studyvisit.yaml");
    writeFileSync(
      config,
      `${readFileSync(config, "utf8")}\nsmtp: {host: smtp.example.org, user: j.gombac@example.org, password: hunter2}\n`,
    );
    const run = await runCli(["check", "--data", "data"], { cwd: dir });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^data\/studyvisit\.yaml:\d+:\d+: .*the SMTP password does not go in a file: remove it and set the environment variable STUDYVISIT_SMTP_PASSWORD$/m,
    );
  });
});
