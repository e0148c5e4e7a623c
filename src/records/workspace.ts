import type { ResolvedRequest } from "./resolved-request.js";
import type { Host, Place, WorkspaceConfig } from "./schemas.js";
import type { PathSegment, YamlSource } from "./yaml-source.js";
import type { Problem } from "./problem.js";

/** Where a record came from, so later checks can point at any of its fields. */
export interface Origin {
  source: YamlSource;
  path: PathSegment[];
}

export function problemIn(origin: Origin, path: readonly PathSegment[], message: string, onKey = false): Problem {
  return origin.source.problemAt([...origin.path, ...path], message, onKey);
}

/** Minutes between two places that win over the walking estimate (from `travel` pairs or the matrix CSV). */
export type TravelOverrides = Map<string, number>;

export function travelKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

export interface Workspace {
  dir: string;
  config: WorkspaceConfig;
  configOrigin?: Origin;
  places: Map<string, Place>;
  hosts: Map<string, Host>;
  /** with their settings resolved against `config` when loaded */
  requests: Map<string, ResolvedRequest>;
  origins: {
    place: Map<string, Origin>;
    host: Map<string, Origin>;
    request: Map<string, Origin>;
  };
  travel: TravelOverrides;
  /** Ids of records that exist but failed validation: references to them are not reported again (no cascades). */
  invalid: { place: Set<string>; host: Set<string>; request: Set<string>; config: boolean };
}

export function emptyWorkspace(dir: string): Workspace {
  return {
    dir,
    config: { synonyms: [], travel: [] },
    places: new Map(),
    hosts: new Map(),
    requests: new Map(),
    origins: { place: new Map(), host: new Map(), request: new Map() },
    travel: new Map(),
    invalid: { place: new Set(), host: new Set(), request: new Set(), config: false },
  };
}
