import { enGB } from "date-fns/locale/en-GB";
import { languageName } from "../records/formats.js";
import type { AvailabilityPlan, TimeOption } from "./letter-availability.js";
import { calendarDay, datesForWords, listInWords, monthName, weekdayName, type DateInList } from "./letter-calendar.js";
import type { LetterPhrases } from "./letter-phrases.js";

// British English, the usual working language of EU study visits.

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

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} minutes`;
  if (m === 30) return h === 1 ? "an hour and a half" : `${number(h)} and a half hours`;
  const hours = h === 1 ? "an hour" : `${number(h)} hours`;
  return m === 0 ? hours : `${hours} and ${m} minutes`;
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

const when = (option: TimeOption): string => `${dayDate(option.date)} ${time(option)}`;

/** Alternatives in words; a date just said is "the same day". */
const alternatives = (preferred: TimeOption, options: readonly TimeOption[]): string[] =>
  options.map((option, i) =>
    (options[i - 1] ?? preferred).date === option.date ? `the same day ${time(option)}` : when(option),
  );

function availability(plan: AvailabilityPlan): string {
  if (plan.overlap) {
    const first = `We would like to visit you on ${when(plan.preferred)}`;
    return plan.alternatives.length === 0
      ? `${first}.`
      : `${first}; ${list(alternatives(plan.preferred, plan.alternatives), "disjunction")} would also suit us.`;
  }
  const days = list(
    plan.days.map((d) => `on ${when(d)}`),
    "disjunction",
  );
  if (!plan.known) return `We could come ${days}; please let us know what would suit you best.`;
  return `We understand that you do not usually receive groups on those days. Should you be able to make an exception, we could come ${days}; if not, we would be grateful to hear whether another arrangement might be possible.`;
}

const names = (codes: readonly string[]) => codes.map((c) => languageName(c, INTL));

export const englishPhrases: LetterPhrases = {
  locale: enGB,
  intl: INTL,
  date: (today) => listed({ date: today, showMonth: true, showYear: true }, false),
  subject: (f) =>
    `Request for a study visit${f.from ? ` by a delegation from ${f.from}` : ""}, ${datesInWords(f.dates, false)}`,
  attention: "For the attention of:",
  introduction(f) {
    const people = f.size === 1 ? "one person" : `${f.size} people`;
    const who = `a delegation of ${people}${f.from ? ` from ${f.from}` : ""}${f.profile.length > 0 ? ` (${list(f.profile)})` : ""}`;
    const opening = f.organisation ? `I am writing to you on behalf of ${f.organisation}. ` : "";
    return `${opening}We are organising a study visit for ${who} ${datesInWords(f.dates)}, and we would be delighted if you could receive us.`;
  },
  reason: (themes) =>
    themes.length > 0
      ? `Your work on ${list(themes)} is of particular interest to us, as it is at the heart of what the delegation wants to learn about.`
      : "We would very much like to learn about your work and to exchange experience with your team.",
  visit: (minutes) =>
    `We would ask for about ${duration(minutes)} of your time: a presentation of your work, followed by questions and a discussion with the delegation.`,
  when: availability,
  languages(delegation, host, interpreting) {
    if (delegation.length === 0) return undefined;
    const speaks = `The delegation speaks ${list(names(delegation))}`;
    if (host.length === 0) return `${speaks}; please let us know in which language the visit could take place.`;
    const shared = host.filter((code) => delegation.includes(code));
    if (shared.length > 0) return `${speaks}, so the visit could take place in ${list(names(shared), "disjunction")}.`;
    return `${speaks} and your team works in ${list(names(host))}: we will arrange for interpretation (${names(interpreting).join("–")}).`;
  },
  stepFree:
    "Some members of the delegation need step-free access: could you tell us whether your premises are accessible?",
  capacity: (capacity, size) =>
    `We understand that you usually receive groups of up to ${capacity} people; if it helps, the delegation could come in ${number(Math.ceil(size / capacity))} smaller groups.`,
  contact: (email, phone) =>
    `If you have any questions, you can reach me at ${email}${phone ? ` or by phone on ${phone}` : ""}.`,
};
