import { fr } from "date-fns/locale/fr";
import { languageName } from "../records/formats.js";
import type { AvailabilityPlan, TimeOption } from "./letter-availability.js";
import { calendarDay, datesForWords, listInWords, monthName, weekdayName, type DateInList } from "./letter-calendar.js";
import type { LetterFacts, LetterPhrases } from "./letter-phrases.js";

// French as written in a Belgian or French administration: "le mercredi
// 19 septembre", "le 1er octobre", "de 9 h 30 à 11 h", "Madame, Monsieur".

const INTL = "fr";
const NUMBERS = ["zéro", "une", "deux", "trois", "quatre", "cinq", "six"];

const number = (n: number): string => NUMBERS[n] ?? String(n);
const list = (items: readonly string[], type: "conjunction" | "disjunction" = "conjunction") =>
  listInWords(items, INTL, type);

/** "9 h 30", "14 h" */
function clock(minutes: number): string {
  const m = minutes % 60;
  return `${Math.floor(minutes / 60)} h${m === 0 ? "" : ` ${String(m).padStart(2, "0")}`}`;
}

/** The first of the month is "1er". */
const dayNumber = (date: string): string => (calendarDay(date).day === 1 ? "1er" : String(calendarDay(date).day));

/** "le mercredi 19 septembre" */
function dayDate(date: string): string {
  return `le ${weekdayName(date, fr)} ${dayNumber(date)} ${monthName(date, fr)}`;
}

function listed(item: DateInList, weekday: boolean): string {
  return [
    weekday ? weekdayName(item.date, fr) : "",
    dayNumber(item.date),
    item.showMonth ? monthName(item.date, fr) : "",
    item.showYear ? String(calendarDay(item.date).year) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** "le mardi 18 et le mercredi 19 septembre 2018", "du lundi 3 au vendredi 7 septembre 2018"; without weekdays "les 18 et 19 septembre 2018" */
function datesInWords(dates: readonly string[], weekday = true): string {
  const { range, items } = datesForWords(dates);
  const words = items.map((item) => listed(item, weekday));
  if (!weekday) return range ? `du ${words[0]} au ${words[1]}` : `${words.length === 1 ? "le" : "les"} ${list(words)}`;
  return range ? `du ${words[0]} au ${words[1]}` : list(words.map((w) => `le ${w}`));
}

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} minutes`;
  const hours = h === 1 ? "une heure" : `${number(h)} heures`;
  if (m === 0) return hours;
  return m === 30 ? `${hours} et demie` : `${h} h ${String(m).padStart(2, "0")}`;
}

function time(option: TimeOption): string {
  const { start, end } = option.hours;
  switch (option.wording) {
    case "morning":
      return "dans la matinée";
    case "afternoon":
      return "dans l'après-midi";
    case "all-day":
      return "à l'heure de votre choix";
    case "between":
      return `entre ${clock(start)} et ${clock(end)}`;
    case "exact":
      return `de ${clock(start)} à ${clock(end)}`;
  }
}

const when = (option: TimeOption): string => `${dayDate(option.date)} ${time(option)}`;

/** Alternatives in words; a date just said is "le même jour". */
const alternatives = (preferred: TimeOption, options: readonly TimeOption[]): string[] =>
  options.map((option, i) =>
    (options[i - 1] ?? preferred).date === option.date ? `le même jour ${time(option)}` : when(option),
  );

function availability(plan: AvailabilityPlan): string {
  if (plan.overlap) {
    const first = `Nous souhaiterions vous rendre visite ${when(plan.preferred)}.`;
    return plan.alternatives.length === 0
      ? first
      : `${first} Si cela ne vous convenait pas, nous pourrions aussi venir ${list(alternatives(plan.preferred, plan.alternatives), "disjunction")}.`;
  }
  const days = list(plan.days.map(when), "disjunction");
  if (!plan.known) return `Nous pourrions venir ${days} ; n'hésitez pas à nous dire ce qui vous conviendrait le mieux.`;
  return `Nous croyons comprendre que vous ne recevez habituellement pas de groupes ces jours-là. Si vous pouviez faire une exception, nous pourrions venir ${days} ; à défaut, nous serions heureux de savoir si une autre formule serait envisageable.`;
}

const names = (codes: readonly string[]) => codes.map((c) => languageName(c, INTL));
/** "en français et en néerlandais": French repeats the preposition before each language. */
const inLanguages = (codes: readonly string[], type: "conjunction" | "disjunction") =>
  list(
    names(codes).map((n) => `en ${n}`),
    type,
  );

export const frenchPhrases: LetterPhrases = {
  locale: fr,
  intl: INTL,
  date: (today) => `Le ${listed({ date: today, showMonth: true, showYear: true }, false)}`,
  subject: (f: LetterFacts) =>
    `Demande de visite d'étude pour une délégation${f.from ? ` venant de ${f.from}` : ""}, ${datesInWords(f.dates, false)}`,
  attention: "À l'attention de :",
  introduction(f) {
    const people = f.size === 1 ? "une personne" : `${f.size} personnes`;
    const who = `une délégation de ${people}${f.from ? ` venant de ${f.from}` : ""}${f.profile.length > 0 ? ` (${list(f.profile)})` : ""}`;
    const opening = f.organisation ? `Je vous écris au nom de ${f.organisation}. ` : "";
    return `${opening}Nous organisons une visite d'étude pour ${who}, ${datesInWords(f.dates)}, et nous serions très heureux que vous puissiez nous recevoir.`;
  },
  reason: (themes) =>
    themes.length > 0
      ? `Votre travail en matière de ${list(themes)} nous intéresse tout particulièrement : c'est précisément ce que la délégation souhaite découvrir.`
      : "Nous aimerions beaucoup découvrir votre travail et échanger avec votre équipe.",
  visit: (minutes) =>
    `Nous vous demanderions environ ${duration(minutes)} : une présentation de votre travail, suivie d'un temps de questions et d'échange avec la délégation.`,
  when: availability,
  languages(delegation, host, interpreting) {
    if (delegation.length === 0) return undefined;
    const speaks = `La délégation parle ${list(names(delegation))}`;
    if (host.length === 0)
      return `${speaks} ; pourriez-vous nous indiquer dans quelle langue la visite pourrait se dérouler ?`;
    const shared = host.filter((code) => delegation.includes(code));
    if (shared.length > 0)
      return `${speaks} : la visite pourrait donc se dérouler ${inLanguages(shared, "disjunction")}.`;
    return `${speaks}, et votre équipe travaille ${inLanguages(host, "conjunction")} : nous prévoirons une interprétation (${names(interpreting).join("–")}).`;
  },
  stepFree:
    "Certains membres de la délégation ont besoin d'un accès de plain-pied : pourriez-vous nous indiquer si vos locaux sont accessibles ?",
  capacity: (capacity, size) =>
    `Nous savons que vous accueillez habituellement des groupes de ${capacity} personnes au plus ; si cela peut vous faciliter les choses, la délégation pourrait venir en ${number(Math.ceil(size / capacity))} groupes.`,
  contact: (email, phone) =>
    `Pour toute question, vous pouvez me joindre à l'adresse ${email}${phone ? ` ou par téléphone au ${phone}` : ""}.`,
};
