import { fr } from "date-fns/locale/fr";
import { languageName } from "../records/formats.js";
import type { AvailabilityPlan, TimeOption } from "./letter-availability.js";
import { monthName, weekdayName } from "../records/dates.js";
import { calendarDay, datesForWords, listInWords, type DateInList } from "./letter-calendar.js";
import type { LetterFacts, LetterPhrases, VisitShape } from "./letter-facts.js";

// French as written in a Belgian or French administration: "le mercredi
// 19 septembre", "le 1er octobre", "de 9 h 30 à 11 h", "Madame, Monsieur".

const INTL = "fr";
const NUMBERS = ["zéro", "une", "deux", "trois", "quatre", "cinq", "six"];

const number = (n: number): string => NUMBERS[n] ?? String(n);
const list = (items: readonly string[], type: "conjunction" | "disjunction" = "conjunction") =>
  listInWords(items, INTL, type);

/**
 * "de" before a name as French writes it: "d'Etterbeek", "du Monde des
 * Possibles", "des Amis de…", "de la Ville", "de Ljubljana".
 */
export function ofName(name: string): string {
  if (/^Le\s/.test(name)) return `du ${name.slice(3)}`;
  if (/^Les\s/.test(name)) return `des ${name.slice(4)}`;
  if (/^La\s/.test(name)) return `de la ${name.slice(3)}`;
  if (/^L['’]/.test(name)) return `de l'${name.slice(2)}`;
  // Not before "h": most foreign names start with an h aspiré ("de Hambourg").
  return /^[aeiouyâàéèêëîïôœùûüAEIOUYÂÀÉÈÊËÎÏÔŒÙÛÜ]/.test(name) ? `d'${name}` : `de ${name}`;
}

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

/** "une demi-heure", "une heure et demie", "1 h 15", "deux heures" */
function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (minutes === 30) return "une demi-heure";
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

const ASK: Record<VisitShape["kind"], { first: string; come: string }> = {
  visit: { first: "Nous souhaiterions vous rendre visite", come: "venir" },
  walk: { first: "Nous souhaiterions faire cette visite à pied avec vous", come: "venir" },
  online: { first: "Nous souhaiterions vous rencontrer en ligne", come: "nous retrouver en ligne" },
  joint: { first: "Nous souhaiterions organiser cette rencontre", come: "nous réunir" },
};

function availability(plan: AvailabilityPlan, shape: VisitShape): string {
  if (shape.kind === "joint" && shape.date && shape.hours) {
    const fixed: TimeOption = { date: shape.date, hours: shape.hours, wording: "exact", slot: true };
    const where = shape.place ? ` (lieu : ${shape.place})` : "";
    return `La rencontre commune est prévue ${when(fixed)}${where} ; pourriez-vous nous dire si cet horaire vous convient ?`;
  }
  const ask = ASK[shape.kind];
  if (plan.overlap) {
    const first = `${ask.first} ${when(plan.preferred)}.`;
    return plan.alternatives.length === 0
      ? first
      : `${first} Si cela ne vous convenait pas, nous pourrions aussi ${ask.come} ${list(alternatives(plan.preferred, plan.alternatives), "disjunction")}.`;
  }
  const days = list(plan.days.map(when), "disjunction");
  if (!plan.known)
    return `Nous pourrions ${ask.come} ${days} ; n'hésitez pas à nous dire ce qui vous conviendrait le mieux.`;
  return `Nous croyons comprendre que vous ne recevez habituellement pas de groupes ces jours-là. Si vous pouviez faire une exception, nous pourrions ${ask.come} ${days} ; à défaut, nous serions heureux de savoir si une autre formule serait envisageable.`;
}

function visit(f: LetterFacts): string {
  const length = duration(f.visitMinutes);
  const exchange = "une présentation de vos activités, suivie d'un temps de questions et d'échange avec la délégation";
  switch (f.shape.kind) {
    case "visit":
      return `La rencontre durerait environ ${length} : ${exchange}.`;
    case "walk":
      return `Nous aimerions que vous guidiez la délégation lors d'une visite à pied d'environ ${length} (départ : ${f.shape.start} ; arrivée : ${f.shape.end}), avec la possibilité de poser des questions en chemin.`;
    case "online":
      return `La rencontre se tiendrait en visioconférence${f.shape.link ? ` (${f.shape.link})` : ""} et durerait environ ${length} : ${exchange}.`;
    case "joint": {
      const meeting = f.shape.link
        ? `une rencontre commune en visioconférence (${f.shape.link})`
        : "une rencontre commune";
      return `Nous aimerions vous proposer de participer à ${meeting} avec la délégation, aux côtés ${list(f.shape.with.map(ofName))}. D'une durée d'environ ${length}, elle s'ouvrirait sur une brève présentation de chaque organisation, suivie d'un temps de questions et d'échange.`;
    }
  }
}

const ENDING: Record<VisitShape["kind"], string> = {
  visit: "nous serions très heureux que vous puissiez nous recevoir",
  walk: "nous serions très heureux que vous puissiez nous accompagner sur le terrain",
  online: "nous serions très heureux de pouvoir vous rencontrer en ligne",
  joint: "nous serions très heureux de pouvoir vous rencontrer",
};

/** "la visite pourrait donc se dérouler en anglais" */
const HELD_IN: Record<VisitShape["kind"], string> = {
  visit: "la visite pourrait donc se dérouler",
  walk: "la visite guidée pourrait donc se faire",
  online: "la rencontre pourrait donc se dérouler",
  joint: "la rencontre pourrait donc se dérouler",
};

const names = (codes: readonly string[]) => codes.map((c) => languageName(c, INTL));
/** "en français et en néerlandais": French repeats the preposition before each language. */
const inLanguages = (codes: readonly string[], type: "conjunction" | "disjunction") =>
  list(
    names(codes).map((n) => `en ${n}`),
    type,
  );

export const frenchPhrases: LetterPhrases = {
  intl: INTL,
  date: (today) => `Le ${listed({ date: today, showMonth: true, showYear: true }, false)}`,
  subject: (f) =>
    `Demande de visite d'étude pour une délégation${f.from ? ` venant ${ofName(f.from)}` : ""}, ${datesInWords(f.dates, false)}`,
  attention: "À l'attention de :",
  introduction(f) {
    const people = f.size === 1 ? "une personne" : `${f.size} personnes`;
    const who = `une délégation de ${people}${f.from ? ` venant ${ofName(f.from)}` : ""}${f.profile.length > 0 ? ` (${list(f.profile)})` : ""}`;
    const opening = f.organisation ? `Je vous écris au nom ${ofName(f.organisation)}. ` : "";
    return `${opening}Nous organisons une visite d'étude pour ${who}, ${datesInWords(f.dates)}, et ${ENDING[f.shape.kind]}.`;
  },
  reason: (themes) =>
    themes.length > 0
      ? `Votre travail en matière de ${list(themes)} nous intéresse tout particulièrement : c'est précisément ce que la délégation souhaite découvrir.`
      : "Nous aimerions beaucoup découvrir votre travail et échanger avec votre équipe.",
  visit,
  when: availability,
  languages(delegation, host, interpreting, shape) {
    if (delegation.length === 0) return undefined;
    const speaks = `La délégation parle ${list(names(delegation))}`;
    if (host.length === 0) return `${speaks} ; pourriez-vous nous indiquer la langue qui vous conviendrait ?`;
    const shared = host.filter((code) => delegation.includes(code));
    if (shared.length > 0) return `${speaks} : ${HELD_IN[shape.kind]} ${inLanguages(shared, "disjunction")}.`;
    return `${speaks}, et votre équipe travaille ${inLanguages(host, "conjunction")} : nous prévoirons une interprétation (${names(interpreting).join("–")}).`;
  },
  stepFree: (shape) =>
    shape.kind === "walk"
      ? "Certains membres de la délégation ont besoin d'un accès de plain-pied : pourriez-vous nous indiquer si le parcours comporte des marches ?"
      : `Certains membres de la délégation ont besoin d'un accès de plain-pied : pourriez-vous nous indiquer si ${shape.kind === "joint" && shape.place ? "le lieu de la rencontre est accessible" : "vos locaux sont accessibles"} ?`,
  capacity: (capacity, size) =>
    `Nous savons que vous accueillez habituellement des groupes de ${capacity} personnes au plus ; si cela peut vous faciliter les choses, la délégation pourrait venir en ${number(Math.ceil(size / capacity))} groupes.`,
  contact: (email, phone) =>
    `Pour toute question, vous pouvez me joindre à l'adresse ${email}${phone ? ` ou par téléphone au ${phone}` : ""}.`,
};
