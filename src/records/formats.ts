import { nameOfMonth } from "./dates.js";
import { didYouMean } from "./did-you-mean.js";
import { slugify } from "./slug.js";

// Parsers for the value formats of SPEC's "Records". Each returns either a
// value or a message in words a visit organiser understands; zod schemas wrap
// them (see schema-helpers.ts) so that a bad value points at its YAML node.

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export function parseId(input: unknown): Parsed<string> {
  if (typeof input !== "string") return fail(`an id must be text like \`hotel-midi\`, not ${describe(input)}`);
  if (!ID_PATTERN.test(input)) {
    const suggestion = slugify(input);
    const hint = suggestion && ID_PATTERN.test(suggestion) ? ` (try \`${suggestion}\`)` : "";
    return fail(
      `\`${input}\` is not a valid id: use lowercase letters, digits and "-", starting with a letter or digit${hint}`,
    );
  }
  return ok(input);
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** A calendar date as `YYYY-MM-DD`; kept as that string because it names a local day, not an instant. */
export function parseDate(input: unknown): Parsed<string> {
  if (typeof input !== "string") return fail(`expected a date like 2018-09-19, got ${describe(input)}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (!m) return fail(`\`${input}\` is not a date: write it as YYYY-MM-DD, e.g. 2018-09-19`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // A study visit in the year 50 or 9999 is a typo; time-zone data before 1900 is local mean time anyway.
  if (year < MIN_YEAR || year > MAX_YEAR)
    return fail(
      `\`${input}\`: the year ${year} is not plausible for a visit (write a year from ${MIN_YEAR} to ${MAX_YEAR})`,
    );
  if (month < 1 || month > 12) return fail(`\`${input}\` is not a real date: month ${month} does not exist`);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last)
    return fail(`\`${input}\` is not a real date: ${nameOfMonth(month)} ${year} has ${last} days`);
  return ok(input);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Minutes since midnight, local to whatever zone the record is in. */
export interface Hours {
  start: number;
  end: number;
}

/** `09:30`, `9:30`, `9.30`, `9h30`, and whole hours `9h` or `9`. */
export function parseClock(text: string): number | undefined {
  const m = /^(\d{1,2})(?:[:.h](\d{2})|h)?$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (min > 59) return undefined;
  if (h > 24 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}

export function parseHours(input: unknown): Parsed<Hours> {
  if (typeof input !== "string") return fail(`expected hours like "09:30-11:00", got ${describe(input)}`);
  const parts = input.split(/\s*[-–]\s*/);
  if (parts.length !== 2) return fail(`\`${input}\` is not an hours range: write it as "09:30-11:00"`);
  const start = parseClock(parts[0] ?? "");
  const end = parseClock(parts[1] ?? "");
  if (start === undefined) return fail(`\`${parts[0]}\` is not a time of day (00:00 to 24:00)`);
  if (end === undefined) return fail(`\`${parts[1]}\` is not a time of day (00:00 to 24:00)`);
  if (end <= start) return fail(`hours "${input}" end before they start: the end must be after ${formatClock(start)}`);
  return ok({ start, end });
}

export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

export function formatHours(hours: Hours): string {
  return `${formatClock(hours.start)}-${formatClock(hours.end)}`;
}

/** `90`, `"90min"`, `"1h30"`, `"1h"` (also `"1h 30min"`, `"2 h"`): whole minutes, more than zero. */
export function parseDuration(input: unknown): Parsed<number> {
  return parseMinutes(input, false);
}

/** A margin such as a buffer may be zero: `0`, `"0min"`. */
export function parseMargin(input: unknown): Parsed<number> {
  return parseMinutes(input, true);
}

function parseMinutes(input: unknown, zeroAllowed: boolean): Parsed<number> {
  const positive = (minutes: number, text: string): Parsed<number> =>
    minutes > 0 || zeroAllowed ? ok(minutes) : fail(`duration \`${text}\` must be longer than zero`);
  if (typeof input === "number") {
    if (!Number.isInteger(input) || input < 0 || (input === 0 && !zeroAllowed))
      return fail(`a duration in minutes must be a ${zeroAllowed ? "" : "positive "}whole number, got ${input}`);
    return ok(input);
  }
  if (typeof input !== "string")
    return fail(`expected a duration like 90, "90min", "1h30" or "1h", got ${describe(input)}`);
  const text = input.trim().toLowerCase();
  let m = /^(\d+)\s*(?:min|mins|minutes|m)?$/.exec(text);
  if (m) return positive(Number(m[1]), input);
  m = /^(\d+)\s*h(?:\s*(\d+)\s*(?:min|mins|m)?)?$/.exec(text);
  if (m) {
    const minutes = m[2] === undefined ? 0 : Number(m[2]);
    if (minutes > 59)
      return fail(`\`${input}\`: write ${Number(m[1]) + Math.floor(minutes / 60)}h${minutes % 60} instead`);
    return positive(Number(m[1]) * 60 + minutes, input);
  }
  return fail(`\`${input}\` is not a duration: write 90, "90min", "1h30" or "1h"`);
}

/** The grids a day can be planned on: each divides an hour, so every start lands on the clock (09:30, 14:20). */
export const GRID_MINUTES = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60] as const;

/** Round times: a duration (`5min`, `15`, `1h`) that divides an hour; `1min` turns rounding off. */
export function parseGrid(input: unknown): Parsed<number> {
  const minutes = parseMinutes(input, false);
  if (!minutes.ok) return minutes;
  if ((GRID_MINUTES as readonly number[]).includes(minutes.value)) return minutes;
  const near = [...GRID_MINUTES].sort(
    (a, b) => Math.abs(a - minutes.value) - Math.abs(b - minutes.value) || a - b,
  )[0] as number;
  return fail(
    `a grid of ${minutes.value} min does not divide an hour, so starts would drift off the clock: use 1 (no rounding), 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60 min (nearest: ${near}min)`,
  );
}

export interface Geo {
  lat: number;
  lon: number;
}

/** `{lat, lon}` or the string `"lat, lon"` exactly as map apps copy it. */
export function parseGeo(input: unknown): Parsed<Geo> {
  let lat: unknown;
  let lon: unknown;
  if (typeof input === "string") {
    const parts = input.split(",").map((s) => s.trim());
    if (parts.length !== 2 || parts.some((p) => !/^[-+]?\d+(\.\d+)?$/.test(p))) {
      return fail(
        `\`${input}\` is not a position: write "50.8367, 4.3296" (latitude, longitude) or {lat: 50.8367, lon: 4.3296}`,
      );
    }
    lat = Number(parts[0]);
    lon = Number(parts[1]);
  } else if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    ({ lat, lon } = input as Record<string, unknown>);
  } else {
    return fail(`expected a position like {lat: 50.8367, lon: 4.3296} or "50.8367, 4.3296", got ${describe(input)}`);
  }
  if (typeof lat !== "number" || !Number.isFinite(lat)) return fail(`latitude must be a number, got ${describe(lat)}`);
  if (typeof lon !== "number" || !Number.isFinite(lon)) return fail(`longitude must be a number, got ${describe(lon)}`);
  if (lat < -90 || lat > 90) {
    const swapped = Math.abs(lon) <= 90 ? " (latitude comes first: did you swap them?)" : "";
    return fail(`latitude ${lat} is out of range -90..90${swapped}`);
  }
  if (lon < -180 || lon > 180) return fail(`longitude ${lon} is out of range -180..180`);
  return ok({ lat, lon });
}

let zoneNames: string[] | undefined;

/** Canonical IANA names known to this Node's ICU, plus UTC. */
export function knownTimeZones(): string[] {
  zoneNames ??= [...Intl.supportedValuesOf("timeZone"), "UTC"];
  return zoneNames;
}

export function parseTimeZone(input: unknown): Parsed<string> {
  if (typeof input !== "string") return fail(`expected a time zone like Europe/Brussels, got ${describe(input)}`);
  if (knownTimeZones().includes(input)) return ok(input);
  // Links such as Europe/Kiev are valid IANA names even if ICU lists only the canonical one.
  if (input.includes("/")) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: input });
      return ok(input);
    } catch {
      // fall through to the message
    }
  }
  const suggestion = didYouMean(input, knownTimeZones());
  return fail(
    `unknown time zone \`${input}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ": use an IANA name like Europe/Brussels"}`,
  );
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
/** ICU's answer per code, asked once: a registry writes `en` a thousand times, and each question costs tens of µs. */
const languageKnown = new Map<string, boolean>();

