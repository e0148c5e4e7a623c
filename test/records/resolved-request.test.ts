import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadWorkspace } from "../../src/records/load-workspace.js";
import { resolveRequestSettings } from "../../src/records/resolved-request.js";
import { requestSchema, type WorkspaceConfig } from "../../src/records/schemas.js";
import { tempDir } from "../helpers/files.js";

const record = (extra: Record<string, unknown> = {}) =>
  requestSchema.parse({
    id: "req",
    title: "Visit",
    organiser: { name: "O", email: "o@example.org" },
    delegation: { size: 5 },
    days: [{ date: "2018-09-19", hours: "09:00-17:00" }],
    ...extra,
  });
const bare: WorkspaceConfig = { synonyms: [], travel: [] };

describe("a request's settings, resolved once", () => {
  it("takes each setting from the request first", () => {
    const config: WorkspaceConfig = {
      ...bare,
      timezone: "Europe/Brussels",
      pace: { walking_kmh: 3.5, buffer: 15 },
      grid: 15,
      area: { within_km: 80 },
    };
    const r = resolveRequestSettings(
      record({
        timezone: "Europe/Warsaw",
        pace: { buffer: 5, max_walk: 40 },
        grid: 1,
        area: { within_km: 10 },
      }),
      config,
    );
    expect(r.zone).toBe("Europe/Warsaw");
    expect(r.zoneFrom).toBe("request");
    expect(r.pace).toEqual({ walkingKmh: 3.5, detour: 1.3, buffer: 5, maxWalk: 40 });
    expect(r.grid).toBe(1);
    expect(r.withinKm).toBe(10);
  });

  it("falls back to studyvisit.yaml, field by field", () => {
    const config: WorkspaceConfig = {
      ...bare,
      timezone: "Europe/Brussels",
      pace: { walking_kmh: 3.5, detour: 1.5 },
      grid: 15,
      area: { within_km: 80 },
    };
    const r = resolveRequestSettings(record({ pace: { buffer: 5 } }), config);
    expect(r.zone).toBe("Europe/Brussels");
    expect(r.zoneFrom).toBe("workspace");
    expect(r.pace).toEqual({ walkingKmh: 3.5, detour: 1.5, buffer: 5, maxWalk: 25 });
    expect(r.grid).toBe(15);
    expect(r.withinKm).toBe(80);
  });

  it("else takes SPEC's defaults: UTC, 4 km/h (3 step-free), 5-minute grid, 50 km", () => {
    const r = resolveRequestSettings(record(), bare);
    expect(r.zone).toBe("UTC");
    expect(r.zoneFrom).toBe("default");
    expect(r.pace).toEqual({ walkingKmh: 4, detour: 1.3, buffer: 10, maxWalk: 25 });
    expect(r.grid).toBe(5);
    expect(r.withinKm).toBe(50);
    const stepFree = resolveRequestSettings(record({ delegation: { size: 5, step_free: true } }), bare);
    expect(stepFree.pace.walkingKmh).toBe(3);
  });

  it("keeps the record's other fields and drops the raw settings, so nothing reads them twice", () => {
    const r = resolveRequestSettings(record({ timezone: "Europe/Brussels", grid: 10 }), bare);
    expect(r.id).toBe("req");
    expect(r.days).toEqual([{ date: "2018-09-19", hours: { start: 540, end: 1020 } }]);
    expect("timezone" in r).toBe(false);
    expect("area" in r).toBe(false);
  });

  it("is what the loaded workspace holds", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "requests"));
    writeFileSync(join(dir, "studyvisit.yaml"), "timezone: Europe/Brussels\ngrid: 15\n");
    writeFileSync(
      join(dir, "requests", "req.yaml"),
      'id: req\ntitle: Visit\norganiser: {name: O, email: o@example.org}\ndelegation: {size: 5}\ndays:\n  - {date: 2018-09-19, hours: "09:00-17:00"}\n',
    );
    const request = loadWorkspace(dir, dir).workspace.requests.get("req");
    expect(request?.zone).toBe("Europe/Brussels");
    expect(request?.zoneFrom).toBe("workspace");
    expect(request?.grid).toBe(15);
  });
});
