import { nl } from "date-fns/locale/nl";
import { languageName } from "../records/formats.js";
import type { AvailabilityPlan, TimeOption } from "./letter-availability.js";
import { calendarDay, datesForWords, listInWords, monthName, weekdayName, type DateInList } from "./letter-calendar.js";
import type { LetterPhrases } from "./letter-phrases.js";

// Dutch as a Flemish or Dutch administration writes it: "op woensdag
// 19 september", "van 9.30 tot 11.00 uur", "in de namiddag" (understood in
// both countries), "Geachte heer, mevrouw".

const INTL = "nl";
const NUMBERS = ["nul", "een", "twee", "drie", "vier", "vijf", "zes"];
// "tweeënhalf", "drieënhalf": the diaeresis where two vowels would merge.
const AND_A_HALF = ["", "anderhalf", "tweeënhalf", "drieënhalf", "vierenhalf", "vijfenhalf", "zesenhalf"];

const number = (n: number): string => NUMBERS[n] ?? String(n);
const list = (items: readonly string[], type: "conjunction" | "disjunction" = "conjunction") =>
  listInWords(items, INTL, type);

/** "9.30", "14.00" (followed by "uur" once per phrase) */
function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}.${String(minutes % 60).padStart(2, "0")}`;
}

/** "woensdag 19 september" */
function dayDate(date: string): string {
  return `${weekdayName(date, nl)} ${calendarDay(date).day} ${monthName(date, nl)}`;
}

function listed(item: DateInList, weekday: boolean): string {
  const { day, year } = calendarDay(item.date);
  return [
    weekday ? weekdayName(item.date, nl) : "",
    String(day),
    item.showMonth ? monthName(item.date, nl) : "",
    item.showYear ? String(year) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** "op dinsdag 18 en woensdag 19 september 2018", "van maandag 3 tot en met vrijdag 7 september 2018" */
function datesInWords(dates: readonly string[], weekday = true): string {
  const { range, items } = datesForWords(dates);
  const words = items.map((item) => listed(item, weekday));
  if (!weekday) return range ? words.join("–") : list(words);
  return range ? `van ${words[0]} tot en met ${words[1]}` : `op ${list(words)}`;
}

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} minuten`;
  if (m === 0) return `${number(h)} uur`;
  if (m === 30 && AND_A_HALF[h]) return `${AND_A_HALF[h]} uur`;
  return `${h} uur en ${m} minuten`;
}

function time(option: TimeOption): string {
  const { start, end } = option.hours;
  switch (option.wording) {
    case "morning":
      return "in de ochtend";
    case "afternoon":
      return "in de namiddag";
    case "all-day":
      return "op een tijdstip naar uw keuze";
    case "between":
      return `tussen ${clock(start)} en ${clock(end)} uur`;
    case "exact":
      return `van ${clock(start)} tot ${clock(end)} uur`;
  }
}

const when = (option: TimeOption): string => `op ${dayDate(option.date)} ${time(option)}`;

/** Alternatives in words; a date just said is "op dezelfde dag". */
const alternatives = (preferred: TimeOption, options: readonly TimeOption[]): string[] =>
  options.map((option, i) =>
    (options[i - 1] ?? preferred).date === option.date ? `op dezelfde dag ${time(option)}` : when(option),
  );

function availability(plan: AvailabilityPlan): string {
  if (plan.overlap) {
    const first = `Wij zouden u graag bezoeken ${when(plan.preferred)}.`;
    return plan.alternatives.length === 0
      ? first
      : `${first} Mocht dat niet schikken, dan kunnen wij ook ${list(alternatives(plan.preferred, plan.alternatives), "disjunction")} langskomen.`;
  }
  const days = list(plan.days.map(when), "disjunction");
  if (!plan.known) return `Wij kunnen ${days} langskomen; laat u ons weten wat u het best past?`;
  return `Wij begrijpen dat u op die dagen gewoonlijk geen groepen ontvangt. Mocht u een uitzondering kunnen maken, dan kunnen wij ${days} langskomen; zo niet, dan horen wij graag of er een andere mogelijkheid is.`;
}

const names = (codes: readonly string[]) => codes.map((c) => languageName(c, INTL));
/** "in het Frans of het Nederlands" */
const inLanguages = (codes: readonly string[], type: "conjunction" | "disjunction") =>
  `in ${list(
    names(codes).map((n) => `het ${n}`),
    type,
  )}`;

export const dutchPhrases: LetterPhrases = {
  locale: nl,
  intl: INTL,
  date: (today) => listed({ date: today, showMonth: true, showYear: true }, false),
  subject: (f) =>
    `Verzoek om een studiebezoek van een delegatie${f.from ? ` uit ${f.from}` : ""}, ${datesInWords(f.dates, false)}`,
  attention: "T.a.v.",
  introduction(f) {
    const people = f.size === 1 ? "één persoon" : `${f.size} personen`;
    const who = `een delegatie van ${people}${f.from ? ` uit ${f.from}` : ""}${f.profile.length > 0 ? ` (${list(f.profile)})` : ""}`;
    const opening = f.organisation ? `Ik schrijf u namens ${f.organisation}. ` : "";
    return `${opening}Wij organiseren ${datesInWords(f.dates)} een studiebezoek voor ${who} en zouden het zeer op prijs stellen als u ons zou kunnen ontvangen.`;
  },
  reason: (themes) =>
    themes.length > 0
      ? `Uw werk op het gebied van ${list(themes)} spreekt ons bijzonder aan: dat is precies waarover de delegatie meer wil leren.`
      : "Wij maken graag kennis met uw werk en wisselen graag ervaringen uit met uw team.",
  visit: (minutes) =>
    `Wij zouden ongeveer ${duration(minutes)} van uw tijd vragen: een presentatie van uw werk, gevolgd door vragen en een gesprek met de delegatie.`,
  when: availability,
  languages(delegation, host, interpreting) {
    if (delegation.length === 0) return undefined;
    const speaks = `De delegatie spreekt ${list(names(delegation))}`;
    if (host.length === 0) return `${speaks}; laat u ons weten in welke taal het bezoek kan plaatsvinden?`;
    const shared = host.filter((code) => delegation.includes(code));
    if (shared.length > 0) return `${speaks}, zodat het bezoek ${inLanguages(shared, "disjunction")} kan plaatsvinden.`;
    return `${speaks} en uw team werkt ${inLanguages(host, "conjunction")}: wij zorgen voor een tolk (${names(interpreting).join("–")}).`;
  },
  stepFree:
    "Enkele leden van de delegatie hebben een drempelvrije toegang nodig: kunt u ons laten weten of uw gebouw toegankelijk is?",
  capacity: (capacity, size) =>
    `Wij begrijpen dat u gewoonlijk groepen van maximaal ${capacity} personen ontvangt; als dat helpt, kan de delegatie in ${number(Math.ceil(size / capacity))} kleinere groepen komen.`,
  contact: (email, phone) =>
    `Voor vragen kunt u mij bereiken via ${email}${phone ? ` of telefonisch op ${phone}` : ""}.`,
};
