import { nl } from "date-fns/locale/nl";
import { languageName } from "../records/formats.js";
import type { AvailabilityPlan, TimeOption } from "./letter-availability.js";
import { monthName, weekdayName } from "../records/dates.js";
import { calendarDay, datesForWords, listInWords, type DateInList } from "./letter-calendar.js";
import type { LetterFacts, LetterPhrases, VisitShape } from "./letter-facts.js";

// Dutch as a Flemish or Dutch administration writes it: "op woensdag
// 19 september", "van 9.30 tot 11.00 uur", "in de namiddag" (understood in
// both countries), "Geachte heer, mevrouw"; the verb goes to the end.

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

/** "een halfuur", "anderhalf uur", "75 minuten", "twee uur" */
function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (minutes === 30) return "een halfuur";
  if (h === 0) return `${m} minuten`;
  if (m === 0) return `${number(h)} uur`;
  if (m === 30 && AND_A_HALF[h]) return `${AND_A_HALF[h]} uur`;
  return h === 1 ? `${minutes} minuten` : `${h} uur en ${m} minuten`;
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

/** The first wish ("Wij zouden graag … bij u langskomen") and the verb that closes the other proposals. */
const ASK: Record<VisitShape["kind"], { first: (at: string) => string; come: string }> = {
  visit: { first: (at) => `Wij zouden graag ${at} bij u langskomen.`, come: "komen" },
  walk: { first: (at) => `Wij zouden de wandeling graag ${at} met u maken.`, come: "komen" },
  online: { first: (at) => `Wij zouden u graag ${at} online ontmoeten.`, come: "online afspreken" },
  joint: { first: (at) => `Wij zouden de ontmoeting graag ${at} laten plaatsvinden.`, come: "samenkomen" },
};

function availability(plan: AvailabilityPlan, shape: VisitShape): string {
  if (shape.kind === "joint" && shape.date && shape.hours) {
    const fixed: TimeOption = { date: shape.date, hours: shape.hours, wording: "exact", slot: true };
    const where = shape.place ? ` (locatie: ${shape.place})` : "";
    return `De gezamenlijke ontmoeting staat gepland ${when(fixed)}${where}; kunt u ons laten weten of dat tijdstip u schikt?`;
  }
  const ask = ASK[shape.kind];
  if (plan.overlap) {
    const first = ask.first(when(plan.preferred));
    return plan.alternatives.length === 0
      ? first
      : `${first} Mocht dat niet schikken, dan kunnen wij ook ${list(alternatives(plan.preferred, plan.alternatives), "disjunction")} ${ask.come}.`;
  }
  const days = list(plan.days.map(when), "disjunction");
  if (!plan.known) return `Wij kunnen ${days} ${ask.come}; laat u ons weten wat u het best past?`;
  return `Wij begrijpen dat u op die dagen gewoonlijk geen groepen ontvangt. Mocht u een uitzondering kunnen maken, dan kunnen wij ${days} ${ask.come}; zo niet, dan horen wij graag of er een andere mogelijkheid is.`;
}

function visit(f: LetterFacts): string {
  const length = duration(f.visitMinutes);
  const exchange = "een presentatie van uw werk, gevolgd door vragen en een gesprek met de delegatie";
  switch (f.shape.kind) {
    case "visit":
      return `Het bezoek zou ongeveer ${length} duren: ${exchange}.`;
    case "walk":
      return `Wij zouden u willen vragen de delegatie te begeleiden tijdens een wandeling van ongeveer ${length} (vertrek: ${f.shape.start}; einde: ${f.shape.end}), met onderweg ruimte voor vragen.`;
    case "online":
      return `Het bezoek zou online plaatsvinden, in een videogesprek${f.shape.link ? ` (${f.shape.link})` : ""} van ongeveer ${length}: ${exchange}.`;
    case "joint": {
      const meeting = f.shape.link ? `een gezamenlijk videogesprek (${f.shape.link})` : "een gezamenlijke ontmoeting";
      return `Wij zouden u graag uitnodigen voor ${meeting} met de delegatie, samen met ${list(f.shape.with)}. Die zou ongeveer ${length} duren: elke organisatie stelt kort haar werk voor, waarna er ruimte is voor vragen en een gesprek.`;
    }
  }
}

