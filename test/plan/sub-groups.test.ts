import { describe, expect, it } from "vitest";
import type { Agenda, AgendaItem } from "../../src/plan/agenda.js";
import { agendaRecord } from "../../src/plan/agenda-record.js";
import { checkAgendaRules } from "../../src/plan/check-agenda.js";
import { previousChoices } from "../../src/plan/previous-agenda.js";
import { resolveAgenda } from "../../src/plan/resolve-agenda.js";
import { minutesOn } from "../../src/records/zoned-time.js";
import { parseAgendaYaml } from "../../src/records/agenda-file.js";
import { agendaYaml } from "../../src/records/agenda-yaml.js";
import type { Workspace } from "../../src/records/workspace.js";
import { holidays, host, lines, north, planOf, request, workspaceOf } from "./workspace-builder.js";

// SPEC "Sub-groups": for part of a day the delegation divides into groups whose
// sizes add up to delegation.size, each at least min_size; each goes its own way
// and visits hosts that receive its size; all rejoin for meals, fixed items, the
// base and the end of the day; a host visited by any group counts once; the
// planner splits only when it raises the value.

const PLACES = `- {id: h, name: Hotel, address: "Rue 1", geo: "50.8, 4.3"}
- {id: a, name: Atelier, address: "Rue 2", geo: ${north(0.5)}}
- {id: b, name: Counter, address: "Rue 3", geo: ${north(1)}}
- {id: c, name: Town hall, address: "Rue 4", geo: ${north(1.5)}}
- {id: r, name: Restaurant, address: "Rue 5", geo: ${north(0.8)}}
`;
const OPEN = 'availability: {weekly: [{days: [wed], hours: "09:00-17:00"}]}';
const DAY = 'days: [{date: 2018-09-19, hours: "09:00-17:00"}]';
const LUNCH = 'meals: [{name: lunch, hours: "12:00-14:00", duration: 60min, places: [r]}]';
const SPLIT = "delegation: {size: 20, split: {max_groups: 3, min_size: 4}}";

/** Two small hosts worth 3 each (capacity 10), a large one worth 1: a delegation of 20 gains by splitting. */
function workspace(
  fields: {
    delegation?: string;
    request?: string;
    hosts?: Record<string, string>;
    day?: string;
    priorities?: string;
  } = {},
) {
  const { ws } = workspaceOf({
    "studyvisit.yaml": "timezone: Europe/Brussels\n",
    "places/p.yaml": PLACES,
    "hosts/x.yaml": host("x", "a", `${OPEN}\nvisit: {duration: 90min, capacity: 10}`),
    "hosts/y.yaml": host("y", "b", `${OPEN}\nvisit: {duration: 90min, capacity: 10}`),
    "hosts/z.yaml": host("z", "c", `${OPEN}\nvisit: {duration: 90min, capacity: 30}`),
    ...fields.hosts,
    "requests/r.yaml": request(
      `${fields.day ?? DAY}\nbase: h\ninterests: [inclusion]\npriorities: {${fields.priorities ?? "x: 3, y: 3, z: 1"}}\n${LUNCH}\n${fields.request ?? ""}`,
    ).replace("delegation: {size: 10}", fields.delegation ?? SPLIT),
  });
  return ws;
}

const minutes = (agenda: Agenda, date: string, iso: string) => minutesOn(date, iso, agenda.timezone);

/** The groups' items between two of the whole delegation's meals or fixed items, by part. */
function splitParts(agenda: Agenda) {
  return agenda.days.flatMap((day) => {
    const meetings = day.items.filter((i) => !i.group && ["meal", "fixed", "parallel"].includes(i.kind));
    const parts = new Map<number, AgendaItem[]>();
    for (const item of day.items.filter((i) => i.group !== undefined)) {
      const k = meetings.filter((m) => m.end <= item.start).length;
      parts.set(k, [...(parts.get(k) ?? []), item]);
    }
    return [...parts].map(([k, items]) => ({ day, before: meetings[k - 1], after: meetings[k], items }));
  });
}

function rules(ws: Workspace, agenda: Agenda) {
  return checkAgendaRules(agenda.days, agenda.timezone, { ws, request: ws.requests.get("r")!, holidays });
}

