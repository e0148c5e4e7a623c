import { describe, expect, it } from "vitest";
import { greatCircleKm, leg } from "../../src/plan/travel.js";
import type { Place } from "../../src/records/schemas.js";
import { travelKey } from "../../src/records/workspace.js";

const place = (id: string, lat: number, lon: number): Place => ({ id, name: id, address: "x", geo: { lat, lon } });
const microstart = place("microstart", 50.8367, 4.3296);
const bara = place("bara", 50.8398, 4.3335);
const etterbeek = place("etterbeek", 50.833, 4.389);
const pace = { walkingKmh: 4, detour: 1.3, buffer: 10, maxWalk: 25 };

describe("travel between places", () => {
  it("walks: great circle × detour at the group's pace, rounded up", () => {
    // By hand: haversine(50.8367 4.3296, 50.8398 4.3335) = 0.44025 km; × 1.3 = 0.57233 km; at 4 km/h = 8.585 min → 9.
    expect(greatCircleKm(microstart.geo!, bara.geo!)).toBeCloseTo(0.44025, 4);
    expect(leg(microstart, bara, pace, new Map())).toEqual({ mode: "walk", minutes: 9, km: 0.6 });
  });

  it("takes public transport beyond max_walk: 18 km/h plus 10 minutes' wait", () => {
    // By hand: 4.19167 km × 1.3 = 5.44917 km; walking would be 81.7 min > 25, so 5.44917 / 18 × 60 + 10 = 28.16 → 29.
    expect(leg(microstart, etterbeek, pace, new Map())).toEqual({ mode: "transit", minutes: 29, km: 5.4 });
    // With a longer max_walk the same leg is walked: 81.74 → 82.
    expect(leg(microstart, etterbeek, { ...pace, maxWalk: 90 }, new Map())).toEqual({
      mode: "walk",
      minutes: 82,
      km: 5.4,
    });
  });

  it("lets explicit minutes win, and needs no travel for the same place or an online one", () => {
    expect(leg(microstart, etterbeek, pace, new Map([[travelKey("microstart", "etterbeek"), 40]]))).toEqual({
      mode: "transit",
      minutes: 40,
      km: 5.4,
    });
    expect(leg(microstart, bara, pace, new Map([[travelKey("microstart", "bara"), 12]]))).toEqual({
      mode: "walk",
      minutes: 12,
      km: 0.6,
    });
    expect(leg(microstart, microstart, pace, new Map())).toEqual({ mode: "none", minutes: 0, km: 0 });
    expect(leg(microstart, { id: "room", name: "room", online: "https://example.org/r" }, pace, new Map())).toEqual({
      mode: "none",
      minutes: 0,
      km: 0,
    });
  });
});
