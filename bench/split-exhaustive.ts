import type { Agenda } from "../src/plan/agenda.js";
import { hostCapacity, rankCandidates } from "../src/plan/candidates.js";
import type { HolidayCalendar } from "../src/plan/holidays.js";
import { leg } from "../src/plan/travel.js";
import { minutesOn } from "../src/records/zoned-time.js";
import type { ResolvedRequest } from "../src/records/resolved-request.js";
import type { Place } from "../src/records/schemas.js";
import type { Workspace } from "../src/records/workspace.js";

// Exhaustive search over the sub-groups model (docs/sub-groups.md), written
// apart from the planner: the rejoin points (meals, fixed items, the day's
// start and end at the base) are fixed at the plan's times; every way to
// give each host to one group of one part (or to none), every group size that
// adds up, and every order of each group's visits is tried, each group's day
// simulated from the records (walking times, buffer, windows, slots, grid,
// capacity against the group's size). Only for a handful of hosts.

export interface BfPart {
  date: string;
  from: number;
  to: number;
  fromPlace?: Place;
  toPlace?: Place;
  atDayStart: boolean;
  atDayEnd: boolean;
}

interface BfOption {
  /** start range (local minutes); exact: a slot, it starts at lo */
  lo: number;
  hi: number;
  exact: boolean;
  duration: number;
}

export interface BfHost {
  id: string;
  value: number;
  capacity: number;
  place: Place;
  endPlace?: Place;
  options: Map<string, BfOption[]>;
}

export interface BfModel {
  parts: BfPart[];
  hosts: BfHost[];
  size: number;
  min: number;
  maxGroups: number;
  base?: Place;
  buffer: number;
  grid: number;
  travel: (a: Place, b: Place) => number;
}

/** The model of a planned agenda: its parts between the whole delegation's meals and fixed items, the request's hosts. */
export function bruteForceModel(
  ws: Workspace,
  request: ResolvedRequest,
  agenda: Agenda,
  holidays: HolidayCalendar,
): BfModel {
  const split = request.delegation.split;
  if (!split) throw new Error("the request does not split");
  const base = request.base ? ws.places.get(request.base) : undefined;
  const pace = request.pace;
  const parts: BfPart[] = [];
  for (const day of agenda.days) {
    const hours = request.days.find((d) => d.date === day.date)?.hours;
    if (!hours) throw new Error(`no day ${day.date}`);
    const anchors = day.items
      .filter((i) => i.group === undefined && (i.kind === "meal" || i.kind === "fixed" || i.kind === "parallel"))
      .map((i) => ({
        start: minutesOn(day.date, i.start, agenda.timezone),
        end: minutesOn(day.date, i.end, agenda.timezone),
        place: i.place && !i.place.online ? ws.places.get(i.place.id) : undefined,
      }));
    let from = hours.start;
    let fromPlace = base;
    anchors.forEach((a, k) => {
      parts.push({
        date: day.date,
        from,
        to: a.start,
        ...(fromPlace ? { fromPlace } : {}),
        ...(a.place ? { toPlace: a.place } : {}),
        atDayStart: k === 0,
        atDayEnd: false,
      });
      from = a.end;
      fromPlace = a.place;
    });
    parts.push({
      date: day.date,
      from,
      to: hours.end,
      ...(fromPlace ? { fromPlace } : {}),
      ...(base ? { toPlace: base } : {}),
      atDayStart: anchors.length === 0,
      atDayEnd: true,
    });
  }
  const hosts: BfHost[] = rankCandidates(request, { ws, holidays })
    .filter((c) => !c.excluded || c.subGroupsOnly)
    .map((c) => ({
      id: c.host.id,
      value: c.value,
      capacity: hostCapacity(c),
      place: c.place,
      ...(c.endPlace ? { endPlace: c.endPlace } : {}),
      options: new Map(
        c.days.map((d) => [
          d.date,
          [
            ...d.windows.map((w) => ({
              lo: w.start,
              hi: w.end - c.host.visit.duration,
              exact: false,
              duration: c.host.visit.duration,
            })),
            ...d.slots.map((s) => ({ lo: s.start, hi: s.start, exact: true, duration: s.end - s.start })),
          ],
        ]),
      ),
    }));
  return {
    parts,
    hosts,
    size: request.delegation.size,
    min: split.min_size,
    maxGroups: split.max_groups,
    ...(base ? { base } : {}),
    buffer: pace.buffer,
    grid: request.grid,
    travel: (a, b) => leg(a, b, pace, ws.travel).minutes,
  };
}

