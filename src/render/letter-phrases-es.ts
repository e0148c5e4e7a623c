import { es } from "date-fns/locale/es";
import { languageName } from "../records/formats.js";
import type { AvailabilityPlan, TimeOption } from "./letter-availability.js";
import { monthName, weekdayName } from "../records/dates.js";
import { calendarDay, datesForWords, listInWords, type DateInList } from "./letter-calendar.js";
import type { LetterFacts, LetterPhrases, VisitShape } from "./letter-facts.js";

// Spanish as a Spanish administration writes it: "el miércoles 19 de
// septiembre", "de 9:30 a 11:00", "por la mañana", "Estimados señores:".
// The letter addresses the host's team as "ustedes" (the plural of usted).

const INTL = "es";
const NUMBERS = ["cero", "un", "dos", "tres", "cuatro", "cinco", "seis"];

const list = (items: readonly string[], type: "conjunction" | "disjunction" = "conjunction") =>
  listInWords(items, INTL, type);

/** "9:30", "14:00" */
function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

/** "miércoles 19 de septiembre" */
function dayDate(date: string): string {
  return `${weekdayName(date, es)} ${calendarDay(date).day} de ${monthName(date, es)}`;
}

function listed(item: DateInList, weekday: boolean): string {
  return [
    weekday ? weekdayName(item.date, es) : "",
    String(calendarDay(item.date).day),
    item.showMonth ? `de ${monthName(item.date, es)}` : "",
    item.showYear ? `de ${calendarDay(item.date).year}` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/**
 * "el martes 18 y el miércoles 19 de septiembre de 2018", "del lunes 16 al
 * miércoles 18 de mayo de 2022"; without weekdays "los días 18 y 19 de
 * septiembre de 2018", "el 19 de septiembre de 2018".
 */
function datesInWords(dates: readonly string[], weekday = true): string {
  const { range, items } = datesForWords(dates);
  const words = items.map((item) => listed(item, weekday));
  if (range) return `del ${words[0]} al ${words[1]}`;
  if (!weekday) return words.length === 1 ? `el ${words[0]}` : `los días ${list(words)}`;
  return list(words.map((w) => `el ${w}`));
}

/** "media hora", "una hora y media", "75 minutos", "dos horas" */
function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (minutes === 30) return "media hora";
  if (h === 0) return `${m} minutos`;
  const hours = h === 1 ? "una hora" : `${NUMBERS[h] ?? h} horas`;
  if (m === 0) return hours;
  if (m === 30) return `${hours} y media`;
  return h === 1 ? `${minutes} minutos` : `${hours} y ${m} minutos`;
}

function time(option: TimeOption): string {
  const { start, end } = option.hours;
  switch (option.wording) {
    case "morning":
      return "por la mañana";
    case "afternoon":
      return "por la tarde";
    case "all-day":
      return "a la hora que mejor les convenga";
    case "between":
      return `entre las ${clock(start)} y las ${clock(end)}`;
    case "exact":
      return `de ${clock(start)} a ${clock(end)}`;
  }
}

const when = (option: TimeOption): string => `el ${dayDate(option.date)} ${time(option)}`;

/** Alternatives in words; a date just said is "ese mismo día". */
const alternatives = (preferred: TimeOption, options: readonly TimeOption[]): string[] =>
  options.map((option, i) =>
    (options[i - 1] ?? preferred).date === option.date ? `ese mismo día ${time(option)}` : when(option),
  );

const ASK: Record<VisitShape["kind"], { first: string; come: string }> = {
  visit: { first: "Nos gustaría visitarles", come: "acudir" },
  walk: { first: "Nos gustaría hacer el recorrido con ustedes", come: "acudir" },
  online: { first: "Nos gustaría reunirnos con ustedes en línea", come: "reunirnos en línea" },
  joint: { first: "Nos gustaría celebrar la reunión", come: "reunirnos" },
};

function availability(plan: AvailabilityPlan, shape: VisitShape): string {
  if (shape.kind === "joint" && shape.date && shape.hours) {
    const fixed: TimeOption = { date: shape.date, hours: shape.hours, wording: "exact", slot: true };
    const where = shape.place ? ` (lugar: ${shape.place})` : "";
    return `La reunión conjunta está prevista para ${when(fixed)}${where}; les agradeceríamos que nos confirmaran si este horario les conviene.`;
  }
  const ask = ASK[shape.kind];
  if (plan.overlap) {
    const first = `${ask.first} ${when(plan.preferred)}.`;
    return plan.alternatives.length === 0
      ? first
      : `${first} Si no les fuera posible, podríamos ${ask.come} también ${list(alternatives(plan.preferred, plan.alternatives), "disjunction")}.`;
  }
  const days = list(plan.days.map(when), "disjunction");
  if (!plan.known) return `Podríamos ${ask.come} ${days}; les agradeceríamos que nos indicaran qué les conviene más.`;
  return `Entendemos que esos días no suelen recibir grupos. Si pudieran hacer una excepción, podríamos ${ask.come} ${days}; de lo contrario, les agradeceríamos que nos indicaran si existe otra posibilidad.`;
}

function visit(f: LetterFacts): string {
  const length = duration(f.visitMinutes);
  const exchange =
    "una presentación de su trabajo, seguida de un turno de preguntas y de un intercambio con la delegación";
  switch (f.shape.kind) {
    case "visit":
      return `La visita duraría aproximadamente ${length}: ${exchange}.`;
    case "walk":
      return `Les pediríamos que guiaran a la delegación en un recorrido a pie de aproximadamente ${length} (salida: ${f.shape.start}; llegada: ${f.shape.end}), con tiempo para preguntas por el camino.`;
    case "online":
      return `La visita se haría en línea, por videoconferencia${f.shape.link ? ` (${f.shape.link})` : ""}, y duraría aproximadamente ${length}: ${exchange}.`;
    case "joint": {
      const meeting = f.shape.link
        ? `una reunión conjunta por videoconferencia (${f.shape.link})`
        : "una reunión conjunta";
      return `Nos gustaría invitarles a participar en ${meeting} con la delegación, junto con ${list(f.shape.with)}. Duraría aproximadamente ${length}: cada organización presentaría brevemente su trabajo y después habría un turno de preguntas e intercambio.`;
    }
  }
}

const ENDING: Record<VisitShape["kind"], string> = {
  visit: "nos gustaría mucho que pudieran recibirnos",
  walk: "nos gustaría mucho que pudieran guiarnos sobre el terreno",
  online: "nos gustaría mucho poder reunirnos con ustedes en línea",
  joint: "nos gustaría mucho poder reunirnos con ustedes",
};

const HELD_IN: Record<VisitShape["kind"], string> = {
  visit: "la visita podría desarrollarse",
  walk: "el recorrido podría hacerse",
  online: "la reunión podría desarrollarse",
  joint: "la reunión podría desarrollarse",
};

const names = (codes: readonly string[]) => codes.map((c) => languageName(c, INTL));
/** "en inglés o en francés" */
const inLanguages = (codes: readonly string[], type: "conjunction" | "disjunction") =>
  list(
    names(codes).map((n) => `en ${n}`),
    type,
  );

export const spanishPhrases: LetterPhrases = {
  intl: INTL,
  date: (today) => listed({ date: today, showMonth: true, showYear: true }, false),
  subject: (f) =>
    `Solicitud de visita de estudio de una delegación${f.from ? ` procedente de ${f.from}` : ""}, ${datesInWords(f.dates, false)}`,
  attention: "A la atención de:",
  introduction(f) {
    const people = f.size === 1 ? "una persona" : `${f.size} personas`;
    const who = `una delegación de ${people}${f.from ? ` procedente de ${f.from}` : ""}${f.profile.length > 0 ? ` (${list(f.profile)})` : ""}`;
    const opening = f.organisation ? `Me dirijo a ustedes en nombre de ${f.organisation}. ` : "";
    return `${opening}Estamos organizando una visita de estudio para ${who} ${datesInWords(f.dates)}, y ${ENDING[f.shape.kind]}.`;
  },
  reason: (themes) =>
    themes.length > 0
      ? `Su trabajo en materia de ${list(themes)} nos interesa especialmente, ya que es precisamente lo que la delegación desea conocer.`
      : "Nos gustaría mucho conocer su trabajo e intercambiar experiencias con su equipo.",
  visit,
  when: availability,
  languages(delegation, host, interpreting, shape) {
    if (delegation.length === 0) return undefined;
    const speaks = `La delegación habla ${list(names(delegation))}`;
    if (host.length === 0) return `${speaks}; les agradeceríamos que nos indicaran qué idioma les conviene.`;
    const shared = host.filter((code) => delegation.includes(code));
    if (shared.length > 0) return `${speaks}, por lo que ${HELD_IN[shape.kind]} ${inLanguages(shared, "disjunction")}.`;
    return `${speaks}, y su equipo trabaja ${inLanguages(host, "conjunction")}: nos encargaremos de la interpretación (${names(interpreting).join("–")}).`;
  },
  stepFree: (shape) =>
    `Algunos miembros de la delegación necesitan un acceso sin escalones: ¿podrían indicarnos si ${
      shape.kind === "walk"
        ? "el recorrido es accesible"
        : shape.kind === "joint" && shape.place
          ? "el lugar de la reunión es accesible"
          : "sus instalaciones son accesibles"
    }?`,
  capacity: (capacity, size) => {
    const groups = Math.ceil(size / capacity);
    return `Sabemos que normalmente reciben grupos de ${capacity} personas como máximo; si les resulta más cómodo, la delegación podría acudir en ${groups === 1 ? "un" : (NUMBERS[groups] ?? groups)} grupos más pequeños.`;
  },
  contact: (email, phone) =>
    `Para cualquier consulta, pueden escribirme a ${email}${phone ? ` o llamarme al ${phone}` : ""}.`,
};