describe("sub-groups: the planner", () => {
  it("splits a delegation of 20 to visit two hosts that receive 10, and says what it gained", () => {
    const ws = workspace();
    const plan = planOf(ws, "r");
    expect(plan.impossible).toBeUndefined();
    expect(plan.split).toEqual({ parts: 1, unsplitValue: 1 });
    expect(plan.agenda.value).toBe(7);
    expect(lines(plan.agenda)).toEqual([
      "09:00-09:10 walk a",
      "09:00-09:20 walk b",
      "09:10-10:40 visit x",
      "09:20-10:50 visit y",
      "10:40-11:40 free Free time",
      "10:50-11:45 free Free time",
      "11:40-11:46 walk r",
      "11:45-11:49 walk r",
      "12:00-13:00 meal r",
      "13:00-13:14 walk c",
      "13:25-14:55 visit z",
      "14:55-15:12 transit h",
    ]);
    expect(rules(ws, plan.agenda)).toEqual([]);
  });

  it("keeps SPEC's rules: sizes add up, each at least min_size, capacity per group, together for meals, a host once, counted once", () => {
    const ws = workspace();
    const { agenda } = planOf(ws, "r");
    const req = ws.requests.get("r")!;
    const parts = splitParts(agenda);
    expect(parts.length).toBe(1);
    for (const part of parts) {
      const sizes = new Map(part.items.map((i) => [i.group as string, i.people as number]));
      // Every item of a group gives the same size, the sizes add up to the delegation, none below min_size.
      for (const item of part.items) expect(item.people).toBe(sizes.get(item.group as string));
      expect([...sizes.values()].reduce((a, b) => a + b, 0)).toBe(20);
      for (const n of sizes.values()) expect(n).toBeGreaterThanOrEqual(4);
      expect(sizes.size).toBeGreaterThanOrEqual(2);
      expect(sizes.size).toBeLessThanOrEqual(3);
      // Each group reaches the meal's place before it starts, the buffer included.
      const meal = part.after as AgendaItem;
      expect(meal.kind).toBe("meal");
      for (const group of sizes.keys()) {
        const own = part.items.filter((i) => i.group === group);
        const last = own.at(-1) as AgendaItem;
        expect(last.kind === "walk" || last.kind === "transit" ? last.to : last.place?.id).toBe("r");
        expect(
          minutes(agenda, part.day.date, meal.start) - minutes(agenda, part.day.date, last.end),
        ).toBeGreaterThanOrEqual(10);
      }
    }
    const visits = agenda.days.flatMap((d) => d.items.filter((i) => i.kind === "visit"));
    // Capacity against the group's size (the whole delegation's when no group).
    for (const v of visits) {
      const capacity = ws.hosts.get(v.host as string)?.visit.capacity ?? Infinity;
      expect(v.people ?? req.delegation.size).toBeLessThanOrEqual(capacity);
    }
    // Meals and fixed items are the whole delegation's.
    for (const d of agenda.days) for (const i of d.items) if (i.kind === "meal") expect(i.group).toBeUndefined();
    // A host visited by any group is visited once and counted once.
    const hosts = visits.map((v) => v.host);
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(agenda.value).toBe(hosts.reduce((n, h) => n + (req.priorities[h as string] ?? 0), 0));
  });

  it("does not split when splitting raises nothing: the plan is the one without delegation.split", () => {
    const big = `${OPEN}\nvisit: {duration: 90min, capacity: 30}`;
    const hosts = { "hosts/x.yaml": host("x", "a", big), "hosts/y.yaml": host("y", "b", big) };
    const allowed = planOf(workspace({ hosts }), "r");
    const plain = planOf(workspace({ hosts, delegation: "delegation: {size: 20}" }), "r");
    expect(allowed.split).toEqual({ parts: 0, unsplitValue: allowed.agenda.value });
    expect(allowed.agenda).toEqual(plain.agenda);
    expect(allowed.agenda.days.flatMap((d) => d.items).some((i) => i.group !== undefined)).toBe(false);
  });

  it("without delegation.split a host too small stays out, with the reason; with it, a left-out one says a group could go", () => {
    const plain = planOf(workspace({ delegation: "delegation: {size: 20}" }), "r");
    expect(plain.agenda.unscheduled.find((u) => u.host === "x")).toMatchObject({
      code: "too-small",
      reason: "it receives at most 10 people and the delegation is 20",
    });
    // Two groups at most, of at least 11: no group fits x or y.
    const split = planOf(workspace({ delegation: "delegation: {size: 20, split: {max_groups: 2, min_size: 4}}" }), "r");
    expect(split.agenda.value).toBe(7);
    const tight = planOf(
      workspace({
        delegation: "delegation: {size: 20, split: {max_groups: 2, min_size: 4}}",
        day: 'days: [{date: 2018-09-19, hours: "09:00-16:00"}]',
        request: 'fixed: [{title: Talk, date: 2018-09-19, hours: "09:00-11:45", place: h}]',
        hosts: { "hosts/w.yaml": host("w", "c", `${OPEN}\nvisit: {duration: 90min, capacity: 10}`) },
        priorities: "x: 3, y: 3, z: 1, w: 2",
      }),
      "r",
    );
    // The morning is taken: in the afternoon one group visits x, the other y; w and z are left out.
    expect(tight.agenda.value).toBe(6);
    expect(tight.agenda.unscheduled.map((u) => u.host).sort()).toEqual(["w", "z"]);
    expect(tight.agenda.unscheduled.find((u) => u.host === "w")?.reason).toBe(
      "it receives at most 10 people and the delegation is 20: only a sub-group can visit it",
    );
  });

  it("places a must-visit host only a group can visit", () => {
    const plan = planOf(workspace({ request: "must_visit: [y]" }), "r");
    expect(plan.impossible).toBeUndefined();
    const y = plan.agenda.days.flatMap((d) => d.items).find((i) => i.host === "y");
    expect(y?.group).toBeDefined();
    expect(y?.people).toBeLessThanOrEqual(10);
    const plain = planOf(workspace({ request: "must_visit: [y]", delegation: "delegation: {size: 20}" }), "r");
    expect(plain.impossible).toContain("must-visit host y cannot be visited");
  });

  it("without a base the groups neither set out nor end the day apart: only a part between two meetings splits", () => {
    const noBase = (fixed: string) =>
      workspaceOf({
        "studyvisit.yaml": "timezone: Europe/Brussels\n",
        "places/p.yaml": PLACES,
        "hosts/x.yaml": host("x", "a", `${OPEN}\nvisit: {duration: 90min, capacity: 10}`),
        "hosts/y.yaml": host("y", "b", `${OPEN}\nvisit: {duration: 90min, capacity: 10}`),
        "requests/r.yaml": request(`${DAY}\ninterests: [inclusion]\n${LUNCH}\n${fixed}`).replace(
          "delegation: {size: 10}",
          SPLIT,
        ),
      }).ws;
    const open = planOf(noBase(""), "r");
    expect(open.agenda.days.flatMap((d) => d.items).some((i) => i.group !== undefined)).toBe(false);
    // Between a welcome at the hotel and lunch the delegation may split.
    const framed = planOf(noBase('fixed: [{title: Welcome, date: 2018-09-19, hours: "09:00-09:30", place: h}]'), "r");
    expect(framed.agenda.value).toBe(2);
    expect(splitParts(framed.agenda).map((p) => [p.before?.title, p.after?.title])).toEqual([["Welcome", "Lunch"]]);
  });
});

