import { describe, expect, it } from "vitest";
import { compareObjective, type Objective } from "../../../src/plan/engine/index.js";

const base: Objective = { mandatory: 2, score: 10, kept: 3, travel: 50, endSum: 2000 };
const better = (a: Objective, b: Objective): boolean => compareObjective(a, b) < 0;

describe("compareObjective", () => {
  it("ranks mandatory, score, kept, travel, end times in that order", () => {
    // Each criterion beats every later one, in both directions.
    expect(better({ ...base, mandatory: 3, score: 0, kept: 0, travel: 999, endSum: 9999 }, base)).toBe(true);
    expect(better({ ...base, score: 11, kept: 0, travel: 999, endSum: 9999 }, base)).toBe(true);
    expect(better({ ...base, kept: 4, travel: 999, endSum: 9999 }, base)).toBe(true);
    expect(better({ ...base, travel: 49, endSum: 9999 }, base)).toBe(true);
    expect(better({ ...base, endSum: 1999 }, base)).toBe(true);
    expect(better(base, { ...base, mandatory: 3, score: 0 })).toBe(false);
    expect(better({ ...base, score: 9, kept: 10 }, base)).toBe(false);
    expect(better({ ...base, kept: 2, travel: 0, endSum: 0 }, base)).toBe(false);
  });

  it("treats score, travel and end times within 1e-6 as equal, and is antisymmetric", () => {
    const close = { ...base, score: 10 + 1e-9, travel: 50 - 1e-9, endSum: 2000 + 1e-9 };
    expect(compareObjective(close, base)).toBe(0);
    expect(compareObjective(base, close)).toBe(0);
    const worse = { ...base, kept: 2 };
    expect(Math.sign(compareObjective(worse, base))).toBe(-Math.sign(compareObjective(base, worse)));
    expect(compareObjective(worse, base)).toBeGreaterThan(0);
  });
});