/** Can one group visit these hosts in this order within the part (the engine's arithmetic, see docs/sub-groups.md)? */
function feasibleOrder(model: BfModel, part: BfPart, order: readonly BfHost[]): boolean {
  const walk = (here: BfHost[], i: number, clock: number, at: Place | undefined, afterLocated: boolean): boolean => {
    if (i === order.length) {
      let end = clock;
      const to = part.atDayEnd ? model.base : part.toPlace;
      // The leg to the item after the part takes the buffer (not the way back to the base).
      if (to && at && at.id !== to.id) end += model.travel(at, to) + (part.atDayEnd ? 0 : model.buffer);
      return end <= part.to;
    }
    const host = order[i] as BfHost;
    let arrival = clock;
    if (!host.place.online && at && at.id !== host.place.id)
      arrival += model.travel(at, host.place) + (afterLocated ? model.buffer : 0);
    for (const o of host.options.get(part.date) ?? []) {
      let start = Math.max(arrival, o.lo, part.from);
      if (!o.exact && model.grid > 1) start = Math.ceil(start / model.grid) * model.grid;
      if (o.exact && start !== o.lo) continue;
      if (start > o.hi || start + o.duration > part.to) continue;
      const next = host.place.online ? at : (host.endPlace ?? host.place);
      if (walk(here, i + 1, start + o.duration, next, afterLocated || !host.place.online)) return true;
    }
    return false;
  };
  return walk([], 0, part.from, part.fromPlace, !part.atDayStart);
}

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

/** Partitions of n into k parts of at least min (any order of the groups is the same split). */
function partitions(n: number, k: number, min: number, max = n): number[][] {
  if (k === 0) return n === 0 ? [[]] : [];
  const out: number[][] = [];
  for (let p = Math.min(max, n); p >= min; p--)
    for (const rest of partitions(n - p, k - 1, min, p)) out.push([p, ...rest]);
  return out;
}

/**
 * The highest value over the model's parts (`searchParts`: only those, the
 * others as they are) with the hosts not `taken` by the parts left as they are.
 */
export function bruteForceBest(
  model: BfModel,
  options: { searchParts?: ReadonlySet<number>; taken?: ReadonlySet<string> } = {},
): number {
  const parts = model.parts.map((p, i) => ({ p, i })).filter(({ i }) => options.searchParts?.has(i) ?? true);
  const hosts = model.hosts.filter((h) => !options.taken?.has(h.id));
  // Which sets of hosts (bit masks) one group can visit in each part, whatever its size.
  const feasible = parts.map(({ p }) => {
    const ok = new Map<number, boolean>();
    for (let mask = 0; mask < 1 << hosts.length; mask++) {
      const set = hosts.filter((_, b) => mask & (1 << b));
      ok.set(
        mask,
        permutations(set).some((order) => feasibleOrder(model, p, order)),
      );
    }
    return ok;
  });
  const configs = [
    [model.size],
    ...Array.from({ length: model.maxGroups - 1 }, (_, k) => partitions(model.size, k + 2, model.min)).flat(),
  ];
  let best = 0;
  // Every choice of group sizes per part, then every host to a group or to none.
  const choose = (p: number, chosen: number[][]) => {
    if (p === parts.length) {
      const slots = chosen.flatMap((sizes, q) => sizes.map((size) => ({ q, size })));
      const masks = new Array<number>(slots.length).fill(0);
      const assign = (h: number, value: number) => {
        if (h === hosts.length) {
          if (
            value > best &&
            masks.every((m, s) => (feasible[(slots[s] as { q: number }).q] as Map<number, boolean>).get(m))
          )
            best = value;
          return;
        }
        assign(h + 1, value);
        const host = hosts[h] as BfHost;
        slots.forEach((slot, s) => {
          if (host.capacity < slot.size) return;
          // No pruning on the way: with walking tours a longer route is not always harder than a shorter one.
          masks[s] = (masks[s] as number) | (1 << h);
          assign(h + 1, value + host.value);
          masks[s] = (masks[s] as number) & ~(1 << h);
        });
      };
      assign(0, 0);
      return;
    }
    for (const sizes of configs) choose(p + 1, [...chosen, sizes]);
  };
  choose(0, []);
  return best;
}

/** Which part of the model each visit of the agenda lies in (by its date and time). */
export function partOf(model: BfModel, date: string, start: number): number {
  return model.parts.findIndex((p) => p.date === date && p.from <= start && start < p.to);
}
