import type { ResolvedRequest } from "../records/resolved-request.js";
import type { NodeMeaning, PlanInstance } from "./build-instance.js";
import { hostCapacity } from "./candidates.js";
import type { DayPiece, DayPlan, GroupTrack, Stop } from "./day-plan.js";
import {
  solve,
  type EngineInstance,
  type EngineNode,
  type SolveOptions,
  type SolveResult,
  type Window,
} from "./engine/index.js";
import { groupName, groupSizeOptions, type GroupSizes } from "./group-sizes.js";

// Sub-groups (SPEC "Sub-groups", docs/sub-groups.md): the unsplit plan first;
// then each part of a day between two rejoin points (the day's start at the
// base, meals, fixed items, the day's end at the base) is planned again as k
// routes that leave from the same point and meet again at the next one, one per
// group, each admitting only the hosts that receive its size. A part is split
// only when that places more value. The engine is used through its public API:
// each part is one ordinary multi-route instance.

/** Something a required host's node is worth on top of its value: more than any plan's total value. */
const REQUIRED_BONUS = 1e6;
/**
 * Rounds over the day's parts: a split frees hosts another part may then use. Each change improves the
 * plan strictly (value, then fewer groups), so the rounds end; the cap only bounds the time.
 */
const MAX_ROUNDS = 20;

export interface SplitInput {
  /** the request's instance with every host a group could visit, sub-group-only ones with their windows */
  plan: PlanInstance;
  /** the unsplit plan (solved on `plan` with the sub-group-only hosts' windows emptied) */
  result: SolveResult;
  request: ResolvedRequest;
  /** hosts that must be placed and that the unsplit plan could not hold (must-visit or pinned, sub-groups only) */
  required?: ReadonlySet<string>;
  /** group sizes of an earlier agenda's split parts: tried besides the even ones, so a re-plan finds its split again */
  previousSizes?: readonly GroupSizes[];
  solver?: SolveOptions;
}

export interface SplitOutcome {
  days: DayPlan[];
  /** parts of days where the delegation is split */
  splits: number;
  /** required hosts no group could visit */
  missing: string[];
  /** some part of a day differs from the unsplit plan */
  changed: boolean;
}

interface Track {
  people: number;
  stops: Stop[];
}

/** A part of a day between two rejoin points, with what the delegation does in it. */
interface Part {
  day: number;
  /** absolute minutes: the end of the item before (or the day's start), the start of the item after (or the day's end) */
  from: number;
  to: number;
  /** location where the delegation is at `from` and where it must be at `to` (null: none, the part is not split) */
  fromLoc: number | null;
  toLoc: number | null;
  atDayStart: boolean;
  atDayEnd: boolean;
  tracks: Track[];
  /** what the unsplit plan did in it */
  unsplit: readonly Stop[];
}

interface Day {
  anchors: Stop[];
  parts: Part[];
}

/** Split parts of days where that places more value; returns the days as the agenda is built from them. */
export function splitPlan(input: SplitInput): SplitOutcome {
  const { plan, request } = input;
  const days = readDays(input);
  const required = input.required ?? new Set<string>();
  if (request.delegation.split) {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let improved = false;
      for (const day of days) {
        for (const part of day.parts) {
          if (!splittable(part)) continue;
          const best = bestForDay(input, days, day, part, required);
          if (best && improves(best, dayOption(input, day, new Map(), required))) {
            for (const [p, tracks] of best.tracks) p.tracks = tracks;
            improved = true;
          }
        }
        for (let i = 0; i < day.anchors.length; i++) if (shiftMeal(input, days, day, i, required)) improved = true;
      }
      if (!improved) break;
    }
  }
  const placed = new Set(days.flatMap((d) => d.parts.flatMap((p) => p.tracks.flatMap((t) => hostsOf(plan, t)))));
  const changed = days.some((d) =>
    d.parts.some((p) => p.tracks.length > 1 || !sameStops(p.tracks[0]?.stops ?? [], p.unsplit)),
  );
  return {
    days: days.map((d) => dayPlan(d)),
    splits: days.reduce((n, d) => n + d.parts.filter((p) => p.tracks.length > 1).length, 0),
    missing: [...required].filter((h) => !placed.has(h)).sort(),
    changed,
  };
}

