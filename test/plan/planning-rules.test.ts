import { describe, expect, it } from "vitest";
import { planRequests } from "../../src/plan/plan-requests.js";
import { holidays, host, lines, north, planOf, request, workspaceOf } from "./workspace-builder.js";

// Places on a line north of 50.8 N 4.3 E: b is 1 km from h (1.3 km walked, 19.5 → 20 min),
// c is 3 km from h (3.9 km: walking 58.5 min > 25, so transit 3.9/18×60 + 10 = 23 min),
// b and b2 are 0.5 km apart (0.65 km, 9.75 → 10 min).
const PLACES = `- {id: h, name: Hotel, address: "Rue 1", geo: "50.8, 4.3", step_free: true}
- {id: b, name: Office B, address: "Rue 2", geo: ${north(1)}}
- {id: b2, name: Office B2, address: "Rue 3", geo: ${north(1.5)}}
- {id: c, name: Office C, address: "Rue 4", geo: ${north(3)}}
- {id: m, name: Canteen, address: "Rue 5", geo: ${north(1.5)}}
- {id: room, name: Video room, online: "https://example.org/room"}
`;
const DAY = 'days: [{date: 2018-09-19, hours: "09:00-17:00"}]';
const OPEN = 'availability: {weekly: [{days: [wed], hours: "09:00-17:00"}]}';

function ws(files: Record<string, string>) {
  return workspaceOf({ "studyvisit.yaml": "timezone: Europe/Brussels\n", "places/p.yaml": PLACES, ...files }).ws;
}

