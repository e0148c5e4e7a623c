import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AgendaDocument } from "../../src/plan/agenda.js";
import { planRequest } from "../../src/plan/plan-request.js";
import { loadWorkspace } from "../../src/records/load-workspace.js";
import type { Problem } from "../../src/records/problem.js";
import { loadHolidays } from "../../src/commands/load-holidays.js";
import { organiserReport } from "../../src/commands/organiser-report.js";
import { renderReport } from "../../src/render/report.js";
import { repoRoot, tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

// SPEC "Documents for whom": the itinerary (md, html, ics) is the delegation's: its programme and
// the contacts of the hosts it meets, nothing about the others. The organiser's report.md holds
// the rest: the hosts left out with their reasons, the changes since --previous, the hosts without
// an e-mail contact, every warning.

const data = join(repoRoot, "data");
const env = { SOURCE_DATE_EPOCH: "1535000000" };

describe("documents for whom", () => {
  it("plan --out: the itinerary names no host the delegation does not meet; report.md names every one left out", async () => {
    const dir = tempDir();
    const run = await runCli(["plan", "ljubljana-2018", "--data", data, "--out", "out"], { cwd: dir, env });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "wrote out/ljubljana-2018/: agenda.yaml, itinerary.md, itinerary.ics, report.md, 5 invitations",
    );
    const json = await runCli(["plan", "ljubljana-2018", "--data", data, "--json"], { cwd: dir, env });
    const agenda = (JSON.parse(json.stdout) as AgendaDocument).agendas[0];
    if (!agenda) throw new Error("no agenda");
    const { workspace } = loadWorkspace(data, repoRoot);
    const leftOut = agenda.unscheduled.map((u) => ({ id: u.host, name: workspace.hosts.get(u.host)?.name ?? u.host }));
    expect(leftOut.length).toBeGreaterThan(5);
    const folder = join(dir, "out", "ljubljana-2018");
    const html = await runCli(["export", join(folder, "agenda.yaml"), "--data", data, "--format", "html"], {
      cwd: dir,
      env,
    });
    const forDelegation = {
      "itinerary.md": readFileSync(join(folder, "itinerary.md"), "utf8"),
      "itinerary.ics": readFileSync(join(folder, "itinerary.ics"), "utf8"),
      "itinerary.html": html.stdout,
    };
    for (const [file, content] of Object.entries(forDelegation))
      for (const host of leftOut) {
        expect(content, `${file} names ${host.id}`).not.toContain(host.name);
        expect(content, `${file} names ${host.id}`).not.toContain(host.id);
      }
    expect(forDelegation["itinerary.md"]).not.toContain("not in the programme");
    const report = readFileSync(join(folder, "report.md"), "utf8");
    for (const u of agenda.unscheduled) {
      expect(report).toContain(`(${u.host})`);
      expect(report).toContain(u.reason.replace(/`/g, "\\`"));
    }
    expect(report).toContain("fits on 19 Sep 14:10-15:40 if the delegation skips Municipality of Etterbeek");
    expect(report).toContain("## Warnings and notes\n\nNone");
  });

  it("report.md of a re-plan says what changed since --previous and carries the agenda's notes", async () => {
    const dir = tempDir();
    expect(
      (await runCli(["plan", "ljubljana-2018", "--data", data, "--out", "v1", "--quiet"], { cwd: dir, env })).code,
    ).toBe(0);
    const path = join(dir, "v1", "ljubljana-2018", "agenda.yaml");
    writeFileSync(
      path,
      readFileSync(path, "utf8")
        .replace(/(host: hub-brussels, [^}]*status: )proposed/, "$1declined")
        .replace(/time: "14:20-15:50", (host: etterbeek, [^}]*status: )proposed/, 'time: "14:20-15:20", $1confirmed'),
    );
    const run = await runCli(["plan", "ljubljana-2018", "--data", data, "--previous", path, "--out", "v2"], {
      cwd: dir,
      env,
    });
    expect(run.code).toBe(0);
    const report = readFileSync(join(dir, "v2", "ljubljana-2018", "report.md"), "utf8");
    expect(report).toContain("## Changes since the previous agenda (v1/ljubljana-2018/agenda.yaml)");
    expect(report).toContain(
      "- cancelled: hub.brussels — Brussels Agency for Business Support (declined), Tue 18 Sep 15:00-16:00",
    );
    expect(report).toMatch(/^- \d visits? unchanged$/m);
    expect(report).toContain(
      "| hub.brussels — Brussels Agency for Business Support (hub-brussels) | it declined the invitation",
    );
    expect(report).toContain(
      "- v2/ljubljana-2018/agenda.yaml: note: Municipality of Etterbeek on 19 Sep 14:20-15:20: confirmed with the host, 60 min instead of 90",
    );
  });

  it("lists the records' warnings and notes, whatever they are, from the load result", async () => {
    const { workspace: ws } = loadWorkspace(data, repoRoot);
    const request = ws.requests.get("jelgava-schaerbeek");
    if (!request) throw new Error("no request");
    const holidays = await loadHolidays(ws);
    const plan = planRequest({ ws, request, holidays });
    const notices: Problem[] = [
      {
        file: "data/places/brussels-schaerbeek.yaml",
        line: 3,
        col: 5,
        message: "a place 900 km from the others",
        severity: "warning",
      },
      { file: "data/hosts/schaerbeek.yaml", line: 9, col: 3, message: "something new to say", severity: "note" },
    ];
    const input = { agenda: plan.agenda, request, hosts: ws.hosts, places: ws.places, generatedAt: new Date(0) };
    const md = renderReport(organiserReport({ ws, request, plan, input, holidays, notices, agendaPath: "out/a.yaml" }));
    expect(md).toContain("- data/places/brussels-schaerbeek.yaml:3:5: warning: a place 900 km from the others\n");
    expect(md).toContain("- data/hosts/schaerbeek.yaml:9:3: note: something new to say\n");
  });
});