/** A part the delegation may split in: it knows where the groups leave from and where they meet again. */
function splittable(part: Part): boolean {
  return part.fromLoc !== null && part.toLoc !== null && part.to > part.from;
}

/** The unsplit routes cut at their rejoin points: meals and fixed items. */
function readDays(input: SplitInput): Day[] {
  const { plan, result, request } = input;
  const size = request.delegation.size;
  return plan.days.map((_, r) => {
    const route = plan.instance.routes[r];
    if (!route) throw new Error(`no route for day ${r}`);
    const anchors: Stop[] = [];
    const parts: Part[] = [];
    let here = route.startLoc;
    let from = route.start;
    let fromLoc = here;
    let stops: Stop[] = [];
    const close = (to: number, toLoc: number | null, atDayEnd: boolean) =>
      parts.push({
        day: r,
        from,
        to,
        fromLoc,
        toLoc,
        atDayStart: anchors.length === 0,
        atDayEnd,
        tracks: [{ people: size, stops }],
        unsplit: stops,
      });
    for (const p of result.routes[r]?.nodes ?? []) {
      const stop = { node: p.node, start: p.start, end: p.end };
      const meaning = plan.meanings[p.node] as NodeMeaning;
      const node = plan.instance.nodes[p.node] as EngineNode;
      if (meaning.kind === "visit") {
        stops.push(stop);
        if (node.loc !== null) here = node.endLoc ?? node.loc;
        continue;
      }
      // A meal or fixed item: the groups meet there, or (an online item, a meal "where we are") where
      // the unsplit delegation would be, so the rest of the day still starts from the same place.
      close(p.start, node.loc ?? here, false);
      anchors.push(stop);
      here = node.loc ?? here;
      from = p.end;
      fromLoc = here;
      stops = [];
    }
    close(route.end, route.endLoc, true);
    return { anchors, parts };
  });
}

function dayPlan(day: Day): DayPlan {
  const pieces: DayPiece[] = [];
  day.parts.forEach((part, i) => {
    const whole = part.tracks.length === 1;
    // As the unsplit plan had it: its items as they are (they meet the next item where the engine put it).
    if (whole && sameStops(part.tracks[0]?.stops ?? [], part.unsplit))
      for (const stop of part.tracks[0]?.stops ?? []) pieces.push({ kind: "stop", stop });
    else {
      const tracks: GroupTrack[] = part.tracks.map((t, g) => ({
        ...(whole ? {} : { group: groupName(g) }),
        people: t.people,
        stops: t.stops,
      }));
      pieces.push({
        kind: "part",
        tracks,
        until: part.to,
        ...(part.atDayEnd || part.toLoc === null ? {} : { rejoin: part.toLoc }),
      });
    }
    const anchor = day.anchors[i];
    if (anchor) pieces.push({ kind: "stop", stop: anchor });
  });
  return { pieces };
}

function sameStops(a: readonly Stop[], b: readonly Stop[]): boolean {
  return a.length === b.length && a.every((s, i) => s.node === b[i]?.node && s.start === b[i]?.start);
}

function hostsOf(plan: PlanInstance, track: Track): string[] {
  return track.stops.flatMap((s) => {
    const m = plan.meanings[s.node] as NodeMeaning;
    return m.kind === "visit" ? [m.candidate.host.id] : [];
  });
}

/** What a set of tracks is worth: hosts that had to be placed, value, previous visits kept. */
function worth(input: SplitInput, tracks: readonly Track[], required: ReadonlySet<string>) {
  let value = 0;
  let kept = 0;
  let count = 0;
  for (const t of tracks)
    for (const s of t.stops) {
      const m = input.plan.meanings[s.node] as NodeMeaning;
      if (m.kind !== "visit") continue;
      value += m.candidate.value;
      if (input.plan.instance.nodes[s.node]?.keep) kept++;
      if (required.has(m.candidate.host.id)) count++;
    }
  return { required: count, value, kept };
}

/** A day with some of its parts planned anew (`changes`), the others as they are. */
interface DayOption {
  tracks: Map<Part, Track[]>;
  required: number;
  value: number;
  kept: number;
  /** groups over the day's parts (a part not split counts 1) */
  groups: number;
  travel: number;
}

