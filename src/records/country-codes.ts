import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { didYouMean } from "./did-you-mean.js";
import { describe, type Parsed } from "./formats.js";

// Country and region codes are checked against the holiday data itself: a
// code it does not know would silently give a host no public holidays.

/** The codes the holiday data knows, with their English names: countries, and each country's subdivisions. */
export interface HolidayCodes {
  countries: Record<string, string>;
  /** per country: its states or regions by their own code (`MD` for ES-MD) */
  states: Record<string, Record<string, string>>;
}

let codes: HolidayCodes | undefined;
let countries: Map<string, string> | undefined;
const states = new Map<string, Map<string, string>>();

/**
 * The bundled CLI has the codes beside it, in one small file (scripts/build-cli.js
 * writes it with date-holidays' own getCountries and getStates): checking a
 * host's country does not load every country's holiday rules. Run from the
 * sources, they come from the library itself, the same way.
 */
function holidayCodes(): HolidayCodes {
  if (codes) return codes;
  const bundled = fileURLToPath(new URL("./holiday-codes.json", import.meta.url));
  codes = existsSync(bundled)
    ? (JSON.parse(readFileSync(bundled, "utf8")) as HolidayCodes)
    : codesOf(new (createRequire(import.meta.url)("date-holidays") as new () => HolidayLister)());
  return codes;
}

/** What date-holidays answers about the codes it knows. */
interface HolidayLister {
  getCountries(lang: string): Record<string, string>;
  getStates(country: string, lang: string): Record<string, string> | undefined;
}

// scripts/build-cli.js writes holiday-codes.json the same way.
function codesOf(holidays: HolidayLister): HolidayCodes {
  const countries = holidays.getCountries("en");
  return {
    countries,
    states: Object.fromEntries(Object.keys(countries).map((c) => [c, holidays.getStates(c, "en") ?? {}])),
  };
}

/** ISO 3166-1 alpha-2 codes the holiday data knows, with their English names. */
export function holidayCountries(): Map<string, string> {
  countries ??= new Map(Object.entries(holidayCodes().countries));
  return countries;
}

/** The subdivisions of a country the holiday data knows, as ISO 3166-2 codes (`ES-MD`) with their names. */
export function holidayRegions(country: string): Map<string, string> {
  let found = states.get(country);
  if (!found) {
    const raw = holidayCountries().has(country) ? holidayCodes().states[country] : undefined;
    found = new Map(Object.entries(raw ?? {}).map(([code, name]) => [`${country}-${code}`, name]));
    states.set(country, found);
  }
  return found;
}

// Codes people write that ISO 3166-1 spells otherwise: the EU's and the UK's own usage.
const ALIASES: Record<string, string> = { UK: "GB", EL: "GR" };

export function parseCountry(input: unknown): Parsed<string> {
  if (typeof input !== "string") return fail(`expected a country code like BE, got ${describe(input)}`);
  const known = holidayCountries();
  if (known.has(input)) return { ok: true, value: input };
  const upper = input.trim().toUpperCase();
  const byName = [...known].find(([, name]) => name.toLowerCase() === input.trim().toLowerCase())?.[0];
  const suggestion =
    (known.has(upper) ? upper : undefined) ??
    (ALIASES[upper] && known.has(ALIASES[upper]) ? ALIASES[upper] : undefined) ??
    byName ??
    // Between two-letter codes every guess is one letter away: only a longer text (a misspelt name) gets one.
    (input.length > 3 ? nameMatch(input, known) : undefined);
  if (suggestion)
    return fail(
      `\`${input}\` is not an ISO 3166-1 alpha-2 country code (did you mean \`${suggestion}\`, ${known.get(suggestion)}?)`,
    );
  return fail(
    `\`${input}\` is not an ISO 3166-1 alpha-2 country code known to the holiday data (two capitals, like BE, GB, ES)`,
  );
}

function nameMatch(input: string, known: Map<string, string>): string | undefined {
  const names = new Map([...known].map(([code, name]) => [name, code]));
  const name = didYouMean(input, names.keys());
  return name === undefined ? undefined : names.get(name);
}

/** Why `region` cannot be read as a subdivision of `country` for holidays, or nothing when it can. */
export function regionProblem(region: string, country: string | undefined): string | undefined {
  const own = region.slice(0, 2);
  if (country === undefined)
    return `region \`${region}\` needs the host's \`country\` too (holidays are looked up by country): add \`country: ${own}\``;
  if (region === country) return undefined; // the whole country: nothing to narrow
  const regions = holidayRegions(country);
  if (regions.has(region)) return undefined;
  const list = [...regions].map(([code, name]) => `${code} (${name})`);
  const listed = list.length > 8 ? `${list.slice(0, 8).join(", ")}, …` : list.join(", ");
  if (!region.startsWith(`${country}-`))
    return `region \`${region}\` is not in ${country}, the host's country${list.length > 0 ? `: the holiday data knows ${listed}` : ": leave `region` out (national holidays apply)"}`;
  if (regions.size === 0)
    return `region \`${region}\`: the holiday data knows no regions of ${country}; leave \`region\` out (national holidays apply)`;
  const suggestion = didYouMean(region, regions.keys()) ?? nameSuggestion(region.slice(3), regions);
  return `region \`${region}\` is not a subdivision of ${country} known to the holiday data${suggestion ? ` (did you mean \`${suggestion}\`, ${regions.get(suggestion)}?)` : `: use one of ${listed}`}`;
}

function nameSuggestion(text: string, regions: Map<string, string>): string | undefined {
  const byName = new Map([...regions].map(([code, name]) => [name, code]));
  const lower = text.toLowerCase();
  const within = lower.length >= 4 ? [...byName.keys()].find((name) => name.toLowerCase().includes(lower)) : undefined;
  const name = within ?? didYouMean(text, byName.keys());
  return name === undefined ? undefined : byName.get(name);
}

function fail(message: string): Parsed<string> {
  return { ok: false, message };
}
