import { de } from "date-fns/locale/de";
import { languageName } from "../records/formats.js";
import type { AvailabilityPlan, TimeOption } from "./letter-availability.js";
import { monthName, weekdayName } from "../records/dates.js";
import { calendarDay, datesForWords, listInWords, type DateInList } from "./letter-calendar.js";
import type { LetterFacts, LetterPhrases, VisitShape } from "./letter-facts.js";

// German as a German or Austrian administration writes it (DIN 5008): "am
// Mittwoch, 19. September, vormittags", "von 9:30 bis 11:00 Uhr", "Sehr
// geehrte Damen und Herren," and the letter's first word in lower case.
// The delegation addresses the host as "Sie".

const INTL = "de";
const NUMBERS = ["null", "eine", "zwei", "drei", "vier", "fünf", "sechs"];
/** "anderthalb", "zweieinhalb" Stunden */
const AND_A_HALF = ["", "anderthalb", "zweieinhalb", "dreieinhalb", "viereinhalb", "fünfeinhalb", "sechseinhalb"];
/** numbers in the dative: "in zwei kleineren Gruppen" */
const GROUPS = ["", "einer", "zwei", "drei", "vier", "fünf", "sechs"];

const list = (items: readonly string[], type: "conjunction" | "disjunction" = "conjunction") =>
  listInWords(items, INTL, type);

/** "9:30", "14:00" (followed by "Uhr" once per phrase) */
function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

/** "19." */
const dayNumber = (date: string): string => `${calendarDay(date).day}.`;

/** "Mittwoch, 19. September" */
function dayDate(date: string): string {
  return `${weekdayName(date, de)}, ${dayNumber(date)} ${monthName(date, de)}`;
}

