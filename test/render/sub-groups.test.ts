import ICAL from "ical.js";
import type { Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { renderHtml } from "../../src/render/html.js";
import { renderInviteIcs, renderItineraryIcs } from "../../src/render/ics.js";
import { inviteEmail } from "../../src/render/invite-email.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { hostVisits } from "../../src/render/render-input.js";
import { renderReport } from "../../src/render/report.js";
import { renderTimeline } from "../../src/render/timeline.js";
import { golden, loadAgenda, renderInput } from "./render-fixtures.js";

// A delegation of 24 that splits into two groups of 12 for the morning (the
// planner's own plan of the fixture request groups-2018): each document shows
// the groups side by side and says how many people come where.

const input = renderInput("groups-2018");

function cells(node: { children?: unknown[]; value?: string }): string {
  if (typeof node.value === "string") return node.value;
  return (node.children ?? []).map((c) => cells(c as { children?: unknown[]; value?: string })).join("");
}

function mdTables(markdown: string): string[][][] {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return tree.children
    .filter((n): n is Table => n.type === "table")
    .map((t) => t.children.map((row) => row.children.map((cell) => cells(cell))));
}

describe("a split delegation in the documents", () => {
  it("itinerary.md: the split part is a table with a column per group, a row per time, then the table of the day together", () => {
    const md = renderMarkdown(input);
    const [split, together, ...rest] = mdTables(md);
    expect(rest).toEqual([]);
    expect(split?.[0]).toEqual(["Time", "Group A · 12 people", "Group B · 12 people"]);
    expect(split?.find((r) => r[0] === "09:30–11:00")).toEqual([
      "09:30–11:00",
      "",
      "microStart · microStart — Brussels agency, Rue de Fiennes 77, 1070 Anderlecht",
    ]);
    expect(split?.find((r) => r[0] === "10:00–11:30")?.[1]).toMatch(/^CIRÉ/);
    expect(together?.[0]).toEqual(["Time", "What", "Where", "Notes"]);
    expect(together?.[1]?.slice(0, 2)).toEqual(["12:30–13:30", "Lunch"]);
    expect(md).toContain(
      "The delegation splits into two groups until lunch at 12:30, each going its own way: group A (12 people) and group B (12 people).",
    );
  });

  it("itinerary.html: the same columns side by side", () => {
    const html = renderHtml(input);
    expect(html).toContain(
      '<table class="programme split">\n<thead><tr><th>Time</th><th>Group A · 12 people</th><th>Group B · 12 people</th></tr></thead>',
    );
    expect(html).toContain("table.split td .what { font-weight: bold; }");
    expect(renderHtml(renderInput("ljubljana-2018"))).not.toContain("table.split");
  });

  it("itinerary.ics: each group's events name the group and its size", () => {
    const cal = new ICAL.Component(ICAL.parse(renderItineraryIcs(input, { version: "0.1.0" })) as unknown[]);
    const microstart = cal
      .getAllSubcomponents("vevent")
      .find((e) => /microStart/.test(String(e.getFirstPropertyValue("summary"))));
    expect(microstart?.getFirstPropertyValue("summary")).toBe("microStart (group B)");
    expect(String(microstart?.getFirstPropertyValue("description"))).toMatch(
      /^Group B: 12 of the delegation's 24 people, on their own way until the groups meet again\./,
    );
    const lunch = cal.getAllSubcomponents("vevent").find((e) => e.getFirstPropertyValue("summary") === "Lunch");
    expect(String(lunch?.getFirstPropertyValue("description"))).not.toContain("Group");
  });

  it("each invitation says how many people come: its group's size", async () => {
    const cire = renderInviteIcs(input, "cire", { version: "0.1.0", sequence: 0, method: "REQUEST" });
    await expect(cire).toMatchFileSnapshot(golden("groups-2018.invite-cire.ics"));
    const event = new ICAL.Component(ICAL.parse(cire) as unknown[]).getFirstSubcomponent("vevent");
    expect(event?.getFirstPropertyValue("summary")).toBe(
      "Visit of group A of the delegation from Ljubljana and Maribor (12 of its 24 people)",
    );
    expect(String(event?.getFirstPropertyValue("description"))).toContain(
      "Group: group A of the delegation from Ljubljana and Maribor (12 of its 24 people).",
    );
    // The whole delegation's visit says the whole delegation's size.
    const etterbeek = renderInviteIcs(input, "etterbeek", { version: "0.1.0", sequence: 0, method: "REQUEST" });
    expect(etterbeek).toContain("SUMMARY:Visit of the delegation from Ljubljana and Maribor (24 people)");
    const mail = inviteEmail(input, "cire", {
      method: "REQUEST",
      change: "new",
      declined: false,
      sequence: 0,
      ics: cire,
    });
    expect(mail.text).toContain(
      "we would like to visit you with the delegation from Ljubljana and Maribor (12 of its 24 people)",
    );
  });

  it("an invitation re-sent because only the group's size changed says who comes, not that the time changed", () => {
    const visit = hostVisits(input.agenda).find((v) => v.host === "cire");
    if (!visit) throw new Error("no visit to cire");
    const { group: _group, people: _people, ...whole } = visit.item;
    const cire = renderInviteIcs(input, "cire", { version: "0.1.0", sequence: 1, method: "REQUEST" });
    const mail = inviteEmail(input, "cire", {
      method: "REQUEST",
      change: "moved",
      declined: false,
      sequence: 1,
      ics: cire,
      before: { ...visit, item: whole },
    });
    expect(mail.text).toContain(
      'As a reminder, our visit with the delegation from Ljubljana and Maribor (12 of its 24 people) for "Ljubljana and Maribor delegations in Brussels":',
    );
    expect(mail.text).not.toContain("has changed");
  });

  it("the timeline marks each group's items and says what splitting gained; the report says it too", () => {
    const header = {
      title: input.request.title,
      delegation: "24 people",
      hostNames: new Map([...input.hosts.values()].map((h) => [h.id, h.name])),
      quality: "best found",
    };
    const text = renderTimeline(loadAgenda("groups-2018"), { ...header, split: { parts: 1, unsplitValue: 4 } });
    expect(text.split("\n").slice(1, 3)).toEqual([
      "24 people · value 8 · 139 min of travel · best found",
      "The delegation splits into groups for part of a day: value 8, against 4 without splitting.",
    ]);
    expect(text).toContain("  09:20–12:30  in two groups until lunch: A 12 people · B 12 people");
    expect(text).toContain("  10:00–11:30    A  CIRÉ — Coordination et Initiatives pour Réfugiés et Étrangers");
    const together = renderTimeline(loadAgenda("ljubljana-2018"), { ...header, split: { parts: 0, unsplitValue: 7 } });
    expect(together).toContain("The delegation stays together: splitting into groups would not raise the value");
    const report = renderReport({
      input,
      quality: "best found",
      grid: 5,
      area: { withinKm: 50, from: "the base (Hotel Van Belle)", outside: 0 },
      unrelated: [],
      notices: [],
      split: { parts: 1, unsplitValue: 4 },
    });
    expect(report).toContain(
      "- **Sub-groups:** the delegation splits for value 8, against 4 together: Wed 19 Sep from 09:20 until lunch (A 12, B 12)",
    );
  });
});
