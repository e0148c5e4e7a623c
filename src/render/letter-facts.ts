import type { Hours } from "../records/formats.js";
import type { AvailabilityPlan } from "./letter-availability.js";

/**
 * What the letter asks the host for. Text from the records (place and host
 * names, links) is already Markdown.
 * - `visit`: the delegation comes to the host: a presentation, questions, an exchange;
 * - `walk`: a walking tour (`visit.ends_at`): the host guides the group from one place to another;
 * - `online`: the host's place is online: a video meeting;
 * - `joint`: the host meets the delegation together with other hosts. When
 *   the meeting is a fixed item, its day and hours are set (and asked for
 *   instead of the host's free time), and it may be held elsewhere or online.
 */
export type VisitShape =
  | { kind: "visit" }
  | { kind: "walk"; start: string; end: string }
  | { kind: "online"; link?: string }
  | {
      kind: "joint";
      with: string[];
      date?: string;
      hours?: Hours;
      /** the meeting's venue, when it is not the host's own place */
      place?: string;
      /** a link: the joint meeting is held online */
      link?: string;
    };

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
  shape: VisitShape;
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
 * so grammar that depends on the values (articles, cases, plurals,
 * prepositions before dates and languages) lives here, not in the template.
 */
export interface LetterPhrases {
  /** lists ("a, b and c") and language names */
  intl: string;
  date(today: string): string;
  subject(facts: LetterFacts): string;
  /** before the contact's name in the address block; empty where the language puts none */
  attention: string;
  introduction(facts: LetterFacts): string;
  reason(themes: readonly string[]): string;
  /** how long, and what the host is asked for: a presentation, a guided walk, a video meeting, a joint meeting */
  visit(facts: LetterFacts): string;
  /** the availability sentence, or the fixed time of a joint meeting */
  when(plan: AvailabilityPlan, shape: VisitShape): string;
  /** undefined when the delegation's languages are not known; `interpreting` is the pair to interpret between when none is shared */
  languages(
    delegation: readonly string[],
    host: readonly string[],
    interpreting: readonly [string, string],
    shape: VisitShape,
  ): string | undefined;
  stepFree(shape: VisitShape): string;
  capacity(capacity: number, size: number): string;
  contact(email: string, phone?: string): string;
}
