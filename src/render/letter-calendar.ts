// Calendar days of a letter: how a person lists them. Their names, in the
// letter's language, come from src/records/dates.ts.

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export function calendarDay(date: string): CalendarDay {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

/** Whether every date is the day after the one before it. */
export function consecutive(dates: readonly string[]): boolean {
  const days = dates.map((d) => {
    const { year, month, day } = calendarDay(d);
    return Date.UTC(year, month - 1, day) / 86_400_000;
  });
  return days.every((d, i) => i === 0 || d === (days[i - 1] as number) + 1);
}

/** A list in words: "a, b and c" (en-GB), "a, b et c", "a, b en c"; or with "or". */
export function listInWords(
  items: readonly string[],
  intlLocale: string,
  type: "conjunction" | "disjunction" = "conjunction",
): string {
  return new Intl.ListFormat(intlLocale, { type, style: "long" }).format(items);
}

export interface DateInList {
  date: string;
  /** the month (and year) must follow this date: it is the last one, or the next one is in another month (year) */
  showMonth: boolean;
  showYear: boolean;
}

/**
 * Dates as a person lists them: the month and year only where they change,
 * "18 and 19 September 2018"; three or more days in a row become a range,
 * its two ends, "3 to 7 September 2018".
 */
export function datesForWords(dates: readonly string[]): { range: boolean; items: DateInList[] } {
  const range = dates.length >= 3 && consecutive(dates);
  const shown = range ? [dates[0] as string, dates[dates.length - 1] as string] : [...dates];
  const items = shown.map((date, i) => {
    const next = shown[i + 1];
    const here = calendarDay(date);
    const there = next === undefined ? undefined : calendarDay(next);
    const showYear = there === undefined || there.year !== here.year;
    return { date, showMonth: showYear || there?.month !== here.month, showYear };
  });
  return { range, items };
}
