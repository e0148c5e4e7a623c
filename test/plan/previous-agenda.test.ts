import { describe, expect, it } from "vitest";
import type { Agenda } from "../../src/plan/agenda.js";
import { carryPrevious, previousChoices } from "../../src/plan/previous-agenda.js";
import { zonedIso } from "../../src/records/zoned-time.js";
import { host, lines, planOf, request, workspaceOf } from "./workspace-builder.js";

// One place, so no travel: A (value 1, any hour 09:00-11:00) and B (value 5,
// only the slot 09:00-10:00). A previous agenda put A at 09:30; B is new in the records.
const files = {
  "studyvisit.yaml": "timezone: Europe/Brussels\n",
  "places/p.yaml": '- {id: p, name: P, address: P street, geo: "50.85, 4.35"}\n',
  "hosts/a.yaml": host(
    "a",
    "p",
    'availability: {weekly: [{days: [wed], hours: "09:00-11:00"}]}\nvisit: {duration: 60}',
  ),
  "hosts/b.yaml": host("b", "p", 'availability: {slots: [{date: 2018-09-19, hours: "09:00-10:00"}]}'),
  "requests/r.yaml": request(
    'days: [{date: 2018-09-19, hours: "09:00-11:00"}]\ninterests: [inclusion]\npriorities: {a: 1, b: 5}',
  ),
};

const at = (hhmm: string) =>
  zonedIso("2018-09-19", Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), "Europe/Brussels");
const previous = (status: "proposed" | "confirmed"): Agenda => ({
  request: "r",
  timezone: "Europe/Brussels",
  value: 1,
  travel_minutes: 0,
  days: [
    {
      date: "2018-09-19",
      items: [
        {
          kind: "visit",
          start: at("09:30"),
          end: at(status === "confirmed" ? "10:15" : "10:30"),
          title: "Host A",
          host: "a",
          place: { id: "p", name: "P" },
          status,
          sequence: 2,
          notes: "Door code 1234",
          uid: "2018-09-19.a.r@studyvisit",
        },
      ],
    },
  ],
  unscheduled: [],
});

describe("plan --previous", () => {
  it("moves a proposed visit when that reaches a strictly higher value, and says so in its SEQUENCE", () => {
    const { ws } = workspaceOf(files);
    const old = previous("proposed");
    const choices = previousChoices(old);
    const plan = planOf(ws, "r", { pins: choices.pins, kept: choices.keep, declined: choices.declined });
    expect(lines(plan.agenda)).toEqual(["09:00-10:00 visit b", "10:00-11:00 visit a"]);
    const a = carryPrevious(old, plan.agenda).days[0]?.items.find((i) => i.host === "a");
    expect(a).toMatchObject({ status: "proposed", sequence: 3, notes: "Door code 1234" });
  });

  it("with --keep-proposed keeps it where it was, even at that price", () => {
    const { ws } = workspaceOf(files);
    const choices = previousChoices(previous("proposed"), { keepProposed: true });
    const plan = planOf(ws, "r", { pins: choices.pins, kept: choices.keep, declined: choices.declined });
    expect(lines(plan.agenda)).toEqual(["09:30-10:30 visit a"]);
  });

  it("keeps a confirmed visit at the times the host agreed to (45 min, not its 60)", () => {
    const { ws } = workspaceOf(files);
    const old = previous("confirmed");
    const choices = previousChoices(old);
    const plan = planOf(ws, "r", { pins: choices.pins, kept: choices.keep, declined: choices.declined });
    expect(lines(plan.agenda)).toEqual(["09:30-10:15 visit a"]);
    expect(carryPrevious(old, plan.agenda).days[0]?.items[0]).toMatchObject({ status: "confirmed", sequence: 2 });
  });

  it("says why when a confirmed visit can no longer be kept (the host closed that day since)", () => {
    const { ws } = workspaceOf({
      ...files,
      "hosts/a.yaml": host(
        "a",
        "p",
        'availability: {weekly: [{days: [wed], hours: "09:00-11:00"}], closed: [2018-09-19]}\nvisit: {duration: 60}',
      ),
    });
    const choices = previousChoices(previous("confirmed"));
    const plan = planOf(ws, "r", { pins: choices.pins, kept: choices.keep, declined: choices.declined });
    expect(plan.impossible).toBe("the confirmed visit to a (19 Sep 09:30-10:15) cannot be kept: closed on 19 Sep");
  });
});
