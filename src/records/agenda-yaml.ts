import { Document, isMap, isScalar, isSeq, Scalar, visit } from "yaml";
import { formatHours } from "./formats.js";
import { agendaFileSchema, agendaItemSchema, unscheduledSchema, type AgendaFile } from "./agenda-schema.js";

// Writes `agenda.yaml` with the yaml library's document API, in the key order
// of the schema the reader uses, one flow mapping per item so that each item
// stays one readable line. The library quotes every string that would read
// back as something else (`1e3`, `0x1f`, `null`, `~`, `08`, `-`, `: #`).

/** Words that YAML 1.1 readers (not ours, but maybe the organiser's other tools) take for booleans: quoted too. */
const YAML11_BOOLEAN = /^(y|yes|n|no|true|false|on|off)$/i;

function ordered(shape: Record<string, unknown>, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/**
 * The agenda file as text: `comment` lines first (without `#`), then the
 * agenda. `readAgendaFile` reads it back to an equal `AgendaFile`.
 */
export function agendaYaml(file: AgendaFile, comment: readonly string[] = []): string {
  const data = ordered(agendaFileSchema.shape, {
    ...file,
    days: file.days.map((day) => ({
      date: day.date,
      items: day.items.map((item) => ordered(agendaItemSchema.shape, { ...item, time: formatHours(item.time) })),
    })),
    unscheduled: file.unscheduled.map((u) => ordered(unscheduledSchema.shape, u)),
  });
  const doc = new Document(data, { version: "1.2" });
  const oneLine = (seq: unknown) => {
    if (isSeq(seq)) for (const node of seq.items) if (isMap(node)) node.flow = true;
  };
  const days = doc.get("days");
  if (isSeq(days)) for (const day of days.items) if (isMap(day)) oneLine(day.get("items"));
  oneLine(doc.get("unscheduled"));
  visit(doc, {
    Pair(_key, pair) {
      // "09:30-11:00" quoted, as a person writes it (and as record files write hours).
      if (isScalar(pair.key) && pair.key.value === "time" && isScalar(pair.value))
        pair.value.type = Scalar.QUOTE_DOUBLE;
    },
    Scalar(_key, node) {
      // Line breaks and tabs written as escapes keep the item on its line.
      if (typeof node.value === "string" && (YAML11_BOOLEAN.test(node.value) || /[\n\r\t]/.test(node.value)))
        node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  if (comment.length > 0) doc.commentBefore = comment.map((line) => ` ${line}`).join("\n");
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
