import { it as italian } from "date-fns/locale/it";
import { languageName } from "../records/formats.js";
import type { AvailabilityPlan, TimeOption } from "./letter-availability.js";
import { monthName, weekdayName } from "../records/dates.js";
import { calendarDay, datesForWords, listInWords, type DateInList } from "./letter-calendar.js";
import type { LetterFacts, LetterPhrases, VisitShape } from "./letter-facts.js";

// Italian as an Italian administration writes it: "mercoledì 19 settembre",
// "il 1º ottobre", "dalle 9.30 alle 11.00", "in mattinata", "Gentili
// Signori,". A letter to an organisation addresses its staff as "voi", as
// Italian correspondence with an office does (Lei is for one named person).

const INTL = "it";
const NUMBERS = ["zero", "un", "due", "tre", "quattro", "cinque", "sei"];

/**
 * "a, b e c"; "e" becomes "ed" before a word that starts with "e" ("inclusion
 * ed empowerment"), as Italian writes it. Only the list's own "e" changes,
 * never one inside an item.
 */
function list(items: readonly string[], type: "conjunction" | "disjunction" = "conjunction"): string {
  if (type === "disjunction") return listInWords(items, INTL, type);
  const parts = new Intl.ListFormat(INTL, { type, style: "long" }).formatToParts(items);
  return parts
    .map((part, i) =>
      part.type === "literal" && part.value === " e " && /^[eèé]/i.test(parts[i + 1]?.value ?? "")
        ? " ed "
        : part.value,
    )
    .join("");
}

/** "9.30", "14.00" */
function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}.${String(minutes % 60).padStart(2, "0")}`;
}

/** "dalle 9.30", "alle 11.00", "tra le 11.00": the article elides before one o'clock ("dall'1.30"). */
function at(preposition: "da" | "a" | "tra", minutes: number): string {
  const one = Math.floor(minutes / 60) === 1;
  const word = { da: one ? "dall'" : "dalle ", a: one ? "all'" : "alle ", tra: one ? "tra l'" : "tra le " }[
    preposition
  ];
  return `${word}${clock(minutes)}`;
}

/** The first of the month is "1º". */
const dayNumber = (date: string): string => (calendarDay(date).day === 1 ? "1º" : String(calendarDay(date).day));

/** "mercoledì 19 settembre" */
function dayDate(date: string): string {
  return `${weekdayName(date, italian)} ${dayNumber(date)} ${monthName(date, italian)}`;
}

function listed(item: DateInList, weekday: boolean): string {
  return [
    weekday ? weekdayName(item.date, italian) : "",
    dayNumber(item.date),
    item.showMonth ? monthName(item.date, italian) : "",
    item.showYear ? String(calendarDay(item.date).year) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** "martedì 18 e mercoledì 19 settembre 2018", "da lunedì 16 a mercoledì 18 maggio 2022"; without weekdays "18 e 19 settembre 2018", "dal 16 al 18 maggio 2022" */
function datesInWords(dates: readonly string[], weekday = true): string {
  const { range, items } = datesForWords(dates);
  const words = items.map((item) => listed(item, weekday));
  if (range) return weekday ? `da ${words[0]} a ${words[1]}` : `dal ${words[0]} al ${words[1]}`;
  return list(words);
}

/** "mezz'ora", "un'ora e mezza", "75 minuti", "due ore" */
function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (minutes === 30) return "mezz'ora";
  if (h === 0) return `${m} minuti`;
  const hours = h === 1 ? "un'ora" : `${NUMBERS[h] ?? h} ore`;
  if (m === 0) return hours;
  if (m === 30) return `${hours} e mezza`;
  return h === 1 ? `${minutes} minuti` : `${hours} e ${m} minuti`;
}

function time(option: TimeOption): string {
  const { start, end } = option.hours;
  switch (option.wording) {
    case "morning":
      return "in mattinata";
    case "afternoon":
      return "nel pomeriggio";
    case "all-day":
      return "all'orario che preferite";
    case "between":
      return `${at("tra", start)} e ${at("tra", end).replace(/^tra /, "")}`;
    case "exact":
      return `${at("da", start)} ${at("a", end)}`;
  }
}

const when = (option: TimeOption): string => `${dayDate(option.date)} ${time(option)}`;

/** Alternatives in words; a date just said is "lo stesso giorno". */
const alternatives = (preferred: TimeOption, options: readonly TimeOption[]): string[] =>
  options.map((option, i) =>
    (options[i - 1] ?? preferred).date === option.date ? `lo stesso giorno ${time(option)}` : when(option),
  );

const ASK: Record<VisitShape["kind"], { first: string; come: string }> = {
  visit: { first: "Vorremmo farvi visita", come: "venire" },
  walk: { first: "Vorremmo fare la passeggiata con voi", come: "venire" },
  online: { first: "Vorremmo incontrarvi online", come: "collegarci" },
  joint: { first: "Vorremmo tenere l'incontro", come: "incontrarci" },
};

function availability(plan: AvailabilityPlan, shape: VisitShape): string {
  if (shape.kind === "joint" && shape.date && shape.hours) {
    const fixed: TimeOption = { date: shape.date, hours: shape.hours, wording: "exact", slot: true };
    const where = shape.place ? ` (luogo: ${shape.place})` : "";
    return `L'incontro congiunto è previsto per ${when(fixed)}${where}; vi saremmo grati se poteste farci sapere se l'orario vi è comodo.`;
  }
  const ask = ASK[shape.kind];
  if (plan.overlap) {
    const first = `${ask.first} ${when(plan.preferred)}.`;
    return plan.alternatives.length === 0
      ? first
      : `${first} Se non vi fosse possibile, potremmo ${ask.come} anche ${list(alternatives(plan.preferred, plan.alternatives), "disjunction")}.`;
  }
  const days = list(plan.days.map(when), "disjunction");
  if (!plan.known)
    return `Potremmo ${ask.come} ${days}; vi saremmo grati se ci faceste sapere quale soluzione preferite.`;
  return `Ci risulta che in quei giorni di solito non ricevete gruppi. Se poteste fare un'eccezione, potremmo ${ask.come} ${days}; in caso contrario, vi saremmo grati se ci indicaste un'altra soluzione possibile.`;
}

function visit(f: LetterFacts): string {
  const length = duration(f.visitMinutes);
  const exchange = "una presentazione delle vostre attività, seguita da domande e da uno scambio con la delegazione";
  switch (f.shape.kind) {
    case "visit":
      return `La visita durerebbe circa ${length}: ${exchange}.`;
    case "walk":
      return `Vi chiederemmo di accompagnare la delegazione in una passeggiata di circa ${length} (partenza: ${f.shape.start}; arrivo: ${f.shape.end}), con la possibilità di fare domande lungo il percorso.`;
    case "online":
      return `La visita si svolgerebbe online, in videoconferenza${f.shape.link ? ` (${f.shape.link})` : ""}, e durerebbe circa ${length}: ${exchange}.`;
    case "joint": {
      const meeting = f.shape.link
        ? `un incontro congiunto in videoconferenza (${f.shape.link})`
        : "un incontro congiunto";
      return `Vorremmo invitarvi a partecipare a ${meeting} con la delegazione, insieme a ${list(f.shape.with)}. L'incontro durerebbe circa ${length}: ogni organizzazione presenterebbe brevemente le proprie attività, poi seguirebbero domande e uno scambio.`;
    }
  }
}