function dayOption(
  input: SplitInput,
  day: Day,
  changes: ReadonlyMap<Part, Track[]>,
  required: ReadonlySet<string>,
): DayOption {
  const option: DayOption = { tracks: new Map(changes), required: 0, value: 0, kept: 0, groups: 0, travel: 0 };
  for (const part of day.parts) {
    const tracks = changes.get(part) ?? part.tracks;
    const w = worth(input, tracks, required);
    option.required += w.required;
    option.value += w.value;
    option.kept += w.kept;
    option.groups += tracks.length;
    option.travel += tracks.reduce((sum, t) => sum + trackTravel(input.plan, part, t), 0);
  }
  return option;
}

/** Better for the plan: more required hosts placed, then more value, then more of the previous plan kept; undefined on a tie. */
function compareWorth(a: DayOption, b: DayOption): boolean | undefined {
  if (a.required !== b.required) return a.required > b.required;
  if (a.value !== b.value) return a.value > b.value;
  if (a.kept !== b.kept) return a.kept > b.kept;
  return undefined;
}

/** Worth taking over the day as it is: better, or as good with fewer groups (a split that no longer pays is undone). */
function improves(a: DayOption, current: DayOption): boolean {
  return compareWorth(a, current) ?? a.groups < current.groups;
}

/** Among a day's options: better, then fewer groups (no split for nothing), then less travel. */
function preferred(a: DayOption, b: DayOption): boolean {
  const worthier = compareWorth(a, b);
  if (worthier !== undefined) return worthier;
  if (a.groups !== b.groups) return a.groups < b.groups;
  return a.travel < b.travel;
}

/** The group sizes to try in a part for k groups: one per distinct set of admitted hosts, and the previous agenda's. */
function sizeOptions(input: SplitInput, k: number, nodes: readonly PartNode[]): GroupSizes[] {
  const split = input.request.delegation.split;
  if (!split) return k === 1 ? [[input.request.delegation.size]] : [];
  const size = input.request.delegation.size;
  const options = groupSizeOptions(
    size,
    k,
    split.min_size,
    nodes.map((n) => n.capacity),
  );
  for (const previous of input.previousSizes ?? [])
    if (
      previous.length === k &&
      previous.every((s) => s >= split.min_size) &&
      previous.reduce((a, b) => a + b, 0) === size &&
      !options.some((o) => o.every((s, i) => s === previous[i]))
    )
      options.push(previous);
  return options;
}

/** Hosts visited in the days' parts, but for `except`, with `changes` in place of some parts' tracks. */
function usedHosts(
  plan: PlanInstance,
  days: readonly Day[],
  except: ReadonlySet<Part>,
  changes: ReadonlyMap<Part, Track[]> = new Map(),
): Set<string> {
  return new Set(
    days.flatMap((d) =>
      d.parts
        .filter((p) => !except.has(p))
        .flatMap((p) => (changes.get(p) ?? p.tracks).flatMap((t) => hostsOf(plan, t))),
    ),
  );
}

/**
 * Every way to spend a part — whole, or in 2..max_groups groups of each size
 * option — with the hosts not in `taken`. `around`: the visits each person
 * makes that day outside the part (for max_visits_per_day).
 */
function partOptions(
  input: SplitInput,
  part: Part,
  taken: ReadonlySet<string>,
  own: ReadonlySet<string>,
  required: ReadonlySet<string>,
  around: number,
): Track[][] {
  const max = input.request.delegation.split?.max_groups ?? 1;
  const nodes = partNodes(input.plan, part, taken);
  const out: Track[][] = [];
  for (let k = 1; k <= max; k++)
    for (const sizes of sizeOptions(input, k, nodes)) {
      const tracks = solvePart(input, part, nodes, sizes, own, required, around);
      if (tracks) out.push(tracks);
    }
  return out;
}

/** Better tracks for one part: by worth, then fewer groups, then less travel. */
function betterTracks(input: SplitInput, part: Part, a: Track[], b: Track[], required: ReadonlySet<string>): boolean {
  const wa = worth(input, a, required);
  const wb = worth(input, b, required);
  if (wa.required !== wb.required) return wa.required > wb.required;
  if (wa.value !== wb.value) return wa.value > wb.value;
  if (wa.kept !== wb.kept) return wa.kept > wb.kept;
  if (a.length !== b.length) return a.length < b.length;
  const travel = (ts: Track[]) => ts.reduce((n, t) => n + trackTravel(input.plan, part, t), 0);
  return travel(a) < travel(b);
}