function isLanguage(code: string): boolean {
  let known = languageKnown.get(code);
  if (known === undefined) {
    known = languageNames.of(code) !== undefined;
    languageKnown.set(code, known);
  }
  return known;
}

/** An ISO 639-1 code: two lowercase letters that name a language. */
export function parseLanguage(input: unknown): Parsed<string> {
  if (typeof input !== "string") return fail(`expected a language code like fr, got ${describe(input)}`);
  if (/^[a-z]{2}$/.test(input) && isLanguage(input)) return ok(input);
  const lower = input.toLowerCase();
  if (/^[a-z]{2}$/.test(lower) && isLanguage(lower)) return fail(`language codes are lowercase: write \`${lower}\``);
  const byName = LANGUAGE_CODES.find((code) => languageNames.of(code)?.toLowerCase() === lower);
  if (byName) return fail(`\`${input}\` is not an ISO 639-1 code: write \`${byName}\``);
  return fail(`\`${input}\` is not an ISO 639-1 language code (two letters, like en, fr, nl)`);
}

export function languageName(code: string, locale = "en"): string {
  return new Intl.DisplayNames([locale], { type: "language", fallback: "code" }).of(code) ?? code;
}

// Enough to turn a written-out name into its code in a hint; validity itself is checked by ICU above.
const LANGUAGE_CODES = [
  "en",
  "fr",
  "nl",
  "de",
  "es",
  "it",
  "pt",
  "sl",
  "lv",
  "lt",
  "et",
  "pl",
  "cs",
  "sk",
  "hu",
  "ro",
  "bg",
  "el",
  "sv",
  "da",
  "fi",
  "no",
  "ru",
  "uk",
  "ar",
  "tr",
  "fa",
  "hr",
  "sr",
  "bs",
  "sq",
  "mk",
  "ga",
  "mt",
  "zh",
  "ja",
  "ko",
  "hi",
  "ur",
  "so",
  "ti",
  "am",
  "sw",
  "ps",
  "ku",
];

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function parseWeekday(input: unknown): Parsed<Weekday> {
  if (typeof input !== "string") return fail(`expected a weekday like mon, got ${describe(input)}`);
  const key = input.trim().toLowerCase().slice(0, 3);
  const day = WEEKDAYS.find((d) => d === key);
  if (day && (input.length === 3 || FULL_DAYS[WEEKDAYS.indexOf(day)] === input.trim().toLowerCase())) return ok(day);
  return fail(`\`${input}\` is not a weekday: use mon, tue, wed, thu, fri, sat or sun`);
}

const FULL_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** Weekday of a `YYYY-MM-DD` date, computed on the calendar, not in any machine zone. */
export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0-99 as 1900-1999.
  const day = new Date(0);
  day.setUTCFullYear(y, m - 1, d);
  const index = day.getUTCDay();
  return WEEKDAYS[(index + 6) % 7] as Weekday;
}

export function parseUrl(input: unknown): Parsed<string> {
  if (typeof input !== "string") return fail(`expected a web address, got ${describe(input)}`);
  try {
    const url = new URL(input);
    if (url.protocol !== "https:" && url.protocol !== "http:") return fail(`\`${input}\` must be an http(s) address`);
    return ok(input);
  } catch {
    return fail(`\`${input}\` is not a web address (it should start with https://)`);
  }
}

export function parseEmail(input: unknown): Parsed<string> {
  if (typeof input !== "string") return fail(`expected an e-mail address, got ${describe(input)}`);
  if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/.test(input)) return fail(`\`${input}\` is not an e-mail address`);
  return ok(input);
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `text \`${value}\``;
  return `${typeof value} \`${String(value)}\``;
}
