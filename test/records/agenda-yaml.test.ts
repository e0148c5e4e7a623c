import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAgendaYaml } from "../../src/records/agenda-file.js";
import type { AgendaFile } from "../../src/records/agenda-schema.js";
import { agendaYaml } from "../../src/records/agenda-yaml.js";
import { stripControlCharacters } from "../../src/records/control-characters.js";

// The writer and the reader share one schema: whatever the writer is given
// reads back equal, ids and text included, and each item stays on one line.

const id = fc.oneof(
  fc.constantFrom("1e3", "0x1f", "yes", "no", "null", "on", "off", "08", "true", "nan", "1-2", "inf"),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/),
);
// Text as records hold it: loading strips control characters and escape sequences
// (src/records/control-characters.ts), so an agenda never carries them.
const clean = (t: string) => stripControlCharacters(t);
const text = fc
  .oneof(
    fc.constantFrom(
      "~",
      "-",
      "null",
      "Null",
      "yes",
      "1e3",
      "a: b # c",
      "'q' \"d\" |",
      "line\nnext",
      " lead",
      "tab\tin",
    ),
    fc.string({ minLength: 1, maxLength: 30 }),
    fc.string({ unit: "binary", minLength: 1, maxLength: 20 }),
  )
  .map(clean)
  .filter((t) => t.length > 0);
const time = fc
  .tuple(fc.integer({ min: 0, max: 1438 }), fc.integer({ min: 1, max: 120 }))
  .map(([start, length]) => ({ start, end: Math.min(1440, start + length) }));

const item = fc.record(
  {
    kind: fc.constantFrom("visit", "walk", "transit", "meal", "fixed", "parallel", "free" as const),
    time,
    title: text,
    host: id,
    place: id,
    minutes: fc.integer({ min: 0, max: 90 }),
    km: fc.double({ min: 0, max: 20, noNaN: true }),
    sessions: fc.array(fc.record({ title: text, host: id }), { minLength: 1, maxLength: 2 }),
    hosts: fc.array(id, { minLength: 1, maxLength: 3 }),
    status: fc.constantFrom("proposed", "requested", "confirmed", "declined" as const),
    sequence: fc.integer({ min: 0, max: 9 }),
    notes: fc.string({ maxLength: 40 }).map(clean),
  },
  { requiredKeys: ["kind", "time"] },
);

const file: fc.Arbitrary<AgendaFile> = fc.record({
  request: id,
  timezone: fc.constant("Europe/Brussels"),
  value: fc.integer({ min: 0, max: 50 }),
  travel_minutes: fc.integer({ min: 0, max: 500 }),
  days: fc.array(
    fc.record({ date: fc.constantFrom("2018-09-18", "2018-09-19"), items: fc.array(item, { maxLength: 5 }) }),
    {
      maxLength: 2,
    },
  ),
  unscheduled: fc.array(
    fc.record(
      { host: id, code: text, reason: text, suggestion: text, value: fc.integer({ min: 0, max: 9 }) },
      { requiredKeys: ["host"] },
    ),
    { maxLength: 3 },
  ),
}) as fc.Arbitrary<AgendaFile>;

describe("agenda.yaml", () => {
  it("reads back exactly as written", () => {
    fc.assert(
      fc.property(file, (f) => {
        const text = agendaYaml(f, ["a comment"]);
        const read = parseAgendaYaml("agenda.yaml", text);
        expect(read.problems).toEqual([]);
        expect(read.file).toEqual(f);
        // One line per item: as many item lines as items.
        const items = f.days.reduce((n, d) => n + d.items.length, 0);
        expect(text.split("\n").filter((l) => l.startsWith("      - {kind: ")).length).toBe(items);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
