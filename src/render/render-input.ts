import { agendaPlace, type Agenda, type AgendaItem, type AgendaPlace, type ParallelSession } from "../plan/agenda.js";
import type { Host, Place, Request } from "../records/schemas.js";

/**
 * Everything a renderer needs, passed in whole: renderers read no files, no
 * clock and no environment, so the same input always gives the same bytes.
 */
export interface RenderInput {
  agenda: Agenda;
  request: Request;
  hosts: ReadonlyMap<string, Host>;
  places: ReadonlyMap<string, Place>;
  /** SOURCE_DATE_EPOCH or now, chosen by the caller: DTSTAMP and every "generated" line. */
  generatedAt: Date;
}

export const TRAVEL_KINDS: ReadonlySet<AgendaItem["kind"]> = new Set(["walk", "transit"]);

export function hostName(input: RenderInput, hostId: string): string {
  return input.hosts.get(hostId)?.name ?? hostId;
}

/**
 * A place's display name from its id. Travel items carry only ids; a
 * hand-edited agenda may name a place the workspace no longer has, so the
 * agenda's own copies of places come next, and the bare id last.
 */
export function placeName(input: RenderInput, placeId: string): string {
  const known = input.places.get(placeId)?.name;
  if (known) return known;
  for (const day of input.agenda.days) {
    for (const item of day.items) {
      for (const p of [item.place, item.ends_at, ...(item.sessions ?? []).map((s) => s.place)]) {
        if (p?.id === placeId) return p.name;
      }
    }
  }
  return placeId;
}

/** "Hotel Van Belle, Chaussée de Mons 39, 1070 Anderlecht" (the address only when known). */
export function placeLabel(place: AgendaPlace): string {
  return place.address ? `${place.name}, ${place.address}` : place.name;
}

/**
 * Where a parallel session meets: its own place, else its host's place. The
 * planner writes sessions as title and host only, so the room comes from the
 * host record.
 */
export function sessionPlace(input: RenderInput, session: ParallelSession): AgendaPlace | undefined {
  if (session.place) return session.place;
  const hostPlace = input.hosts.get(session.host)?.place;
  const place = hostPlace ? input.places.get(hostPlace) : undefined;
  return place ? agendaPlace(place) : undefined;
}

/** "A", "A and B", "A, B and C": English, without locale data. */
export function namesInWords(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** "joint meeting with Municipality of Schaerbeek and BRULOCALIS" for a fixed item naming hosts, else undefined. */
export function jointMeetingWords(
  item: Pick<AgendaItem, "kind" | "hosts">,
  name: (hostId: string) => string,
): string | undefined {
  if (item.kind !== "fixed" || !item.hosts || item.hosts.length === 0) return undefined;
  return `joint meeting with ${namesInWords(item.hosts.map(name))}`;
}

/** The link to join an online item: its own, else its place's. */
export function onlineLink(item: AgendaItem): string | undefined {
  return item.online ?? item.place?.online;
}

/** "7 min, 0.5 km" for a walk or transit leg. */
export function legSummary(item: AgendaItem): string {
  const parts = [`${item.minutes ?? 0} min`];
  if (item.km !== undefined) parts.push(`${item.km.toFixed(1)} km`);
  return parts.join(", ");
}

/**
 * How the delegation reaches an item: the travel legs right before it (after
 * the previous non-travel item), in words. Empty when it stays where it was.
 */
export function howToGetThere(input: RenderInput, items: readonly AgendaItem[], index: number): string {
  const legs: AgendaItem[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const item = items[i];
    if (!item || item.kind === "free") continue;
    if (!TRAVEL_KINDS.has(item.kind)) break;
    legs.unshift(item);
  }
  return legs
    .map((leg) => {
      const how = leg.kind === "walk" ? "Walk" : "Public transport";
      const from = leg.from ? ` from ${placeName(input, leg.from)}` : "";
      const to = leg.to ? ` to ${placeName(input, leg.to)}` : "";
      return `${how}${from}${to}: ${legSummary(leg)}.`;
    })
    .join(" ");
}

// Which hosts an agenda visits is domain logic (the diff of a re-plan needs it too): it lives in src/plan.
export { hostVisits, sessionUid, visitedHostIds, type HostVisit } from "../plan/host-visits.js";
