import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Root, RootContent, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { ITINERARY_TEMPLATE } from "../../src/render/itinerary-template.js";
import { renderTemplate } from "../../src/render/logic-less-template.js";
import { mdInline, mdUrl, mermaidLabel } from "../../src/render/markdown-escape.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { repoRoot } from "../helpers/files.js";
import { AGENDAS, golden, loadAgenda, renderInput } from "./render-fixtures.js";

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function all(node: Root | RootContent, type: string): RootContent[] {
  const found: RootContent[] = node.type === type ? [node as RootContent] : [];
  const children = "children" in node ? (node.children as RootContent[]) : [];
  return [...found, ...children.flatMap((c) => all(c, type))];
}

function text(node: RootContent): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  return "children" in node ? (node.children as RootContent[]).map(text).join("") : "";
}

/** Every table as rows of cell texts, each row checked to have exactly the header's cells in the source. */
function tables(markdown: string): string[][][] {
  return (all(parse(markdown), "table") as Table[]).map((table) => table.children.map((row) => row.children.map(text)));
}

describe("itinerary.md", () => {
  it.each(AGENDAS)("%s matches its golden file", async (name) => {
    await expect(renderMarkdown(renderInput(name))).toMatchFileSnapshot(golden(`${name}.md`));
  });

  it("has the title, the delegation, a table per day, meals, walking legs and the contacts of the hosts it meets, nothing of the others", () => {
    const md = renderMarkdown(renderInput("ljubljana-2018"));
    const tree = parse(md);
    const headings = all(tree, "heading").map(text);
    expect(headings).toEqual([
      "CRISCO study visit: Ljubljana delegation in Brussels",
      "Tuesday 18 September 2018",
      "Wednesday 19 September 2018",
      "The days at a glance",
      "Host contacts",
      "microStart",
      "Shops supported by microStart (walking tour)",
      "Municipality of Etterbeek",
    ]);
    expect(md).toContain(
      "12 people from Ljubljana: city officials, NGO staff, migrants, researchers, education experts. Languages: English, Slovenian.",
    );
    const [day1, day2, ...others] = tables(md) as [string[][], string[][], ...string[][][]];
    expect(others).toEqual([]);
    expect(day1[0]).toEqual(["Time", "What", "Where", "Notes"]);
    expect(day2).toContainEqual([
      "09:22–09:30",
      "Walk to microStart — Brussels agency",
      "Hotel Van Belle → microStart — Brussels agency",
      "8 min, 0.5 km",
    ]);
    expect(day2).toContainEqual([
      "12:30–13:30",
      "Lunch",
      "African snack, Rue Heyvaert (supported by microStart), Rue Heyvaert 75, 1070 Anderlecht",
      "Rice and grilled goat; the room is reserved for the group.",
    ]);
    expect(day2).toContainEqual([
      "13:30–13:59",
      "Public transport to Etterbeek town hall (Maison communale)",
      "African snack, Rue Heyvaert (supported by microStart) → Etterbeek town hall (Maison communale)",
      "29 min, 5.5 km",
    ]);
    expect(md).toContain("Walking: 3 legs, 31 min, 1.9 km. Public transport: 2 legs, 56 min, 10.6 km.");
    expect(md).toContain("- Roxanne Lemercier, Partnership Manager, <r.lemercier@example.org>");
    // The hosts left out (with the planner's reasons) are the organiser's business: report.md, not here.
    for (const u of loadAgenda("ljubljana-2018").unscheduled) {
      expect(md).not.toContain(u.reason);
      expect(md).not.toContain(renderInput("ljubljana-2018").hosts.get(u.host)?.name ?? u.host);
    }
  });

  it("draws a Mermaid gantt with a section per day and a bar per visit, meal and fixed item", () => {
    const code = all(parse(renderMarkdown(renderInput("ljubljana-2018"))), "code")[0];
    expect(code && "lang" in code ? code.lang : undefined).toBe("mermaid");
    const lines = text(code as RootContent).split("\n");
    expect(lines.slice(0, 3)).toEqual(["gantt", "    dateFormat HH:mm", "    axisFormat %H:%M"]);
    expect(lines.filter((l) => l.trim().startsWith("section"))).toEqual([
      "    section Tue 18 Sep",
      "    section Wed 19 Sep",
    ]);
    expect(lines).toContain("    microStart :09:30, 11:00");
    expect(lines).toContain("    Lunch :12:30, 13:30");
    expect(lines.some((l) => l.includes("Walk"))).toBe(false);
  });

  it("links online rooms as autolinks in the notes", () => {
    const md = renderMarkdown(renderInput("express-2021"));
    const links = all(parse(md), "link").map((l) => ("url" in l ? l.url : ""));
    expect(links).toContain("https://example.org/express/ec-dg-home?a=1&b=2");
    expect(links).toContain("https://example.org/express/breakout-a");
  });
});

