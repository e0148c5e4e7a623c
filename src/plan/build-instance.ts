import type { Hours } from "../records/formats.js";
import type { Place, Request } from "../records/schemas.js";
import type { Workspace } from "../records/workspace.js";
import type { Candidate } from "./candidates.js";
import type { EngineInstance, EngineNode, Window } from "./engine/index.js";
import type { ResolvedPace, ResolvedRequest } from "../records/resolved-request.js";
import { leg, type Leg } from "./travel.js";

/** What each engine node stands for, so the result can be read back as agenda items. */
export type NodeMeaning =
  | { kind: "visit"; candidate: Candidate; slot?: Hours }
  | { kind: "meal"; meal: Request["meals"][number]; place?: Place }
  | { kind: "fixed"; item: Request["fixed"][number]; index: number; place?: Place };

export interface PlanInstance {
  instance: EngineInstance;
  meanings: NodeMeaning[];
  /** physical places by engine location index */
  places: Place[];
  legs: Leg[][];
  base?: Place;
  /** the request's days, in route order */
  days: Request["days"];
  /** pinned hosts (`--pin`, `--keep-proposed`) whose pinned time is outside their availability: nothing to place */
  unpinnable: string[];
}

const DAY = 1440;

/**
 * Visits fixed by the organiser: a confirmed visit of a previous agenda (with
 * `end`: exactly these times, agreed with the host even where they differ from
 * its record), or `--pin` and `--keep-proposed` (no `end`: that start, inside
 * the host's availability, for its usual duration).
 */
export type Pins = ReadonlyMap<string, { date: string; start: number; end?: number } & GroupVisit>;

/** Proposed and requested visits of a previous agenda: kept at their start unless moving one reaches a higher value. */
export type KeptVisits = ReadonlyMap<string, { date: string; start: number } & GroupVisit>;

/** A previous agenda's visit by a sub-group: its group and size (absent: the whole delegation went). */
export interface GroupVisit {
  group?: string;
  people?: number;
}

/**
 * Map one request onto the engine: a route per day from and back to `base`,
 * fixed items and meals as mandatory nodes, each host as a group of
 * alternatives (its windows, or one of its slots). Times are minutes on one
 * axis: day i's local midnight is i × 1440.
 */
