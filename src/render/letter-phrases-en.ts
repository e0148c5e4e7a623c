import { enGB } from "date-fns/locale/en-GB";
import { languageName } from "../records/formats.js";
import type { AvailabilityPlan, TimeOption } from "./letter-availability.js";
import { monthName, weekdayName } from "../records/dates.js";
import { calendarDay, datesForWords, listInWords, type DateInList } from "./letter-calendar.js";
import type { LetterFacts, LetterPhrases, VisitShape } from "./letter-facts.js";

// British English, the usual working language of EU study visits: "on
// Wednesday 19 September", "from 14:00 to 16:00", "Dear colleagues".

const INTL = "en-GB";
const NUMBERS = ["zero", "one", "two", "three", "four", "five", "six"];

const number = (n: number): string => NUMBERS[n] ?? String(n);
const list = (items: readonly string[], type: "conjunction" | "disjunction" = "conjunction") =>
  listInWords(items, INTL, type);

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** "Wednesday 19 September" */
function dayDate(date: string): string {
  return `${weekdayName(date, enGB)} ${calendarDay(date).day} ${monthName(date, enGB)}`;
}

function listed(item: DateInList, weekday: boolean): string {
  const { day, year } = calendarDay(item.date);
  return [
    weekday ? weekdayName(item.date, enGB) : "",
    String(day),
    item.showMonth ? monthName(item.date, enGB) : "",
    item.showYear ? String(year) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** "on Tuesday 18 and Wednesday 19 September 2018", "from Monday 3 to Friday 7 September 2018" */
function datesInWords(dates: readonly string[], weekday = true): string {
  const { range, items } = datesForWords(dates);
  const words = items.map((item) => listed(item, weekday));
  if (!weekday) return range ? words.join("–") : list(words);
  return range ? `from ${words[0]} to ${words[1]}` : `on ${list(words)}`;
}

/** "half an hour", "an hour and a half", "75 minutes", "two hours" */
function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (minutes === 30) return "half an hour";
  if (h === 0) return `${m} minutes`;
  if (m === 30) return h === 1 ? "an hour and a half" : `${number(h)} and a half hours`;
  const hours = h === 1 ? "an hour" : `${number(h)} hours`;
  if (m === 0) return hours;
  return h === 1 ? `${minutes} minutes` : `${hours} and ${m} minutes`;
}

function time(option: TimeOption): string {
  const { start, end } = option.hours;
  switch (option.wording) {
    case "morning":
      return "in the morning";
    case "afternoon":
      return "in the afternoon";
    case "all-day":
      return "at a time of your choosing";
    case "between":
      return `between ${clock(start)} and ${clock(end)}`;
    case "exact":
      return `from ${clock(start)} to ${clock(end)}`;
  }
}

const when = (option: TimeOption): string => `on ${dayDate(option.date)} ${time(option)}`;

/** Alternatives in words; a date just said is "the same day". */
const alternatives = (preferred: TimeOption, options: readonly TimeOption[]): string[] =>
  options.map((option, i) =>
    (options[i - 1] ?? preferred).date === option.date ? `the same day ${time(option)}` : when(option),
  );

/** How the letter says "we would like to visit you" and "we could come", for what it asks. */
const ASK: Record<VisitShape["kind"], { first: string; come: string }> = {
  visit: { first: "We would like to visit you", come: "come" },
  walk: { first: "We would like to take the walk with you", come: "come" },
  online: { first: "We would like to meet you online", come: "meet online" },
  joint: { first: "We would like to hold the meeting", come: "meet" },
};

function availability(plan: AvailabilityPlan, shape: VisitShape): string {
  if (shape.kind === "joint" && shape.date && shape.hours) {
    const at = shape.place ? `, at ${shape.place}` : "";
    const fixed: TimeOption = { date: shape.date, hours: shape.hours, wording: "exact", slot: true };
    return `The joint meeting is planned for ${dayDate(fixed.date)} ${time(fixed)}${at}; please let us know whether this time suits you.`;
  }
  const ask = ASK[shape.kind];
  if (plan.overlap) {
    const first = `${ask.first} ${when(plan.preferred)}.`;
    return plan.alternatives.length === 0
      ? first
      : `${first} If that is not convenient for you, we could also ${ask.come} ${list(alternatives(plan.preferred, plan.alternatives), "disjunction")}.`;
  }
  const days = list(plan.days.map(when), "disjunction");
  if (!plan.known) return `We could ${ask.come} ${days}; please let us know what would suit you best.`;
  return `We understand that you do not usually receive groups on those days. Should you be able to make an exception, we could ${ask.come} ${days}; if not, we would be grateful to hear whether another arrangement might be possible.`;
}

function visit(f: LetterFacts): string {
  const about = `about ${duration(f.visitMinutes)}`;
  const exchange = "followed by questions and a discussion with the delegation";
  switch (f.shape.kind) {
    case "visit":
      return `We would ask for ${about} of your time: a presentation of your work, ${exchange}.`;
    case "walk":
      return `We would ask you to guide the delegation on a walk of ${about}, starting at ${f.shape.start} and ending at ${f.shape.end}, with time for questions along the way.`;
    case "online":
      return `We would ask for ${about} of your time in a video meeting${f.shape.link ? ` (${f.shape.link})` : ""}: a presentation of your work, ${exchange}.`;
    case "joint": {
      const meeting = f.shape.link ? `a joint video meeting (${f.shape.link})` : "a joint meeting";
      return `We would like to ask you to take part in ${meeting} with the delegation, together with ${list(f.shape.with)}. It would last ${about}: a short presentation by each organisation, followed by questions and a discussion.`;
    }
  }
}

const ENDING: Record<VisitShape["kind"], string> = {
  visit: "we would be delighted if you could receive us",
  walk: "we would be delighted if you could show us around",
  online: "we would be delighted if you could meet us online",
  joint: "we would be delighted if you could meet us",
};

/** "so the visit could take place in English" */
const HELD_IN: Record<VisitShape["kind"], string> = {
  visit: "the visit could take place in",
  walk: "the walk could be guided in",
  online: "the meeting could be held in",
  joint: "the meeting could be held in",
};

const names = (codes: readonly string[]) => codes.map((c) => languageName(c, INTL));

export const englishPhrases: LetterPhrases = {
  intl: INTL,
  date: (today) => listed({ date: today, showMonth: true, showYear: true }, false),
  subject: (f) =>
    `Request for a study visit${f.from ? ` by a delegation from ${f.from}` : ""}, ${datesInWords(f.dates, false)}`,
  attention: "For the attention of:",
  introduction(f) {
    const people = f.size === 1 ? "one person" : `${f.size} people`;
    const who = `a delegation of ${people}${f.from ? ` from ${f.from}` : ""}${f.profile.length > 0 ? ` (${list(f.profile)})` : ""}`;
    const opening = f.organisation ? `I am writing to you on behalf of ${f.organisation}. ` : "";
    return `${opening}We are organising a study visit for ${who} ${datesInWords(f.dates)}, and ${ENDING[f.shape.kind]}.`;
  },
  reason: (themes) =>
    themes.length > 0
      ? `Your work on ${list(themes)} is of particular interest to us, as it is at the heart of what the delegation wants to learn about.`
      : "We would very much like to learn about your work and to exchange experience with your team.",
  visit,
  when: availability,
  languages(delegation, host, interpreting, shape) {
    if (delegation.length === 0) return undefined;
    const speaks = `The delegation speaks ${list(names(delegation))}`;
    if (host.length === 0) return `${speaks}; please let us know which language would suit you.`;
    const shared = host.filter((code) => delegation.includes(code));
    if (shared.length > 0) return `${speaks}, so ${HELD_IN[shape.kind]} ${list(names(shared), "disjunction")}.`;
    return `${speaks} and your team works in ${list(names(host))}: we will arrange for interpretation (${names(interpreting).join("–")}).`;
  },
  stepFree: (shape) =>
    `Some members of the delegation need step-free access: could you tell us whether ${
      shape.kind === "walk"
        ? "the route is step-free"
        : shape.kind === "joint" && shape.place
          ? "the venue is accessible"
          : "your premises are accessible"
    }?`,
  capacity: (capacity, size) =>
    `We understand that you usually receive groups of up to ${capacity} people; if it helps, the delegation could come in ${number(Math.ceil(size / capacity))} smaller groups.`,
  contact: (email, phone) =>
    `If you have any questions, you can reach me at ${email}${phone ? ` or by phone on ${phone}` : ""}.`,
};
