import * as z from "zod";
import {
  parseDate,
  parseDuration,
  parseMargin,
  parseEmail,
  parseGeo,
  parseGrid,
  parseHours,
  parseId,
  parseLanguage,
  parseTimeZone,
  parseUrl,
  parseWeekday,
} from "./formats.js";
import { parseCountry } from "./country-codes.js";
import { format, listOf } from "./schema-helpers.js";

// zod's eval-based fast path stays on, although a run validates each record once and compiling it costs
// about 6 % of `check`'s CPU on the bundled workspace (BENCHMARKS.md "Start-up"): without it (`jitless`), zod
// spreads a field's issues into a call's arguments, and a list of 130,000 bad items overflows the stack
// (test/cli/hostile-files.test.ts).

// The record format of SPEC's "Records". Objects are strict so that a typo
// in a key is an error with a "did you mean" rather than a silently ignored field.

export const idSchema = format(parseId);
export const dateSchema = format(parseDate);
export const hoursSchema = format(parseHours);
export const durationSchema = format(parseDuration);
export const geoSchema = format(parseGeo);
export const timeZoneSchema = format(parseTimeZone);
export const languageSchema = format(parseLanguage);
export const urlSchema = format(parseUrl);
export const emailSchema = format(parseEmail);
export const gridSchema = format(parseGrid);
const text = z.string().trim().min(1);
const positiveInt = z.number().int().positive();

export const placeSchema = z.strictObject({
  id: idSchema,
  name: text,
  address: text.optional(),
  geo: geoSchema.optional(),
  kind: text.optional(),
  step_free: z.boolean().optional(),
  capacity: positiveInt.optional(),
  online: urlSchema.optional(),
});
export type Place = z.output<typeof placeSchema>;

export const contactSchema = z.strictObject({
  name: text,
  role: text.optional(),
  email: emailSchema.optional(),
  phone: text.optional(),
  lang: languageSchema.optional(),
});
export type Contact = z.output<typeof contactSchema>;

const datedHours = z.strictObject({ date: dateSchema, hours: hoursSchema });
export type DatedHours = z.output<typeof datedHours>;

const weeklyWindow = z.strictObject({
  days: listOf(format(parseWeekday)).refine(
    (days) => days.length > 0,
    "a weekly window needs at least one day, like [tue, wed]",
  ),
  hours: hoursSchema,
});

export const availabilitySchema = z.strictObject({
  timezone: timeZoneSchema.optional(),
  weekly: listOf(weeklyWindow).default([]),
  dates: listOf(datedHours).default([]),
  slots: listOf(datedHours).default([]),
  closed: listOf(dateSchema).default([]),
  parallel: positiveInt.default(1),
});
export type Availability = z.output<typeof availabilitySchema>;

export const DEFAULT_VISIT_MINUTES = 60;

export const hostSchema = z.strictObject({
  id: idSchema,
  name: text,
  kind: text.optional(),
  summary: text.optional(),
  url: urlSchema.optional(),
  themes: listOf(text).default([]),
  languages: listOf(languageSchema).default([]),
  country: format(parseCountry).optional(),
  region: z
    .string()
    .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, "region must be an ISO 3166-2 code like BE-BRU")
    .optional(),
  contacts: listOf(contactSchema).default([]),
  // A string is a place id, a mapping an inline place; z.string() first so a mapping skips the id branch.
  place: z.union([format(parseId, z.string()), placeSchema]),
  visit: z
    .strictObject({
      duration: durationSchema.default(DEFAULT_VISIT_MINUTES),
      capacity: positiveInt.optional(),
      ends_at: idSchema.optional(),
    })
    .default({ duration: DEFAULT_VISIT_MINUTES }),
  availability: availabilitySchema.default({ weekly: [], dates: [], slots: [], closed: [], parallel: 1 }),
});
export type HostRecord = z.output<typeof hostSchema>;
/** A host once its inline place has been hoisted into the workspace's places. */
export type Host = Omit<HostRecord, "place"> & { place: string };

export const paceSchema = z.strictObject({
  walking_kmh: z.number().positive().max(10, "walking_kmh above 10 is running, not walking").optional(),
  detour: z
    .number()
    .min(1, "detour is a factor of at least 1 (1.3 = 30% longer than a straight line)")
    .max(3)
    .optional(),
  buffer: format(parseMargin).optional(),
  max_walk: format(parseMargin).optional(),
});
export type Pace = z.output<typeof paceSchema>;

/** How far from the visit's base a host may be and still be in its programme (online hosts are everywhere). */
export const areaSchema = z.strictObject({
  within_km: z
    .number()
    .positive("within_km is a distance in km, more than 0")
    .max(20040, "within_km above 20,040 km (half the Earth's circumference) includes every place anyway"),
});
export type Area = z.output<typeof areaSchema>;

