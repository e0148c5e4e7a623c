import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createStyle } from "../../src/cli/style.js";
import type { CommandDeps } from "../../src/commands/context.js";
import { recordYaml, runNew, slugify } from "../../src/commands/new.js";
import { loadWorkspace } from "../../src/records/load-workspace.js";
import { copyFixture, repoRoot, snapshotTree, tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";
import { scriptedPrompter, type ScriptedAnswer, type ScriptedPrompter } from "../helpers/scripted-prompter.js";

/** A private copy of the bundled sample workspace: real places, hosts and themes to pick from. */
function sampleWorkspace(): string {
  return copyFixture(join(repoRoot, "data"));
}

function expectScriptUsedUp(prompter: ScriptedPrompter): void {
  expect(prompter.remaining()).toEqual([]);
}

function expectValid(dir: string): void {
  expect(loadWorkspace(dir, dir).problems).toEqual([]);
}

function rejections(prompter: ScriptedPrompter): string[] {
  return prompter.asked.flatMap((a) => (a.rejected ? [a.rejected] : []));
}

/** What `check` prints for a workspace holding `files`: the messages only, without FILE:LINE:COL. */
async function checkMessages(files: Record<string, string>): Promise<string[]> {
  const dir = tempDir();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const run = await runCli(["check", "--data", dir], { cwd: dir });
  expect(run.code).toBe(3);
  return run.stderr
    .split("\n")
    .filter((line) => /^[^:]+:\d+:\d+: /.test(line))
    .map((line) => line.replace(/^[^:]+:\d+:\d+: /, ""));
}

const PLACE_SCRIPT: ScriptedAnswer[] = [
  { q: "Place name", a: "Hôtel de la Gare du Midi" },
  { q: "Id", a: "" },
  { q: "virtual venue", a: false },
  { q: "Street address", a: "Rue de France 2, 1060 Saint-Gilles" },
  { q: "Position", a: "95, 4.3360" },
  { q: "Position", a: "50.8355, 4.3360" },
  { q: "Kind of place", a: "hotel" },
  { q: "Step-free", a: true },
  { q: "How many people", a: "" },
  { q: "Write", a: true },
];

describe("studyvisit new place", () => {
  it("writes a place that check accepts, re-asking a latitude out of range with check's own message", async () => {
    const dir = sampleWorkspace();
    const run = await runCli(["new", "place", "--data", dir], { prompter: PLACE_SCRIPT });
    expect(run.stderr).not.toContain("error");
    expect(run.code).toBe(0);
    expectScriptUsedUp(run.prompter);
    const file = join(dir, "places", "hotel-de-la-gare-du-midi.yaml");
    expect(run.stdout).toContain("✓ wrote");
    expect(run.stdout).toContain("places/hotel-de-la-gare-du-midi.yaml");
    expect(readFileSync(file, "utf8")).toBe(
      [
        "# A place, written by `studyvisit new place`. Edit freely; `studyvisit check` validates it.",
        "id: hotel-de-la-gare-du-midi",
        "name: Hôtel de la Gare du Midi",
        "kind: hotel",
        "address: Rue de France 2, 1060 Saint-Gilles",
        "geo: {lat: 50.8355, lon: 4.336}",
        "step_free: true",
        "",
      ].join("\n"),
    );
    expectValid(dir);
    expect(await runCli(["check", "--data", dir])).toMatchObject({ code: 0 });

    const [rejected] = rejections(run.prompter);
    expect(rejected).toBe("geo: latitude 95 is out of range -90..90 (latitude comes first: did you swap them?)");
    expect(
      await checkMessages({ "places/p.yaml": 'id: p\nname: P\naddress: Somewhere 1\ngeo: "95, 4.3360"\n' }),
    ).toEqual([rejected]);
  });

  it("writes an online place without address or position", async () => {
    const dir = sampleWorkspace();
    const run = await runCli(["new", "place", "--data", dir], {
      prompter: [
        { q: "Place name", a: "Riga webinar room" },
        { q: "Id", a: "riga-webinar" },
        { q: "virtual venue", a: true },
        { q: "Address of the call", a: "zoom" },
        { q: "Address of the call", a: "https://example.org/riga" },
        { q: "Street address", a: "" },
        { q: "Kind of place", a: "video-call" },
        { q: "How many people", a: "0" },
        { q: "How many people", a: "100" },
        { q: "Write", a: true },
      ],
    });
    expect(run.code).toBe(0);
    expectScriptUsedUp(run.prompter);
    expect(rejections(run.prompter)).toEqual([
      "online: `zoom` is not a web address (it should start with https://)",
      "capacity: must be greater than 0, got 0",
    ]);
    expect(readFileSync(join(dir, "places", "riga-webinar.yaml"), "utf8")).toContain(
      "online: https://example.org/riga\n",
    );
    expectValid(dir);
  });

  it("refuses an id already used in the workspace, and a file name already taken", async () => {
    const dir = sampleWorkspace();
    writeFileSync(join(dir, "places", "stray.yaml"), "");
    const run = await runCli(["new", "place", "--data", dir], {
      prompter: [
        { q: "Place name", a: "Pianofabriek" },
        { q: "Id", a: "pianofabriek" },
        { q: "Id", a: "stray" },
        { q: "Id", a: "Piano Fabriek" },
        { q: "Id", a: "" },
        ...PLACE_SCRIPT.slice(2),
      ],
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expectScriptUsedUp(run.prompter);
    // The proposal steps aside from the taken id by itself.
    expect(run.prompter.asked[4]).toMatchObject({ default: "pianofabriek-2", answer: "pianofabriek-2" });
    expect(rejections(run.prompter).slice(0, 3)).toEqual([
      "a place `pianofabriek` already exists (places/brussels-centre.yaml:35:3): choose another id",
      "places/stray.yaml already exists: choose another id",
      'id: `Piano Fabriek` is not a valid id: use lowercase letters, digits and "-", starting with a letter or digit (try `piano-fabriek`)',
    ]);
    expect(existsSync(join(dir, "places", "pianofabriek-2.yaml"))).toBe(true);
    expectValid(dir);
  });
});

describe("studyvisit new host", () => {
  const hostScript = (
    place: ScriptedAnswer[],
    capacity: ScriptedAnswer[] = [{ q: "Largest group", a: "20" }],
  ): ScriptedAnswer[] => [
    { q: "Organisation name", a: "Brussels Volunteer Centre" },
    { q: "Id", a: "" },
    ...place,
    { q: "Themes of its practice: tick", a: ["volunteering", "migrant entrepreneurship"] },
    { q: "Other themes", a: "youth work, volunteering" },
    { q: "Languages", a: "French, nl" },
    { q: "Languages", a: "fr, nl" },
    { q: "Kind of organisation", a: "NGO" },
    { q: "summary", a: "Matches volunteers with associations across Brussels." },
    { q: "Web site", a: "" },
    { q: "Country", a: "" },
    { q: "Region of BE", a: "" },
    { q: "Add a contact", a: true },
    { q: "Contact's name", a: "Anna Peeters" },
    { q: "Role", a: "Coordinator" },
    { q: "E-mail", a: "anna.example.org" },
    { q: "E-mail", a: "anna@example.org" },
    { q: "Phone", a: "" },
    { q: "Language", a: "nl" },
    { q: "Add another contact", a: false },
    { q: "Length of a visit", a: "" },
    ...capacity,
    { q: "Where does a visit end", a: "where it starts" },
    { q: "When can it receive", a: "weekly" },
    { q: "On which days", a: ["tue", "wed"] },
    { q: "Between which hours", a: "17:00-09:00" },
    { q: "Between which hours", a: "09:00-12:00" },
    { q: "Anything else", a: "slots" },
    { q: "Date", a: "2018-02-30" },
    { q: "Date", a: "2026-10-06" },
    { q: "Hours", a: "14:00-15:30" },
    { q: "Anything else", a: "closed" },
    { q: "Closed on", a: "2026-12-24" },
    { q: "Anything else", a: "done" },
    { q: "Time zone", a: "Europe/Brusels" },
    { q: "Time zone", a: "" },
    { q: "at the same time", a: "" },
    { q: "Write", a: true },
  ];

  it("writes a host at an existing place; bad dates, hours and codes are refused with check's messages", async () => {
    const dir = sampleWorkspace();
    const run = await runCli(["new", "host", "--data", dir], {
      prompter: hostScript([{ q: "Where does it receive visitors", a: "pianofabriek" }]),
    });
    expect(run.stderr).not.toContain("error");
    expect(run.code).toBe(0);
    expectScriptUsedUp(run.prompter);
    const text = readFileSync(join(dir, "hosts", "brussels-volunteer-centre.yaml"), "utf8");
    expect(text).toBe(
      [
        "# A host, written by `studyvisit new host`. Edit freely; `studyvisit check` validates it.",
        "id: brussels-volunteer-centre",
        "name: Brussels Volunteer Centre",
        "kind: NGO",
        "summary: Matches volunteers with associations across Brussels.",
        "themes: [volunteering, migrant entrepreneurship, youth work]",
        "languages: [fr, nl]",
        "country: BE",
        "region: BE-BRU",
        "contacts:",
        "  - {name: Anna Peeters, role: Coordinator, email: anna@example.org, lang: nl}",
        "place: pianofabriek",
        "visit: {duration: 60min, capacity: 20}",
        "availability:",
        "  weekly:",
        '    - {days: [tue, wed], hours: "09:00-12:00"}',
        "  slots:",
        '    - {date: 2026-10-06, hours: "14:00-15:30"}',
        "  closed: [2026-12-24]",
        "",
      ].join("\n"),
    );
    expectValid(dir);
    expect((await runCli(["check", "--data", dir])).code).toBe(0);

    const refused = rejections(run.prompter);
    expect(refused).toEqual([
      "languages[0]: `French` is not an ISO 639-1 code: write `fr`",
      "contacts[0].email: `anna.example.org` is not an e-mail address",
      'availability.weekly[0].hours: hours "17:00-09:00" end before they start: the end must be after 17:00',
      "availability.slots[0].date: `2018-02-30` is not a real date: February 2018 has 28 days",
      "availability.timezone: unknown time zone `Europe/Brusels` (did you mean `Europe/Brussels`?)",
    ]);
    const fromCheck = await checkMessages({
      "places/p.yaml": "id: p\nname: P\naddress: Somewhere 1\ngeo: {lat: 50.8, lon: 4.3}\n",
      "hosts/h.yaml": [
        "id: h",
        "name: H",
        "languages: [French]",
        "contacts: [{name: A, email: anna.example.org}]",
        "place: p",
        "availability:",
        "  timezone: Europe/Brusels",
        '  weekly: [{days: [tue], hours: "17:00-09:00"}]',
        '  slots: [{date: 2018-02-30, hours: "14:00-15:30"}]',
        "",
      ].join("\n"),
    });
    expect([...fromCheck].sort()).toEqual([...refused].sort());
  });

  it("writes a host with an inline place, checked under `place:`", async () => {
    const dir = sampleWorkspace();
    const run = await runCli(["new", "host", "--data", dir], {
      prompter: hostScript(
        [
          { q: "Where does it receive visitors", a: "a new place: describe it here" },
          { q: "Place name", a: "Volunteer House" },
          { q: "Id", a: "pianofabriek" },
          { q: "Id", a: "" },
          { q: "virtual venue", a: false },
          { q: "Street address", a: "" },
          { q: "Street address", a: "Rue Royale 11, 1000 Bruxelles" },
          { q: "Position", a: "50.85, 200" },
          { q: "Position", a: "50.8466, 4.3630" },
          { q: "Kind of place", a: "other (type it)" },
          { q: "Kind of place", a: "house of associations" },
          { q: "Step-free", a: "don't know (leave it out)" },
          { q: "How many people", a: "15" },
        ],
        [
          { q: "Largest group", a: "20" },
          { q: "Largest group", a: "15" },
        ],
      ),
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expectScriptUsedUp(run.prompter);
    expect(rejections(run.prompter).slice(0, 3)).toEqual([
      "a place `pianofabriek` already exists (places/brussels-centre.yaml:35:3): choose another id",
      "place `volunteer-house` needs an `address` unless it is `online`",
      "place.geo: longitude 200 is out of range -180..180",
    ]);
    expect(rejections(run.prompter)).toContain(
      "visit.capacity 20 is larger than its place `volunteer-house` holds (capacity 15)",
    );
    const text = readFileSync(join(dir, "hosts", "brussels-volunteer-centre.yaml"), "utf8");
    expect(text).toContain(
      [
        "place:",
        "  id: volunteer-house",
        "  name: Volunteer House",
        "  kind: house of associations",
        "  address: Rue Royale 11, 1000 Bruxelles",
        "  geo: {lat: 50.8466, lon: 4.363}",
        "  capacity: 15",
        "",
      ].join("\n"),
    );
    expectValid(dir);
    const ws = loadWorkspace(dir, dir).workspace;
    expect(ws.places.get("volunteer-house")?.name).toBe("Volunteer House");
    expect(ws.hosts.get("brussels-volunteer-centre")?.place).toBe("volunteer-house");
    expect(run.stdout).toContain("✓ wrote");
  });

  it("offers the themes hosts already use, most used first", async () => {
    const dir = sampleWorkspace();
    const run = await runCli(["new", "host", "--data", dir], {
      prompter: hostScript([{ q: "Where does it receive visitors", a: "pianofabriek" }]),
    });
    const themes = run.prompter.asked.find((a) => a.message.startsWith("Themes of its practice"));
    const ws = loadWorkspace(join(repoRoot, "data"), repoRoot).workspace;
    const counts = new Map<string, number>();
    for (const host of ws.hosts.values()) for (const t of host.themes) counts.set(t, (counts.get(t) ?? 0) + 1);
    expect(new Set(themes?.choices)).toEqual(new Set(counts.keys()));
    const first = themes?.choices?.[0] as string;
    expect(counts.get(first)).toBe(Math.max(...counts.values()));
  });
});

describe("studyvisit new request", () => {
  const script: ScriptedAnswer[] = [
    { q: "Title", a: "Riga delegation in Brussels" },
    { q: "Id", a: "" },
    { q: "Organiser's name", a: "Ilze Ozola" },
    { q: "Organiser's organisation", a: "Riga City Council" },
    { q: "Organiser's e-mail", a: "i.ozola@example.org" },
    { q: "Organiser's phone", a: "" },
    { q: "Organiser's language", a: "en" },
    { q: "Where the delegation comes from", a: "Riga" },
    { q: "How many people", a: "ten" },
    { q: "How many people", a: "15" },
    { q: "Who they are", a: "city officials, NGO staff" },
    { q: "Languages they speak", a: "en, lv" },
    { q: "step-free", a: false },
    { q: "Time zone", a: "" },
    { q: "First day", a: "2026-10-06" },
    { q: "Hours on 2026-10-06", a: "" },
    { q: "Add another day", a: true },
    { q: "Next day", a: "2026-10-06" },
    { q: "Next day", a: "2026-10-07" },
    { q: "Hours on 2026-10-07", a: "09:00-13:00" },
    { q: "Add another day", a: false },
    { q: "Where does each day start", a: "hotel-midi" },
    { q: "learn about: tick", a: ["migrant entrepreneurship", "volunteering"] },
    { q: "Other themes", a: "urban gardening" },
    { q: "matter more", a: ["migrant entrepreneurship", "urban gardening"] },
    { q: 'Weight of "migrant entrepreneurship"', a: "" },
    { q: 'Weight of "urban gardening"', a: "-1" },
    { q: 'Weight of "urban gardening"', a: "2" },
    { q: "must visit", a: ["microstart"] },
    { q: "leave out", a: [] },
    { q: "Plan a meal break", a: true },
    { q: "Name of the meal", a: "" },
    { q: "Between which hours", a: "" },
    { q: "How long", a: "3h" },
    { q: "How long", a: "" },
    { q: "Where", a: ["snack-heyvaert"] },
    { q: "Add another meal", a: false },
    { q: "walking pace", a: false },
    { q: "Walking speed", a: "3.5" },
    { q: "Detour", a: "" },
    { q: "Buffer", a: "15min" },
    { q: "Longest walk", a: "" },
    { q: "At most how many visits", a: "3" },
    { q: "Write", a: true },
  ];

  it("writes a request with days, weighted interests and a meal that check accepts", async () => {
    const dir = sampleWorkspace();
    const run = await runCli(["new", "request", "--data", dir], { prompter: script });
    expect(run.stderr).not.toContain("error");
    expect(run.code).toBe(0);
    expectScriptUsedUp(run.prompter);
    expect(readFileSync(join(dir, "requests", "riga-delegation-in-brussels.yaml"), "utf8")).toBe(
      [
        "# A request, written by `studyvisit new request`. Edit freely; `studyvisit check` validates it.",
        "id: riga-delegation-in-brussels",
        "title: Riga delegation in Brussels",
        "organiser: {name: Ilze Ozola, organisation: Riga City Council, email: i.ozola@example.org, lang: en}",
        "delegation: {from: Riga, size: 15, profile: [city officials, NGO staff], languages: [en, lv], step_free: false}",
        "timezone: Europe/Brussels",
        "days:",
        '  - {date: 2026-10-06, hours: "09:00-17:00"}',
        '  - {date: 2026-10-07, hours: "09:00-13:00"}',
        "base: hotel-midi",
        "interests:",
        "  - {theme: migrant entrepreneurship, weight: 3}",
        "  - volunteering",
        "  - {theme: urban gardening, weight: 2}",
        "must_visit: [microstart]",
        "avoid: []",
        "meals:",
        '  - {name: lunch, hours: "12:00-14:00", duration: 60min, places: [snack-heyvaert]}',
        "pace: {walking_kmh: 3.5, buffer: 15min}",
        "max_visits_per_day: 3",
        "",
      ].join("\n"),
    );
    expectValid(dir);
    expect((await runCli(["check", "--data", dir])).code).toBe(0);
    expect(rejections(run.prompter)).toEqual([
      "delegation.size: expected a number, got text `ten`",
      "day 2026-10-06 is listed twice",
      "interests[2].weight: must be greater than 0, got -1",
      "lunch lasts 180 min, longer than its hours 12:00-14:00",
    ]);
    expect(run.prompter.asked.find((a) => a.message.startsWith("Time zone"))?.default).toBe("Europe/Brussels");
    expect(run.prompter.asked.find((a) => a.message.startsWith("Walking speed"))?.default).toBe("4");
  });

  it("writes nothing when the organiser declines at the end", async () => {
    const dir = sampleWorkspace();
    const before = snapshotTree(dir);
    const run = await runCli(["new", "request", "--data", dir], {
      prompter: [...script.slice(0, -1), { q: "Write", a: false }],
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("nothing was written");
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe("studyvisit new: where and when it runs", () => {
  it("without a terminal exits 2 at once, asks nothing, writes nothing, and says which file to write", async () => {
    const dir = sampleWorkspace();
    const before = snapshotTree(dir);
    const run = await runCli(["new", "host", "--data", dir], { prompter: [], tty: false });
    expect(run.code).toBe(2);
    expect(run.prompter.asked).toEqual([]);
    expect(run.stderr).toContain("no terminal to ask questions in");
    expect(run.stderr).toContain(`${dir}/hosts/<id>.yaml`);
    expect(run.stderr).toMatch(/templates\/init\/hosts\/schaerbeek-reception\.yaml/);
    expect(snapshotTree(dir)).toEqual(before);

    // The real CLI path: no prompter at all, stdin not a terminal.
    const plain = await runCli(["new", "request"], { cwd: dir, env: { STUDYVISIT_DATA: "." } });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain("write requests/<id>.yaml by hand");
    expect(plain.stderr).toContain("requests/example-visit.yaml");
  });

  it("refuses an unknown kind with exit 2", async () => {
    const run = await runCli(["new", "hotel", "--data", sampleWorkspace()], { prompter: [] });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown record kind `hotel`: use host, place or request");
  });

  it("exits 2 when the workspace folder does not exist", async () => {
    const run = await runCli(["new", "place", "--data", "/nonexistent/studyvisit"], { prompter: [] });
    expect(run.code).toBe(2);
    expect(run.prompter.asked).toEqual([]);
  });

  it("writes into --data relative to the working folder, and into $STUDYVISIT_DATA", async () => {
    const parent = tempDir();
    const viaFlag = join(parent, "visit");
    const viaEnv = join(parent, "other");
    for (const d of [viaFlag, viaEnv]) mkdirSync(join(d, "places"), { recursive: true });

    const flagRun = await runCli(["new", "place", "--data", "visit"], {
      prompter: PLACE_SCRIPT,
      cwd: parent,
      env: { STUDYVISIT_DATA: viaEnv },
    });
    expect(flagRun.code).toBe(0);
    expect(flagRun.stdout).toContain("✓ wrote visit/places/hotel-de-la-gare-du-midi.yaml");
    expect(existsSync(join(viaFlag, "places", "hotel-de-la-gare-du-midi.yaml"))).toBe(true);
    expect(existsSync(join(viaEnv, "places", "hotel-de-la-gare-du-midi.yaml"))).toBe(false);

    const envRun = await runCli(["new", "place"], {
      prompter: PLACE_SCRIPT,
      cwd: parent,
      env: { STUDYVISIT_DATA: viaEnv },
    });
    expect(envRun.code).toBe(0);
    expect(existsSync(join(viaEnv, "places", "hotel-de-la-gare-du-midi.yaml"))).toBe(true);
    expectValid(viaEnv);
  });

  it("asks no questions through anything but the injected prompter (runNew with fake deps)", async () => {
    const dir = sampleWorkspace();
    const prompter = scriptedPrompter(PLACE_SCRIPT);
    const out: string[] = [];
    const deps: CommandDeps = {
      cwd: dir,
      env: {},
      now: new Date("2018-09-01T08:00:00Z"),
      out: (t) => out.push(t),
      err: () => undefined,
      style: createStyle(false),
      quiet: false,
      stdinIsTTY: true,
      prompter,
    };
    expect(await runNew({ kind: "place", data: "." }, deps)).toBe(0);
    expect(out).toEqual(["✓ wrote places/hotel-de-la-gare-du-midi.yaml"]);
  });
});

describe("helpers", () => {
  it("slugify turns a name into an id", () => {
    expect(slugify("Hôtel de la Gare du Midi")).toBe("hotel-de-la-gare-du-midi");
    expect(slugify("!!!")).toBe("");
  });

  it("slugify cuts a long name at a phrase or a word, never mid-word nor on a linking word", () => {
    // The leading phrase when it says enough; else whole words as written ("Saint-Gilles" stays whole or goes).
    expect(slugify("CIRÉ — Coordination et Initiatives pour Réfugiés et Étrangers")).toBe("cire");
    expect(slugify("Riga delegation in Brussels: study visit on migrant entrepreneurship")).toBe(
      "riga-delegation-in-brussels",
    );
    expect(slugify("Municipality of Etterbeek, Department of Social Affairs and Integration")).toBe(
      "municipality-of-etterbeek",
    );
    expect(slugify("Centre Public d'Action Sociale de Saint-Gilles pour les Étrangers")).toBe(
      "centre-public-d-action-sociale",
    );
    expect(slugify("Brussels-Capital Region Public Service for Employment (Actiris)")).toBe(
      "brussels-capital-region-public-service",
    );
    for (const name of [
      "Centre Public d'Action Sociale de Saint-Gilles pour les Étrangers",
      "Agence bruxelloise pour l'accompagnement de l'entreprise et des indépendants",
    ]) {
      const id = slugify(name);
      expect(id.length).toBeLessThanOrEqual(40);
      expect(id).not.toMatch(/-(de|pour|les|l|et|des|for|of|and)$/);
    }
    expect(slugify("!!!")).toBe("");
  });

  it("recordYaml keeps long lists in block style", () => {
    const yaml = recordYaml(
      { id: "x", themes: Array.from({ length: 12 }, (_, i) => `a long theme number ${i}`) },
      "# x",
    );
    expect(yaml).toContain("themes:\n  - a long theme number 0\n");
  });
});

/** A copy of the Brussels–London–Madrid workspace; `only` keeps the records of one city. */
function threeCities(only?: "london"): string {
  const dir = copyFixture(join(repoRoot, "test", "fixtures", "three-cities"));
  if (only === "london") {
    for (const file of [
      "places/brussels.yaml",
      "places/madrid.yaml",
      "hosts/microstart.yaml",
      "hosts/matadero.yaml",
      "requests/brussels-2026.yaml",
      "requests/madrid-2026.yaml",
    ])
      rmSync(join(dir, file));
  }
  return dir;
}

describe("the wizards on a three-city workspace", () => {
  const requestScript = (hosts: ScriptedAnswer[], zone: string, hours = "9-17", meal = "12h-14h"): ScriptedAnswer[] => [
    { q: "Title", a: "Housing visit in London" },
    { q: "Id", a: "" },
    { q: "Organiser's name", a: "Ilze Ozola" },
    { q: "Organiser's organisation", a: "" },
    { q: "Organiser's e-mail", a: "i.ozola@example.org" },
    { q: "Organiser's phone", a: "" },
    { q: "Organiser's language", a: "" },
    { q: "Where the delegation comes from", a: "" },
    { q: "How many people", a: "6" },
    { q: "Who they are", a: "" },
    { q: "Languages they speak", a: "" },
    { q: "step-free", a: false },
    { q: "Time zone", a: zone },
    { q: "First day", a: "2026-04-01" },
    { q: "Hours on 2026-04-01", a: hours },
    { q: "Add another day", a: false },
    { q: "Where does each day start", a: "hotel-london-bridge" },
    { q: "learn about: tick", a: ["housing"] },
    { q: "Other themes", a: "" },
    ...hosts,
    { q: "Plan a meal break", a: true },
    { q: "Name of the meal", a: "" },
    { q: "Between which hours", a: meal },
    { q: "How long", a: "" },
    { q: "Where", a: ["borough-market"] },
    { q: "Add another meal", a: false },
    { q: "walking pace", a: true },
    { q: "At most how many visits", a: "" },
    { q: "Write", a: true },
  ];

  it("new request: every host ticked as must-visit leaves no list to pick from, and nothing crashes", async () => {
    const dir = threeCities();
    const run = await runCli(["new", "request", "--data", dir], {
      prompter: requestScript([{ q: "must visit", a: ["tower-hamlets", "matadero", "microstart"] }], "Europe/London"),
    });
    expect(run.stderr).not.toContain("error");
    expect(run.code).toBe(0);
    expectScriptUsedUp(run.prompter);
    expect(run.prompter.asked.some((a) => a.message.includes("leave out"))).toBe(false);
    const text = readFileSync(join(dir, "requests", "housing-visit-in-london.yaml"), "utf8");
    expect(text).toContain("must_visit: [tower-hamlets, matadero, microstart]\navoid: []\n");
  });

  it("new request: hours typed 9-17, 9h-17h or 9:00-17:00 are written 09:00-17:00", async () => {
    for (const [typed, meal] of [
      ["9-17", "12h-14h"],
      ["9h-17h", "12-14"],
      ["9:00-17:00", "12:00 - 14:00"],
    ] as const) {
      const dir = threeCities();
      const run = await runCli(["new", "request", "--data", dir], {
        prompter: requestScript(
          [
            { q: "must visit", a: ["tower-hamlets"] },
            { q: "leave out", a: [] },
          ],
          "Europe/London",
          typed,
          meal,
        ),
      });
      expect(run.code, typed).toBe(0);
      expect(rejections(run.prompter), typed).toEqual([]);
      const text = readFileSync(join(dir, "requests", "housing-visit-in-london.yaml"), "utf8");
      expect(text, typed).toContain('  - {date: 2026-04-01, hours: "09:00-17:00"}\n');
      expect(text, typed).toContain(
        '  - {name: lunch, hours: "12:00-14:00", duration: 60min, places: [borough-market]}\n',
      );
      expectValid(dir);
    }
  });

  it("new request: the time zone offered is the one the workspace's places keep, not the workspace file's Brussels", async () => {
    const dir = threeCities("london");
    expect(readFileSync(join(dir, "studyvisit.yaml"), "utf8")).toContain("timezone: Europe/Brussels");
    const run = await runCli(["new", "request", "--data", dir], {
      prompter: requestScript(
        [
          { q: "must visit", a: [] },
          { q: "leave out", a: [] },
        ],
        "",
      ),
    });
    expect(run.code).toBe(0);
    expect(run.prompter.asked.find((a) => a.message.startsWith("Time zone"))?.default).toBe("Europe/London");
    expect(readFileSync(join(dir, "requests", "housing-visit-in-london.yaml"), "utf8")).toContain(
      "timezone: Europe/London\n",
    );
  });

  it("new host at a London place: country GB and the hours' zone Europe/London are offered; hours in any usual form", async () => {
    const dir = threeCities("london");
    const run = await runCli(["new", "host", "--data", dir], {
      prompter: [
        { q: "Organisation name", a: "Toynbee Hall" },
        { q: "Id", a: "" },
        { q: "Where does it receive visitors", a: "borough-market" },
        { q: "Themes of its practice: tick", a: ["housing"] },
        { q: "Other themes", a: "" },
        { q: "Languages", a: "" },
        { q: "Kind of organisation", a: "" },
        { q: "summary", a: "" },
        { q: "Web site", a: "" },
        { q: "Country", a: "" },
        { q: "Region of GB", a: "" },
        { q: "Add a contact", a: false },
        { q: "Length of a visit", a: "" },
        { q: "Largest group", a: "" },
        { q: "Where does a visit end", a: "where it starts" },
        { q: "When can it receive", a: "weekly" },
        { q: "On which days", a: ["tue", "wed"] },
        { q: "Between which hours", a: "9h-17h" },
        { q: "Anything else", a: "slots" },
        { q: "Date", a: "2026-04-01" },
        { q: "Hours", a: "9:00-10:30" },
        { q: "Anything else", a: "done" },
        { q: "Time zone", a: "" },
        { q: "at the same time", a: "" },
        { q: "Write", a: true },
      ],
    });
    expect(run.stderr).not.toContain("error");
    expect(run.code).toBe(0);
    expectScriptUsedUp(run.prompter);
    const asked = (start: string) => run.prompter.asked.find((a) => a.message.startsWith(start))?.default;
    expect(asked("Country")).toBe("GB");
    expect(asked("Time zone")).toBe("Europe/London");
    const text = readFileSync(join(dir, "hosts", "toynbee-hall.yaml"), "utf8");
    expect(text).toContain("country: GB\nregion: GB-ENG\n");
    expect(text).toContain(
      [
        "availability:",
        "  timezone: Europe/London",
        "  weekly:",
        '    - {days: [tue, wed], hours: "09:00-17:00"}',
        "  slots:",
        '    - {date: 2026-04-01, hours: "09:00-10:30"}',
        "",
      ].join("\n"),
    );
    expect((await runCli(["check", "--strict", "--data", dir])).code).toBe(0);
  });

  /** A place's questions, answered for a London address: each position answer is typed in turn (or a confirmation). */
  const londonPlace = (
    name: string,
    address: string,
    kind: string,
    positions: (string | ScriptedAnswer)[],
  ): ScriptedAnswer[] => [
    { q: "Place name", a: name },
    { q: "Id", a: "" },
    { q: "virtual venue", a: false },
    { q: "Street address", a: address },
    ...positions.map((p) => (typeof p === "string" ? { q: "Position", a: p } : p)),
    { q: "Kind of place", a: kind },
    { q: "Step-free", a: true },
    { q: "How many people", a: "" },
    { q: "Write", a: true },
  ];

  it("new place: a London hotel typed longitude first is refused with the swap hint; a far one is confirmed first", async () => {
    const dir = threeCities();
    const run = await runCli(["new", "place", "--data", dir], {
      prompter: londonPlace("Hotel by the Tower", "7 Pepys Street, London EC3N 4AF", "hotel", [
        "-0.0937, 51.5060",
        "48.8566, 2.3522",
        { q: "Keep this position", a: false },
        "51.5060, -0.0937",
      ]),
    });
    expect(run.code).toBe(0);
    expectScriptUsedUp(run.prompter);
    expect(rejections(run.prompter)).toEqual([
      "`-0.0937, 51.506` is 7,150 km from the nearest place of the workspace (`matadero`); latitude and longitude swapped? `51.506, -0.0937` is 0.2 km from `borough-market`: type the latitude first",
    ]);
    expect(run.prompter.asked.find((a) => a.kind === "confirm" && a.message.includes("Keep"))?.message).toBe(
      "`48.8566, 2.3522` lies in FR, 262 km from the nearest place of the workspace (`microstart-office`). Keep this position?",
    );
    expect(readFileSync(join(dir, "places", "hotel-by-the-tower.yaml"), "utf8")).toContain(
      "geo: {lat: 51.506, lon: -0.0937}\n",
    );
  });

  it("after writing, the warnings of other files are counted apart from their errors", async () => {
    const dir = threeCities("london");
    const host = join(dir, "hosts", "tower-hamlets.yaml");
    writeFileSync(host, readFileSync(host, "utf8").replace("  timezone: Europe/London\n", ""));
    const run = await runCli(["new", "place", "--data", dir], {
      prompter: londonPlace("Toynbee Hall", "28 Commercial Street, London E1 6LS", "leave it out", [
        "51.5176, -0.0727",
      ]),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("note: 1 warning elsewhere in the workspace; run studyvisit check");
  });

  it("new place in an empty workspace: a position at sea whose swap lies on land is refused", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "places"));
    const run = await runCli(["new", "place", "--data", dir], {
      prompter: londonPlace("Hotel by the Tower", "7 Pepys Street, London EC3N 4AF", "hotel", [
        "-0.0937, 51.5060",
        "51.5060, -0.0937",
      ]),
    });
    expect(run.code).toBe(0);
    expect(rejections(run.prompter)).toEqual([
      "`-0.0937, 51.506` lies at sea; latitude and longitude swapped? `51.506, -0.0937` lies in GB: type the latitude first",
    ]);
  });
});
