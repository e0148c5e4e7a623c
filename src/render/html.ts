import { buildItinerary, type ItineraryRow } from "./itinerary-view.js";
import type { RenderInput } from "./render-input.js";

// The delegation's booklet: one self-contained page that prints on A4, a
// day per page. Nothing is fetched (system fonts, no scripts, no images), and
// the Content-Security-Policy says so to the browser too: should a value ever
// slip through unescaped, it still could not load or run anything.

const CSS = `@page { size: A4; margin: 16mm 14mm; }
:root { font-family: "DejaVu Sans", "Liberation Sans", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.35; color: #111; }
body { margin: 0 auto; max-width: 182mm; }
h1 { font-size: 18pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 0 0 3mm; padding-bottom: 1mm; border-bottom: 0.4mm solid #333; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0 0 6mm; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; }
thead { display: table-header-group; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 1.5mm; border-bottom: 0.2mm solid #bbb; overflow-wrap: anywhere; }
th { border-bottom: 0.4mm solid #333; overflow-wrap: normal; }
table.programme { table-layout: fixed; }
table.programme th:nth-child(1) { width: 15%; }
table.programme th:nth-child(2) { width: 27%; }
table.programme th:nth-child(3) { width: 30%; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.visit td.what { font-weight: bold; }
tr.walk td, tr.transit td, tr.free td { color: #555; font-size: 9pt; }
.travel, footer { color: #444; font-size: 9pt; }
.day + .day, .contacts { break-before: page; page-break-before: always; }
.contacts ul { margin: 0 0 2mm; padding-left: 5mm; }
a { color: inherit; }
@media screen { body { padding: 10mm; } .day, .contacts { margin-top: 10mm; } }`;

/** Only in an itinerary where the delegation splits: the columns of the groups side by side. */
const SPLIT_CSS = `table.split th:nth-child(n+2) { width: auto; }
table.split td .what { font-weight: bold; }
table.split td.walk, table.split td.transit, table.split td.free { color: #555; font-size: 9pt; }
table.split td.walk .what, table.split td.transit .what, table.split td.free .what { font-weight: normal; }
p.split { margin: 4mm 0 2mm; font-style: italic; }`;

/** Text for an element or a quoted attribute: the five characters HTML gives meaning to, as entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function link(url: string, label: string): string {
  const safe = /^https?:\/\//i.test(url) ? url : undefined;
  return safe ? `<a href="${escapeHtml(safe)}">${escapeHtml(label)}</a>` : escapeHtml(label);
}

function rowHtml(row: ItineraryRow): string {
  const notes = [
    ...row.notes.map(escapeHtml),
    ...row.links.map((l) => `${escapeHtml(l.label)}: ${link(l.url, l.url)}`),
  ].join("<br>");
  return `<tr class="${row.kind}"><td class="time">${escapeHtml(row.time)}</td><td class="what">${escapeHtml(row.what)}</td><td>${escapeHtml(row.where)}</td><td>${notes}</td></tr>`;
}

/** One group's item in its column: what, where (a leg's destination is in its title), notes and links. */
function cellHtml(row: ItineraryRow): string {
  const travel = row.kind === "walk" || row.kind === "transit";
  const parts = [
    `<div class="what">${escapeHtml(row.what)}</div>`,
    ...(row.where && !travel ? [`<div>${escapeHtml(row.where)}</div>`] : []),
    ...row.notes.map((n) => `<div>${escapeHtml(n)}</div>`),
    ...row.links.map((l) => `<div>${escapeHtml(l.label)}: ${link(l.url, l.url)}</div>`),
  ];
  return `<td class="${row.kind}">${parts.join("")}</td>`;
}

export function renderHtml(input: RenderInput): string {
  const it = buildItinerary(input);
  const e = escapeHtml;
  const out: string[] = [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="studyvisit">',
    `<title>${e(it.title)}</title>`,
    `<style>\n${CSS}${it.days.some((d) => d.blocks.some((b) => b.kind === "split")) ? `\n${SPLIT_CSS}` : ""}\n</style>`,
    "</head>",
    "<body>",
    "<header>",
    `<h1>${e(it.title)}</h1>`,
    '<dl class="facts">',
    `<dt>Delegation</dt><dd>${e(it.delegation)}</dd>`,
    `<dt>Organiser</dt><dd>${e(it.organiser.text)}, <a href="mailto:${e(it.organiser.email)}">${e(it.organiser.email)}</a></dd>`,
    `<dt>Dates</dt><dd>${e(it.dates)} (times are local, ${e(it.timezone)})</dd>`,
    `<dt>Programme</dt><dd>${e(it.programme)}</dd>`,
    "</dl>",
    "</header>",
  ];
  for (const day of it.days) {
    out.push(`<section class="day">`, `<h2>${e(day.heading)}</h2>`);
    for (const block of day.blocks) {
      if (block.kind === "whole") {
        out.push(
          '<table class="programme">',
          "<thead><tr><th>Time</th><th>What</th><th>Where</th><th>Notes</th></tr></thead>",
          "<tbody>",
        );
        out.push(...block.rows.map(rowHtml), "</tbody>", "</table>");
        continue;
      }
      // Side by side: a column per group, a row per time, so what happens at once reads across.
      out.push(
        `<p class="split">${e(block.intro)}</p>`,
        '<table class="programme split">',
        `<thead><tr><th>Time</th>${block.groups.map((g) => `<th>${e(g.label)}</th>`).join("")}</tr></thead>`,
        "<tbody>",
        ...block.rows.map(
          (r) =>
            `<tr><td class="time">${e(r.time)}</td>${r.cells.map((c) => (c ? cellHtml(c) : "<td></td>")).join("")}</tr>`,
        ),
        "</tbody>",
        "</table>",
      );
    }
    if (day.travel) out.push(`<p class="travel">${e(day.travel)}</p>`);
    out.push("</section>");
  }
  if (it.contacts.length > 0) {
    out.push('<section class="contacts">', "<h2>Host contacts</h2>");
    for (const c of it.contacts) {
      out.push(`<h3>${e(c.host)}</h3>`);
      if (c.summary) out.push(`<p>${e(c.summary)}</p>`);
      const people = c.contacts.map((p) => {
        const mail = p.email ? `<a href="mailto:${e(p.email)}">${e(p.email)}</a>` : "";
        return `<li>${[e(p.name), p.role ? e(p.role) : "", mail, p.phone ? e(p.phone) : ""].filter(Boolean).join(", ")}</li>`;
      });
      out.push(`<ul>${people.join("") || "<li>No contact on record: ask the organiser.</li>"}</ul>`);
    }
    out.push("</section>");
  }
  out.push(`<footer><p>Generated on ${e(it.generated)} by studyvisit.</p></footer>`, "</body>", "</html>");
  return `${out.join("\n")}\n`;
}