describe("sub-groups: agenda files", () => {
  it("agenda.yaml carries group and people and reads back to the same agenda", () => {
    const ws = workspace();
    const { agenda } = planOf(ws, "r");
    const text = agendaYaml(agendaRecord(agenda));
    expect(text).toContain(
      '{kind: visit, time: "09:10-10:40", group: B, people: 10, host: x, place: a, status: proposed}',
    );
    const read = parseAgendaYaml("agenda.yaml", text);
    expect(read.problems).toEqual([]);
    const resolved = resolveAgenda(read.file!, ws, holidays);
    expect(resolved.issues).toEqual([]);
    expect(resolved.agenda?.days).toEqual(agenda.days);
    expect(resolved.agenda?.value).toBe(agenda.value);
  });

  it("re-planning a split agenda against itself gives it back, and a confirmed group visit stays where it is", () => {
    const ws = workspace();
    const first = planOf(ws, "r").agenda;
    const again = planOf(ws, "r", { ...previousChoices(first) });
    expect(again.agenda.days).toEqual(first.days);
    const confirmed: Agenda = {
      ...first,
      days: first.days.map((d) => ({
        ...d,
        items: d.items.map((i) => (i.host === "y" ? { ...i, status: "confirmed" as const } : i)),
      })),
    };
    const choices = previousChoices(confirmed);
    expect(choices.pins.get("y")).toMatchObject({ group: "A", people: 10 });
    const kept = planOf(ws, "r", { pins: choices.pins, kept: choices.keep });
    const y = kept.agenda.days.flatMap((d) => d.items).find((i) => i.host === "y");
    expect([y?.start, y?.end, y?.people]).toEqual(["2018-09-19T09:20:00+02:00", "2018-09-19T10:50:00+02:00", 10]);
  });
});

