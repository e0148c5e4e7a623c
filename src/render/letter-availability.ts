import type { HostDay } from "../plan/candidates.js";
import type { Hours } from "../records/formats.js";

// When to propose a visit, before any wording: the request's days and hours
// intersected with the host's availability (the candidate's usable windows
// and slots, in request-local minutes), each described by the part of the
// day a person would name, and ordered by what a letter should ask first.

/** How a letter names a time: a part of the day, "between A and B", or exactly "from A to B". */
export type TimeWording = "morning" | "afternoon" | "all-day" | "between" | "exact";

export interface TimeOption {
  date: string;
  hours: Hours;
  wording: TimeWording;
  /** a host's fixed offer: the visit takes exactly these hours */
  slot: boolean;
}

export type AvailabilityPlan =
  | { overlap: true; preferred: TimeOption; alternatives: TimeOption[] }
  /** No common time: propose the request's own days. `known` is false when the host's records say nothing about its availability. */
  | { overlap: false; known: boolean; days: TimeOption[] };

const NOON = 12 * 60;
const MORNING_END = 12 * 60 + 30;
const EVENING = 18 * 60;
/** A window shorter than this is given as exact hours: "in the afternoon" would promise more room than there is. */
const SHORT = 3 * 60;

/** Morning ends by 12:30, afternoon starts at noon, a whole day runs from 10:00 or earlier to 16:00 or later. */
export function describeHours(hours: Hours, slot: boolean): TimeWording {
  if (slot || hours.end - hours.start < SHORT) return "exact";
  if (hours.end <= MORNING_END) return "morning";
  if (hours.start >= NOON && hours.start < EVENING) return "afternoon";
  if (hours.start <= 10 * 60 && hours.end >= 16 * 60) return "all-day";
  return "between";
}

// The preferred time: the host's own offers first, then mornings (when hosts
// most often receive groups, and what the seed letter asked for), whole days,
// afternoons, and odd hours last; earlier days first among equals. The
// alternatives then follow the calendar, which reads best in a sentence.
const RANK: Record<TimeWording, number> = { morning: 1, "all-day": 2, afternoon: 3, between: 4, exact: 5 };

const rank = (option: TimeOption): number => (option.slot ? 0 : RANK[option.wording]);
const byTime = (a: TimeOption, b: TimeOption): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.hours.start - b.hours.start;

export function availabilityPlan(
  days: readonly HostDay[],
  requestDays: readonly { date: string; hours: Hours }[],
  known: boolean,
): AvailabilityPlan {
  const options = days.flatMap((day) => [
    ...day.slots.map((hours): TimeOption => ({
      date: day.date,
      hours,
      wording: describeHours(hours, true),
      slot: true,
    })),
    ...day.windows.map((hours): TimeOption => ({
      date: day.date,
      hours,
      wording: describeHours(hours, false),
      slot: false,
    })),
  ]);
  const preferred = [...options].sort((a, b) => rank(a) - rank(b) || byTime(a, b))[0];
  if (preferred) return { overlap: true, preferred, alternatives: options.filter((o) => o !== preferred).sort(byTime) };
  return {
    overlap: false,
    known,
    days: requestDays.map((d) => ({
      date: d.date,
      hours: d.hours,
      wording: describeHours(d.hours, false),
      slot: false,
    })),
  };
}