/**
 * The best way to spend one part of a day — whole, or in groups — with the
 * day's other parts planned again (their groups as they are) when the part
 * lets hosts go: a host the part no longer visits may fit another part. The
 * other days stay as they are.
 */
function bestForDay(
  input: SplitInput,
  days: readonly Day[],
  day: Day,
  part: Part,
  required: ReadonlySet<string>,
): DayOption | undefined {
  const { plan } = input;
  const own = new Set(part.tracks.flatMap((t) => hostsOf(plan, t)));
  const around = visitsAround(
    plan,
    day.parts.filter((p) => p !== part).map((p) => p.tracks),
  );
  let best: DayOption | undefined;
  for (const tracks of partOptions(input, part, usedHosts(plan, days, new Set([part])), own, required, around)) {
    const changes = new Map([[part, tracks]]);
    const kept = new Set(tracks.flatMap((t) => hostsOf(plan, t)));
    // Hosts the part let go may fit elsewhere in the day: plan the other parts again, in order.
    if ([...own].some((h) => !kept.has(h)))
      for (const other of day.parts) {
        if (other === part) continue;
        const mine = new Set(other.tracks.flatMap((t) => hostsOf(plan, t)));
        const elsewhere = visitsAround(
          plan,
          day.parts.filter((p) => p !== other).map((p) => changes.get(p) ?? p.tracks),
        );
        const again = solvePart(
          input,
          other,
          partNodes(plan, other, usedHosts(plan, days, new Set([other]), changes)),
          other.tracks.map((t) => t.people),
          mine,
          required,
          elsewhere,
        );
        if (
          again &&
          betterTracks(input, other, again, other.tracks, required) &&
          worthMore(input, again, other.tracks, required)
        )
          changes.set(other, again);
      }
    const option = dayOption(input, day, changes, required);
    if (!best || preferred(option, best)) best = option;
  }
  return best;
}

/** More required hosts, value or previous visits kept (not merely fewer groups or less travel). */
function worthMore(input: SplitInput, a: Track[], b: Track[], required: ReadonlySet<string>): boolean {
  const wa = worth(input, a, required);
  const wb = worth(input, b, required);
  if (wa.required !== wb.required) return wa.required > wb.required;
  if (wa.value !== wb.value) return wa.value > wb.value;
  return wa.kept > wb.kept;
}

/**
 * A meal moved within its hours, the parts before and after it planned again
 * (whole or split). The other rejoin points stay where the unsplit plan put
 * them; a meal's time is free within its hours, and a split may want it later
 * (a group's visit running until 12:30) or earlier. Tried on quarter hours (or
 * the grid, when coarser). Applied when the day gains; returns whether it did.
 */
