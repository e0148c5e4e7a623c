import { pl } from "date-fns/locale/pl";
import { languageName } from "../records/formats.js";
import type { AvailabilityPlan, TimeOption } from "./letter-availability.js";
import { monthName, weekdayName } from "../records/dates.js";
import { calendarDay, datesForWords, listInWords, type DateInList } from "./letter-calendar.js";
import type { LetterFacts, LetterPhrases, VisitShape } from "./letter-facts.js";

// Polish as a Polish office writes it: "Szanowni Państwo," and the host's
// team addressed as "Państwo" throughout (the plural of Pan and Pani), "21
// sierpnia 2018 r.", "w środę 19 września przed południem", "w godzinach
// 14.00–16.00", "Z wyrazami szacunku". date-fns gives the month in the
// genitive ("września") but the weekday only in the nominative ("środa"):
// after "w" and "na" it takes the accusative, written here.

const INTL = "pl";
/** in the locative, after "w": "w dwóch mniejszych grupach" */
const GROUPS = ["", "jednej", "dwóch", "trzech", "czterech", "pięciu", "sześciu"];
/** in the genitive, after "około": "około dwóch godzin" */
const HOURS = ["", "godziny", "dwóch godzin", "trzech godzin", "czterech godzin", "pięciu godzin", "sześciu godzin"];
const HALF_HOURS = [
  "pół godziny",
  "półtorej godziny",
  "dwóch i pół godziny",
  "trzech i pół godziny",
  "czterech i pół godziny",
  "pięciu i pół godziny",
  "sześciu i pół godziny",
];

const list = (items: readonly string[], type: "conjunction" | "disjunction" = "conjunction") =>
  listInWords(items, INTL, type);

const plural = new Intl.PluralRules(INTL);
/** "1 osobę", "3 osoby", "12 osób": the noun's form for the number, as the object of a verb ("liczy 12 osób"). */
function people(n: number): string {
  const form = plural.select(n);
  return `${n} ${form === "one" ? "osobę" : form === "few" ? "osoby" : "osób"}`;
}

