import type { Locale } from "date-fns";
import type { AvailabilityPlan } from "./letter-availability.js";
import { dutchPhrases } from "./letter-phrases-nl.js";
import { englishPhrases } from "./letter-phrases-en.js";
import { frenchPhrases } from "./letter-phrases-fr.js";
import type { LetterLanguage } from "./letter-language.js";

/** What a letter's sentences say. Text from the records is already escaped for Markdown. */
export interface LetterFacts {
  organisation?: string;
  size: number;
  from?: string;
  profile: string[];
  /** the request's days, YYYY-MM-DD */
  dates: string[];
  /** the host's themes that match the delegation's interests, weightiest first */
  themes: string[];
  visitMinutes: number;
  plan: AvailabilityPlan;
  /** ISO 639-1 codes */
  delegationLanguages: string[];
  hostLanguages: string[];
  stepFree: boolean;
  /** the host's capacity, given only when it is smaller than the delegation */
  capacity?: number;
  /** Markdown: an autolink */
  email: string;
  phone?: string;
}

/**
 * A language's sentences. Each is written as a native speaker would put it,
 * so grammar that depends on the values (articles, plurals, prepositions
 * before dates and languages) lives here, not in the template.
 */
export interface LetterPhrases {
  /** weekday and month names */
  locale: Locale;
  /** lists ("a, b and c") and language names */
  intl: string;
  date(today: string): string;
  subject(facts: LetterFacts): string;
  attention: string;
  introduction(facts: LetterFacts): string;
  reason(themes: readonly string[]): string;
  visit(minutes: number): string;
  when(plan: AvailabilityPlan): string;
  /** undefined when the delegation's languages are not known; `interpreting` is the pair to interpret between when none is shared */
  languages(
    delegation: readonly string[],
    host: readonly string[],
    interpreting: readonly [string, string],
  ): string | undefined;
  stepFree: string;
  capacity(capacity: number, size: number): string;
  contact(email: string, phone?: string): string;
}

const PHRASES: Record<LetterLanguage, LetterPhrases> = { en: englishPhrases, fr: frenchPhrases, nl: dutchPhrases };

export function letterPhrases(language: LetterLanguage): LetterPhrases {
  return PHRASES[language];
}
