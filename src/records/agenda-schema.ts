import * as z from "zod";
import { dateSchema, hoursSchema, idSchema, timeZoneSchema, urlSchema } from "./schemas.js";
import { listOf } from "./schema-helpers.js";

// The editable agenda file (`agenda.yaml`): the agenda with local
// "HH:MM-HH:MM" times and ids instead of resolved places. One schema for the
// reader and the writer (agenda-yaml.ts writes the keys in this order).

export const ITEM_STATUSES = ["proposed", "requested", "confirmed", "declined"] as const;

export const agendaItemSchema = z.strictObject({
  kind: z.enum(["visit", "walk", "transit", "meal", "fixed", "parallel", "free"]),
  time: hoursSchema,
  /** a sub-group's item ("A", "B", …); without it, the whole delegation's */
  group: z
    .string()
    .regex(/^[A-Z]$/, "a group is named by one capital letter, A to Z")
    .optional(),
  /** with `group`: the group's size */
  people: z.number().int().positive().optional(),
  title: z.string().min(1).optional(),
  host: idSchema.optional(),
  place: idSchema.optional(),
  from: idSchema.optional(),
  to: idSchema.optional(),
  minutes: z.number().nonnegative().optional(),
  km: z.number().nonnegative().optional(),
  online: urlSchema.optional(),
  sessions: listOf(z.strictObject({ title: z.string().min(1), host: idSchema })).optional(),
  /** a fixed item's joint hosts: they meet the delegation together */
  hosts: listOf(idSchema).optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  sequence: z.number().int().nonnegative().optional(),
  notes: z.string().optional(),
});
/** One item of an agenda file, as read (times as local minutes, places as ids). */
export type AgendaFileItem = z.output<typeof agendaItemSchema>;

export const unscheduledSchema = z.strictObject({
  host: idSchema,
  code: z.string().optional(),
  reason: z.string().optional(),
  suggestion: z.string().optional(),
  value: z.number().optional(),
});

export const agendaFileSchema = z.strictObject({
  request: idSchema,
  timezone: timeZoneSchema.optional(),
  value: z.number().optional(),
  travel_minutes: z.number().optional(),
  days: listOf(z.strictObject({ date: dateSchema, items: listOf(agendaItemSchema).default([]) })),
  unscheduled: listOf(unscheduledSchema).default([]),
});
export type AgendaFile = z.output<typeof agendaFileSchema>;