/** "9.30", "14.00" */
function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}.${String(minutes % 60).padStart(2, "0")}`;
}

/** The weekday after "w" or "na": "środa" → "środę"; masculine days do not change. */
export function weekdayAccusative(date: string): string {
  const nominative = weekdayName(date, pl);
  return nominative.endsWith("a") ? `${nominative.slice(0, -1)}ę` : nominative;
}

/** "w środę", "we wtorek": "we" before a word that starts with "w" and a consonant. */
export function onWeekday(date: string): string {
  const day = weekdayAccusative(date);
  return `${/^w[^aeiouyąęó]/.test(day) ? "we" : "w"} ${day}`;
}

/** "środę 19 września" (the month from date-fns, in the genitive) */
const dayDate = (date: string): string => `${calendarDay(date).day} ${monthName(date, pl)}`;

function listed(item: DateInList): string {
  return [
    String(calendarDay(item.date).day),
    item.showMonth ? monthName(item.date, pl) : "",
    item.showYear ? `${calendarDay(item.date).year} r.` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** "w dniach 18 i 19 września 2018 r.", "w dniach 16–18 maja 2022 r.", "w dniu 19 września 2018 r." */
function datesInWords(dates: readonly string[]): string {
  const { range, items } = datesForWords(dates);
  const words = items.map(listed);
  if (range) return `w dniach ${words[0]}${(words[0] ?? "").includes(" ") ? " – " : "–"}${words[1]}`;
  return `${words.length === 1 ? "w dniu" : "w dniach"} ${list(words)}`;
}

/**
 * "z Ljubljany", "z Jelgavy", "z Pragi", "z Brukseli": a one-word name in
 * -a is a feminine noun with a regular genitive. Other names keep their
 * written form: "z miasta Rotterdam" (the official way to leave a name
 * undeclined); anything that is not a name stands in brackets.
 */
export function fromPlace(name: string): string {
  const stem = name.slice(0, -1);
  if (/^\p{Lu}\p{Ll}*[^aeiouyąęóijAEIOUY]a$/u.test(name)) {
    if (/[kg]$/.test(stem) || /l$/.test(stem)) return `z ${stem}i`;
    return `z ${stem}y`;
  }
  if (/^\p{Lu}[\p{L}-]*( \p{Lu}[\p{L}-]*)*$/u.test(name)) return `z miasta ${name}`;
  return `(${name})`;
}

/** After "około": "pół godziny", "półtorej godziny", "75 minut", "dwóch godzin" */
function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (m === 30 && HALF_HOURS[h]) return HALF_HOURS[h];
  if (h === 0) return `${m} minut`;
  if (m === 0 && HOURS[h]) return HOURS[h];
  return h === 1 ? `${minutes} minut` : `${HOURS[h] ?? `${h} godzin`} i ${m} minut`;
}

function time(option: TimeOption): string {
  const { start, end } = option.hours;
  switch (option.wording) {
    case "morning":
      return "przed południem";
    case "afternoon":
      return "po południu";
    case "all-day":
      return "o dogodnej dla Państwa porze";
    case "between":
      return `między ${clock(start)} a ${clock(end)}`;
    case "exact":
      return `w godzinach ${clock(start)}–${clock(end)}`;
  }
}

/** "w środę 19 września przed południem" */
const when = (option: TimeOption): string => `${onWeekday(option.date)} ${dayDate(option.date)} ${time(option)}`;

/** Alternatives in words; a date just said is "tego samego dnia". */
const alternatives = (preferred: TimeOption, options: readonly TimeOption[]): string[] =>
  options.map((option, i) =>
    (options[i - 1] ?? preferred).date === option.date ? `tego samego dnia ${time(option)}` : when(option),
  );

const ASK: Record<VisitShape["kind"], { first: string; come: string }> = {
  visit: { first: "Chcielibyśmy odwiedzić Państwa", come: "przyjść" },
  walk: { first: "Chcielibyśmy odbyć spacer z Państwem", come: "przyjść" },
  online: { first: "Chcielibyśmy spotkać się z Państwem online", come: "połączyć się" },
  joint: { first: "Chcielibyśmy zorganizować spotkanie", come: "spotkać się" },
};

function availability(plan: AvailabilityPlan, shape: VisitShape): string {
  if (shape.kind === "joint" && shape.date && shape.hours) {
    const fixed: TimeOption = { date: shape.date, hours: shape.hours, wording: "exact", slot: true };
    const where = shape.place ? ` (miejsce: ${shape.place})` : "";
    return `Wspólne spotkanie zaplanowano na ${weekdayAccusative(fixed.date)} ${dayDate(fixed.date)} ${time(fixed)}${where}; prosimy o informację, czy ten termin Państwu odpowiada.`;
  }
  const ask = ASK[shape.kind];
  if (plan.overlap) {
    const first = `${ask.first} ${when(plan.preferred)}.`;
    return plan.alternatives.length === 0
      ? first
      : `${first} Gdyby ten termin Państwu nie odpowiadał, moglibyśmy ${ask.come} także ${list(alternatives(plan.preferred, plan.alternatives), "disjunction")}.`;
  }
  const days = list(plan.days.map(when), "disjunction");
  if (!plan.known)
    return `Moglibyśmy ${ask.come} ${days}; prosimy o informację, który termin najbardziej Państwu odpowiada.`;
  return `Z tego, co wiemy, w te dni zazwyczaj nie przyjmują Państwo grup. Gdyby mogli Państwo zrobić wyjątek, moglibyśmy ${ask.come} ${days}; jeśli nie, będziemy wdzięczni za informację, czy możliwe jest inne rozwiązanie.`;
}

function visit(f: LetterFacts): string {
  const length = duration(f.visitMinutes);
  const exchange = "prezentacja Państwa działalności, a następnie pytania i wymiana doświadczeń z delegacją";
  switch (f.shape.kind) {
    case "visit":
      return `Spotkanie trwałoby około ${length}: ${exchange}.`;
    case "walk":
      return `Chcielibyśmy poprosić Państwa o oprowadzenie delegacji podczas spaceru trwającego około ${length} (zbiórka: ${f.shape.start}; zakończenie: ${f.shape.end}), z możliwością zadawania pytań po drodze.`;
    case "online":
      return `Spotkanie odbyłoby się online, w formie wideokonferencji${f.shape.link ? ` (${f.shape.link})` : ""}, i trwałoby około ${length}: ${exchange}.`;
    case "joint": {
      const meeting = f.shape.link ? `wspólnej wideokonferencji (${f.shape.link})` : "wspólnym spotkaniu";
      const take = f.shape.with.length === 1 ? "weźmie" : "wezmą";
      return `Chcielibyśmy zaprosić Państwa do udziału we ${meeting} z delegacją, w ${f.shape.link ? "której" : "którym"} ${take} również udział ${list(f.shape.with)}. Spotkanie trwałoby około ${length}: każda z organizacji krótko przedstawiłaby swoją działalność, a potem byłby czas na pytania i dyskusję.`;
    }
  }
}

const ENDING: Record<VisitShape["kind"], string> = {
  visit: "Bylibyśmy bardzo wdzięczni, gdyby zechcieli Państwo nas przyjąć.",
  walk: "Bylibyśmy bardzo wdzięczni, gdyby zechcieli Państwo pokazać nam swoją pracę w terenie.",
  online: "Bylibyśmy bardzo wdzięczni za możliwość spotkania się z Państwem online.",
  joint: "Bylibyśmy bardzo wdzięczni za możliwość spotkania się z Państwem.",
};

const HELD_IN: Record<VisitShape["kind"], string> = {
  visit: "więc wizyta mogłaby się odbyć",
  walk: "więc spacer mógłby się odbyć",
  online: "więc spotkanie mogłoby się odbyć",
  joint: "więc spotkanie mogłoby się odbyć",
};

/**
 * Language names are adjectives in Polish ("angielski"): after "językiem" or
 * "w języku" they end in -m ("angielskim"), after "z języka" in -ego
 * ("angielskiego"). A name that is not an adjective ("hindi") does not change.
 */
const adjective = (name: string) => /[iy]$/.test(name);
const instrumental = (name: string) => (adjective(name) ? `${name}m` : name);
const genitive = (name: string) => (adjective(name) ? `${name.replace(/y$/, "")}ego` : name);
const names = (codes: readonly string[]) => codes.map((c) => languageName(c, INTL));
/** "językiem angielskim i słoweńskim" */
const withLanguages = (codes: readonly string[]) => `językiem ${list(names(codes).map(instrumental))}`;
/** "w języku angielskim lub francuskim" */
const inLanguages = (codes: readonly string[], type: "conjunction" | "disjunction") =>
  `w języku ${list(names(codes).map(instrumental), type)}`;

export const polishPhrases: LetterPhrases = {
  intl: INTL,
  date: (today) => listed({ date: today, showMonth: true, showYear: true }),
  subject: (f) => `wizyty studyjnej delegacji${f.from ? ` ${fromPlace(f.from)}` : ""} ${datesInWords(f.dates)}`,
  attention: "",
  introduction(f) {
    const members = f.profile.length > 0 ? `, a w jej skład wchodzą: ${list(f.profile)}` : "";
    const opening = f.organisation ? `Zwracam się do Państwa w imieniu ${f.organisation}. ` : "";
    const dates = datesInWords(f.dates);
    return `${opening}${dates.charAt(0).toUpperCase()}${dates.slice(1)} organizujemy wizytę studyjną delegacji${f.from ? ` ${fromPlace(f.from)}` : ""}. Delegacja liczy ${people(f.size)}${members}. ${ENDING[f.shape.kind]}`;
  },
  reason: (themes) =>
    themes.length === 0
      ? "Bardzo chcielibyśmy poznać Państwa działalność i wymienić się doświadczeniami z Państwa zespołem."
      : `Szczególnie interesuje nas Państwa działalność ${themes.length === 1 ? "w obszarze, jakim jest" : "w takich obszarach, jak"} ${list(themes)} – właśnie o tym delegacja chce się dowiedzieć jak najwięcej.`,
  visit,
  when: availability,
  languages(delegation, host, interpreting, shape) {
    if (delegation.length === 0) return undefined;
    const speaks = `Delegacja posługuje się ${withLanguages(delegation)}`;
    if (host.length === 0) return `${speaks}; prosimy o informację, jaki język byłby dla Państwa najwygodniejszy.`;
    const shared = host.filter((code) => delegation.includes(code));
    if (shared.length > 0) return `${speaks}, ${HELD_IN[shape.kind]} ${inLanguages(shared, "disjunction")}.`;
    const [from, to] = names(interpreting) as [string, string];
    return `${speaks}, a Państwa zespół pracuje ${inLanguages(host, "conjunction")}: zapewnimy tłumaczenie z języka ${genitive(from)} na ${to}.`;
  },
  stepFree: (shape) =>
    `Niektórzy członkowie delegacji potrzebują dostępu bez schodów: prosimy o informację, ${
      shape.kind === "walk"
        ? "czy na trasie spaceru nie ma schodów"
        : shape.kind === "joint" && shape.place
          ? "czy miejsce spotkania jest dostępne dla osób z niepełnosprawnością ruchową"
          : "czy Państwa siedziba jest dostępna dla osób z niepełnosprawnością ruchową"
    }.`,
  capacity: (capacity, size) =>
    `Wiemy, że zazwyczaj przyjmują Państwo grupy liczące maksymalnie ${people(capacity)}; jeśli to ułatwi organizację, delegacja mogłaby przyjść w ${GROUPS[Math.ceil(size / capacity)] ?? Math.ceil(size / capacity)} mniejszych grupach.`,
  contact: (email, phone) =>
    `W razie pytań proszę o kontakt pod adresem ${email}${phone ? ` lub pod numerem telefonu ${phone}` : ""}.`,
};
