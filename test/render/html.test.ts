import { describe, expect, it } from "vitest";
import { escapeHtml, renderHtml } from "../../src/render/html.js";
import { AGENDAS, golden, renderInput } from "./render-fixtures.js";

describe("itinerary.html", () => {
  it.each(AGENDAS)("%s matches its golden file", async (name) => {
    await expect(renderHtml(renderInput(name))).toMatchFileSnapshot(golden(`${name}.html`));
  });

  it("is one self-contained page: no scripts, no external fonts, styles, images or frames, and a CSP that forbids them", () => {
    for (const name of AGENDAS) {
      const html = renderHtml(renderInput(name));
      expect(html).not.toMatch(
        /<(script|link|img|iframe|object|embed|video|audio|source|base)\b|<[^>]*\bsrc=|@import|url\(|@font-face/i,
      );
      expect(html).toContain(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
      );
      expect(html.match(/href="([^"]*)"/g)?.every((h) => /^href="(https?:|mailto:)/.test(h)) ?? true).toBe(true);
    }
  });

  it("prints on A4 with a page break before every day after the first", () => {
    const html = renderHtml(renderInput("ljubljana-2018"));
    expect(html).toContain("@page { size: A4;");
    expect(html).toMatch(/\.day \+ \.day[^{]*\{ break-before: page; page-break-before: always; \}/);
    expect(html.match(/<section class="day">/g)).toHaveLength(2);
    expect(html).toContain(
      '<tr class="walk"><td class="time">09:22–09:30</td><td class="what">Walk to microStart — Brussels agency</td>',
    );
    expect(html).toContain("Walking: 3 legs, 31 min, 1.9 km. Public transport: 2 legs, 56 min, 10.6 km.");
  });

  it("shows hostile text escaped, as text", () => {
    const html = renderHtml(renderInput("hostile-2018"));
    const body = html.slice(html.indexOf("<body>"));
    expect(body).not.toMatch(/<(script|b|i|em|img)\b/);
    expect(body).toContain(
      "&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62; &#38; *bold* [link](http://evil.example)",
    );
    expect(html).toContain(
      "<title>Visit; with, &#34;quotes&#34; | and &#60;script&#62;alert(&#39;t&#39;)&#60;/script&#62;</title>",
    );
    expect(body).toContain("&#60;img src=x onerror=alert(1)&#62;");
  });

  it("escapes the five characters HTML gives meaning to", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      "&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;amp;&#60;/a&#62;",
    );
  });

  it("gives identical bytes for the same input", () => {
    for (const name of AGENDAS) expect(renderHtml(renderInput(name))).toBe(renderHtml(renderInput(name)));
  });
});
