import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import type { AgendaDocument, AgendaItem } from "../../src/plan/agenda.js";
import { repoRoot, tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

// SPEC "Joint meetings": a fixed item naming `hosts: [a, b]` — those hosts meet the delegation
// together there; they count as visited, each gets the invitation for that item, neither is planned
// again. The bundled Jelgava request holds one: the mentoring session with Schaerbeek and BRULOCALIS.

const env = { SOURCE_DATE_EPOCH: "1535000000" };
const REQUEST = join("data", "requests", "jelgava-schaerbeek.yaml");
const TITLE = "Mentoring session: Jelgava action plan with Schaerbeek and BRULOCALIS";
const JOINT_UID = "2022-05-18.fixed-mentoring-session-jelgava-action-plan-with-schae.jelgava-schaerbeek@studyvisit";

/** A private copy of the bundled workspace, so a test may edit the request. */
function workspace(): string {
  const dir = tempDir();
  cpSync(join(repoRoot, "data"), join(dir, "data"), { recursive: true });
  return dir;
}

function editRequest(dir: string, change: (text: string) => string): void {
  const path = join(dir, REQUEST);
  const before = readFileSync(path, "utf8");
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
}

async function planJson(dir: string, ...extra: string[]) {
  const run = await runCli(["plan", "jelgava-schaerbeek", "--json", ...extra], { cwd: dir, env });
  expect(run.code, run.stderr).toBe(0);
  const agenda = (JSON.parse(run.stdout) as AgendaDocument).agendas[0];
  if (!agenda) throw new Error("no agenda");
  return { agenda, stderr: run.stderr, items: agenda.days.flatMap((d) => d.items) };
}

function events(
  ics: string,
): { uid: string; sequence: number; method: string; summary: string; description: string }[] {
  const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return cal.getAllSubcomponents("vevent").map((e) => ({
    uid: String(e.getFirstPropertyValue("uid")),
    sequence: Number(e.getFirstPropertyValue("sequence")),
    method: String(cal.getFirstPropertyValue("method")),
    summary: String(e.getFirstPropertyValue("summary")),
    description: String(e.getFirstPropertyValue("description")),
  }));
}

describe("joint meetings", () => {
  it("count the hosts as visited, plan neither again, and say so in the agenda JSON", async () => {
    const dir = workspace();
    const { agenda, items } = await planJson(dir);
    const meeting = items.find((i) => i.title === TITLE) as AgendaItem;
    expect(meeting).toMatchObject({ kind: "fixed", hosts: ["schaerbeek", "brulocalis"], uid: JOINT_UID });
    expect(items.some((i) => i.kind === "visit" && (i.host === "schaerbeek" || i.host === "brulocalis"))).toBe(false);
    expect(agenda.unscheduled.map((u) => u.host)).not.toContain("schaerbeek");
    expect(agenda.unscheduled.map((u) => u.host)).not.toContain("brulocalis");
    // Value: the joint hosts count (BRULOCALIS by its priority 4, Schaerbeek by its themes) as if visited.
    editRequest(dir, (t) => t.replace("    hosts: [schaerbeek, brulocalis]\n", ""));
    const without = await planJson(dir, "--avoid", "schaerbeek", "brulocalis");
    expect(agenda.value - without.agenda.value).toBeGreaterThanOrEqual(4);
  });

  it("satisfy a must-visit host, even one with no free time on the request's days", async () => {
    const dir = workspace();
    editRequest(dir, (t) =>
      t.replace(
        "must_visit: [via-maison-immersion, maison-des-femmes-schaerbeek]",
        "must_visit: [via-maison-immersion, maison-des-femmes-schaerbeek, brulocalis]",
      ),
    );
    const path = join(dir, "data", "hosts", "brulocalis.yaml");
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(/availability:[\s\S]*$/, "availability: {closed: [2022-05-17]}\n"),
    );
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
    const { items } = await planJson(dir);
    expect(items.find((i) => i.title === TITLE)?.hosts).toContain("brulocalis");
    expect((await runCli(["plan", "jelgava-schaerbeek", "--out", "out", "--quiet"], { cwd: dir, env })).code).toBe(0);
    expect((await runCli(["check", "out/jelgava-schaerbeek/agenda.yaml"], { cwd: dir })).code).toBe(0);
  });

  it("send each host the invitation for that item, under the item's uid, naming the others", async () => {
    const dir = workspace();
    expect((await runCli(["plan", "jelgava-schaerbeek", "--out", "out", "--quiet"], { cwd: dir, env })).code).toBe(0);
    const folder = join(dir, "out", "jelgava-schaerbeek");
    const schaerbeek = events(readFileSync(join(folder, "invites", "schaerbeek.ics"), "utf8"));
    const brulocalis = events(readFileSync(join(folder, "invites", "brulocalis.ics"), "utf8"));
    for (const [mine, other] of [
      [schaerbeek, "BRULOCALIS — Association of the City and the Municipalities of the Brussels-Capital Region"],
      [brulocalis, "Municipality of Schaerbeek"],
    ] as const) {
      expect(mine).toEqual([
        {
          uid: JOINT_UID,
          sequence: 0,
          method: "REQUEST",
          summary: `Joint meeting with the delegation from Jelgava (8 people) and ${other}`,
          description: expect.stringContaining(`you meet the delegation together with ${other}.`),
        },
      ]);
    }
    // The timeline, the itinerary (md, ics) and the agenda file name the joint meeting.
    const timeline = await runCli(["plan", "jelgava-schaerbeek"], { cwd: dir, env });
    expect(timeline.stdout).toContain(
      `14:00–15:30  ${TITLE} (joint meeting with Municipality of Schaerbeek and BRULOCALIS — Association of the City and the Municipalities of the Brussels-Capital Region)  BRULOCALIS, Rue d'Arlon 53, 1040 Brussels`,
    );
    const md = readFileSync(join(folder, "itinerary.md"), "utf8");
    expect(md).toContain(
      `| 14:00–15:30 | ${TITLE} | BRULOCALIS, Rue d'Arlon 53, 1040 Brussels | Joint meeting with Municipality of Schaerbeek and BRULOCALIS — Association of the City and the Municipalities of the Brussels-Capital Region |`,
    );
    expect(md).toContain("### Municipality of Schaerbeek");
    const itinerary = events(readFileSync(join(folder, "itinerary.ics"), "utf8")).find((e) => e.uid === JOINT_UID);
    expect(itinerary?.description).toMatch(/^Joint meeting with Municipality of Schaerbeek and BRULOCALIS/);
    expect(readFileSync(join(folder, "agenda.yaml"), "utf8")).toContain(
      `title: "${TITLE}", place: brulocalis-office, hosts: [schaerbeek, brulocalis]}`,
    );
    // The e-mail says it is a joint meeting, not a visit.
    const mail = await runCli(["invites", join(folder, "agenda.yaml"), "-o", "mail", "--eml", "--only", "schaerbeek"], {
      cwd: dir,
      env,
    });
    expect(mail.code).toBe(0);
    const eml = await simpleParser(readFileSync(join(dir, "mail", "schaerbeek.eml")));
    expect(eml.text).toContain("we would like to invite you to a joint meeting with the delegation from Jelgava");
    expect(eml.text).toContain(`${TITLE}: a joint meeting, together with BRULOCALIS`);
  });

  it("write letters asking for the joint meeting, to its hosts whatever their ranking", async () => {
    const dir = workspace();
    const letter = await runCli(["letter", "jelgava-schaerbeek", "--host", "brulocalis", "--lang", "en"], {
      cwd: dir,
      env,
    });
    expect(letter.code).toBe(0);
    expect(letter.stderr).toBe("");
    expect(letter.stdout).toContain(
      "take part in a joint meeting with the delegation, together with Municipality of Schaerbeek",
    );
    expect(letter.stdout).toContain("The joint meeting is planned for Wednesday 18 May from 14:00 to 15:30");
    // The CLI builds the joint meeting from the records exactly as the letters' golden file was rendered.
    const golden = await runCli(["letter", "jelgava-schaerbeek", "--host", "schaerbeek", "--lang", "en"], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: "1648807200" },
    });
    expect(golden.stdout).toBe(
      readFileSync(
        join(repoRoot, "test", "render", "golden", "letters", "jelgava-schaerbeek-schaerbeek-joint.en.md"),
        "utf8",
      ),
    );
    // Schaerbeek matches the interests; make it match none: --all still writes to it, for its meeting.
    const path = join(dir, "data", "hosts", "schaerbeek.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace(/^themes: .*$/m, "themes: [urban planning]"));
    expect(
      (await runCli(["letter", "jelgava-schaerbeek", "--all", "--lang", "en", "-o", "letters"], { cwd: dir, env }))
        .code,
    ).toBe(0);
    const files = readdirSync(join(dir, "letters"));
    expect(files.some((f) => /^\d+-schaerbeek\.en\.md$/.test(f))).toBe(true);
    const text = readFileSync(
      join(dir, "letters", files.find((f) => /^\d+-schaerbeek\.en\.md$/.test(f)) as string),
      "utf8",
    );
    expect(text).toContain("joint meeting");
  });

  it("keep working through the round: a moved meeting is re-sent with SEQUENCE + 1, a removed one cancelled", async () => {
    const dir = workspace();
    expect((await runCli(["plan", "jelgava-schaerbeek", "--out", "v1", "--quiet"], { cwd: dir, env })).code).toBe(0);
    editRequest(dir, (t) =>
      t.replace(
        'hours: "14:00-15:30"\n    place: brulocalis-office',
        'hours: "14:30-16:00"\n    place: brulocalis-office',
      ),
    );
    const v2 = await runCli(
      ["plan", "jelgava-schaerbeek", "--previous", "v1/jelgava-schaerbeek/agenda.yaml", "--out", "v2"],
      { cwd: dir, env },
    );
    expect(v2.code).toBe(0);
    expect(v2.stdout).toContain(
      "moved: Municipality of Schaerbeek (joint meeting), Wed 18 May 14:00-15:30 → Wed 18 May 14:30-16:00",
    );
    expect(v2.stdout).toMatch(
      /moved: BRULOCALIS — [^\n]* \(joint meeting\), Wed 18 May 14:00-15:30 → Wed 18 May 14:30-16:00/,
    );
    expect(readFileSync(join(dir, "v2", "jelgava-schaerbeek", "agenda.yaml"), "utf8")).toContain(
      "hosts: [schaerbeek, brulocalis], sequence: 1}",
    );
    const moved = await runCli(
      ["invites", "v2/jelgava-schaerbeek/agenda.yaml", "--previous", "v1/jelgava-schaerbeek/agenda.yaml", "-o", "inv2"],
      { cwd: dir, env },
    );
    expect(moved.code).toBe(0);
    expect(readdirSync(join(dir, "inv2")).sort()).toEqual(["brulocalis.ics", "schaerbeek.ics"]);
    for (const host of ["brulocalis", "schaerbeek"])
      expect(events(readFileSync(join(dir, "inv2", `${host}.ics`), "utf8"))[0]).toMatchObject({
        uid: JOINT_UID,
        sequence: 1,
        method: "REQUEST",
      });
    // Re-planning unchanged records against v2 changes nothing.
    const same = await runCli(["plan", "jelgava-schaerbeek", "--previous", "v2/jelgava-schaerbeek/agenda.yaml"], {
      cwd: dir,
      env,
    });
    expect(same.stdout).not.toMatch(/^ {2}(new|moved|cancelled):/m);

    // The organiser takes the hosts off the item: the joint meeting is cancelled for both (its own uid).
    editRequest(dir, (t) => t.replace("    hosts: [schaerbeek, brulocalis]\n", ""));
    const v3 = await runCli(
      ["plan", "jelgava-schaerbeek", "--previous", "v2/jelgava-schaerbeek/agenda.yaml", "--out", "v3", "--quiet"],
      { cwd: dir, env },
    );
    expect(v3.code).toBe(0);
    const gone = await runCli(
      ["invites", "v3/jelgava-schaerbeek/agenda.yaml", "--previous", "v2/jelgava-schaerbeek/agenda.yaml", "-o", "inv3"],
      { cwd: dir, env },
    );
    expect(gone.code).toBe(0);
    expect(gone.stderr).toContain("cancelled: Municipality of Schaerbeek (joint meeting), Wed 18 May 14:30-16:00");
    for (const host of ["brulocalis", "schaerbeek"]) {
      const cancel = events(readFileSync(join(dir, "inv3", `${host}.cancel.ics`), "utf8"));
      expect(cancel).toEqual([expect.objectContaining({ uid: JOINT_UID, sequence: 2, method: "CANCEL" })]);
    }
    // Now ordinary candidates, the hosts may be visited: a new event of their own, another uid.
    const { items } = await planJson(dir);
    for (const visit of items.filter(
      (i) => i.kind === "visit" && (i.host === "schaerbeek" || i.host === "brulocalis"),
    )) {
      const request = events(readFileSync(join(dir, "inv3", `${visit.host}.ics`), "utf8"));
      expect(request).toEqual([expect.objectContaining({ uid: visit.uid, sequence: 0, method: "REQUEST" })]);
    }
  });

  it("check AGENDA: a joint host is not visited again, and satisfies must_visit", async () => {
    const dir = workspace();
    editRequest(dir, (t) =>
      t.replace(
        "must_visit: [via-maison-immersion, maison-des-femmes-schaerbeek]",
        "must_visit: [via-maison-immersion, maison-des-femmes-schaerbeek, schaerbeek]",
      ),
    );
    expect((await runCli(["plan", "jelgava-schaerbeek", "--out", "out", "--quiet"], { cwd: dir, env })).code).toBe(0);
    const path = join(dir, "out", "jelgava-schaerbeek", "agenda.yaml");
    expect((await runCli(["check", path], { cwd: dir })).code).toBe(0);
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(
        /host: schaerbeek-one-stop-shop, place: schaerbeek-town-hall/,
        "host: schaerbeek, place: schaerbeek-town-hall",
      ),
    );
    const run = await runCli(["check", path], { cwd: dir });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      `schaerbeek meets the delegation in "${TITLE}" already: a host met in a fixed item is not visited again`,
    );
  });
});
