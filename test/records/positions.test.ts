import { describe, expect, it } from "vitest";
import { hostSchema, placeSchema } from "../../src/records/schemas.js";
import { parseYaml } from "../../src/records/yaml-source.js";
import { zodProblems } from "../../src/records/zod-problems.js";
import { formatProblem } from "../../src/records/problem.js";

function problems(text: string, schema: typeof hostSchema | typeof placeSchema, list = false): string[] {
  const parsed = parseYaml("f.yaml", text);
  if (!parsed.source) return parsed.problems.map(formatProblem);
  const records = list ? (parsed.data as unknown[]) : [parsed.data];
  return records.flatMap((data, i) => {
    const result = schema.safeParse(data);
    return result.success
      ? []
      : zodProblems(parsed.source, list ? [i] : [], schema, result.error.issues, data).map(formatProblem);
  });
}

describe("positions of problems", () => {
  it("points at the value at fault", () => {
    const text = "id: hotel\nname: Hotel\naddress: Rue 1\ngeo: {lat: 91, lon: 4}\n";
    expect(problems(text, placeSchema)).toEqual([
      "f.yaml:4:6: geo: latitude 91 is out of range -90..90 (latitude comes first: did you swap them?)",
    ]);
  });

  it("points at the key of an unknown key and names the closest valid one", () => {
    const text = "id: h\nname: H\nplace: p\nvisti:\n  duration: 90min\n";
    expect(problems(text, hostSchema)).toEqual(["f.yaml:4:1: unknown key `visti` (did you mean `visit`?)"]);
  });

  it("lists the valid keys when nothing is close", () => {
    const text = "id: h\nname: H\naddress: A\ngeo: '50, 4'\nwheelchair: true\n";
    expect(problems(text, placeSchema)[0]).toContain(
      "unknown key `wheelchair` (expected one of: address, capacity, geo, id, kind, name, online, step_free)",
    );
  });

  it("finds the right record of a list file", () => {
    const text =
      "- id: a\n  name: A\n  address: X\n  geo: '50, 4'\n- id: b\n  name: B\n  address: Y\n  geo: '50, 4'\n  capacity: -3\n";
    expect(problems(text, placeSchema, true)).toEqual(["f.yaml:9:13: capacity: must be greater than 0, got -3"]);
  });

  it("finds fields of an inline place inside a host", () => {
    const text =
      "id: h\nname: H\nplace:\n  id: bara\n  name: Place Bara\n  address: Place Bara\n  geo: '50.83, 4.33'\n  capacity: lots\n";
    expect(problems(text, hostSchema)).toEqual(["f.yaml:8:13: place.capacity: expected a number, got text `lots`"]);
  });

  it("reports a missing required key at its mapping", () => {
    const text = "- id: a\n  address: X\n  geo: '50, 4'\n";
    expect(problems(text, placeSchema, true)).toEqual(["f.yaml:1:3: missing `name`"]);
  });

  it("merges a misspelt key with the required key it stands for", () => {
    const text = "id: a\nnmae: A\naddress: X\ngeo: '50, 4'\n";
    expect(problems(text, placeSchema)).toEqual(["f.yaml:2:1: unknown key `nmae` (did you mean `name`?)"]);
  });

  it("reaches inside flow sequences and interest objects", () => {
    const text = "id: h\nname: H\nplace: p\navailability:\n  weekly:\n    - {days: [mon, tue], hours: '9-25'}\n";
    expect(problems(text, hostSchema)).toEqual([
      "f.yaml:6:33: availability.weekly[0].hours: `25` is not a time of day (00:00 to 24:00)",
    ]);
  });

  it("refuses oversized files, custom tags and alias bombs before building data", () => {
    expect(parseYaml("big.yaml", "#".repeat(1024 * 1024 + 1)).problems.map(formatProblem)).toEqual([
      "big.yaml:1:1: file is 1.0 MiB, larger than the 1.0 MiB a record file may be",
    ]);
    expect(parseYaml("t.yaml", "a: !js/function 'x'\n").problems.map(formatProblem)[0]).toBe(
      "t.yaml:1:4: tag `!js/function` is not allowed: records use plain YAML values",
    );
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
    ].join("\n");
    expect(parseYaml("bomb.yaml", bomb).problems.map(formatProblem)[0]).toMatch(
      /^bomb\.yaml:2:8: aliases expand to too many nodes/,
    );
  });

  it("gives duplicate keys and syntax errors their line", () => {
    expect(parseYaml("d.yaml", "id: a\nname: A\nname: B\n").problems.map(formatProblem)).toEqual([
      "d.yaml:3:1: duplicate key `name`: it already appears earlier in the same mapping",
    ]);
    expect(parseYaml("s.yaml", "themes: [a, b\nname: x\n").problems.map(formatProblem)[0]).toContain(
      "(the `[` opened at 1:9 is not closed)",
    );
  });
});