describe("sub-groups: confirmed visits of two groups at the same time", () => {
  it("are no clash: both stay where they are", () => {
    const ws = workspace();
    const first = planOf(ws, "r").agenda;
    const confirmed: Agenda = {
      ...first,
      days: first.days.map((d) => ({
        ...d,
        items: d.items.map((i) => (i.kind === "visit" && i.group ? { ...i, status: "confirmed" as const } : i)),
      })),
    };
    const choices = previousChoices(confirmed);
    expect([...choices.pins.keys()].sort()).toEqual(["x", "y"]);
    const again = planOf(ws, "r", { pins: choices.pins, kept: choices.keep });
    expect(again.impossible).toBeUndefined();
    const visits = (a: Agenda) =>
      a.days.flatMap((d) => d.items.filter((i) => i.kind === "visit").map((i) => [i.host, i.start, i.end, i.people]));
    expect(visits(again.agenda)).toEqual(visits(first));
  });
});

describe("sub-groups: check AGENDA", () => {
  const ws = workspace();
  const { agenda } = planOf(ws, "r");
  /** The planned agenda with one change to its items. */
  const edited = (change: (item: AgendaItem) => AgendaItem | AgendaItem[]): Agenda => ({
    ...agenda,
    days: agenda.days.map((d) => ({ ...d, items: d.items.flatMap((i) => change(i)) })),
  });
  const messages = (a: Agenda) => rules(ws, a).map((i) => i.message);

  it("passes the planned agenda", () => {
    expect(messages(agenda)).toEqual([]);
  });

  it("wants the sizes to add up to the delegation, each at least min_size, and one size per group", () => {
    expect(messages(edited((i) => (i.group === "A" ? { ...i, people: 8 } : i)))).toEqual([
      "the groups at 09:00-11:49, A (8), B (10), add up to 18 people; the delegation is 20",
    ]);
    // 17 and 3: B is below min_size (and A too large for Host Y).
    expect(
      messages(edited((i) => (i.group === "A" ? { ...i, people: 17 } : i.group === "B" ? { ...i, people: 3 } : i))),
    ).toContain("group B is 3 people at 09:00-11:49, fewer than min_size (4)");
    expect(messages(edited((i) => (i.group === "A" && i.kind === "visit" ? { ...i, people: 9 } : i)))).toContain(
      "group A is 10 people earlier in this split part (09:00-11:49), not 9",
    );
  });

  it("checks capacity against the group's size", () => {
    expect(
      messages(edited((i) => (i.group === "A" ? { ...i, people: 12 } : i.group === "B" ? { ...i, people: 8 } : i))),
    ).toEqual(["Host Y: it receives at most 10 people and group A is 12"]);
  });

  it("wants meals and fixed items together, and groups only where the request allows them", () => {
    expect(messages(edited((i) => (i.kind === "meal" ? { ...i, group: "A", people: 10 } : i)))).toContain(
      'the groups rejoin for meals and fixed items: meal "Lunch" is the whole delegation\'s (no `group`)',
    );
    const plain = workspace({ delegation: "delegation: {size: 20}" });
    expect(rules(plain, agenda).map((i) => i.message)).toContain(
      "visit to x is group B's, but the request does not allow the delegation to split (delegation.split)",
    );
    expect(messages(edited((i) => (i.group === "B" ? { ...i, group: undefined } : i)))).toContain(
      "visit to x gives `people` without `group`: an item without a group is the whole delegation's",
    );
  });

  it("follows each group's own way: its walks, the buffer before the meal, and no host visited by two groups", () => {
    // Group A stays at Host Y until 11:50: four minutes' walk and the buffer do not fit before lunch at 12:00.
    const late = edited((i) =>
      i.group === "A" && i.kind === "visit"
        ? { ...i, start: "2018-09-19T10:20:00+02:00", end: "2018-09-19T11:50:00+02:00" }
        : i.group === "A" && i.kind === "free"
          ? []
          : i,
    );
    expect(messages(late)).toEqual([
      "walk to r (11:45-11:49) overlaps visit to y (10:20-11:50)",
      "4 minutes short on the way from Counter to Restaurant: it needs 14 min (4 of travel + 10 buffer), the agenda leaves 10",
    ]);
    // Group B visits y too, overlapping group A's visit there: y is visited twice (the groups' times may overlap).
    const twice = edited((i) =>
      i.group === "B" && i.kind === "visit"
        ? [i, { ...i, host: "y", start: "2018-09-19T11:00:00+02:00", end: "2018-09-19T11:30:00+02:00" }]
        : i,
    );
    expect(messages(twice)).toContain("Host Y is already visited on 19 Sep");
  });
});
