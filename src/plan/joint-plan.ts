import { isoMinutes } from "../records/dates.js";
import type { ResolvedRequest } from "../records/resolved-request.js";
import type { Workspace } from "../records/workspace.js";
import type { Agenda } from "./agenda.js";
import type { GroupVisit, KeptVisits, Pins } from "./build-instance.js";
import { fullIntervals, rankCandidates, type Candidate } from "./candidates.js";
import type { SolveOptions, SolveProgress } from "./engine/index.js";
import type { HolidayCalendar } from "./holidays.js";
import { hostVisits } from "./host-visits.js";
import { planRequest, type RequestPlan } from "./plan-request.js";
import { leg } from "./travel.js";
import { localParts } from "../records/zoned-time.js";

export interface JointInput {
  ws: Workspace;
  requests: readonly ResolvedRequest[];
  holidays: HolidayCalendar;
  /** agendas already sent out (`--booked`): their visits, parallel sessions and joint meetings hold host time and never move */
  booked?: readonly Agenda[];
  declined?: ReadonlyMap<string, ReadonlySet<string>>;
  pins?: ReadonlyMap<string, Pins>;
  /** per request: previous proposed and requested visits, kept unless moving one reaches a higher value */
  kept?: ReadonlyMap<string, KeptVisits>;
  solver?: SolveOptions;
  suggestionLimit?: number;
  /** most re-plans of one request under blocked host time the search may make, dive and complete search together (default: see searchBudget) */
  budget?: number;
  /** Told before, during and after the planning; the caller draws it (the plan layer never prints). */
  onProgress?: (progress: PlanProgress) => void;
}

/** How far the planning is: requests planned of all, their total value, and what is being done now. */
export interface PlanProgress {
  requestsDone: number;
  requestsTotal: number;
  /** total value of the agendas planned so far (alone, while `settling`) */
  valueDone: number;
  /** the request being planned and the best value its search has found so far (none yet at its start) */
  current?: { request: string; bestValue?: number };
  /**
   * Every request is planned alone and their plans over-book hosts: the
   * search for the best plan together is on. `bestValue`: the total value of
   * the best plan together without over-booking found so far (none yet).
   */
  settling?: { conflicts: number; replans: number; bestValue?: number };
}

export interface JointPlan {
  /** one per request, in the order given */
  plans: RequestPlan[];
  /** Σ priority × value of the plans */
  total: number;
  /** Σ priority × value of each request planned alone: no joint plan does better. Unset when a plan alone is not proven. */
  bound?: number;
  /** the total is the best possible: it meets `bound`, or the complete search ended with every re-plan proven */
  proven: boolean;
  stats: JointStats;
}

export interface JointStats {
  /** host conflicts between the requests' plans made alone */
  conflicts: number;
  /** re-plans of one request under blocked host time */
  replans: number;
  /** of which at the end, against the others' real bookings */
  finalReplans: number;
  /** how the result was reached */
  method: "independent" | "search" | "complete-search" | "sequential";
}

/** One delegation at one host: instants in ms. `request` -1 is a `--booked` agenda. */
interface Use {
  request: number;
  host: string;
  start: number;
  end: number;
}

type Interval = { start: number; end: number };
/** Host time a request may not use, by host: the search's only lever on a request. */
type Blocks = ReadonlyMap<string, readonly Interval[]>;

interface Node {
  blocks: Blocks[];
  plans: RequestPlan[];
  total: number;
  depth: number;
  seq: number;
}

interface Conflict {
  host: string;
  /** a moment at which more delegations than `parallel` are at the host */
  at: number;
  covering: Use[];
}

const MINUTE = 60_000;