const ENDING: Record<VisitShape["kind"], string> = {
  visit: "saremmo molto lieti se poteste riceverci",
  walk: "saremmo molto lieti se poteste farci da guida sul posto",
  online: "saremmo molto lieti di potervi incontrare online",
  joint: "saremmo molto lieti di potervi incontrare",
};

const HELD_IN: Record<VisitShape["kind"], string> = {
  visit: "la visita potrebbe quindi svolgersi",
  walk: "la passeggiata potrebbe quindi svolgersi",
  online: "l'incontro potrebbe quindi svolgersi",
  joint: "l'incontro potrebbe quindi svolgersi",
};

const names = (codes: readonly string[]) => codes.map((c) => languageName(c, INTL));
/** "in inglese o in francese" */
const inLanguages = (codes: readonly string[], type: "conjunction" | "disjunction") =>
  list(
    names(codes).map((n) => `in ${n}`),
    type,
  );

export const italianPhrases: LetterPhrases = {
  intl: INTL,
  date: (today) => listed({ date: today, showMonth: true, showYear: true }, false),
  subject: (f) =>
    `Richiesta di visita di studio di una delegazione${f.from ? ` proveniente da ${f.from}` : ""}, ${datesInWords(f.dates, false)}`,
  attention: "Alla cortese attenzione di",
  introduction(f) {
    const people = f.size === 1 ? "una persona" : `${f.size} persone`;
    const who = `una delegazione di ${people}${f.from ? ` proveniente da ${f.from}` : ""}${f.profile.length > 0 ? ` (${list(f.profile)})` : ""}`;
    const opening = f.organisation ? `Vi scrivo a nome di ${f.organisation}. ` : "";
    return `${opening}Stiamo organizzando una visita di studio per ${who}, che si svolgerà ${datesInWords(f.dates)}, e ${ENDING[f.shape.kind]}.`;
  },
  reason: (themes) =>
    themes.length > 0
      ? `Il vostro lavoro in materia di ${list(themes)} ci interessa in modo particolare, perché è proprio ciò che la delegazione desidera approfondire.`
      : "Ci piacerebbe molto conoscere il vostro lavoro e scambiare esperienze con il vostro team.",
  visit,
  when: availability,
  languages(delegation, host, interpreting, shape) {
    if (delegation.length === 0) return undefined;
    const speaks = `La delegazione parla ${list(names(delegation))}`;
    if (host.length === 0) return `${speaks}; vi saremmo grati se ci indicaste la lingua che preferite.`;
    const shared = host.filter((code) => delegation.includes(code));
    if (shared.length > 0) return `${speaks}: ${HELD_IN[shape.kind]} ${inLanguages(shared, "disjunction")}.`;
    return `${speaks}, mentre il vostro team lavora ${inLanguages(host, "conjunction")}: provvederemo noi all'interpretariato (${names(interpreting).join("–")}).`;
  },
  stepFree: (shape) =>
    `Alcuni membri della delegazione hanno bisogno di un accesso senza barriere architettoniche: potreste indicarci se ${
      shape.kind === "walk"
        ? "il percorso è privo di gradini"
        : shape.kind === "joint" && shape.place
          ? "il luogo dell'incontro è accessibile"
          : "i vostri locali sono accessibili"
    }?`,
  capacity: (capacity, size) =>
    `Sappiamo che di solito ricevete gruppi di ${capacity} persone al massimo; se vi è più comodo, la delegazione potrebbe venire in ${NUMBERS[Math.ceil(size / capacity)] ?? Math.ceil(size / capacity)} gruppi più piccoli.`,
  contact: (email, phone) =>
    `Per qualsiasi domanda potete contattarmi all'indirizzo ${email}${phone ? ` o al numero ${phone}` : ""}.`,
};
