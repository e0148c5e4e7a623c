import type { SolveResult } from "./engine/index.js";

// A day as the agenda is built from it: the whole delegation's items in order,
// and the parts of the day where it is split into sub-groups, each group with
// its own items, all rejoining at the next item (or the base at the day's end).

/** One item of a route: a node of the plan instance (see NodeMeaning) and its times on the instance's axis. */
export interface Stop {
  node: number;
  start: number;
  end: number;
}

/** A sub-group's own way through a split part of a day (without `group`: the whole delegation's, planned anew). */
export interface GroupTrack {
  /** "A", "B", … */
  group?: string;
  people: number;
  stops: Stop[];
}

export type DayPiece =
  | { kind: "stop"; stop: Stop }
  | {
      /** a part of the day planned apart: split into groups, or re-planned whole to meet at a given place */
      kind: "part";
      tracks: GroupTrack[];
      /** when the groups are together again: the next item's start, or the end of the day */
      until: number;
      /** where they meet (a location index of the instance); absent at the end of the day: the base */
      rejoin?: number;
    };

export interface DayPlan {
  pieces: DayPiece[];
}

/** The engine's routes as day plans: the whole delegation together all day. */
export function unsplitDays(result: SolveResult, days: number): DayPlan[] {
  return Array.from({ length: days }, (_, r) => ({
    pieces: (result.routes[r]?.nodes ?? []).map((p): DayPiece => ({
      kind: "stop",
      stop: { node: p.node, start: p.start, end: p.end },
    })),
  }));
}
