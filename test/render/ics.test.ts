import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { instantOf, localTime } from "../../src/render/agenda-time.js";
import { renderInviteIcs, renderItineraryIcs } from "../../src/render/ics.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { hostVisits } from "../../src/render/render-input.js";
import { AGENDAS, golden, loadAgenda, renderInput, type AgendaName } from "./render-fixtures.js";

const VERSION = "0.1.0";

function parse(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text) as unknown[]);
}

function events(text: string): ICAL.Component[] {
  return parse(text).getAllSubcomponents("vevent");
}

function prop(event: ICAL.Component, name: string): string {
  return String(event.getFirstPropertyValue(name));
}

/** RFC 5545 §3.1 and the CRLF rule, on the raw bytes. */
function expectWellFormed(text: string): void {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of text.slice(0, -2).split("\r\n"))
    expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
}

const itinerary = (name: AgendaName) => renderItineraryIcs(renderInput(name), { version: VERSION });

describe("itinerary.ics", () => {
  it.each(AGENDAS)("%s: CRLF line ends, no line over 75 octets, parsed by ical.js", (name) => {
    const text = itinerary(name);
    expectWellFormed(text);
    expect(() => parse(text)).not.toThrow();
  });

  it("is METHOD:PUBLISH with PRODID, the organiser as ORGANIZER of every event and no ATTENDEE", () => {
    const text = itinerary("ljubljana-2018");
    const cal = parse(text);
    expect(cal.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(cal.getFirstPropertyValue("prodid")).toBe("-//studyvisit//studyvisit 0.1.0//EN");
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
    for (const event of events(text)) {
      expect(prop(event, "organizer")).toBe("mailto:j.gombac@example.org");
      expect(event.getFirstProperty("organizer")?.getParameter("cn")).toBe("dr. Jure Gombac");
      expect(event.getAllProperties("attendee")).toHaveLength(0);
    }
  });

  it("has one event per visit, meal, fixed and parallel item, with the agenda's uid, and none for walks or free time", () => {
    for (const name of AGENDAS) {
      const agenda = loadAgenda(name);
      const expected = agenda.days.flatMap((d) =>
        d.items.filter((i) => ["visit", "meal", "fixed", "parallel"].includes(i.kind)).map((i) => i.uid),
      );
      expect(events(itinerary(name)).map((e) => prop(e, "uid"))).toEqual(expected);
    }
  });

  it("writes the Ljubljana morning with summary, location, geo, description, categories and status", () => {
    const byUid = new Map(events(itinerary("ljubljana-2018")).map((e) => [prop(e, "uid"), e]));
    const microstart = byUid.get("2018-09-19.microstart.ljubljana-2018@studyvisit") as ICAL.Component;
    expect(prop(microstart, "summary")).toBe("microStart");
    expect(prop(microstart, "location")).toBe("microStart — Brussels agency, Rue de Fiennes 77, 1070 Anderlecht");
    expect(microstart.getFirstPropertyValue("geo")).toEqual([50.8366, 4.3283]);
    expect(prop(microstart, "status")).toBe("CONFIRMED");
    expect(microstart.getFirstProperty("categories")?.getValues()).toEqual(["Study visit"]);
    const description = prop(microstart, "description");
    expect(description).toContain("Brussels-based cooperative that finances, coaches and defends");
    expect(description).toContain("Contact: Roxanne Lemercier (Partnership Manager), r.lemercier@example.org");
    expect(description).toContain(
      "Getting there: Walk from Hotel Van Belle to microStart — Brussels agency: 8 min, 0.5 km.",
    );

    const walk = byUid.get("2018-09-19.microstart-shops-walk.ljubljana-2018@studyvisit") as ICAL.Component;
    expect(prop(walk, "description")).toContain(
      "Ends at Place du Conseil (Anderlecht town hall square), Place du Conseil, 1070 Anderlecht.",
    );
    expect(prop(walk, "status")).toBe("TENTATIVE");

    const lunch = byUid.get("2018-09-19.meal-lunch.ljubljana-2018@studyvisit") as ICAL.Component;
    expect(prop(lunch, "location")).toBe(
      "African snack, Rue Heyvaert (supported by microStart), Rue Heyvaert 75, 1070 Anderlecht",
    );
    expect(prop(lunch, "description")).toContain(
      "Walk from Place du Conseil (Anderlecht town hall square) to African snack, Rue Heyvaert (supported by microStart): 16 min, 1.0 km.",
    );
    expect(lunch.getFirstProperty("categories")?.getValues()).toEqual(["Meal"]);

    const etterbeek = byUid.get("2018-09-19.etterbeek.ljubljana-2018@studyvisit") as ICAL.Component;
    expect(prop(etterbeek, "description")).toContain(
      "Public transport from African snack, Rue Heyvaert (supported by microStart) to Etterbeek town hall (Maison communale): 29 min, 5.5 km.",
    );
  });

  it("gives online items their URL and parallel items their sessions", () => {
    const byUid = new Map(events(itinerary("express-2021")).map((e) => [prop(e, "uid"), e]));
    const lmdp = byUid.get("2021-09-08.le-monde-des-possibles.express-2021@studyvisit") as ICAL.Component;
    expect(prop(lmdp, "url")).toBe("https://example.org/express/study-visit-le-monde-des-possibles");
    expect(prop(lmdp, "location")).toBe("Le Monde des Possibles — online study visit (Liège) (online)");
    expect(lmdp.getFirstPropertyValue("geo")).toBeNull();
    const ec = byUid.get(
      "2021-09-08.fixed-meeting-with-the-european-commission.express-2021@studyvisit",
    ) as ICAL.Component;
    expect(prop(ec, "url")).toBe("https://example.org/express/ec-dg-home?a=1&b=2");
    expect(prop(ec, "location")).toBe("Online");
    const breakout = events(itinerary("express-2021")).find(
      (e) => e.getFirstProperty("categories")?.getValues()[0] === "Parallel sessions",
    ) as ICAL.Component;
    expect(prop(breakout, "description")).toContain(
      "Session A Competence assessment: Demetra (IT): Demetra Formazione (contact: Laura Zambrini",
    );
    expect(prop(breakout, "description")).toContain(
      "Session B Self-entrepreneurship: ACME (FR), Grdr: Grdr Migration-Citoyenneté-Développement",
    );
  });
});

describe("times: UTC from the request zone's wall clock, whatever the machine's zone", () => {
  it("converts the Ljubljana day (CEST, +02:00) to UTC", () => {
    const microstart = events(itinerary("ljubljana-2018")).find(
      (e) => prop(e, "summary") === "microStart",
    ) as ICAL.Component;
    expect(prop(microstart, "dtstart")).toBe("2018-09-19T07:30:00Z");
    expect(prop(microstart, "dtend")).toBe("2018-09-19T09:00:00Z");
  });

  it("follows the clocks going back on 28 October 2018: 10:00 on Friday is 08:00Z, 09:30 on Monday is 08:30Z", () => {
    const all = events(itinerary("autumn-2018"));
    const abattoir = all.find((e) => prop(e, "summary").startsWith("Abattoir")) as ICAL.Component;
    const etterbeek = all.find((e) => prop(e, "summary") === "Municipality of Etterbeek") as ICAL.Component;
    expect(prop(abattoir, "dtstart")).toBe("2018-10-26T08:00:00Z");
    expect(prop(abattoir, "dtend")).toBe("2018-10-26T09:00:00Z");
    expect(prop(etterbeek, "dtstart")).toBe("2018-10-29T08:30:00Z");
    expect(prop(etterbeek, "dtend")).toBe("2018-10-29T10:00:00Z");
  });

  it("matches the wall clock written in every item, read back in Europe/Brussels", () => {
    for (const name of AGENDAS) {
      const agenda = loadAgenda(name);
      const items = new Map(agenda.days.flatMap((d) => d.items).map((i) => [i.uid, i]));
      for (const event of events(itinerary(name))) {
        const item = items.get(prop(event, "uid"));
        const start = new Date(prop(event, "dtstart"));
        const wall = new Intl.DateTimeFormat("sv-SE", {
          timeZone: "Europe/Brussels",
          dateStyle: "short",
          timeStyle: "short",
        }).format(start);
        expect(wall.replace(" ", "T")).toBe(item?.start.slice(0, 16));
      }
    }
  });

  it("gives the same bytes under TZ=UTC and TZ=Pacific/Auckland", () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = "UTC";
      expect(new Date(2018, 9, 26).getTimezoneOffset()).toBe(0);
      const utc = AGENDAS.map((n) => itinerary(n));
      process.env.TZ = "Pacific/Auckland";
      expect(new Date(2018, 9, 26).getTimezoneOffset()).toBe(-780);
      expect(AGENDAS.map((n) => itinerary(n))).toEqual(utc);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("keeps a hand-edited visit at its printed time when the offset was not updated across the change", () => {
    const agenda = loadAgenda("autumn-2018");
    const visit = agenda.days[1]?.items.find((i) => i.kind === "visit");
    if (!visit) throw new Error("fixture changed");
    visit.start = "2018-10-29T09:30:00+02:00";
    const input = renderInput("autumn-2018", agenda);
    const event = events(renderItineraryIcs(input, { version: VERSION })).find(
      (e) => prop(e, "summary") === "Municipality of Etterbeek",
    );
    expect(event && prop(event, "dtstart")).toBe("2018-10-29T08:30:00Z");
    expect(localTime(visit.start, "Europe/Brussels")).toEqual({ date: "2018-10-29", time: "09:30", minutes: 570 });
  });

  it("reads an offset the zone never uses (Z) as the instant it names, and prints it on the zone's clock", () => {
    expect(instantOf("2018-09-19T07:30:00Z", "Europe/Brussels").toISOString()).toBe("2018-09-19T07:30:00.000Z");
    expect(localTime("2018-09-19T07:30:00Z", "Europe/Brussels").time).toBe("09:30");
    expect(instantOf("2018-09-19T09:30:00", "Europe/Brussels").toISOString()).toBe("2018-09-19T07:30:00.000Z");
    expect(instantOf("2018-03-25T02:30:00+01:00", "Europe/Brussels").toISOString()).toBe("2018-03-25T01:30:00.000Z");
  });

  it("reads an ambiguous hour (the night the clocks go back) with the offset the agenda wrote", () => {
    const agenda = loadAgenda("autumn-2018");
    const visit = agenda.days[0]?.items.find((i) => i.kind === "visit");
    if (!visit) throw new Error("fixture changed");
    visit.start = "2018-10-28T02:30:00+01:00";
    visit.end = "2018-10-28T03:00:00+01:00";
    const later = events(renderItineraryIcs(renderInput("autumn-2018", agenda), { version: VERSION })).find((e) =>
      prop(e, "summary").startsWith("Abattoir"),
    );
    expect(later && prop(later, "dtstart")).toBe("2018-10-28T01:30:00Z");
    visit.start = "2018-10-28T02:30:00+02:00";
    const earlier = events(renderItineraryIcs(renderInput("autumn-2018", agenda), { version: VERSION })).find((e) =>
      prop(e, "summary").startsWith("Abattoir"),
    );
    expect(earlier && prop(earlier, "dtstart")).toBe("2018-10-28T00:30:00Z");
  });
});

describe("reproducible output", () => {
  it("gives identical bytes and the same UIDs for the same input, twice", () => {
    for (const name of AGENDAS) expect(itinerary(name)).toBe(itinerary(name));
  });

  it("takes DTSTAMP from generatedAt only", () => {
    const input = renderInput("ljubljana-2018");
    const later = renderItineraryIcs({ ...input, generatedAt: new Date("2019-01-01T00:00:00Z") }, { version: VERSION });
    const now = renderItineraryIcs(input, { version: VERSION });
    expect(now).toContain("DTSTAMP:20180901T080000Z");
    expect(later.replace(/DTSTAMP:\d{8}T\d{6}Z/g, "")).toBe(now.replace(/DTSTAMP:\d{8}T\d{6}Z/g, ""));
  });

  it("matches the golden itinerary.ics of the Ljubljana visit", async () => {
    await expect(itinerary("ljubljana-2018")).toMatchFileSnapshot(golden("ljubljana-2018.ics"));
  });
});

describe("hostile text stays text", () => {
  const hostName = renderInput("hostile-2018").hosts.get("hostile")?.name as string;

  it("does not add events, properties or calendars", () => {
    const text = itinerary("hostile-2018");
    expectWellFormed(text);
    expect(text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(2);
    expect(text.match(/^BEGIN:/gm)).toHaveLength(3);
    expect(text.match(/^(UID|END:VCALENDAR)/gm)).toHaveLength(3);
    const all = events(text);
    expect(all).toHaveLength(2);
    expect(all.map((e) => prop(e, "uid"))).toEqual([
      "2018-09-20.hostile.hostile-2018@studyvisit",
      "2018-09-20.meal-lunch.hostile-2018@studyvisit",
    ]);
  });

  it("reads back exactly as written (line breaks as \\n)", () => {
    const [visit, lunch] = events(itinerary("hostile-2018")) as [ICAL.Component, ICAL.Component];
    expect(prop(visit, "summary")).toBe(hostName);
    expect(prop(lunch, "summary")).toBe('Lunch | "quoted"; <em>x</em>');
    expect(prop(visit, "location")).toBe(
      'Salle "Ré|union"; 1er étage\nEND:VCALENDAR, Rue de l\'Évêché 1, 1000 Bruxelles <script>alert(2)</script>',
    );
    expect(prop(visit, "description")).toContain("Notes: Bring ID; doors | gate B\nEND:VEVENT\n<b>late</b>");
    // ical.js does not know X-WR-CALNAME is TEXT, so it is compared escaped.
    expect(parse(itinerary("hostile-2018")).getFirstPropertyValue("x-wr-calname")).toBe(
      "Visit\\; with\\, \"quotes\" | and <script>alert('t')</script>",
    );
  });

  it("keeps quoted parameters free of double quotes and line breaks", () => {
    const text = renderInviteIcs(renderInput("hostile-2018"), "hostile", {
      version: VERSION,
      sequence: 0,
      method: "REQUEST",
    });
    expectWellFormed(text);
    const unfolded = text.replace(/\r\n[ \t]/g, "");
    expect(unfolded).toContain(`ORGANIZER;CN="Org 'Quoted'; Name, Jr.":mailto:organiser@example.org`);
    const event = events(text)[0] as ICAL.Component;
    const attendees = event.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    expect(attendees[0]?.getFirstValue()).toBe("mailto:mallory@example.org");
    expect(attendees[0]?.getParameter("cn")).toBe(
      "Mallory 'The Boss'; ROLE=CHAIR:mailto:evil@example.org ATTENDEE:mailto:x@example.org",
    );
    expect(attendees[0]?.getParameter("role")).toBe("REQ-PARTICIPANT");
  });
});

describe("invites/<host>.ics", () => {
  const invite = (name: AgendaName, host: string, sequence = 0, method: "REQUEST" | "CANCEL" = "REQUEST") =>
    renderInviteIcs(renderInput(name), host, { version: VERSION, sequence, method });

  it("is METHOD:REQUEST with the organiser, the host's contacts as attendees asked to reply, and the SEQUENCE given", () => {
    const text = invite("ljubljana-2018", "microstart", 2);
    expectWellFormed(text);
    expect(parse(text).getFirstPropertyValue("method")).toBe("REQUEST");
    const all = events(text);
    expect(all).toHaveLength(1);
    const event = all[0] as ICAL.Component;
    expect(prop(event, "uid")).toBe("2018-09-19.microstart.ljubljana-2018@studyvisit");
    expect(prop(event, "sequence")).toBe("2");
    expect(prop(event, "organizer")).toBe("mailto:j.gombac@example.org");
    expect(prop(event, "dtstart")).toBe("2018-09-19T07:30:00Z");
    expect(prop(event, "status")).toBe("CONFIRMED");
    expect(prop(event, "summary")).toBe("Visit of the delegation from Ljubljana (12 people)");
    expect(prop(event, "description")).toContain(
      "Organiser: dr. Jure Gombac, Slovenian Migration Institute, ZRC SAZU, j.gombac@example.org",
    );
    const attendees = event.getAllProperties("attendee").map((a) => ({
      value: a.getFirstValue(),
      cn: a.getParameter("cn"),
      role: a.getParameter("role"),
      rsvp: a.getParameter("rsvp"),
      partstat: a.getParameter("partstat"),
    }));
    expect(attendees).toEqual([
      {
        value: "mailto:r.lemercier@example.org",
        cn: "Roxanne Lemercier",
        role: "REQ-PARTICIPANT",
        rsvp: "TRUE",
        partstat: "NEEDS-ACTION",
      },
      {
        value: "mailto:o.vandenbogaert@example.org",
        cn: "Olivia Van den Bogaert",
        role: "REQ-PARTICIPANT",
        rsvp: "TRUE",
        partstat: "NEEDS-ACTION",
      },
    ]);
    expect(parse(text).getFirstPropertyValue("x-wr-calname")).toBeNull();
  });

  it("invites the host of a parallel session to its own session, with a uid of its own", () => {
    const text = invite("express-2021", "demetra");
    const event = events(text)[0] as ICAL.Component;
    expect(prop(event, "uid")).toBe(
      "2021-09-08.parallel-breakout-sessions-around-good-practices-collected-by-th.express-2021.demetra@studyvisit",
    );
    expect(prop(event, "summary")).toBe(
      "A Competence assessment: Demetra (IT): EXPRESS webinar-LTTA: support services for migrant entrepreneurs",
    );
    expect(prop(event, "location")).toBe("EXPRESS breakout room A: competence assessment (online)");
    expect(event.getAllProperties("attendee").map((a) => a.getFirstValue())).toEqual(["mailto:l.zambrini@example.org"]);
  });

  it("finds a session's room from its host's place when the agenda names none (as the planner writes sessions)", () => {
    const agenda = loadAgenda("express-2021");
    for (const item of agenda.days.flatMap((d) => d.items))
      for (const session of item.sessions ?? []) delete session.place;
    const bare = renderInput("express-2021", agenda);
    const full = renderInput("express-2021");
    expect(renderInviteIcs(bare, "grdr", { version: VERSION, sequence: 0, method: "REQUEST" })).toBe(
      renderInviteIcs(full, "grdr", { version: VERSION, sequence: 0, method: "REQUEST" }),
    );
    expect(renderItineraryIcs(bare, { version: VERSION })).toBe(renderItineraryIcs(full, { version: VERSION }));
    expect(renderMarkdown(bare)).toBe(renderMarkdown(full));
    const event = events(
      renderInviteIcs(bare, "grdr", { version: VERSION, sequence: 0, method: "REQUEST" }),
    )[0] as ICAL.Component;
    expect(prop(event, "url")).toBe("https://example.org/express/breakout-b");
  });

  it("writes a cancellation as METHOD:CANCEL with STATUS:CANCELLED, the same UID, no reply asked", () => {
    const text = invite("ljubljana-2018", "etterbeek", 1, "CANCEL");
    expectWellFormed(text);
    expect(parse(text).getFirstPropertyValue("method")).toBe("CANCEL");
    const event = events(text)[0] as ICAL.Component;
    expect(prop(event, "uid")).toBe("2018-09-19.etterbeek.ljubljana-2018@studyvisit");
    expect(prop(event, "status")).toBe("CANCELLED");
    expect(prop(event, "sequence")).toBe("1");
    const attendees = event.getAllProperties("attendee");
    expect(attendees.map((a) => a.getFirstValue())).toEqual([
      "mailto:european.affairs@example.org",
      "mailto:social.cohesion@example.org",
    ]);
    expect(attendees.every((a) => a.getParameter("rsvp") === undefined)).toBe(true);
  });

  it("invites each host of a joint meeting to the one item, under its uid, naming the other host", async () => {
    const uid = "2018-09-20.fixed-round-table-on-the-reception-of-newcomers.roundtable-2018@studyvisit";
    const cire = invite("roundtable-2018", "cire", 1);
    await expect(cire).toMatchFileSnapshot(golden("roundtable-2018.invite-cire.ics"));
    const etterbeek = events(invite("roundtable-2018", "etterbeek", 1))[0] as ICAL.Component;
    const event = events(cire)[0] as ICAL.Component;
    expect([prop(event, "uid"), prop(etterbeek, "uid")]).toEqual([uid, uid]);
    expect(prop(event, "summary")).toBe(
      "Joint meeting with the delegation from Ljubljana (12 people) and Municipality of Etterbeek",
    );
    expect(prop(etterbeek, "summary")).toBe(
      "Joint meeting with the delegation from Ljubljana (12 people) and CIRÉ — Coordination et Initiatives pour Réfugiés et Étrangers",
    );
    expect(prop(event, "description")).toContain(
      'A joint meeting, "Round table on the reception of newcomers": you meet the delegation together with Municipality of Etterbeek.',
    );
    // Each host's own contacts only: the other host's people get their own invitation.
    expect(event.getAllProperties("attendee").map((a) => a.getFirstValue())).toEqual([
      "mailto:cire.visits@example.org",
    ]);
    expect(etterbeek.getAllProperties("attendee").map((a) => a.getFirstValue())).toEqual([
      "mailto:european.affairs@example.org",
      "mailto:social.cohesion@example.org",
    ]);
  });

  it("gives every visited host of every fixture an invitation that parses", () => {
    for (const name of AGENDAS) {
      for (const visit of hostVisits(loadAgenda(name))) {
        const text = invite(name, visit.host);
        expectWellFormed(text);
        expect(events(text).map((e) => prop(e, "uid"))).toContain(visit.uid);
      }
    }
  });

  it("refuses a host without a visit in the agenda or without an e-mail contact", () => {
    expect(() => invite("ljubljana-2018", "abattoir")).toThrow(/no visit/);
    const input = renderInput("hostile-2018");
    const hosts = new Map(input.hosts);
    const host = hosts.get("hostile");
    if (!host) throw new Error("fixture changed");
    hosts.set("hostile", { ...host, contacts: host.contacts.filter((c) => !c.email) });
    expect(() =>
      renderInviteIcs({ ...input, hosts }, "hostile", { version: VERSION, sequence: 0, method: "REQUEST" }),
    ).toThrow(/no contact with an e-mail/);
  });
});
