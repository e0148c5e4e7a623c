import type { Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import type { Candidate } from "../../src/plan/candidates.js";
import { LETTER_LANGUAGES } from "../../src/render/letter-language.js";
import { letterView, renderLetter } from "../../src/render/letter.js";
import { bundledCandidate, bundledTemplate, LETTER_DATE } from "./letter-fixtures.js";

const parse = (markdown: string): Root =>
  fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

function nodes(tree: Root): RootContent[] {
  const out: RootContent[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type !== "root") out.push(node);
    if ("children" in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return out;
}

const { request, candidate } = bundledCandidate("ljubljana-2018", "etterbeek");
const input = { request, candidate, language: "en" as const, date: LETTER_DATE };

describe("a letter template cannot run code or reach a prototype", () => {
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  it.each([
    "{{constructor.constructor}}",
    "{{constructor.constructor('return process')()}}",
    "{{#constructor}}reached{{/constructor}}",
    "{{#constructor}}{{#constructor}}{{name}}{{/constructor}}{{/constructor}}",
    "{{__proto__}}",
    "{{#__proto__}}reached{{/__proto__}}",
    "{{__proto__.constructor.name}}",
    "{{toString}}{{valueOf}}{{hasOwnProperty}}{{isPrototypeOf}}",
    "{{{constructor}}}{{&constructor}}",
    "{{host.constructor}}{{host.length}}{{#host}}{{length}}{{constructor}}{{/host}}",
    "{{#hasThemes}}{{constructor.name}}{{valueOf}}{{/hasThemes}}",
    "{{> constructor}}{{> __proto__}}{{> toString}}",
    "{{=<% %>=}}<% constructor.constructor %><%# __proto__ %>reached<%/ __proto__ %>",
    "{{#subject}}{{constructor.constructor}}{{toUpperCase}}{{/subject}}",
  ])("%s renders nothing", (template) => {
    expect(renderLetter(input, template)).toBe("");
  });

  it("a section over a value cannot call a lambda: the view holds only text and flags", () => {
    for (const language of LETTER_LANGUAGES) {
      const view = letterView({ ...input, language });
      for (const value of Object.values(view)) expect(["string", "boolean"]).toContain(typeof value);
    }
  });

  it("nothing was added to Object.prototype", () => {
    renderLetter(input, "{{#__proto__}}{{polluted}}{{/__proto__}}{{__proto__.polluted}}");
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a template still places every value it names", () => {
    expect(renderLetter(input, "{{host}} / {{sender}} / {{#overlap}}free{{/overlap}}")).toBe(
      "Municipality of Etterbeek / dr. Jure Gombac / free",
    );
  });
});

describe("hostile record text stays text", () => {
  const hostile: Candidate = {
    ...candidate,
    host: {
      ...candidate.host,
      name: '<img src=x onerror="alert(1)"> **Evil** [click](javascript:alert(1))',
      contacts: [{ name: "<script>alert(1)</script>", role: "# Director", email: "evil@example.org", lang: "en" }],
    },
    place: { ...candidate.place, name: "1. Town hall", address: "=== <b>Street</b> | 1 |" },
    matched: [{ interest: "migrant inclusion", weight: 1, theme: "<i>inclusion</i> & _cohesion_" }],
  };
  const hostileRequest = {
    ...request,
    organiser: {
      ...request.organiser,
      name: "- Mallory",
      organisation: "</p><iframe src=//evil>",
      phone: "+32 `rm -rf`",
    },
    delegation: { ...request.delegation, from: "[home](http://evil.example)", profile: ["> quoted", "~~struck~~"] },
  };

  it.each(LETTER_LANGUAGES)("in %s: no HTML, no hidden link, no heading, list, quote or emphasis", (language) => {
    const letter = renderLetter(
      { request: hostileRequest, candidate: hostile, language, date: LETTER_DATE },
      bundledTemplate(language),
    );
    const found = nodes(parse(letter));
    expect(found.filter((n) => n.type === "html")).toEqual([]);
    // Only autolinks: what a reader sees is where it goes (GFM makes a bare http:// address one).
    for (const link of found.filter((n) => n.type === "link")) {
      expect(link.url).toMatch(/^(mailto:|https?:\/\/)/);
      expect(link.children.map((c) => ("value" in c ? c.value : "")).join("")).toBe(link.url.replace(/^mailto:/, ""));
    }
    for (const kind of ["heading", "list", "blockquote", "emphasis", "delete", "inlineCode", "table", "image"])
      expect(
        found.filter((n) => n.type === kind),
        kind,
      ).toEqual([]);
    // "**Subject:**" is the template's own; nothing else is strong.
    expect(found.filter((n) => n.type === "strong")).toHaveLength(1);
    expect(letter).toContain('&lt;img src=x onerror="alert(1)"&gt;');
    expect(letter).not.toMatch(/<(img|script|iframe|b|i|p)\b/i);
  });
});
