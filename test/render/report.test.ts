import type { Root, RootContent, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { diffAgendas } from "../../src/plan/agenda-diff.js";
import type { Agenda } from "../../src/plan/agenda.js";
import { renderReport, type ReportInput } from "../../src/render/report.js";
import { golden, loadAgenda, renderInput } from "./render-fixtures.js";

// The organiser's report (report.md): what the delegation's documents leave out on purpose.

const parse = (md: string): Root => fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
const text = (node: RootContent | Root): string =>
  "value" in node ? String(node.value) : "children" in node ? node.children.map(text).join("") : "";
const tables = (md: string) =>
  parse(md)
    .children.filter((n): n is Table => n.type === "table")
    .map((t) => t.children.map((row) => row.children.map(text)));

/** The agenda sent before: Etterbeek an hour earlier, CIRÉ in the programme, no shops walk. */
function sentBefore(): Agenda {
  const agenda = loadAgenda("ljubljana-2018");
  const days = agenda.days.map((d) => ({
    ...d,
    items: d.items
      .filter((i) => i.host !== "microstart-shops-walk")
      .map((i) =>
        i.host === "etterbeek"
          ? { ...i, start: i.start.replace("T14:", "T13:"), end: i.end.replace("T15:", "T14:") }
          : i,
      ),
  }));
  const cire = {
    kind: "visit" as const,
    start: "2018-09-18T15:00:00+02:00",
    end: "2018-09-18T16:00:00+02:00",
    title: "CIRÉ",
    host: "cire",
    uid: "2018-09-18.cire.ljubljana-2018@studyvisit",
  };
  days[0]?.items.push(cire);
  return { ...agenda, days };
}

function ljubljanaReport(): ReportInput {
  return {
    input: renderInput("ljubljana-2018"),
    quality: "proven optimal",
    grid: 5,
    area: { withinKm: 50, from: "the base (Hotel Van Belle)", outside: 7 },
    unrelated: ["le-monde-des-possibles"],
    changes: {
      since: "the previous agenda (v1/ljubljana-2018/agenda.yaml)",
      list: diffAgendas(sentBefore(), loadAgenda("ljubljana-2018")),
    },
    notices: [
      "data/hosts/etterbeek.yaml:14:5: warning: the host's hours are read in Europe/Brussels",
      "out/ljubljana-2018/agenda.yaml: note: Municipality of Etterbeek on 19 Sep 14:20-15:20: confirmed with the host, 60 min instead of 90",
    ],
  };
}

describe("the organiser's report", () => {
  it("matches its golden file: left-out hosts with reasons and remedies, changes, invitations, warnings", async () => {
    await expect(renderReport(ljubljanaReport())).toMatchFileSnapshot(golden("ljubljana-2018.report.md"));
  });

  it("lists every left-out host with why and what would let it in, and counts (never names) the hosts out of the area", () => {
    const md = renderReport(ljubljanaReport());
    const [leftOut] = tables(md) as [string[][]];
    expect(leftOut).toEqual([
      ["Host", "Why not", "What would let it in"],
      [
        "Abattoir — market and urban farm (abattoir)",
        "no window on the request's days: guided visits Friday to Sunday, 08:00-13:00",
        "",
      ],
      [
        "CIRÉ — Coordination et Initiatives pour Réfugiés et Étrangers (cire)",
        "no time left on 19 Sep once microStart, the shops walk and Etterbeek are placed",
        "free on 18 Sep 14:30-16:00 if the delegation starts right after the welcome",
      ],
    ]);
    expect(md).toContain("7 hosts of the workspace are further away and were not considered");
    expect(md).toContain("matching none of the delegation's interests: Le Monde des Possibles.");
  });

  it("says what changed since the agenda sent before, as the round prints it", () => {
    const md = renderReport(ljubljanaReport());
    expect(md).toContain("## Changes since the previous agenda (v1/ljubljana-2018/agenda.yaml)");
    expect(md).toContain(
      "- cancelled: CIRÉ — Coordination et Initiatives pour Réfugiés et Étrangers, Tue 18 Sep 15:00-16:00",
    );
    expect(md).toContain("- moved: Municipality of Etterbeek, Wed 19 Sep 13:");
    expect(md).toContain("- new: Shops supported by microStart (walking tour), Wed 19 Sep 11:30-12:00");
    expect(md).toMatch(/^- 1 visit unchanged$/m);
    const { changes: _none, ...first } = ljubljanaReport();
    expect(renderReport(first)).not.toContain("## Changes");
  });

  it("names the hosts of the programme that cannot be invited by e-mail, with a phone number where known", () => {
    const report = ljubljanaReport();
    const hosts = new Map(report.input.hosts);
    const etterbeek = hosts.get("etterbeek");
    if (!etterbeek) throw new Error("fixture without etterbeek");
    hosts.set("etterbeek", { ...etterbeek, contacts: [{ name: "Front desk", phone: "+32 2 627 21 11" }] });
    const md = renderReport({ ...report, input: { ...report.input, hosts } });
    expect(md).toContain(
      "No invitation was written for these hosts: their records give no contact with an e-mail address.\n\n- Municipality of Etterbeek: call Front desk, +32 2 627 21 11\n",
    );
    expect(renderReport(report)).toContain("Every host in the programme has a contact with an e-mail address");
  });

  it("keeps hostile text inside its table cell and out of markup", async () => {
    const md = renderReport({
      ...ljubljanaReport(),
      input: renderInput("hostile-2018"),
      changes: undefined,
      notices: ["a | b <script>x</script>"],
    } as ReportInput);
    const [leftOut] = tables(md) as [string[][]];
    expect(leftOut.map((row) => row.length)).toEqual([3, 3]);
    expect(leftOut[1]?.[1]).toBe("reason with | pipe newline and <script>x</script>");
    expect(leftOut[1]?.[2]).toBe('try | this; "quoted"');
    expect(md).not.toContain("<script>");
    await expect(md).toMatchFileSnapshot(golden("hostile-2018.report.md"));
  });
});