/**
 * Plan several requests together: the most total value (each request's value
 * times its `priority`), every request's must-visits kept, no host receiving
 * more than `parallel` delegations at once. See docs/joint-planning.md.
 *
 * 1. Each request is planned alone (booked agendas hold their time). The sum
 *    is an upper bound when every plan alone is proven optimal; when no host
 *    is over-booked, that is the answer.
 * 2. Otherwise a dive resolves conflicts one by one: at an over-booked host,
 *    each delegation there is re-planned once with the others' time there
 *    blocked, and the better total is kept.
 * 3. When that does not reach the bound and every plan is proven, a complete
 *    best-first search (branch: "request r does not hold host h during the
 *    time cell c") either proves the best total or runs out of budget.
 * 4. Requests planned under search blocks are re-planned against the real
 *    bookings of the others, so each left-out host is explained by real facts.
 */
export function planJointly(input: JointInput): JointPlan {
  const joint = searchJointly(input);
  const k = input.requests.length;
  input.onProgress?.({ requestsDone: k, requestsTotal: k, valueDone: valueOf(joint.plans) });
  return joint;
}

/** Total value of the plans that exist (an impossible request adds nothing). */
function valueOf(plans: readonly RequestPlan[]): number {
  return plans.reduce((s, p) => s + (p.impossible ? 0 : p.agenda.value), 0);
}

