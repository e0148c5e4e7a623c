// The default itinerary template: the same text as templates/itinerary.md,
// which users copy to make their own (a test keeps the two identical).
// It lives here too because renderers read no files.

export const ITINERARY_TEMPLATE = `{{!
  The itinerary of \`studyvisit plan --out\` and \`studyvisit export --format md\`.
  Copy this file, change it, and pass it with \`--template FILE\`.

  It is a Mustache template (https://mustache.github.io/mustache.5.html):
  logic-less, it can only place values and repeat sections, never run code.
  Every value is already escaped for Markdown, table cells included, so a
  value in double braces and the same value in triple braces print the same.

  Values: title, delegation, organiser, dates, timezone, programme;
  days[]: heading, blocks[], rows[] (time, what, where, notes, group), travel;
  a block is either whole (rows[]: time, what, where, notes: the delegation
  together) or split (intro, groups[]: one column head per sub-group,
  rows[]: time, cells[]: one cell per group, empty when it does nothing then);
  days[].rows lists every item; a sub-group's item gives its group (A, B, …) as group.
  gantt[]: name, tasks[] (label, start, end);
  contacts[]: host, summary, people[] (one line each); generated.
  The hosts left out of the programme are the organiser's business: they are
  in report.md, never in the delegation's itinerary.
}}
# {{title}}

- **Delegation:** {{delegation}}
- **Organiser:** {{organiser}}
- **Dates:** {{dates}} (times are local, {{timezone}})
- **Programme:** {{programme}}

{{#days}}
## {{heading}}
{{#blocks}}

{{#whole}}
| Time | What | Where | Notes |
| --- | --- | --- | --- |
{{#rows}}
| {{time}} | {{what}} | {{where}} | {{notes}} |
{{/rows}}
{{/whole}}
{{#split}}
{{intro}}

| Time |{{#groups}} {{.}} |{{/groups}}
| --- |{{#groups}} --- |{{/groups}}
{{#rows}}
| {{time}} |{{#cells}} {{.}} |{{/cells}}
{{/rows}}
{{/split}}
{{/blocks}}
{{#travel}}

{{travel}}
{{/travel}}

{{/days}}
{{#hasGantt}}
## The days at a glance

\`\`\`mermaid
gantt
    dateFormat HH:mm
    axisFormat %H:%M
{{#gantt}}
    section {{name}}
{{#tasks}}
    {{label}} :{{start}}, {{end}}
{{/tasks}}
{{/gantt}}
\`\`\`

{{/hasGantt}}
{{#hasContacts}}
## Host contacts

{{#contacts}}
### {{host}}

{{#summary}}
{{summary}}

{{/summary}}
{{#people}}
- {{.}}
{{/people}}
{{^people}}
- No contact on record: ask the organiser.
{{/people}}

{{/contacts}}
{{/hasContacts}}
---

*Generated on {{generated}} by studyvisit.*
`;