describe("planning rules", () => {
  it("starts and ends each day at base with travel only, no buffer", () => {
    const w = ws({
      "hosts/x.yaml": host("x", "b", `${OPEN}\nvisit: {duration: 60min}`),
      "requests/r.yaml": request(`${DAY}\nbase: h\ninterests: [inclusion]`),
    });
    expect(lines(planOf(w, "r").agenda)).toEqual(["09:00-09:20 walk b", "09:20-10:20 visit x", "10:20-10:40 walk h"]);
  });

  it("leaves travel plus buffer between items at different places, nothing at the same place", () => {
    const w = ws({
      "hosts/x.yaml": host(
        "x",
        "b",
        'availability: {weekly: [{days: [wed], hours: "09:00-10:30"}]}\nvisit: {duration: 60min}',
      ),
      "hosts/y.yaml": host("y", "b2", `${OPEN}\nvisit: {duration: 60min}`),
      "hosts/z.yaml": host("z", "b2", `${OPEN}\nvisit: {duration: 30min}`),
      "requests/r.yaml": request(`${DAY}\ninterests: [inclusion]`),
    });
    const plan = lines(planOf(w, "r").agenda);
    // No base: the day starts at x. x ends 10:00; walk 10 min + buffer 10 → y at 10:20; z at the same place follows at once.
    expect(plan).toEqual(["09:00-10:00 visit x", "10:00-10:10 walk b2", "10:20-10:50 visit z", "10:50-11:50 visit y"]);
  });

  it("needs no travel for online hosts: the delegation stays where it was", () => {
    const w = ws({
      "hosts/x.yaml": host(
        "x",
        "b",
        'availability: {weekly: [{days: [wed], hours: "09:00-10:30"}]}\nvisit: {duration: 60min}',
      ),
      "hosts/o.yaml": host("o", "room", 'availability: {slots: [{date: 2018-09-19, hours: "11:00-11:30"}]}'),
      "requests/r.yaml": request(`${DAY}\nbase: h\ninterests: [inclusion]`),
    });
    expect(lines(planOf(w, "r").agenda)).toEqual([
      "09:00-09:20 walk b",
      "09:20-10:20 visit x",
      "10:20-11:00 free Free time",
      "11:00-11:30 visit o",
      "11:30-11:50 walk h",
    ]);
  });

  it("puts a visit wholly inside a window, and a slot visit exactly in its slot whatever the duration", () => {
    const w = ws({
      "hosts/short.yaml": host(
        "short",
        "b",
        'availability: {weekly: [{days: [wed], hours: "10:00-11:00"}]}\nvisit: {duration: 90min}',
      ),
      "hosts/slot.yaml": host(
        "slot",
        "b",
        'availability: {slots: [{date: 2018-09-19, hours: "14:00-14:45"}]}\nvisit: {duration: 90min}',
      ),
      "requests/r.yaml": request(`${DAY}\ninterests: [inclusion]`),
    });
    const plan = planOf(w, "r");
    expect(lines(plan.agenda)).toEqual(["14:00-14:45 visit slot"]);
    expect(plan.agenda.unscheduled).toEqual([
      {
        host: "short",
        code: "no-window",
        reason:
          "no availability on the request's days (on 19 Sep its free time (10:00-11:00) is shorter than a 90-minute visit)",
        value: 1,
      },
    ]);
  });

  it("never plans a host on a closed date or a public holiday of its country", () => {
    const holidayRequest = request(
      'days: [{date: 2018-11-01, hours: "09:00-17:00"}, {date: 2018-09-19, hours: "09:00-17:00"}]\ninterests: [inclusion]',
    );
    const w = ws({
      "hosts/closed.yaml": host(
        "closed",
        "b",
        `availability: {weekly: [{days: [wed, thu], hours: "09:00-17:00"}], closed: [2018-09-19]}`,
      ),
      "hosts/be.yaml": host("be", "c", 'country: BE\navailability: {weekly: [{days: [thu], hours: "09:00-17:00"}]}'),
      "hosts/nowhere.yaml": host("nowhere", "b2", 'availability: {weekly: [{days: [thu], hours: "09:00-17:00"}]}'),
      "requests/r.yaml": holidayRequest,
    });
    const plan = planOf(w, "r");
    const visits = plan.agenda.days.map(
      (d) =>
        `${d.date}: ${d.items
          .filter((i) => i.kind === "visit")
          .map((i) => i.host)
          .join(",")}`,
    );
    expect(
      visits.map((v) =>
        v
          .split(/[:,] ?/)
          .sort()
          .join(" "),
      ),
    ).toEqual(["2018-11-01 closed nowhere", " 2018-09-19"]);
    // "be" is open on Thursdays only, and the only Thursday is All Saints' Day in Belgium.
    expect(plan.agenda.unscheduled).toEqual([
      {
        host: "be",
        code: "no-window",
        reason: "no availability on the request's days (1 Nov is a public holiday (All Saints' Day))",
        value: 1,
      },
    ]);
    const closedDay = planOf(
      ws({
        ...{
          "hosts/c.yaml": host(
            "c",
            "b",
            'availability: {weekly: [{days: [wed], hours: "09:00-17:00"}], closed: [2018-09-19]}',
          ),
        },
        "requests/r.yaml": request(`${DAY}\ninterests: [inclusion]`),
      }),
      "r",
    );
    expect(closedDay.agenda.unscheduled).toEqual([{ host: "c", code: "closed", reason: "closed on 19 Sep", value: 1 }]);
  });

  it("keeps a delegation out of rooms too small and, when step-free, out of places not marked step-free", () => {
    const w = ws({
      "hosts/small.yaml": host("small", "b", `${OPEN}\nvisit: {capacity: 8}`),
      "hosts/steps.yaml": host("steps", "c", OPEN),
      "hosts/ok.yaml": host("ok", "h", OPEN),
      "requests/r.yaml": request(`${DAY}\ninterests: [inclusion]`).replace(
        "delegation: {size: 10}",
        "delegation: {size: 10, step_free: true}",
      ),
    });
    const plan = planOf(w, "r");
    expect(lines(plan.agenda)).toEqual(["09:00-10:00 visit ok"]);
    expect(plan.agenda.unscheduled.map((u) => [u.host, u.code, u.reason])).toEqual([
      ["small", "too-small", "it receives at most 8 people and the delegation is 10"],
      ["steps", "not-step-free", "Office C is not marked step-free and the delegation needs step-free access"],
    ]);
  });

  it("plans a meal on every day that overlaps its hours by its duration, at one of its places", () => {
    const w = ws({
      "hosts/x.yaml": host(
        "x",
        "b",
        `availability: {weekly: [{days: [tue, wed, thu], hours: "09:00-17:00"}]}\nvisit: {duration: 60min}`,
      ),
      "requests/r.yaml": request(
        'days: [{date: 2018-09-18, hours: "14:30-17:00"}, {date: 2018-09-19, hours: "12:30-17:00"}, {date: 2018-09-20, hours: "09:00-17:00"}]\nbase: h\ninterests: [inclusion]\nmeals: [{name: lunch, hours: "12:00-14:00", duration: 60min, places: [m]}]',
      ),
    });
    const meals = planOf(w, "r").agenda.days.map((d) =>
      d.items
        .filter((i) => i.kind === "meal")
        .map((i) => `${i.start.slice(11, 16)}-${i.end.slice(11, 16)} ${i.place?.id}`),
    );
    // 18 Sep starts at 14:30, after lunch hours: no lunch. 19 Sep: from 12:30 the hotel → m leg (1.95 km: transit
    // 17 min) arrives 12:47; lunch starts on the next round time of the 5-minute grid.
    expect(meals).toEqual([[], ["12:50-13:50 m"], [expect.stringMatching(/^1[23]:\d\d-1[34]:\d\d m$/)]]);
  });

  it("puts a meal without places where the delegation already is", () => {
    const w = ws({
      "hosts/x.yaml": host(
        "x",
        "b",
        'availability: {weekly: [{days: [wed], hours: "10:00-12:00"}]}\nvisit: {duration: 120min}',
      ),
      "requests/r.yaml": request(
        'days: [{date: 2018-09-19, hours: "10:00-13:00"}]\ninterests: [inclusion]\nmeals: [{name: lunch, hours: "12:00-13:00", duration: 60min}]',
      ),
    });
    expect(lines(planOf(w, "r").agenda)).toEqual(["10:00-12:00 visit x", "12:00-13:00 meal b"]);
  });

  it("keeps fixed items exactly and plans around them", () => {
    const w = ws({
      "hosts/x.yaml": host("x", "b", `${OPEN}\nvisit: {duration: 60min}`),
      "requests/r.yaml": request(
        `${DAY}\nbase: h\ninterests: [inclusion]\nfixed: [{title: Welcome, date: 2018-09-19, hours: "09:00-10:00", place: h}]`,
      ),
    });
    expect(lines(planOf(w, "r").agenda)).toEqual([
      "09:00-10:00 fixed h",
      "10:00-10:20 walk b",
      "10:30-11:30 visit x",
      "11:30-11:50 walk h",
    ]);
  });

  it("reports clashing fixed items and an impossible must-visit as impossible, with the reason", () => {
    const clash = ws({
      "requests/r.yaml": request(
        `${DAY}\nfixed: [{title: A, date: 2018-09-19, hours: "09:00-10:00"}, {title: B, date: 2018-09-19, hours: "09:30-10:30"}]`,
      ),
    });
    expect(planOf(clash, "r").impossible).toBe('fixed items "A" (09:00-10:00) and "B" (09:30-10:30) overlap on 19 Sep');
    const must = ws({
      "hosts/x.yaml": host("x", "b", `${OPEN}\nvisit: {duration: 60min}`),
      "requests/r.yaml": request(
        `days: [{date: 2018-09-19, hours: "09:00-12:00"}]\nbase: h\nmust_visit: [x]\nfixed: [{title: Talk, date: 2018-09-19, hours: "09:30-11:30", place: h}]`,
      ),
    });
    expect(planOf(must, "r").impossible).toBe(
      "must-visit host x cannot be placed: its time clashes with fixed items, meals or other must-visit hosts (travel and buffers included)",
    );
    const closed = ws({
      "hosts/x.yaml": host(
        "x",
        "b",
        'availability: {weekly: [{days: [wed], hours: "09:00-17:00"}], closed: [2018-09-19]}',
      ),
      "requests/r.yaml": request(`${DAY}\nmust_visit: [x]`),
    });
    expect(planOf(closed, "r").impossible).toBe("must-visit host x cannot be visited: closed on 19 Sep");
  });

  it("an out-of-area must-visit host: the area's limit nearby; beyond 100 km the place that is off, and what to check", () => {
    // Records written near the hotel, then moved in memory: loading them far off would raise geography warnings.
    const w = ws({
      "hosts/x.yaml": host("x", "b", OPEN),
      "requests/r.yaml": request(
        `${DAY}\nbase: h\nmust_visit: [x]\nmeals: [{name: lunch, hours: "12:00-14:00", duration: 60min, places: [m]}]`,
      ),
    });
    const moved = (id: string, km: number) => {
      const place = w.places.get(id);
      if (!place) throw new Error(`no place ${id}`);
      const [lat, lon] = JSON.parse(`[${north(km).slice(1, -1)}]`) as [number, number];
      return { ...w, places: new Map([...w.places, [id, { ...place, geo: { lat, lon } }]]) };
    };
    const near = planOf(moved("b", 60), "r");
    expect(near.impossible).toMatch(/^must-visit host x cannot be visited: out of area, 60 km from the base$/);
    expect(near.hint).toBeUndefined();
    const city = planOf(moved("b", 300), "r");
    expect(city.impossible).toMatch(
      /^must-visit host x cannot be visited: out of area, because the place of x, `b`, is 300 km from the base `h`$/,
    );
    expect(city.hint).toBe("check the position (`geo`) of `b`, or drop x from must_visit if it is in another city");
    // The hotel far from the lunch place as well: the base is what is off.
    const hotel = planOf(moved("h", 500), "r");
    expect(hotel.impossible).toMatch(
      /^must-visit host x cannot be visited: out of area, because the base `h` is 49\d km from the nearest place of the visit, `m`$/,
    );
    expect(hotel.hint).toContain("check the position (`geo`) of the base `h`");
  });

  it("places a must-visit host even when its value is 0, and ignores other value-0 hosts", () => {
    const w = ws({
      "hosts/x.yaml": host("x", "b", OPEN).replace("themes: [inclusion]", "themes: [housing]"),
      "hosts/y.yaml": host("y", "b", OPEN).replace("themes: [inclusion]", "themes: [housing]"),
      "requests/r.yaml": request(`${DAY}\ninterests: [inclusion]\nmust_visit: [x]`),
    });
    const plan = planOf(w, "r");
    expect(lines(plan.agenda)).toEqual(["09:00-10:00 visit x"]);
    expect(plan.agenda.value).toBe(0);
    expect(plan.agenda.unscheduled).toEqual([]);
  });

  it("respects max_visits_per_day", () => {
    const w = ws({
      "hosts/x.yaml": host("x", "b", OPEN),
      "hosts/y.yaml": host("y", "b", OPEN),
      "requests/r.yaml": request(`${DAY}\ninterests: [inclusion]\nmax_visits_per_day: 1`),
    });
    expect(planOf(w, "r").agenda.days[0]?.items.filter((i) => i.kind === "visit")).toHaveLength(1);
  });

  it("maximises value first, then the least travel, then the earliest end", () => {
    const value = ws({
      "hosts/p.yaml": host("p", "b", `${OPEN}\nvisit: {duration: 120min}`).replace(
        "themes: [inclusion]",
        "themes: [inclusion, housing, jobs]",
      ),
      "hosts/q.yaml": host("q", "b", `${OPEN}\nvisit: {duration: 60min}`).replace(
        "themes: [inclusion]",
        "themes: [inclusion, housing]",
      ),
      "hosts/s.yaml": host("s", "b", `${OPEN}\nvisit: {duration: 60min}`).replace(
        "themes: [inclusion]",
        "themes: [inclusion, jobs]",
      ),
      "requests/r.yaml": request(
        'days: [{date: 2018-09-19, hours: "09:00-11:00"}]\ninterests: [inclusion, housing, jobs]',
      ),
    });
    // p alone is worth 3; q + s are worth 2 + 2 = 4 in the same two hours.
    expect(planOf(value, "r").agenda.value).toBe(4);
    const travel = ws({
      "hosts/near.yaml": host("near", "b", OPEN),
      "hosts/far.yaml": host("far", "c", OPEN),
      "requests/r.yaml": request(
        'days: [{date: 2018-09-19, hours: "09:00-11:00"}]\nbase: h\ninterests: [inclusion]\nmax_visits_per_day: 1',
      ),
    });
    expect(lines(planOf(travel, "r").agenda)).toEqual([
      "09:00-09:20 walk b",
      "09:20-10:20 visit near",
      "10:20-10:40 walk h",
    ]);
  });

  it("follows a walking tour to where it ends", () => {
    const w = ws({
      "hosts/tour.yaml": host("tour", "b", `${OPEN}\nvisit: {duration: 30min, ends_at: b2}`),
      "requests/r.yaml": request(`days: [{date: 2018-09-19, hours: "09:00-10:30"}]\nbase: h\ninterests: [inclusion]`),
    });
    const plan = planOf(w, "r").agenda;
    // b2 → h is 1.5 km (1.95 walked: 29.25 min > 25), so the way back is transit: 1.95/18×60 + 10 = 16.5 → 17 min.
    expect(lines(plan)).toEqual(["09:00-09:20 walk b", "09:20-09:50 visit tour", "09:50-10:07 transit h"]);
    expect(plan.days[0]?.items[2]?.from).toBe("b2");
  });

  it("explains a host left out for lack of time and says what would let it in", () => {
    const w = ws({
      "hosts/big.yaml": host("big", "b", 'availability: {weekly: [{days: [wed], hours: "09:00-10:00"}]}').replace(
        "themes: [inclusion]",
        "themes: [inclusion, jobs]",
      ),
      "hosts/small.yaml": host("small", "b", 'availability: {weekly: [{days: [wed], hours: "09:00-10:00"}]}'),
      "requests/r.yaml": request(`${DAY}\ninterests: [inclusion, jobs]`),
    });
    expect(planOf(w, "r").agenda.unscheduled).toEqual([
      {
        host: "small",
        code: "outranked",
        reason: "outranked: the days are full with visits worth more in total (value 1)",
        suggestion: "fits on 19 Sep 09:00-10:00 if the delegation skips Host BIG",
        value: 1,
      },
    ]);
  });

  it("says what would let a host in day by day when the plan is too large to re-plan exactly", () => {
    // Four days of four one-hour visits at the same place: 16 visits, and the host left out makes 17 nodes,
    // over the exact solver's 14, so the suggestion forces it into one day at a time and keeps the day losing least.
    const days = ["mon", "tue", "wed", "thu"];
    const dates = ["2018-09-17", "2018-09-18", "2018-09-19", "2018-09-20"];
    const starts = ["09:00-10:00", "10:30-11:30", "12:00-13:00", "13:30-14:30"];
    const files: Record<string, string> = {};
    const priorities: string[] = [];
    days.forEach((day) =>
      starts.forEach((hours, k) => {
        const id = `${day}${k}`;
        files[`hosts/${id}.yaml`] = host(id, "b", `availability: {weekly: [{days: [${day}], hours: "${hours}"}]}`);
        // The 09:00 visit is worth 3 on Tuesday and 2 on Wednesday; every other visit 3.
        priorities.push(`${id}: ${k === 0 && day === "wed" ? 2 : 3}`);
      }),
    );
    files["hosts/late.yaml"] = host("late", "b", 'availability: {weekly: [{days: [tue, wed], hours: "09:00-10:00"}]}');
    priorities.push("late: 1");
    files["requests/r.yaml"] = request(
      `days: [${dates.map((date) => `{date: ${date}, hours: "09:00-17:00"}`).join(", ")}]\ninterests: [inclusion]\npriorities: {${priorities.join(", ")}}`,
    );
    const plan = planOf(ws(files), "r");
    expect(plan.agenda.value).toBe(47);
    expect(plan.agenda.unscheduled).toEqual([
      {
        host: "late",
        code: "outranked",
        reason: "outranked: the days are full with visits worth more in total (value 1)",
        suggestion: "fits on 19 Sep 09:00-10:00 if the delegation skips Host WED0",
        value: 1,
      },
    ]);
  });

  it("never gives a host more delegations at once than its parallel allows, across requests and --booked agendas", () => {
    const files = (parallel: number) => ({
      "hosts/x.yaml": host(
        "x",
        "b",
        `availability: {weekly: [{days: [wed], hours: "09:00-10:00"}], parallel: ${parallel}}`,
      ),
      "requests/r.yaml": request(`${DAY}\ninterests: [inclusion]`),
      "requests/r2.yaml": request(`${DAY}\ninterests: [inclusion]`).replace("id: r", "id: r2"),
    });
    const one = ws(files(1));
    const [first, second] = planRequests({
      ws: one,
      requests: [one.requests.get("r")!, one.requests.get("r2")!],
      holidays,
    });
    expect(lines(first!.agenda)).toEqual(["09:00-10:00 visit x"]);
    expect(lines(second!.agenda)).toEqual([]);
    expect(second!.agenda.unscheduled.map((u) => [u.host, u.code])).toEqual([["x", "booked"]]);
    const two = ws(files(2));
    const both = planRequests({ ws: two, requests: [two.requests.get("r")!, two.requests.get("r2")!], holidays });
    expect(both.map((p) => lines(p.agenda))).toEqual([["09:00-10:00 visit x"], ["09:00-10:00 visit x"]]);
    const booked = planRequests({ ws: one, requests: [one.requests.get("r2")!], holidays, booked: [first!.agenda] });
    expect(booked[0]!.agenda.unscheduled.map((u) => u.code)).toEqual(["booked"]);
  });

  it("reads a host's availability in its own time zone", () => {
    const w = ws({
      "hosts/riga.yaml": host(
        "riga",
        "b",
        'availability: {timezone: Europe/Riga, weekly: [{days: [wed], hours: "10:00-11:00"}]}',
      ),
      "requests/r.yaml": request(`${DAY}\ninterests: [inclusion]`),
    });
    // 10:00-11:00 in Riga is 09:00-10:00 in Brussels.
    expect(lines(planOf(w, "r").agenda)).toEqual(["09:00-10:00 visit riga"]);
  });

  it("gives ISO times with the zone's offset and stable uids", () => {
    const w = ws({
      "hosts/x.yaml": host("x", "b", 'availability: {weekly: [{days: [wed, mon], hours: "09:00-10:00"}]}'),
      "requests/r.yaml": request(
        'days: [{date: 2018-09-19, hours: "09:00-17:00"}, {date: 2018-10-29, hours: "09:00-17:00"}]\ninterests: [inclusion]',
      ),
    });
    const a = planOf(w, "r").agenda;
    const visit = a.days.flatMap((d) => d.items)[0]!;
    expect([visit.start, visit.end, visit.uid]).toEqual([
      "2018-09-19T09:00:00+02:00",
      "2018-09-19T10:00:00+02:00",
      "2018-09-19.x.r@studyvisit",
    ]);
    expect(JSON.stringify(planOf(w, "r").agenda)).toBe(JSON.stringify(a));
  });
});