export function buildInstance(
  ws: Workspace,
  request: ResolvedRequest,
  candidates: readonly Candidate[],
  pace: ResolvedPace,
  pins: Pins = new Map(),
  kept: KeptVisits = new Map(),
): PlanInstance {
  const placeIndex = new Map<string, number>();
  const places: Place[] = [];
  const loc = (place: Place | undefined): number | null => {
    if (!place || place.online) return null;
    let i = placeIndex.get(place.id);
    if (i === undefined) {
      i = places.length;
      places.push(place);
      placeIndex.set(place.id, i);
    }
    return i;
  };
  const base = request.base ? ws.places.get(request.base) : undefined;
  const baseLoc = loc(base);
  const dayIndex = new Map(request.days.map((d, i) => [d.date, i]));
  const at = (date: string) => (dayIndex.get(date) as number) * DAY;
  const only = (date: string, windows: Window[]): Window[][] =>
    request.days.map((d) => (d.date === date ? windows : []));

  const nodes: EngineNode[] = [];
  const meanings: NodeMeaning[] = [];
  const add = (node: EngineNode, meaning: NodeMeaning) => {
    nodes.push(node);
    meanings.push(meaning);
  };

  request.fixed.forEach((item, index) => {
    const place = item.place ? ws.places.get(item.place) : undefined;
    const start = at(item.date) + item.hours.start;
    add(
      {
        id: `fixed:${index}`,
        score: 0,
        duration: item.hours.end - item.hours.start,
        loc: item.online || item.parallel ? null : loc(place),
        windows: only(item.date, [[start, start]]),
        mandatory: true,
        countsAsVisit: false,
      },
      { kind: "fixed", item, index, ...(place ? { place } : {}) },
    );
  });

  for (const day of request.days) {
    for (const meal of request.meals) {
      const from = Math.max(meal.hours.start, day.hours.start);
      const to = Math.min(meal.hours.end, day.hours.end) - meal.duration;
      if (to < from) continue; // the day does not overlap the meal's hours by its duration: no meal that day
      const window = only(day.date, [[at(day.date) + from, at(day.date) + to]]);
      const group = `meal:${meal.name}:${day.date}`;
      const mealPlaces = meal.places.map((id) => ws.places.get(id)).filter((p): p is Place => p !== undefined);
      if (mealPlaces.length === 0)
        add(
          {
            id: group,
            score: 0,
            duration: meal.duration,
            loc: null,
            windows: window,
            mandatory: true,
            group,
            countsAsVisit: false,
          },
          { kind: "meal", meal },
        );
      for (const place of mealPlaces) {
        add(
          {
            id: `${group}:${place.id}`,
            score: 0,
            duration: meal.duration,
            loc: loc(place),
            windows: window,
            mandatory: true,
            group,
            countsAsVisit: false,
          },
          { kind: "meal", meal, place },
        );
      }
    }
  }

  const unpinnable: string[] = [];
  for (const candidate of candidates) {
    if (candidate.excluded) continue;
    const group = `host:${candidate.host.id}`;
    const hostLoc = loc(candidate.place);
    const endLoc = hostLoc === null ? undefined : (loc(candidate.endPlace) ?? undefined);
    const pin = pins.get(candidate.host.id);
    const common = {
      score: candidate.value,
      loc: hostLoc,
      ...(endLoc !== undefined ? { endLoc } : {}),
      mandatory: candidate.mustVisit || pin !== undefined,
      group,
      countsAsVisit: true,
    };
    const before = nodes.length;
    if (pin?.end !== undefined) {
      if (!dayIndex.has(pin.date)) {
        unpinnable.push(candidate.host.id);
        continue;
      }
      // Agreed with the host: its own times, whatever its availability or visit length say.
      const start = at(pin.date) + pin.start;
      add(
        { id: `${group}:agreed`, duration: pin.end - pin.start, windows: only(pin.date, [[start, start]]), ...common },
        { kind: "visit", candidate, slot: { start: pin.start, end: pin.end } },
      );
      continue;
    }
    const duration = candidate.host.visit.duration;
    const windows = candidate.days.map((d) =>
      d.windows
        .filter((w) => !pin || (pin.date === d.date && w.start <= pin.start && pin.start + duration <= w.end))
        .map((w): Window =>
          pin
            ? [at(d.date) + pin.start, at(d.date) + pin.start]
            : [at(d.date) + w.start, at(d.date) + w.end - duration],
        ),
    );
    if (windows.some((w) => w.length > 0))
      add({ id: group, duration, windows, ...common }, { kind: "visit", candidate });
    for (const d of candidate.days) {
      for (const slot of d.slots) {
        if (pin && (pin.date !== d.date || pin.start !== slot.start)) continue;
        const start = at(d.date) + slot.start;
        add(
          {
            id: `${group}:slot:${d.date}:${slot.start}-${slot.end}`,
            duration: slot.end - slot.start,
            windows: only(d.date, [[start, start]]),
            ...common,
          },
          { kind: "visit", candidate, slot },
        );
      }
    }
    if (pin && nodes.length === before) unpinnable.push(candidate.host.id);
    addKept(candidate, kept.get(candidate.host.id), common);
  }

  const legs = places.map((a) => places.map((b) => leg(a, b, pace, ws.travel)));
  const instance: EngineInstance = {
    travel: legs.map((row) => row.map((l) => l.minutes)),
    buffer: pace.buffer,
    routes: request.days.map((d, i) => ({
      start: i * DAY + d.hours.start,
      end: i * DAY + d.hours.end,
      startLoc: baseLoc,
      endLoc: baseLoc,
    })),
    nodes,
    ...(request.max_visits_per_day !== undefined ? { maxVisitsPerRoute: request.max_visits_per_day } : {}),
    // Day i's midnight is i × 1440 on the axis and every grid divides an hour: starts land on the local clock.
    grid: request.grid,
  };
  return { instance, meanings, places, legs, ...(base ? { base } : {}), days: request.days, unpinnable };

  /**
   * A previous visit still possible at its old start: one more option of the
   * host's group, worth keeping (the engine's objective ranks the previous
   * decisions kept right after value), so staying wins unless moving reaches a
   * strictly higher value.
   */
  function addKept(
    candidate: Candidate,
    previous: { date: string; start: number } | undefined,
    common: Omit<EngineNode, "id" | "duration" | "windows">,
  ): void {
    if (!previous || pins.has(candidate.host.id)) return;
    const day = candidate.days.find((d) => d.date === previous.date);
    if (!day) return;
    const duration = candidate.host.visit.duration;
    const slot = day.slots.find((s) => s.start === previous.start);
    const fits = day.windows.some((w) => w.start <= previous.start && previous.start + duration <= w.end);
    if (!slot && !fits) return;
    const start = at(previous.date) + previous.start;
    add(
      {
        ...common,
        id: `host:${candidate.host.id}:kept`,
        duration: slot ? slot.end - slot.start : duration,
        windows: only(previous.date, [[start, start]]),
        keep: true,
      },
      { kind: "visit", candidate, ...(slot ? { slot } : {}) },
    );
  }
}