function searchJointly(input: JointInput): JointPlan {
  const { ws, requests } = input;
  const k = requests.length;
  const weight = requests.map((r) => r.priority ?? 1);
  const bookedUses = (input.booked ?? []).flatMap((a) => usesOf(a, -1));
  const parallelOf = (host: string) => ws.hosts.get(host)?.availability.parallel ?? 1;
  const suggestionLimit = input.suggestionLimit ?? 5;
  let replans = 0;
  let finalReplans = 0;
  const report = input.onProgress;
  // Set once every request is planned alone and they conflict: re-plans then report the search's state.
  const search: { settling?: { conflicts: number; best?: Node } } = {};
  const tellSettling = () => {
    const settling = search.settling;
    if (!report || !settling) return;
    const best = settling.best;
    report({
      requestsDone: k,
      requestsTotal: k,
      valueDone: valueOf(made.alone ?? []),
      settling: {
        conflicts: settling.conflicts,
        replans,
        ...(best ? { bestValue: valueOf(best.plans) } : {}),
      },
    });
  };
  /** A plan together without over-booking: the best so far when its total is higher. */
  const consider = (node: Node | undefined) => {
    const settling = search.settling;
    if (!settling || !node || firstConflict(usesIn(node.plans), parallelOf)) return;
    if (!settling.best || node.total > settling.best.total) settling.best = node;
    tellSettling();
  };
  // Each request's plan made alone, once made: re-plans start from its ranking.
  const made: { alone?: RequestPlan[] } = {};
  const cache = new Map<string, RequestPlan>();

  const solveWith = (
    r: number,
    blocks: Blocks,
    suggestions: boolean,
    steady = false,
    progress?: (p: SolveProgress) => void,
  ): RequestPlan => {
    const key = `${r}\u0000${suggestions}\u0000${steady}\u0000${blocksKey(blocks)}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const request = requests[r] as ResolvedRequest;
    const bookings = new Map<string, Interval[]>();
    for (const u of bookedUses) push(bookings, u.host, { start: u.start, end: u.end });
    // A block counts as `parallel` delegations: the host is full then, whatever its capacity.
    for (const [host, list] of blocks)
      for (const iv of list) for (let i = 0; i < parallelOf(host); i++) push(bookings, host, iv);
    const declined = input.declined?.get(request.id);
    const pins = input.pins?.get(request.id);
    // A heuristic re-plan may reshuffle visits the blocks do not touch, and so start new conflicts elsewhere:
    // `steady` asks it to keep the request's visits of its plan alone where they still fit.
    const aloneVisits = made.alone?.[r];
    const kept = input.kept?.get(request.id) ?? (steady && aloneVisits ? keptVisits(aloneVisits.agenda) : undefined);
    if (blocks.size > 0) {
      replans++;
      tellSettling();
    }
    const candidates = blocks.size > 0 && made.alone ? rejudged(r, blocks, bookings) : undefined;
    const plan = planRequest({
      ws,
      request,
      holidays: input.holidays,
      bookings,
      ...(declined ? { declined } : {}),
      ...(pins ? { pins } : {}),
      ...(kept ? { kept } : {}),
      ...(input.solver || progress
        ? { solver: { ...input.solver, ...(progress ? { onProgress: progress } : {}) } }
        : {}),
      suggestionLimit: suggestions ? suggestionLimit : 0,
      ...(candidates ? { candidates } : {}),
    });
    cache.set(key, plan);
    return plan;
  };
  /** The request's ranking made alone, with only the hosts whose time is blocked judged again: blocks touch nothing else. */
  const rejudged = (r: number, blocks: Blocks, bookings: Map<string, Interval[]>): Candidate[] => {
    const request = requests[r] as ResolvedRequest;
    const hosts = [...blocks.keys()].flatMap((id) => (ws.hosts.has(id) ? [ws.hosts.get(id)!] : []));
    const declined = input.declined?.get(request.id);
    const again = new Map(
      rankCandidates(request, {
        ws,
        only: hosts,
        holidays: input.holidays,
        bookings,
        ...(declined ? { declined } : {}),
      }).map((c) => [c.host.id, c]),
    );
    return (made.alone?.[r] as RequestPlan).candidates.map((c) => again.get(c.host.id) ?? c);
  };
  // A plan that breaks a request's must-visits is no joint plan at all.
  const totalOf = (plans: readonly RequestPlan[]) =>
    plans.some((p) => p.impossible)
      ? Number.NEGATIVE_INFINITY
      : plans.reduce((s, p, r) => s + (weight[r] as number) * p.agenda.value, 0);

  const none: Blocks = new Map();
  const alone: RequestPlan[] = [];
  for (const [r, request] of requests.entries()) {
    const valueDone = valueOf(alone);
    const tell = (bestValue?: number) =>
      report?.({
        requestsDone: r,
        requestsTotal: k,
        valueDone,
        current: { request: request.id, ...(bestValue === undefined ? {} : { bestValue }) },
      });
    tell();
    alone.push(solveWith(r, none, true, false, report ? (p) => tell(p.bestScore) : undefined));
  }
  made.alone = alone;
  // A request impossible on its own is impossible together: exit 4 with its own reason, as when planned alone.
  if (alone.some((p) => p.impossible))
    return {
      plans: alone,
      total: 0,
      proven: false,
      stats: { conflicts: 0, replans, finalReplans, method: "independent" },
    };
  const bound = alone.every((p) => p.proven) ? totalOf(alone) : undefined;
  // A request allowed to split is planned part by part, a local search (docs/sub-groups.md): its plan alone, even
  // proven among plans that keep the delegation together, bounds nothing, so no joint plan with it is proven.
  const provable = requests.every((r) => !r.delegation.split);
  const steady = bound === undefined;
  const conflicts = countConflicts([...bookedUses, ...alone.flatMap((p, r) => usesOf(p.agenda, r))], parallelOf);
  const finish = (plans: RequestPlan[], blocks: Blocks[], method: JointStats["method"], complete = false) => {
    const final = realBookings(plans, blocks);
    const total = totalOf(final);
    const proven =
      k === 1 ? (final[0]?.proven ?? false) : provable && ((bound !== undefined && total >= bound) || complete);
    return {
      plans: final.map((p) => (k === 1 ? p : { ...p, proven: proven && !p.impossible })),
      total,
      ...(bound !== undefined && provable ? { bound } : {}),
      proven,
      stats: { conflicts, replans, finalReplans, method },
    };
  };
  if (conflicts === 0)
    return finish(
      alone,
      requests.map(() => none),
      "independent",
    );

  search.settling = { conflicts };
  tellSettling();
  const budget = input.budget ?? searchBudget(k, bound !== undefined);
  const root: Node = { blocks: requests.map(() => none), plans: alone, total: totalOf(alone), depth: 0, seq: 0 };
  // Exact plans are cheap: try each delegation's giving way. Heuristic ones (large requests) cost a search each:
  // every conflict of a round is settled at once by its cheapest giver, one re-plan per request a round.
  const dived = bound !== undefined ? dive(root) : settleRounds(root);
  consider(dived);
  // The old rule is the floor: with exact requests, planning together never ends below planning one after
  // the other. Heuristic re-plans are costly (50 requests: a second) and the rounds end in the old rule anyway.
  const floor = bound !== undefined || !dived ? sequential() : dived;
  consider(floor);
  let best = dived && dived.total >= floor.total ? dived : floor;
  let method: JointStats["method"] = best === dived ? "search" : "sequential";
  if (bound !== undefined && best.total < bound) {
    const grid = gridMinutes(input, alone);
    if (grid !== undefined) {
      const searched = completeSearch(root, best, grid);
      if (searched.node !== best) method = "complete-search";
      best = searched.node;
      consider(best);
      if (searched.complete) return finish(best.plans, best.blocks, method, true);
    }
  }
  const found = finish(best.plans, best.blocks, method);
  // The search's plan and the old rule's, each made final: the final re-plans can still gain.
  const second = best === floor ? dived : floor;
  const other =
    second && second !== best
      ? finish(second.plans, second.blocks, second === floor ? "sequential" : "search")
      : undefined;
  return other && other.total > found.total ? { ...other, stats: { ...other.stats, replans } } : found;

  /** Whether the plan still holds the host during the block (a fixed session there cannot move). */
  function holds(plan: RequestPlan, r: number, host: string, block: readonly Interval[]): boolean {
    return usesOf(plan.agenda, r).some((u) => u.host === host && block.some((b) => u.start < b.end && b.start < u.end));
  }

  /** Every use of a host by the plans of a node, booked agendas included. */
  function usesIn(plans: readonly RequestPlan[]): Use[] {
    return [...bookedUses, ...plans.flatMap((p, r) => usesOf(p.agenda, r))];
  }

  function child(node: Node, r: number, host: string, block: readonly Interval[], seq: number): Node | undefined {
    const blocks = [...node.blocks];
    const own = new Map(node.blocks[r]);
    own.set(host, mergeIntervals([...(own.get(host) ?? []), ...block]));
    blocks[r] = own;
    const plan = solveWith(r, own, false);
    if (plan.impossible) return undefined;
    // Host time the request cannot give up (a fixed session there) leaves the conflict as it was: no branch.
    if (holds(plan, r, host, block)) return undefined;
    const plans = [...node.plans];
    plans[r] = plan;
    return { blocks, plans, total: totalOf(plans), depth: node.depth + 1, seq };
  }

  /** Resolve conflicts one at a time: each delegation at the host in turn gives up the others' time there; keep the best. */
  function dive(start: Node): Node | undefined {
    let node = start;
    // Half the budget: the rest is the complete search's.
    const stop = replans + Math.floor(budget / 2);
    while (replans < stop) {
      const conflict = firstConflict(usesIn(node.plans), parallelOf);
      if (!conflict) return node;
      const options = yielders(conflict).flatMap((r) => {
        const others = fullOf(
          conflict.covering.filter((u) => u.request !== r && u.request >= 0),
          conflict.host,
        );
        const next = child(node, r, conflict.host, others, 0);
        return next ? [{ r, next }] : [];
      });
      // Ties go to the plan where the later request (lower priority, then later in the order) gives way, as before.
      options.sort(
        (a, b) => b.next.total - a.next.total || (weight[a.r] as number) - (weight[b.r] as number) || b.r - a.r,
      );
      const chosen = options[0];
      if (!chosen) return undefined;
      node = chosen.next;
    }
    return undefined;
  }

  /**
   * For many or large requests: each round finds every conflict, lets the
   * delegation that loses least by it give way (each is re-planned without the
   * others' time there to know: value lost times priority), and re-plans each
   * giving request once with all its new blocks. What the rounds leave, the
   * old rule completes.
   */
  function settleRounds(start: Node): Node | undefined {
    let node = start;
    for (let round = 0; round < 8 && replans < budget; round++) {
      const all = allConflicts(usesIn(node.plans), parallelOf);
      if (all.length === 0) return node;
      const give = new Map<number, Map<string, Interval[]>>();
      for (const conflict of all) {
        // What giving way really costs each delegation there: its value lost when re-planned without that time.
        const options: { r: number; block: Interval[]; loss: number }[] = [];
        // In giving order: the first that loses nothing gives way, the others need no re-plan to know.
        for (const r of yielders(conflict)) {
          if (options.some((o) => o.loss <= 0)) break;
          const block = fullOf(
            conflict.covering.filter((u) => u.request !== r && u.request >= 0),
            conflict.host,
          );
          const blocks = withBlock(node, r, conflict.host, block).blocks[r] as Blocks;
          const plan = solveWith(r, blocks, false, steady);
          const before = (node.plans[r] as RequestPlan).agenda.value;
          const loss =
            plan.impossible || holds(plan, r, conflict.host, block)
              ? Number.POSITIVE_INFINITY
              : (weight[r] as number) * (before - plan.agenda.value);
          options.push({ r, block, loss });
        }
        options.sort((a, b) => a.loss - b.loss || (weight[a.r] as number) - (weight[b.r] as number) || b.r - a.r);
        const chosen = options[0];
        if (!chosen || chosen.loss === Number.POSITIVE_INFINITY) return sequential(node);
        const own = give.get(chosen.r) ?? new Map<string, Interval[]>();
        for (const iv of chosen.block) push(own, conflict.host, iv);
        give.set(chosen.r, own);
      }
      for (const [r, hosts] of [...give].sort(([a], [b]) => a - b)) {
        let next: Node | undefined = node;
        for (const [host, list] of hosts) next = next && withBlock(next, r, host, list);
        const plan = next && solveWith(r, next.blocks[r] as Blocks, false, steady);
        if (!next || !plan || plan.impossible) return undefined;
        const plans = [...next.plans];
        plans[r] = plan;
        node = { ...next, plans, total: totalOf(plans) };
      }
    }
    return sequential(node);
  }

  /** The node with one more block for request r, its plan not yet re-made. */
  function withBlock(node: Node, r: number, host: string, block: readonly Interval[]): Node {
    const blocks = [...node.blocks];
    const own = new Map(node.blocks[r]);
    own.set(host, mergeIntervals([...(own.get(host) ?? []), ...block]));
    blocks[r] = own;
    return { ...node, blocks };
  }

  /** The requests holding the contested time, lowest weight first (they give way first on equal totals). */
  function yielders(conflict: Conflict): number[] {
    const rs = [...new Set(conflict.covering.map((u) => u.request).filter((r) => r >= 0))];
    return rs.sort((a, b) => (weight[a] as number) - (weight[b] as number) || b - a);
  }

  /**
   * The old rule: in priority order, each request planned around the ones
   * before it. From a node (the way out of the rounds, and the cheaper floor
   * for heuristic requests), a request keeps its plan there when it fits
   * around the ones before it.
   */
  function sequential(from?: Node): Node {
    const order = requests.map((_, r) => r).sort((a, b) => (weight[b] as number) - (weight[a] as number) || a - b);
    const plans = [...(from?.plans ?? alone)];
    const blocks = [...(from?.blocks ?? requests.map(() => none))];
    const taken: Use[] = [...bookedUses];
    for (const r of order) {
      const own = new Map<string, Interval[]>();
      for (const u of taken) if (u.request >= 0) push(own, u.host, { start: u.start, end: u.end });
      // From scratch this is the old rule exactly: every request planned around the ones before it.
      const fits = from && !firstConflict([...taken, ...usesOf((plans[r] as RequestPlan).agenda, r)], parallelOf);
      if (!fits) {
        const tight: Blocks = new Map([...own].map(([h, list]) => [h, fullOf(list, h)]));
        blocks[r] = tight;
        plans[r] = solveWith(r, tight, false, steady);
      }
      taken.push(...usesOf((plans[r] as RequestPlan).agenda, r));
    }
    return { blocks, plans, total: totalOf(plans), depth: 0, seq: 0 };
  }

  /** Intervals in which the earlier requests' visits (with the booked ones) fill a host. */
  function fullOf(list: Interval[], host: string): Interval[] {
    const booked = bookedUses.filter((u) => u.host === host);
    return fullIntervals([...list, ...booked], parallelOf(host));
  }

  /**
   * Best-first branch and bound over time cells of `grid` minutes. A node's
   * total is an upper bound of everything below it (each request's plan is
   * proven optimal under its blocks, and blocks only grow), so the first
   * conflict-free node taken is the best joint plan. Complete because every
   * time of these requests is a multiple of the grid: some best joint plan
   * has its visits on whole cells, and at a cell held by more delegations
   * than `parallel` allows, that plan leaves at least one of them out of it.
   */
  function completeSearch(start: Node, incumbent: Node, grid: number): { node: Node; complete: boolean } {
    const cell = grid * MINUTE;
    const open: Node[] = [start];
    let seq = 1;
    const best = incumbent;
    // The same blocks are reached in several orders: each set is searched once.
    const seen = new Set<string>([start.blocks.map(blocksKey).join("|")]);
    // A node is pruned on its total: a valid bound only when its plans are proven optimal under its blocks.
    let exact = true;
    while (open.length > 0) {
      open.sort((a, b) => b.total - a.total || b.depth - a.depth || a.seq - b.seq);
      const node = open.shift() as Node;
      if (node.total <= best.total) return { node: best, complete: exact };
      const conflict = firstConflict(usesIn(node.plans), parallelOf);
      if (!conflict) return { node, complete: exact && node.plans.every((p) => p.proven) };
      if (!node.plans.every((p) => p.proven)) return { node: best, complete: false };
      const from = Math.floor(conflict.at / cell) * cell;
      for (const r of yielders(conflict)) {
        // The cell is the branch that makes the search complete; giving up all the time the others fill
        // there is a larger step that often reaches a good plan sooner (an extra child: the bound still holds).
        const others = fullOf(
          conflict.covering.filter((u) => u.request !== r && u.request >= 0),
          conflict.host,
        );
        for (const block of [[{ start: from, end: from + cell }], others]) {
          if (replans >= budget) return { node: bestOpen(open, best), complete: false };
          const next = child(node, r, conflict.host, block, seq++);
          // Pruned or dropped on a plan the exact solver did not settle (no proof of its value, or of no plan at all).
          const plan =
            next?.plans[r] ?? solveWith(r, withBlock(node, r, conflict.host, block).blocks[r] as Blocks, false);
          if (plan.impossible ? plan.method !== "exact" : !plan.proven) exact = false;
          if (!next || next.total <= best.total) continue;
          const key = next.blocks.map(blocksKey).join("|");
          if (seen.has(key)) continue;
          seen.add(key);
          open.push(next);
        }
      }
    }
    return { node: best, complete: exact };
  }

  /** Out of budget: the best conflict-free plan among the nodes not yet searched, if it beats the incumbent. */
  function bestOpen(open: readonly Node[], incumbent: Node): Node {
    let best = incumbent;
    for (const node of open) if (node.total > best.total && !firstConflict(usesIn(node.plans), parallelOf)) best = node;
    return best;
  }

  /**
   * A request planned under search blocks is planned once more against what
   * the others really hold (and with its suggestions), so that its left-out
   * hosts are explained by real bookings. Its plan alone is feasible there,
   * so a proven re-plan is worth as much; a heuristic one is kept only when it is.
   */
  function realBookings(plans: RequestPlan[], blocks: Blocks[]): RequestPlan[] {
    const out = [...plans];
    for (let r = 0; r < k; r++) {
      if ((blocks[r] as Blocks).size === 0) continue;
      const others = new Map<string, Interval[]>();
      for (let o = 0; o < k; o++)
        if (o !== r) for (const u of usesOf((out[o] as RequestPlan).agenda, o)) push(others, u.host, u);
      const real = new Map([...others].map(([h, list]) => [h, fullOf(list, h)]));
      // Blocks the others still fill are real bookings already: the plan and its reasons stand as they are.
      if ([...(blocks[r] as Blocks)].every(([h, list]) => list.every((b) => covered(b, real.get(h) ?? [])))) continue;
      finalReplans++;
      const again = solveWith(r, real, true, steady);
      const current = out[r] as RequestPlan;
      if (!again.impossible && again.agenda.value >= current.agenda.value) out[r] = again;
    }
    return out;
  }
}

/** The visits of a plan as previous decisions to keep (host → day and start, request-local minutes). */
function keptVisits(agenda: Agenda): KeptVisits {
  const out = new Map<string, { date: string; start: number } & GroupVisit>();
  for (const day of agenda.days)
    for (const item of day.items)
      if (item.kind === "visit" && item.host)
        out.set(item.host, {
          date: day.date,
          start: isoMinutes(item.start),
          // A sub-group's visit: the re-plan tries the same groups again, as after `--previous`.
          ...(item.group !== undefined ? { group: item.group, people: item.people ?? 0 } : {}),
        });
  return out;
}

/**
 * How many re-plans the search may make. Exact re-plans of small requests take
 * 1–20 ms (BENCHMARKS.md, bundled requests), so 400 stay within seconds; the
 * heuristic rounds are bounded by their count instead.
 */
export function searchBudget(requests: number, exact: boolean): number {
  return exact ? 1000 : Math.max(100, 10 * requests);
}

/**
 * The host time an agenda takes: visits, parallel sessions and joint meetings
 * (each host of one is at the meeting for its whole time). A declined visit
 * holds no time.
 */
export function usesOf(agenda: Agenda, request: number): Use[] {
  return hostVisits(agenda).map(({ host, item }) => ({
    request,
    host,
    start: Date.parse(item.start),
    end: Date.parse(item.end),
  }));
}

function push(into: Map<string, Interval[]>, host: string, iv: Interval): void {
  const list = into.get(host);
  if (list) list.push({ start: iv.start, end: iv.end });
  else into.set(host, [{ start: iv.start, end: iv.end }]);
}

function blocksKey(blocks: Blocks): string {
  return [...blocks]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([h, list]) => `${h}:${list.map((i) => `${i.start}-${i.end}`).join(",")}`)
    .join(";");
}

function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
    else out.push({ ...iv });
  }
  return out;
}

/** Whether the interval lies within the union of the (sorted, disjoint) list. */
function covered(iv: Interval, list: readonly Interval[]): boolean {
  let from = iv.start;
  for (const x of list) {
    if (x.start > from) break;
    if (x.end > from) from = x.end;
    if (from >= iv.end) return true;
  }
  return from >= iv.end;
}

/** Every over-booked moment, one per host and group of delegations there. */
function allConflicts(uses: readonly Use[], parallelOf: (host: string) => number): Conflict[] {
  const out: Conflict[] = [];
  const byHost = new Map<string, Use[]>();
  for (const u of uses) byHost.set(u.host, [...(byHost.get(u.host) ?? []), u]);
  for (const host of [...byHost.keys()].sort()) {
    const list = byHost.get(host) as Use[];
    const parallel = parallelOf(host);
    if (list.length <= parallel) continue;
    const seen = new Set<string>();
    for (const t of [...new Set(list.map((u) => u.start))].sort((a, b) => a - b)) {
      const covering = list.filter((u) => u.start <= t && t < u.end);
      if (covering.length <= parallel || !covering.some((u) => u.request >= 0)) continue;
      const key = covering.map((u) => `${u.request}:${u.start}`).join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ host, at: t, covering: covering.sort((a, b) => a.request - b.request || a.start - b.start) });
    }
  }
  return out;
}

/** Per host in id order, the first moment more delegations than `parallel` are there, and who they are. */
export function firstConflict(uses: readonly Use[], parallelOf: (host: string) => number): Conflict | undefined {
  const byHost = new Map<string, Use[]>();
  for (const u of uses) {
    const list = byHost.get(u.host);
    if (list) list.push(u);
    else byHost.set(u.host, [u]);
  }
  for (const host of [...byHost.keys()].sort()) {
    const list = byHost.get(host) as Use[];
    const parallel = parallelOf(host);
    if (list.length <= parallel) continue;
    for (const t of [...new Set(list.map((u) => u.start))].sort((a, b) => a - b)) {
      const covering = list.filter((u) => u.start <= t && t < u.end);
      // Booked agendas that already over-book a host among themselves are history, not ours to settle.
      if (covering.length > parallel && covering.some((u) => u.request >= 0))
        return { host, at: t, covering: covering.sort((a, b) => a.request - b.request || a.start - b.start) };
    }
  }
  return undefined;
}

function countConflicts(uses: readonly Use[], parallelOf: (host: string) => number): number {
  let n = 0;
  const byHost = new Map<string, Use[]>();
  for (const u of uses) byHost.set(u.host, [...(byHost.get(u.host) ?? []), u]);
  for (const [host, list] of byHost) {
    const parallel = parallelOf(host);
    if (list.length <= parallel) continue;
    for (const t of new Set(list.map((u) => u.start))) {
      const covering = list.filter((u) => u.start <= t && t < u.end);
      if (covering.length > parallel && covering.some((u) => u.request >= 0)) n++;
    }
  }
  return n;
}

/**
 * The largest number of minutes that divides every time of these requests:
 * day hours, meals, fixed items, buffers, host windows and slots, visit
 * lengths, travel legs, pins, booked visits, zone offsets and the day itself,
 * and what rounding to each request's grid makes of them. Undefined when some time is not a whole number of minutes (no grid to
 * search on). With 1 the complete search still holds, in cells of a minute.
 */
export function gridMinutes(input: JointInput, plans: readonly RequestPlan[]): number | undefined {
  let g = 1440;
  let whole = true;
  const add = (m: number) => {
    if (!Number.isInteger(m)) whole = false;
    else g = gcd(g, Math.abs(m));
  };
  for (const u of (input.booked ?? []).flatMap((a) => usesOf(a, -1))) {
    add(u.start / MINUTE);
    add(u.end / MINUTE);
  }
  input.requests.forEach((request, r) => {
    const { zone, pace } = request;
    add(pace.buffer);
    for (const day of request.days) {
      add(day.hours.start);
      add(day.hours.end);
      const noon = Date.parse(`${day.date}T12:00:00Z`);
      const local = localParts(noon, zone);
      add(local.minutes - 720 + (local.date > day.date ? 1440 : local.date < day.date ? -1440 : 0));
    }
    for (const meal of request.meals) [meal.hours.start, meal.hours.end, meal.duration].forEach(add);
    for (const item of request.fixed) [item.hours.start, item.hours.end].forEach(add);
    for (const pin of input.pins?.get(request.id)?.values() ?? []) [pin.start, pin.end ?? 0].forEach(add);
    for (const keep of input.kept?.get(request.id)?.values() ?? []) add(keep.start);
    // Hosts only a sub-group can visit are planned too: their times count.
    const candidates = (plans[r]?.candidates ?? []).filter((c: Candidate) => !c.excluded || c.subGroupsOnly);
    for (const c of candidates) {
      add(c.host.visit.duration);
      for (const d of c.days) for (const w of [...d.windows, ...d.slots]) [w.start, w.end].forEach(add);
    }
    const places = [
      ...(request.base ? [input.ws.places.get(request.base)] : []),
      ...candidates.flatMap((c) => [c.place, c.endPlace]),
      ...request.meals.flatMap((m) => m.places.map((p) => input.ws.places.get(p))),
      ...request.fixed.map((f) => (f.place ? input.ws.places.get(f.place) : undefined)),
    ].filter((p, i, all): p is NonNullable<typeof p> => p !== undefined && all.indexOf(p) === i);
    for (const a of places) for (const b of places) if (whole && g > 1) add(leg(a, b, pace, input.ws.travel).minutes);
  });
  if (!whole) return undefined;
  // Round times: a start rounded up (a leg's departure down) to the request's grid stays a multiple of g
  // when the grid divides g; otherwise the plan's times are multiples of gcd(g, grid) only.
  return input.requests.reduce((cell, { grid }) => gcd(cell, g % grid === 0 ? g : gcd(g, grid)), g);
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
