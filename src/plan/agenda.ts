// The agenda as SPEC's "Agenda JSON" defines it: what `plan --json` prints,
// what `export --format json` writes, and what every renderer reads. Field
// names are the contract; extra optional fields are additions, never renames.

export type ItemKind = "visit" | "walk" | "transit" | "meal" | "fixed" | "parallel" | "free";
export type ItemStatus = "proposed" | "requested" | "confirmed" | "declined";

export interface AgendaPlace {
  id: string;
  name: string;
  address?: string;
  lat?: number;
  lon?: number;
  /** A virtual venue: the link to join. */
  online?: string;
}

/** A place as the agenda carries it: what a reader or a calendar needs, no more. */
export function agendaPlace(place: {
  id: string;
  name: string;
  address?: string;
  geo?: { lat: number; lon: number };
  online?: string;
}): AgendaPlace {
  return {
    id: place.id,
    name: place.name,
    ...(place.address ? { address: place.address } : {}),
    ...(place.geo ? { lat: place.geo.lat, lon: place.geo.lon } : {}),
    ...(place.online ? { online: place.online } : {}),
  };
}

export interface ParallelSession {
  title: string;
  host: string;
  place?: AgendaPlace;
}

export interface AgendaItem {
  kind: ItemKind;
  /** ISO 8601 with the offset of the request's time zone, e.g. 2018-09-19T09:30:00+02:00 */
  start: string;
  end: string;
  /** an item of one sub-group ("A", "B", …) while the delegation is split; absent: the whole delegation's */
  group?: string;
  /** with `group`: how many people the group is */
  people?: number;
  title: string;
  /** visit: the host's id */
  host?: string;
  /** where the item takes place (visits, meals, fixed items); a walking tour's start */
  place?: AgendaPlace;
  /** visit of a walking tour that ends elsewhere (`visit.ends_at`) */
  ends_at?: AgendaPlace;
  /** walk / transit: place ids, minutes, and km travelled (detour included) */
  from?: string;
  to?: string;
  minutes?: number;
  km?: number;
  /** fixed item or online place: the link */
  online?: string;
  /** parallel: the sessions the delegation splits into */
  sessions?: ParallelSession[];
  /** fixed: a joint meeting; these hosts (ids) meet the delegation together, each invited to this item */
  hosts?: string[];
  status?: ItemStatus;
  /** visit: SEQUENCE of its invitation as this agenda stands (RFC 5546: rises only when the visit really changes) */
  sequence?: number;
  notes?: string;
  /** stable: the same request, host (or item) and date give the same uid in every run */
  uid: string;
}

export interface AgendaDay {
  date: string;
  items: AgendaItem[];
}

export interface UnscheduledHost {
  host: string;
  /** the reason in words */
  reason: string;
  /** machine-readable reason: no-window, too-small, not-step-free, closed, holiday, avoided, no-value, outranked, no-time-left, booked, declined */
  code: string;
  /** the change that would let the host in, where one exists */
  suggestion?: string;
  value?: number;
}

export interface Agenda {
  request: string;
  timezone: string;
  /** sum of the values of the hosts visited */
  value: number;
  /** sum of the travel items' minutes */
  travel_minutes: number;
  days: AgendaDay[];
  unscheduled: UnscheduledHost[];
}

export interface AgendaDocument {
  agendas: Agenda[];
}