const ENDING: Record<VisitShape["kind"], string> = {
  visit: "zouden het zeer op prijs stellen als u ons zou kunnen ontvangen",
  walk: "zouden het zeer op prijs stellen als u ons zou kunnen rondleiden",
  online: "zouden het zeer op prijs stellen als wij u online zouden mogen ontmoeten",
  joint: "zouden het zeer op prijs stellen als wij u zouden mogen ontmoeten",
};

/** "zodat het bezoek in het Engels kan plaatsvinden" */
const HELD_IN: Record<VisitShape["kind"], (languages: string) => string> = {
  visit: (l) => `zodat het bezoek ${l} kan plaatsvinden`,
  walk: (l) => `zodat de wandeling ${l} kan worden begeleid`,
  online: (l) => `zodat het gesprek ${l} kan plaatsvinden`,
  joint: (l) => `zodat de ontmoeting ${l} kan plaatsvinden`,
};

const names = (codes: readonly string[]) => codes.map((c) => languageName(c, INTL));
/** "in het Frans of het Nederlands" */
const inLanguages = (codes: readonly string[], type: "conjunction" | "disjunction") =>
  `in ${list(
    names(codes).map((n) => `het ${n}`),
    type,
  )}`;

export const dutchPhrases: LetterPhrases = {
  intl: INTL,
  date: (today) => listed({ date: today, showMonth: true, showYear: true }, false),
  subject: (f) =>
    `Verzoek om een studiebezoek van een delegatie${f.from ? ` uit ${f.from}` : ""}, ${datesInWords(f.dates, false)}`,
  attention: "T.a.v.",
  introduction(f) {
    const people = f.size === 1 ? "één persoon" : `${f.size} personen`;
    const who = `een delegatie van ${people}${f.from ? ` uit ${f.from}` : ""}${f.profile.length > 0 ? ` (${list(f.profile)})` : ""}`;
    const opening = f.organisation ? `Ik schrijf u namens ${f.organisation}. ` : "";
    return `${opening}Wij organiseren ${datesInWords(f.dates)} een studiebezoek voor ${who} en ${ENDING[f.shape.kind]}.`;
  },
  reason: (themes) =>
    themes.length > 0
      ? `Uw werk op het gebied van ${list(themes)} spreekt ons bijzonder aan: dat is precies waarover de delegatie meer wil leren.`
      : "Wij maken graag kennis met uw werk en wisselen graag ervaringen uit met uw team.",
  visit,
  when: availability,
  languages(delegation, host, interpreting, shape) {
    if (delegation.length === 0) return undefined;
    const speaks = `De delegatie spreekt ${list(names(delegation))}`;
    if (host.length === 0) return `${speaks}; laat u ons weten welke taal u het best past?`;
    const shared = host.filter((code) => delegation.includes(code));
    if (shared.length > 0) return `${speaks}, ${HELD_IN[shape.kind](inLanguages(shared, "disjunction"))}.`;
    return `${speaks} en uw team werkt ${inLanguages(host, "conjunction")}: wij zorgen voor een tolk (${names(interpreting).join("–")}).`;
  },
  stepFree: (shape) =>
    `Enkele leden van de delegatie hebben een drempelvrije toegang nodig: kunt u ons laten weten of ${
      shape.kind === "walk"
        ? "de route drempelvrij is"
        : shape.kind === "joint" && shape.place
          ? "de locatie toegankelijk is"
          : "uw gebouw toegankelijk is"
    }?`,
  capacity: (capacity, size) =>
    `Wij begrijpen dat u gewoonlijk groepen van maximaal ${capacity} personen ontvangt; als dat helpt, kan de delegatie in ${number(Math.ceil(size / capacity))} kleinere groepen komen.`,
  contact: (email, phone) =>
    `Voor vragen kunt u mij bereiken via ${email}${phone ? ` of telefonisch op ${phone}` : ""}.`,
};
