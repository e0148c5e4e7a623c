import fc from "fast-check";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { AgendaDocument } from "../../src/plan/agenda.js";
import { tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

// Ids and titles that YAML would read as something else when written bare:
// plan --out writes them, check reads them back, export gives plan's JSON.

const HOSTILE_IDS = ["1e3", "0x1f", "yes", "no", "null", "on", "off", "08", "true", "0o17", "1-2", "nan"];
const HOSTILE_TEXT = [
  "~",
  "-",
  "null",
  "yes",
  "1e3",
  "Talk: the # of 'new' \"people\" | others",
  "line one\nline two: # not a comment",
  "@home [a, b] {c: d} & *star !tag %pct `tick`",
];

const text = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc
    .string({ minLength: 1, maxLength: 20 })
    .filter(
      (s) =>
        s.trim().length > 0 && s.trim() === s && ![...s].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127),
    ),
);

const workspace = fc.record({
  ids: fc.shuffledSubarray(HOSTILE_IDS, { minLength: 6, maxLength: 6 }),
  hostNames: fc.tuple(text, text),
  placeNames: fc.tuple(text, text, text),
  title: text,
  fixedTitle: text,
  notes: text,
  meal: fc.constantFrom("lunch", "null", "~", "yes", "Lunch: # 1"),
});

describe("agenda.yaml reads back as written", () => {
  it("round-trips hostile ids and titles: plan --out → check → export --format json equals plan --json", async () => {
    await fc.assert(
      fc.asyncProperty(workspace, async (w) => {
        const [request, base, p1, p2, h1, h2] = w.ids as [string, string, string, string, string, string];
        const dir = tempDir();
        const data = join(dir, "data");
        for (const sub of ["places", "hosts", "requests"]) mkdirSync(join(data, sub), { recursive: true });
        writeFileSync(join(data, "studyvisit.yaml"), stringify({ timezone: "Europe/Brussels" }));
        writeFileSync(
          join(data, "places", "places.yaml"),
          stringify(
            [base, p1, p2].map((id, i) => ({
              id,
              name: w.placeNames[i],
              address: `${w.placeNames[i]} street`,
              geo: { lat: 50.84 + i * 0.003, lon: 4.35 + i * 0.002 },
            })),
          ),
        );
        [h1, h2].forEach((id, i) =>
          writeFileSync(
            join(data, "hosts", `h${i}.yaml`),
            stringify({
              id,
              name: w.hostNames[i],
              themes: ["jobs"],
              contacts: [{ name: w.hostNames[i], email: `h${i}@example.org` }],
              place: i === 0 ? p1 : p2,
              visit: { duration: 60 },
              availability: { weekly: [{ days: ["wed"], hours: "09:00-17:00" }] },
            }),
          ),
        );
        writeFileSync(
          join(data, "requests", "r.yaml"),
          stringify({
            id: request,
            title: w.title,
            organiser: { name: "Org", email: "org@example.org" },
            delegation: { size: 8 },
            timezone: "Europe/Brussels",
            days: [{ date: "2018-09-19", hours: "09:00-17:00" }],
            base,
            interests: ["jobs"],
            meals: [{ name: w.meal, hours: "12:00-14:00", duration: 45, places: [p2] }],
            fixed: [{ title: w.fixedTitle, date: "2018-09-19", hours: "09:00-09:30", place: base, notes: w.notes }],
          }),
        );
        const env = { SOURCE_DATE_EPOCH: "1535000000" };
        const plan = await runCli(["plan", request, "--data", "data", "--json"], { cwd: dir, env });
        expect(plan.stderr).toBe("");
        expect(plan.code).toBe(0);
        const out = await runCli(["plan", request, "--data", "data", "--out", "out", "--quiet"], { cwd: dir, env });
        expect(out.code).toBe(0);
        const agenda = join("out", request, "agenda.yaml");
        const check = await runCli(["check", "--data", "data", agenda], { cwd: dir });
        expect(check.stderr).toBe("");
        expect(check.code).toBe(0);
        const exported = await runCli(["export", agenda, "--data", "data", "--format", "json"], { cwd: dir, env });
        expect(exported.code).toBe(0);
        const planned = JSON.parse(plan.stdout) as AgendaDocument;
        expect(planned.agendas[0]?.days.flatMap((d) => d.items).filter((i) => i.kind === "visit").length).toBe(2);
        expect(JSON.parse(exported.stdout)).toEqual(planned);
      }),
      { numRuns: 12, seed: 1000 },
    );
  }, 60_000);
});
