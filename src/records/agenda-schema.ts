import * as z from "zod";
import { dateSchema, hoursSchema, idSchema, timeZoneSchema, urlSchema } from "./schemas.js";
import { listOf } from "./schema-helpers.js";

export const agendaItemSchema = z.strictObject({
  kind: z.enum(["visit", "walk", "transit", "meal", "fixed", "parallel", "free"]),
  time: hoursSchema,
  title: z.string().min(1).optional(),
  host: idSchema.optional(),
  place: idSchema.optional(),
  from: idSchema.optional(),
  to: idSchema.optional(),
  minutes: z.number().nonnegative().optional(),
  km: z.number().nonnegative().optional(),
  online: urlSchema.optional(),
  sessions: listOf(z.strictObject({ title: z.string().min(1), host: idSchema })).optional(),
  status: z.enum(["proposed", "requested", "confirmed", "declined"]).optional(),
  sequence: z.number().int().nonnegative().optional(),
  notes: z.string().optional(),
});
export type AgendaItemRecord = z.output<typeof agendaItemSchema>;

export const agendaFileSchema = z.strictObject({
  request: idSchema,
  timezone: timeZoneSchema.optional(),
  value: z.number().optional(),
  travel_minutes: z.number().optional(),
  days: listOf(z.strictObject({ date: dateSchema, items: listOf(agendaItemSchema).default([]) })),
  unscheduled: listOf(
    z.strictObject({
      host: idSchema,
      code: z.string().optional(),
      reason: z.string().optional(),
      suggestion: z.string().optional(),
    }),
  ).default([]),
});
export type AgendaFile = z.output<typeof agendaFileSchema>;