function shiftMeal(
  input: SplitInput,
  days: readonly Day[],
  day: Day,
  index: number,
  required: ReadonlySet<string>,
): boolean {
  const { plan } = input;
  const anchor = day.anchors[index];
  const before = day.parts[index];
  const after = day.parts[index + 1];
  if (!anchor || !before || !after || (!splittable(before) && !splittable(after))) return false;
  if ((plan.meanings[anchor.node] as NodeMeaning).kind !== "meal") return false;
  const length = anchor.end - anchor.start;
  const grid = plan.instance.grid ?? 1;
  const step = grid * Math.ceil(15 / grid);
  const windows = plan.instance.nodes[anchor.node]?.windows[before.day] ?? [];
  const times = windows.flatMap(([a, b]) => {
    const out: number[] = [];
    for (let t = Math.ceil(a / step) * step; t <= b; t += step)
      if (t !== anchor.start && t >= before.from && t + length <= after.to) out.push(t);
    return out;
  });
  const others = new Set([before, after]);
  const taken = usedHosts(plan, days, others);
  const rest = day.parts.filter((p) => !others.has(p)).map((p) => p.tracks);
  const current = dayOption(input, day, new Map(), required);
  let best: { t: number; first: Track[]; second: Track[]; option: DayOption } | undefined;
  for (const t of times) {
    const first = { ...before, to: t };
    const second = { ...after, from: t + length };
    const ownFirst = new Set(before.tracks.flatMap((tr) => hostsOf(plan, tr)));
    const ownSecond = new Set(after.tracks.flatMap((tr) => hostsOf(plan, tr)));
    const pick = (part: Part, options: Track[][]) =>
      options.reduce<Track[] | undefined>(
        (b, o) => (!b || betterTracks(input, part, o, b, required) ? o : b),
        undefined,
      );
    const firstTracks = pick(
      first,
      partOptions(
        input,
        first,
        new Set([...taken, ...ownSecond]),
        ownFirst,
        required,
        visitsAround(plan, [...rest, after.tracks]),
      ),
    );
    if (!firstTracks) continue;
    const secondTracks = pick(
      second,
      partOptions(
        input,
        second,
        new Set([...taken, ...firstTracks.flatMap((tr) => hostsOf(plan, tr))]),
        new Set([...ownSecond].filter((h) => !ownFirst.has(h))),
        required,
        visitsAround(plan, [...rest, firstTracks]),
      ),
    );
    if (!secondTracks) continue;
    const option = dayOption(
      input,
      day,
      new Map([
        [before, firstTracks],
        [after, secondTracks],
      ]),
      required,
    );
    if (improves(option, current) && (!best || preferred(option, best.option)))
      best = { t, first: firstTracks, second: secondTracks, option };
  }
  if (!best) return false;
  anchor.start = best.t;
  anchor.end = best.t + length;
  before.to = best.t;
  after.from = best.t + length;
  before.tracks = best.first;
  after.tracks = best.second;
  return true;
}

/** Minutes a party travels through a part: from where it starts, by its stops, to where it meets the others. */
function trackTravel(plan: PlanInstance, part: Part, track: Track): number {
  const t = plan.instance.travel;
  let minutes = 0;
  let here = part.fromLoc;
  for (const s of track.stops) {
    const node = plan.instance.nodes[s.node] as EngineNode;
    if (node.loc === null) continue;
    if (here !== null) minutes += (t[here]?.[node.loc] as number) ?? 0;
    here = node.endLoc ?? node.loc;
  }
  if (here !== null && part.toLoc !== null) minutes += (t[here]?.[part.toLoc] as number) ?? 0;
  return minutes;
}

interface PartNode {
  /** index in the plan instance */
  index: number;
  host: string;
  capacity: number;
  /** the node's start windows on the part's day, within the part */
  windows: Window[];
}

/** The visits that could happen in the part: hosts not visited in another part, their windows inside it. */
function partNodes(plan: PlanInstance, part: Part, elsewhere: ReadonlySet<string>): PartNode[] {
  const out: PartNode[] = [];
  const grid = plan.instance.grid ?? 1;
  plan.instance.nodes.forEach((node, index) => {
    const meaning = plan.meanings[index] as NodeMeaning;
    if (meaning.kind !== "visit" || elsewhere.has(meaning.candidate.host.id)) return;
    // A window cut to the part keeps its starts on the grid: cut to a single point off the grid, the engine
    // would take the point as a given time (a slot's) and start there.
    const rounded = grid > 1 && node.windows.some((ws) => (ws ?? []).some(([a, b]) => b > a));
    const up = (t: number) => (rounded ? Math.ceil(t / grid) * grid : t);
    const down = (t: number) => (rounded ? Math.floor(t / grid) * grid : t);
    const windows = (node.windows[part.day] ?? [])
      .map(([a, b]): Window => [Math.max(a, up(part.from)), Math.min(b, down(part.to - node.duration))])
      .filter(([a, b]) => a <= b);
    if (windows.length === 0) return;
    out.push({ index, host: meaning.candidate.host.id, capacity: hostCapacity(meaning.candidate), windows });
  });
  return out;
}

/**
 * One part planned for groups of the given sizes: a route per group from the
 * point before the part to the point after it, as one engine instance.
 * Undefined when it cannot be done (a must-visit host of the part left out).
 */