function listed(item: DateInList): string {
  return [
    dayNumber(item.date),
    item.showMonth ? monthName(item.date, de) : "",
    item.showYear ? String(calendarDay(item.date).year) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/**
 * "am 18. und 19. September 2018", "vom 16. bis 18. Mai 2022". German
 * leaves the weekdays out of a list of days: "am Dienstag, 18., und
 * Mittwoch, 19. September" is correct but nobody writes it.
 */
function datesInWords(dates: readonly string[]): string {
  const { range, items } = datesForWords(dates);
  const words = items.map(listed);
  return range ? `vom ${words[0]} bis ${words[1]}` : `am ${list(words)}`;
}

/** "eine halbe Stunde", "anderthalb Stunden", "75 Minuten", "zwei Stunden"; in the dative (after "von") "einer halben Stunde", "einer Stunde" */
function duration(minutes: number, dative = false): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const a = dative ? "einer" : "eine";
  if (minutes === 30) return `${a} halbe${dative ? "n" : ""} Stunde`;
  if (h === 0) return `${m} Minuten`;
  if (m === 0) return h === 1 ? `${a} Stunde` : `${NUMBERS[h] ?? h} Stunden`;
  if (m === 30 && AND_A_HALF[h]) return `${AND_A_HALF[h]} Stunden`;
  return h === 1 ? `${minutes} Minuten` : `${h} Stunden und ${m} Minuten`;
}

/** The time of day, said after a date that closes with a comma: "am Mittwoch, 19. September, vormittags". */
function time(option: TimeOption): string {
  const { start, end } = option.hours;
  switch (option.wording) {
    case "morning":
      return "vormittags";
    case "afternoon":
      return "nachmittags";
    case "all-day":
      return "zu einer Zeit Ihrer Wahl";
    case "between":
      return `zwischen ${clock(start)} und ${clock(end)} Uhr`;
    case "exact":
      return `von ${clock(start)} bis ${clock(end)} Uhr`;
  }
}

const when = (option: TimeOption): string => `am ${dayDate(option.date)}, ${time(option)}`;

/** Alternatives in words; a date just said is "am selben Tag". */
const alternatives = (preferred: TimeOption, options: readonly TimeOption[]): string[] =>
  options.map((option, i) =>
    (options[i - 1] ?? preferred).date === option.date ? `am selben Tag ${time(option)}` : when(option),
  );

const ASK: Record<VisitShape["kind"], { first: (at: string) => string; come: string }> = {
  visit: { first: (at) => `Wir würden Sie gern ${at} besuchen.`, come: "kommen" },
  walk: { first: (at) => `Wir würden den Rundgang gern ${at} mit Ihnen machen.`, come: "kommen" },
  online: { first: (at) => `Wir würden Sie gern ${at} online treffen.`, come: "online zusammenkommen" },
  joint: { first: (at) => `Wir würden das Treffen gern ${at} abhalten.`, come: "zusammenkommen" },
};

function availability(plan: AvailabilityPlan, shape: VisitShape): string {
  if (shape.kind === "joint" && shape.date && shape.hours) {
    const fixed: TimeOption = { date: shape.date, hours: shape.hours, wording: "exact", slot: true };
    const where = shape.place ? ` (Ort: ${shape.place})` : "";
    return `Das gemeinsame Treffen ist ${when(fixed)} geplant${where}. Könnten Sie uns mitteilen, ob Ihnen dieser Termin passt?`;
  }
  const ask = ASK[shape.kind];
  if (plan.overlap) {
    const first = ask.first(when(plan.preferred));
    return plan.alternatives.length === 0
      ? first
      : `${first} Falls Ihnen das nicht passt, könnten wir auch ${list(alternatives(plan.preferred, plan.alternatives), "disjunction")} ${ask.come}.`;
  }
  const days = list(plan.days.map(when), "disjunction");
  if (!plan.known) return `Wir könnten ${days} ${ask.come}; bitte teilen Sie uns mit, was Ihnen am besten passt.`;
  return `Soweit wir wissen, empfangen Sie an diesen Tagen in der Regel keine Gruppen. Falls Sie eine Ausnahme machen könnten, würden wir ${days} ${ask.come}; andernfalls wären wir Ihnen für einen anderen Vorschlag dankbar.`;
}

function visit(f: LetterFacts): string {
  const length = duration(f.visitMinutes);
  const exchange = "eine Vorstellung Ihrer Arbeit, anschließend Fragen und ein Austausch mit der Delegation";
  switch (f.shape.kind) {
    case "visit":
      return `Für den Besuch würden wir etwa ${length} einplanen: ${exchange}.`;
    case "walk":
      return `Wir möchten Sie bitten, die Delegation auf einem Rundgang von etwa ${duration(f.visitMinutes, true)} zu führen (Treffpunkt: ${f.shape.start}; Ende: ${f.shape.end}), mit Gelegenheit für Fragen unterwegs.`;
    case "online":
      return `Der Besuch fände online statt, als Videokonferenz${f.shape.link ? ` (${f.shape.link})` : ""} von etwa ${duration(f.visitMinutes, true)}: ${exchange}.`;
    case "joint": {
      const meeting = f.shape.link ? `einem gemeinsamen Online-Treffen (${f.shape.link})` : "einem gemeinsamen Treffen";
      return `Wir möchten Sie gern zu ${meeting} mit der Delegation einladen, zusammen mit ${list(f.shape.with)}. Es würde etwa ${length} dauern: Jede Organisation stellt kurz ihre Arbeit vor, danach ist Zeit für Fragen und Austausch.`;
    }
  }
}

const ENDING: Record<VisitShape["kind"], string> = {
  visit: "würden uns sehr freuen, wenn Sie uns empfangen könnten",
  walk: "würden uns sehr freuen, wenn Sie uns vor Ort herumführen könnten",
  online: "würden uns sehr freuen, Sie online zu treffen",
  joint: "würden uns sehr freuen, Sie zu treffen",
};

const HELD_IN: Record<VisitShape["kind"], (languages: string) => string> = {
  visit: (l) => `der Besuch könnte also ${l} stattfinden`,
  walk: (l) => `der Rundgang könnte also ${l} stattfinden`,
  online: (l) => `das Gespräch könnte also ${l} stattfinden`,
  joint: (l) => `das Treffen könnte also ${l} stattfinden`,
};

const names = (codes: readonly string[]) => codes.map((c) => languageName(c, INTL));
/** "auf Englisch oder Französisch" */
const inLanguages = (codes: readonly string[], type: "conjunction" | "disjunction") =>
  `auf ${list(names(codes), type)}`;

export const germanPhrases: LetterPhrases = {
  intl: INTL,
  date: (today) => listed({ date: today, showMonth: true, showYear: true }),
  subject: (f) =>
    `Anfrage für einen Studienbesuch einer Delegation${f.from ? ` aus ${f.from}` : ""} ${datesInWords(f.dates)}`,
  attention: "z. Hd.",
  // After "Sehr geehrte Damen und Herren," the letter goes on in lower case.
  introduction(f) {
    const people = f.size === 1 ? "einer Person" : `${f.size} Personen`;
    const who = `eine Delegation von ${people}${f.from ? ` aus ${f.from}` : ""}${f.profile.length > 0 ? ` (${list(f.profile)})` : ""}`;
    const opening = f.organisation
      ? `ich schreibe Ihnen im Auftrag von ${f.organisation}. Wir organisieren`
      : "wir organisieren";
    return `${opening} ${datesInWords(f.dates)} einen Studienbesuch für ${who} und ${ENDING[f.shape.kind]}.`;
  },
  reason: (themes) =>
    themes.length === 0
      ? "Wir würden Ihre Arbeit sehr gern kennenlernen und uns mit Ihrem Team austauschen."
      : `Ihre Arbeit ${themes.length === 1 ? "im Bereich" : "in den Bereichen"} ${list(themes)} interessiert uns besonders, denn genau darüber möchte die Delegation mehr erfahren.`,
  visit,
  when: availability,
  languages(delegation, host, interpreting, shape) {
    if (delegation.length === 0) return undefined;
    const speaks = `Die Delegation spricht ${list(names(delegation))}`;
    if (host.length === 0) return `${speaks}; bitte teilen Sie uns mit, welche Sprache Ihnen am besten passt.`;
    const shared = host.filter((code) => delegation.includes(code));
    if (shared.length > 0) return `${speaks}, ${HELD_IN[shape.kind](inLanguages(shared, "disjunction"))}.`;
    return `${speaks}, Ihr Team arbeitet ${inLanguages(host, "conjunction")}: Wir sorgen für eine Verdolmetschung (${names(interpreting).join("–")}).`;
  },
  stepFree: (shape) =>
    `Einige Mitglieder der Delegation sind auf einen barrierefreien Zugang angewiesen: Könnten Sie uns mitteilen, ob ${
      shape.kind === "walk"
        ? "die Strecke stufenlos begehbar ist"
        : shape.kind === "joint" && shape.place
          ? "der Treffpunkt barrierefrei zugänglich ist"
          : "Ihre Räumlichkeiten barrierefrei zugänglich sind"
    }?`,
  capacity: (capacity, size) =>
    `Wir wissen, dass Sie in der Regel Gruppen von höchstens ${capacity} Personen empfangen; falls es Ihnen hilft, könnte die Delegation in ${GROUPS[Math.ceil(size / capacity)] ?? Math.ceil(size / capacity)} kleineren Gruppen kommen.`,
  contact: (email, phone) =>
    `Für Rückfragen erreichen Sie mich unter ${email}${phone ? ` oder telefonisch unter ${phone}` : ""}.`,
};
