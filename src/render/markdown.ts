import { ITINERARY_TEMPLATE } from "./itinerary-template.js";
import { buildItinerary, type ItineraryRow } from "./itinerary-view.js";
import { renderTemplate } from "./logic-less-template.js";
import { mdCell, mdEmail, mdInline, mdUrl, mermaidLabel } from "./markdown-escape.js";
import type { RenderInput } from "./render-input.js";

// Travel legs and free time are rows of the table but not bars of the chart:
// a seven-minute walk would only clutter it.
const CHART_KINDS = new Set(["visit", "meal", "fixed", "parallel"]);

/**
 * The itinerary in Markdown (GitHub and pandoc), from the bundled template or
 * a user's (`--template`). The view holds only strings already escaped for
 * the spot they go to (see logic-less-template.ts for why Mustache does no
 * escaping of its own).
 */
export function renderMarkdown(input: RenderInput, template: string = ITINERARY_TEMPLATE): string {
  const it = buildItinerary(input);
  const contacts = it.contacts.map((c) => ({
    host: mdInline(c.host),
    summary: c.summary ? mdInline(c.summary) : "",
    people: c.contacts.map((p) =>
      [
        mdInline(p.name),
        p.role ? mdInline(p.role) : "",
        p.email ? mdEmail(p.email) : "",
        p.phone ? mdInline(p.phone) : "",
      ]
        .filter(Boolean)
        .join(", "),
    ),
  }));
  const gantt = it.days
    .map((day) => ({
      name: mermaidLabel(day.short),
      tasks: day.rows
        .filter((r) => CHART_KINDS.has(r.kind) && r.end > r.start)
        .map((r) => ({
          label: mermaidLabel(r.group !== undefined ? `${r.what} (group ${r.group})` : r.what),
          start: r.start,
          end: r.end,
        })),
    }))
    .filter((day) => day.tasks.length > 0);
  const view = {
    title: mdInline(it.title),
    delegation: mdInline(it.delegation),
    organiser: [mdInline(it.organiser.text), mdEmail(it.organiser.email)].filter(Boolean).join(", "),
    dates: mdInline(it.dates),
    timezone: mdInline(it.timezone),
    programme: mdInline(it.programme),
    days: it.days.map((day) => ({
      heading: mdInline(day.heading),
      rows: day.rows.map(rowView),
      blocks: day.blocks.map((block) =>
        block.kind === "whole"
          ? { whole: { rows: block.rows.map(rowView) }, split: false }
          : {
              whole: false,
              split: {
                intro: mdInline(block.intro),
                groups: block.groups.map((g) => mdInline(g.label)),
                rows: block.rows.map((r) => ({
                  time: mdCell(r.time),
                  cells: r.cells.map((cell) => (cell ? cellView(cell) : "")),
                })),
              },
            },
      ),
      travel: mdInline(day.travel),
    })),
    gantt,
    hasGantt: gantt.length > 0,
    contacts,
    hasContacts: contacts.length > 0,
    generated: mdInline(it.generated),
  };
  return renderTemplate(template, view);
}

/** One group's item in its column: what, where (a leg says where it goes already), notes and links, in one cell. */
function cellView(row: ItineraryRow): string {
  const travel = row.kind === "walk" || row.kind === "transit";
  return [
    mdCell([row.what, travel ? "" : row.where, ...row.notes]),
    ...row.links.map((l) => `${mdInline(l.label)}: ${mdUrl(l.url)}`),
  ]
    .filter(Boolean)
    .join(" · ");
}

function rowView(row: ItineraryRow): Record<string, string> {
  const notes = [mdCell(row.notes), ...row.links.map((l) => `${mdInline(l.label)}: ${mdUrl(l.url)}`)]
    .filter(Boolean)
    .join(" · ");
  return {
    time: mdCell(row.time),
    what: mdCell(row.what),
    where: mdCell(row.where),
    notes,
    ...(row.group !== undefined ? { group: mdInline(row.group) } : {}),
  };
}