function solvePart(
  input: SplitInput,
  part: Part,
  candidates: readonly PartNode[],
  sizes: GroupSizes,
  own: ReadonlySet<string>,
  required: ReadonlySet<string>,
  around: number,
): Track[] | undefined {
  const { plan, request } = input;
  const base = plan.instance;
  if (sizes.length > 1 && !splittable(part)) return undefined;
  const { travel, start, end } = partTravel(base.travel, base.buffer, part);
  // An empty group goes straight from the item before to the item after: it must make it in time.
  if (part.fromLoc !== null && part.toLoc !== null && part.fromLoc !== part.toLoc) {
    const direct =
      ((base.travel[part.fromLoc]?.[part.toLoc] as number) ?? 0) + (part.atDayStart || part.atDayEnd ? 0 : base.buffer);
    if (part.from + direct > part.to + 1e-6) return undefined;
  }
  const map: number[] = [];
  const nodes: EngineNode[] = [];
  for (const c of candidates) {
    const node = base.nodes[c.index] as EngineNode;
    const windows = sizes.map((s) => (c.capacity >= s ? c.windows : []));
    if (windows.every((w) => w.length === 0)) continue;
    // Must-visit and pinned hosts of this part stay in it; those of other parts are not candidates here.
    const mandatory = node.mandatory === true && own.has(c.host);
    const bonus = required.has(c.host) ? REQUIRED_BONUS : 0;
    map.push(c.index);
    nodes.push({ ...node, score: node.score + bonus, windows, mandatory });
  }
  const cap = request.max_visits_per_day;
  const instance: EngineInstance = {
    travel,
    buffer: base.buffer,
    routes: sizes.map(() => ({ start: part.from, end: part.to, startLoc: start, endLoc: end })),
    nodes,
    ...(cap !== undefined ? { maxVisitsPerRoute: Math.max(0, cap - around) } : {}),
    ...(base.grid !== undefined ? { grid: base.grid } : {}),
  };
  const solved = solve(instance, { ...input.solver, onProgress: undefined });
  if (!solved.feasible) return undefined;
  return solved.routes.map((route, g) => ({
    people: sizes[g] as number,
    stops: route.nodes.map((p) => ({ node: map[p.node] as number, start: p.start, end: p.end })),
  }));
}

/**
 * The plan's travel matrix with the part's ends added as places of their own:
 * leaving the item before the part for another place costs the buffer on top
 * of the walk, and so does arriving for the item after it (the engine adds no
 * buffer on a route's first and last legs); staying at the same place costs
 * nothing, as between any two items. At the day's start and end the base is the
 * route's own end, as in the unsplit plan.
 */
function partTravel(
  matrix: ReadonlyArray<ReadonlyArray<number>>,
  buffer: number,
  part: Part,
): { travel: number[][]; start: number | null; end: number | null } {
  const n = matrix.length;
  const from = part.fromLoc as number;
  const to = part.toLoc as number;
  const t = (i: number, j: number) => (matrix[i]?.[j] as number) ?? 0;
  const travel = matrix.map((row) => [...row]);
  // Nowhere to leave from or to meet at (no base, an online item first): the part starts or ends where its items are.
  let start: number | null = part.fromLoc;
  let end: number | null = part.toLoc;
  const virtualStart = !part.atDayStart && part.fromLoc !== null;
  if (virtualStart) {
    start = travel.length;
    for (const row of travel) row.push(0);
    travel.push([...Array.from({ length: n }, (_, j) => (j === from ? 0 : t(from, j) + buffer)), 0]);
  }
  if (!part.atDayEnd && part.toLoc !== null) {
    end = travel.length;
    const into = (i: number) => (i === to ? 0 : t(i, to) + buffer);
    travel.forEach((row, i) => row.push(i < n ? into(i) : into(from)));
    travel.push([...Array.from({ length: n }, (_, j) => t(to, j)), ...(virtualStart ? [0] : []), 0]);
  }
  return { travel, start, end };
}

/** Visits each person makes in these parts of a day: the whole delegation's, and each split part's most. */
function visitsAround(plan: PlanInstance, parts: readonly (readonly Track[])[]): number {
  return parts.reduce((n, tracks) => n + Math.max(0, ...tracks.map((t) => hostsOf(plan, t).length)), 0);
}
