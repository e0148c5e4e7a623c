import type { ResolvedRequest } from "../records/resolved-request.js";
import type { Place } from "../records/schemas.js";
import type { Workspace } from "../records/workspace.js";
import { greatCircleKm } from "./travel.js";

/** Where a request's visit happens, so that an address book of hosts in many cities offers only the near ones. */
export interface RequestArea {
  withinKm: number;
  /** the places distances are measured from (the nearest one counts); empty: the area has no limit */
  anchors: Located[];
  /** what the distance is measured from, in words: "the base", "the nearest of the programme's places" */
  from: string;
  /** what the organiser should know about how the area was chosen, when it is not simply around the base */
  note?: string;
}

type Located = Place & { geo: NonNullable<Place["geo"]> };
const located = (place: Place | undefined): place is Located => place !== undefined && !place.online && !!place.geo;

/**
 * The request's area: `area.within_km` (resolved: else studyvisit.yaml's, else 50 km)
 * around its base; without a base, around the places of its fixed items and
 * meals; without those, around its must-visit hosts' places; without any of
 * these there is nothing to centre it on and every host is in the area.
 */
export function requestArea(request: ResolvedRequest, ws: Pick<Workspace, "places" | "hosts">): RequestArea {
  const withinKm = request.withinKm;
  const base = request.base ? ws.places.get(request.base) : undefined;
  if (located(base)) return { withinKm, anchors: [base], from: "the base" };
  const unique = (places: (Place | undefined)[]): Located[] =>
    places.filter(located).filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
  const programme = unique([
    ...request.fixed.map((f) => (f.place ? ws.places.get(f.place) : undefined)),
    ...request.meals.flatMap((m) => m.places.map((id) => ws.places.get(id))),
  ]);
  const [only, ...more] = programme;
  if (only)
    return {
      withinKm,
      anchors: programme,
      from: more.length === 0 ? only.name : "the nearest place of the programme",
      note: `no base: the area is ${withinKm} km around ${more.length === 0 ? only.name : `the places of the fixed items and meals (${programme.map((p) => p.name).join(", ")})`}`,
    };
  const mustVisit = unique(
    request.must_visit.map((id) => {
      const host = ws.hosts.get(id);
      return host ? ws.places.get(host.place) : undefined;
    }),
  );
  if (mustVisit.length > 0)
    return {
      withinKm,
      anchors: mustVisit,
      from: "the nearest must-visit host",
      note: `no base, and no fixed item or meal at a place: the area is ${withinKm} km around the must-visit hosts' places`,
    };
  return {
    withinKm,
    anchors: [],
    from: "",
    note: "no base, no fixed item or meal at a place and no must-visit host to centre the area on: every host is considered, whatever the distance",
  };
}

/** How far a place outside the area is (km, to the nearest anchor); undefined when inside. Online places are in every area. */
export function outsideArea(area: RequestArea, place: Place): number | undefined {
  if (!place.geo || place.online || area.anchors.length === 0) return undefined;
  const geo = place.geo;
  const km = Math.min(...area.anchors.map((a) => greatCircleKm(a.geo, geo)));
  return km > area.withinKm ? km : undefined;
}
