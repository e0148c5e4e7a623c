import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { Agenda, AgendaItem } from "../../src/plan/agenda.js";
import { diffAgendas, inviteSequence } from "../../src/plan/agenda-diff.js";
import { describeAgendaDiff } from "../../src/render/agenda-diff.js";
import { renderInviteIcs } from "../../src/render/ics.js";
import { loadAgenda, renderInput } from "../render/render-fixtures.js";

const clone = (agenda: Agenda): Agenda => structuredClone(agenda);

function item(agenda: Agenda, uid: string): AgendaItem {
  const found = agenda.days.flatMap((d) => d.items).find((i) => i.uid === uid);
  if (!found) throw new Error(`no item ${uid} in the fixture`);
  return found;
}

const ETTERBEEK = "2018-09-19.etterbeek.ljubljana-2018@studyvisit";
const MICROSTART = "2018-09-19.microstart.ljubljana-2018@studyvisit";
const SHOPS = "2018-09-19.microstart-shops-walk.ljubljana-2018@studyvisit";

describe("diffAgendas", () => {
  it("finds every visit unchanged in the same agenda, sessions of parallel items included", () => {
    for (const name of ["ljubljana-2018", "express-2021"] as const) {
      const agenda = loadAgenda(name);
      const changes = diffAgendas(agenda, clone(agenda));
      expect(changes.every((c) => c.change === "unchanged")).toBe(true);
    }
    expect(diffAgendas(loadAgenda("express-2021"), loadAgenda("express-2021")).map((c) => c.host)).toEqual([
      "demetra",
      "grdr",
      "le-monde-des-possibles",
    ]);
  });

  it("does not call the same instant written with another offset a move", () => {
    const previous = loadAgenda("ljubljana-2018");
    const current = clone(previous);
    item(current, MICROSTART).start = "2018-09-19T07:30:00Z";
    expect(diffAgendas(previous, current).find((c) => c.host === "microstart")?.change).toBe("unchanged");
  });

  it("tells moved (time or place), new and dropped visits apart", () => {
    const previous = loadAgenda("ljubljana-2018");
    const current = clone(previous);
    const etterbeek = item(current, ETTERBEEK);
    etterbeek.start = "2018-09-19T14:30:00+02:00";
    etterbeek.end = "2018-09-19T16:00:00+02:00";
    const shops = item(current, SHOPS);
    shops.place = { id: "abattoir-market", name: "Abattoir — market halls" };
    const day = current.days[1] as { items: AgendaItem[] };
    day.items = day.items.filter((i) => i.uid !== MICROSTART);
    day.items.push({
      kind: "visit",
      host: "cire",
      title: "CIRÉ",
      start: "2018-09-19T16:15:00+02:00",
      end: "2018-09-19T17:00:00+02:00",
      uid: "2018-09-19.cire.ljubljana-2018@studyvisit",
    });

    const changes = diffAgendas(previous, current);
    expect(changes.map((c) => [c.host, c.change, c.moved])).toEqual([
      ["cire", "new", undefined],
      ["etterbeek", "moved", { time: true, place: false }],
      ["microstart", "dropped", undefined],
      ["microstart-shops-walk", "moved", { time: false, place: true }],
    ]);
    expect(describeAgendaDiff(changes, (id) => renderInput("ljubljana-2018").hosts.get(id)?.name ?? id)).toEqual([
      "new: CIRÉ — Coordination et Initiatives pour Réfugiés et Étrangers, Wed 19 Sep 16:15-17:00",
      "moved: Municipality of Etterbeek, Wed 19 Sep 14:15-15:45 → Wed 19 Sep 14:30-16:00",
      "cancelled: microStart, Wed 19 Sep 09:30-11:00",
      "moved: Shops supported by microStart (walking tour), Wed 19 Sep 11:30-12:00 → Wed 19 Sep 11:30-12:00 (now at Abattoir — market halls)",
    ]);
  });

  it("treats a visit marked declined as no visit: its host is dropped", () => {
    const previous = loadAgenda("ljubljana-2018");
    const current = clone(previous);
    item(current, ETTERBEEK).status = "declined";
    expect(diffAgendas(previous, current).find((c) => c.host === "etterbeek")?.change).toBe("dropped");
  });

  it("pairs the visits of a host visited twice by uid, then in time order", () => {
    const previous = loadAgenda("autumn-2018");
    const current = clone(previous);
    const abattoir = item(current, "2018-10-26.abattoir.autumn-2018@studyvisit");
    (current.days[1] as { items: AgendaItem[] }).items.push({
      ...abattoir,
      start: "2018-10-29T11:30:00+01:00",
      end: "2018-10-29T12:00:00+01:00",
      uid: "2018-10-29.abattoir.autumn-2018@studyvisit",
    });
    const changes = diffAgendas(previous, current).filter((c) => c.host === "abattoir");
    expect(changes.map((c) => c.change)).toEqual(["unchanged", "new"]);
  });
});

describe("invitations after a re-plan", () => {
  it("raises SEQUENCE for a moved visit, keeps it for an unchanged one, starts a new one at 0", () => {
    const [unchanged, moved, created] = [
      { host: "a", change: "unchanged" as const },
      { host: "b", change: "moved" as const },
      { host: "c", change: "new" as const },
    ];
    expect([
      inviteSequence(unchanged, 3),
      inviteSequence(moved, 3),
      inviteSequence(created, 3),
      inviteSequence(moved),
    ]).toEqual([3, 4, 0, 1]);
  });

  it("re-invites a moved host with the same UID and a higher SEQUENCE, and cancels a dropped one from the previous agenda", () => {
    const previous = loadAgenda("ljubljana-2018");
    const current = clone(previous);
    item(current, ETTERBEEK).start = "2018-09-19T14:30:00+02:00";
    const day = current.days[1] as { items: AgendaItem[] };
    day.items = day.items.filter((i) => i.uid !== SHOPS);
    const files = new Map<string, string>();
    for (const change of diffAgendas(previous, current)) {
      const sequence = inviteSequence(change, 0);
      if (change.change === "dropped")
        files.set(
          `${change.host}.cancel`,
          renderInviteIcs(renderInput("ljubljana-2018", previous), change.host, {
            version: "0.1.0",
            sequence,
            method: "CANCEL",
          }),
        );
      else
        files.set(
          change.host,
          renderInviteIcs(renderInput("ljubljana-2018", current), change.host, {
            version: "0.1.0",
            sequence,
            method: "REQUEST",
          }),
        );
    }
    const read = (file: string) => {
      const cal = new ICAL.Component(ICAL.parse(files.get(file) as string) as unknown[]);
      const event = cal.getFirstSubcomponent("vevent") as ICAL.Component;
      return [
        cal.getFirstPropertyValue("method"),
        event.getFirstPropertyValue("uid"),
        event.getFirstPropertyValue("sequence"),
        event.getFirstPropertyValue("status"),
        String(event.getFirstPropertyValue("dtstart")),
      ];
    };
    expect([...files.keys()].sort()).toEqual(["etterbeek", "microstart", "microstart-shops-walk.cancel"]);
    expect(read("etterbeek")).toEqual(["REQUEST", ETTERBEEK, 1, "TENTATIVE", "2018-09-19T12:30:00Z"]);
    expect(read("microstart")).toEqual(["REQUEST", MICROSTART, 0, "CONFIRMED", "2018-09-19T07:30:00Z"]);
    expect(read("microstart-shops-walk.cancel")).toEqual(["CANCEL", SHOPS, 1, "CANCELLED", "2018-09-19T09:30:00Z"]);
  });
});