describe("hostile text in Markdown", () => {
  const md = renderMarkdown(renderInput("hostile-2018"));
  const hostName = renderInput("hostile-2018").hosts.get("hostile")?.name as string;
  const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

  it("keeps every table's column count on every row", () => {
    // micromark quietly drops extra cells and pads missing ones, so the source's unescaped pipes are counted too.
    const pipes = (row: string) => row.replace(/\\\\/g, "").match(/(?<!\\)\|/g)?.length ?? 0;
    const blocks = md
      .split(/\n(?!\|)/)
      .map((b) => b.split("\n").filter((l) => l.startsWith("|")))
      .filter((b) => b.length > 0);
    expect(blocks.map((b) => b.length)).toEqual([4]);
    for (const block of blocks) for (const row of block) expect(pipes(row), row).toBe(pipes(block[0] as string));
    expect(tables(md).map((t) => t.map((row) => row.length))).toEqual([[4, 4, 4]]);
  });

  it("reads back as the same text: no HTML, no emphasis, no link, no code", () => {
    const tree = parse(md);
    for (const type of ["html", "inlineCode", "delete", "image"]) expect(all(tree, type), type).toHaveLength(0);
    // The template's own emphasis only: the field labels and the footer.
    expect(all(tree, "strong").map(text)).toEqual(["Delegation:", "Organiser:", "Dates:", "Programme:"]);
    expect(all(tree, "emphasis").map(text)).toEqual(["Generated on 2018-09-01 08:00 UTC by studyvisit."]);
    // GFM turns a bare URL in text into a link; it may never hide behind other words.
    for (const link of all(tree, "link"))
      expect([text(link), `mailto:${text(link)}`]).toContain("url" in link ? link.url : "");
    const [day] = tables(md) as [string[][]];
    expect(day[1]?.[1]).toBe(oneLine(hostName));
    expect(day[1]?.[2]).toBe(
      oneLine(
        'Salle "Ré|union"; 1er étage\nEND:VCALENDAR, Rue de l\'Évêché 1, 1000 Bruxelles <script>alert(2)</script>',
      ),
    );
    expect(all(tree, "heading").map(text)[0]).toBe("Visit; with, \"quotes\" | and <script>alert('t')</script>");
  });

  it("cannot close the Mermaid fence or add a gantt statement", () => {
    const code = all(parse(md), "code");
    expect(code).toHaveLength(1);
    const lines = text(code[0] as RootContent)
      .split("\n")
      .slice(4);
    for (const line of lines) expect(line).toMatch(/^ {4}(section [^:]+|[^:;#%`<>]+ :\d\d:\d\d, \d\d:\d\d)$/);
    expect(mermaidLabel("section 9: go")).toBe("- section 9 - go");
    expect(mermaidLabel("```\n")).toBe("item");
  });
});

describe("Markdown escapes", () => {
  it("escapes punctuation that would be markup, and HTML as entities", () => {
    expect(mdInline("a|b *c* _d_ [e](f) `g` ~h~ #i $j$ \\k <l> & m")).toBe(
      "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\`g\\` \\~h\\~ \\#i \\$j\\$ \\\\k &lt;l&gt; &amp; m",
    );
    expect(mdInline(" one\ntwo\r\n three ")).toBe("one two three");
  });

  it("writes http(s) links as autolinks that cannot end early, other schemes as text", () => {
    expect(mdUrl("https://example.org/a b|c>d")).toBe("<https://example.org/a%20b%7Cc%3Ed>");
    expect(mdUrl("javascript:alert(1)")).toBe("javascript:alert(1)");
    expect(mdUrl("not a url")).toBe("not a url");
  });
});

describe("templates", () => {
  it("bundles templates/itinerary.md as the default, byte for byte", () => {
    expect(readFileSync(join(repoRoot, "templates", "itinerary.md"), "utf8")).toBe(ITINERARY_TEMPLATE);
  });

  it("renders a user's template with the same values", () => {
    const md = renderMarkdown(
      renderInput("ljubljana-2018"),
      "{{title}}\n{{#days}}* {{heading}}: {{#rows}}{{time}} {{/rows}}\n{{/days}}",
    );
    expect(md).toBe(
      "CRISCO study visit: Ljubljana delegation in Brussels\n* Tuesday 18 September 2018: 14:00–14:30 14:30–18:30 \n* Wednesday 19 September 2018: 09:22–09:30 09:30–11:00 11:00–11:07 11:07–11:30 11:30–12:00 12:00–12:16 12:16–12:30 12:30–13:30 13:30–13:59 13:59–14:15 14:15–15:45 15:45–16:12 16:12–17:00 17:00–17:30 \n",
    );
  });

  it("does not HTML-escape what is already escaped for Markdown: double and triple braces print the same", () => {
    const md = renderMarkdown(renderInput("express-2021"), "{{#days}}{{#rows}}{{what}}|{{{what}}}\n{{/rows}}{{/days}}");
    expect(md).toContain("Welcome &amp; introduction|Welcome &amp; introduction\n");
  });

  it("gives a hostile template no way to reach prototypes, functions or files", () => {
    const input = renderInput("ljubljana-2018");
    const hostile = [
      "{{constructor}}",
      "{{constructor.constructor}}",
      "{{{constructor.constructor}}}",
      "{{#constructor.constructor}}return process{{/constructor.constructor}}",
      "{{title.constructor.constructor}}",
      "{{days.constructor.constructor}}",
      "{{days.constructor.name}}",
      "{{__proto__}}",
      "{{title.__proto__.toString}}",
      "{{#days}}{{constructor.constructor}}{{hasOwnProperty}}{{/days}}",
      "{{#days}}{{#rows}}{{toString}}{{valueOf}}{{/rows}}{{/days}}",
      "{{> /etc/passwd}}",
      "{{=<% %>=}}<% constructor.constructor %>",
    ];
    for (const template of hostile) expect(renderMarkdown(input, template), template).toBe("");
  });

  it("still lets a template read own data through dots", () => {
    expect(
      renderTemplate("{{a.b}} {{#list}}{{.}},{{/list}} {{^none}}empty{{/none}}", {
        a: { b: "x" },
        list: ["1", "2"],
        none: [],
      }),
    ).toBe("x 1,2, empty");
  });
});