const interestSchema = z
  .union([text, z.strictObject({ theme: text, weight: z.number().positive() })])
  .transform((v) => (typeof v === "string" ? { theme: v, weight: 1 } : v));
export type Interest = z.output<typeof interestSchema>;

const mealSchema = z.strictObject({
  name: text,
  hours: hoursSchema,
  duration: durationSchema,
  places: listOf(idSchema).default([]),
});
export type Meal = z.output<typeof mealSchema>;

const parallelSessionSchema = z.strictObject({ title: text, host: idSchema });

const fixedSchema = z.strictObject({
  title: text,
  date: dateSchema,
  hours: hoursSchema,
  place: idSchema.optional(),
  online: urlSchema.optional(),
  notes: text.optional(),
  parallel: listOf(parallelSessionSchema).optional(),
  /** a joint meeting: these hosts meet the delegation together, at this item's time and place */
  hosts: listOf(idSchema).optional(),
});
export type FixedItem = z.output<typeof fixedSchema>;

/**
 * Sub-groups: for part of a day the delegation may divide into at most
 * `max_groups` groups of at least `min_size` people each, which rejoin for
 * meals, fixed items, the base and the end of the day.
 */
const splitSchema = z.strictObject({
  max_groups: z
    .number()
    .int()
    .min(2, "max_groups is at least 2 (one group is the whole delegation)")
    .max(26, "max_groups is at most 26 (groups are named A to Z)"),
  min_size: positiveInt,
});
export type Split = z.output<typeof splitSchema>;

export const requestSchema = z.strictObject({
  id: idSchema,
  title: text,
  organiser: z.strictObject({
    name: text,
    organisation: text.optional(),
    email: emailSchema,
    phone: text.optional(),
    lang: languageSchema.optional(),
  }),
  delegation: z
    .strictObject({
      from: text.optional(),
      size: positiveInt,
      profile: listOf(text).default([]),
      languages: listOf(languageSchema).default([]),
      step_free: z.boolean().default(false),
      split: splitSchema.optional(),
    })
    .superRefine((delegation, ctx) => {
      const split = delegation.split;
      if (split && split.min_size * 2 > delegation.size)
        ctx.addIssue({
          code: "custom",
          path: ["split", "min_size"],
          message: `a delegation of ${delegation.size} cannot split into groups of at least ${split.min_size}: min_size is at most half the size (${Math.floor(delegation.size / 2)})`,
        });
    }),
  timezone: timeZoneSchema.optional(),
  days: listOf(datedHours).refine(
    (days) => days.length > 0,
    'a request needs at least one day, like - {date: 2018-09-19, hours: "09:00-17:00"}',
  ),
  base: idSchema.optional(),
  interests: listOf(interestSchema).default([]),
  must_visit: listOf(idSchema).default([]),
  avoid: listOf(idSchema).default([]),
  priorities: z.record(z.string(), z.number().min(0)).default({}),
  /** weight of this request's value when several are planned together (default 1) */
  priority: z.number().positive().optional(),
  meals: listOf(mealSchema).default([]),
  pace: paceSchema.optional(),
  grid: gridSchema.optional(),
  area: areaSchema.optional(),
  max_visits_per_day: positiveInt.optional(),
  fixed: listOf(fixedSchema).default([]),
});
export type Request = z.output<typeof requestSchema>;

export const travelPairSchema = z.strictObject({ from: idSchema, to: idSchema, minutes: z.number().nonnegative() });
export type TravelPair = z.output<typeof travelPairSchema>;

/** Where `invites --send` sends: the password never comes from a file, only from STUDYVISIT_SMTP_PASSWORD. */
export const smtpSchema = z.strictObject({
  host: text,
  port: z.number().int().min(1).max(65535).optional(),
  secure: z.boolean().optional(),
  user: text.optional(),
  from: emailSchema.optional(),
  password: z
    .unknown()
    .optional()
    .superRefine((value, ctx) => {
      if (value !== undefined)
        ctx.addIssue({
          code: "custom",
          message:
            "the SMTP password does not go in a file: remove it and set the environment variable STUDYVISIT_SMTP_PASSWORD",
        });
    }),
});
export type SmtpConfig = z.output<typeof smtpSchema>;

export const configSchema = z.strictObject({
  timezone: timeZoneSchema.optional(),
  pace: paceSchema.optional(),
  grid: gridSchema.optional(),
  area: areaSchema.optional(),
  synonyms: listOf(listOf(text)).default([]),
  travel: listOf(travelPairSchema).default([]),
  travel_matrix: text.optional(),
  smtp: smtpSchema.optional(),
});
export type WorkspaceConfig = z.output<typeof configSchema>;

/** Keys a user may write in each kind of mapping, for "did you mean" hints. */
export type RecordKind = "place" | "host" | "request" | "config";
export const recordSchemas = {
  place: placeSchema,
  host: hostSchema,
  request: requestSchema,
  config: configSchema,
} as const;
