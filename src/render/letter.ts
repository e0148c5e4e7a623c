import type { Candidate } from "../plan/candidates.js";
import type { Request } from "../records/schemas.js";
import { availabilityPlan } from "./letter-availability.js";
import { listInWords } from "./letter-calendar.js";
import type { LetterLanguage } from "./letter-language.js";
import { letterPhrases, type LetterFacts } from "./letter-phrases.js";
import { renderTemplate } from "./logic-less-template.js";
import { mdEmail, mdInline } from "./markdown-escape.js";

export interface LetterInput {
  request: Request;
  /** the host as judged for the request: its matched interests and its free time on the request's days */
  candidate: Candidate;
  language: LetterLanguage;
  /** the letter's date, YYYY-MM-DD, chosen by the caller (SOURCE_DATE_EPOCH or today) */
  date: string;
}

/** What a letter template sees: Markdown text, already escaped, and flags for sections. */
export interface LetterView {
  language: string;
  date: string;
  subject: string;
  /** the address block: host, contact, place, e-mail, one per line */
  recipient: string;
  host: string;
  introduction: string;
  reason: string;
  visit: string;
  when: string;
  /** languages and interpretation, step-free access, group size: empty when there is nothing to say */
  practicalities: string;
  contact: string;
  /** the sender's name, organisation and contact details, one per line */
  signature: string;
  sender: string;
  organisation: string;
  email: string;
  phone: string;
  /** the host's themes that match the delegation's interests, in words */
  themes: string;
  hasThemes: boolean;
  /** the host is free at some time of the request's days */
  overlap: boolean;
  /** host and delegation share no language */
  interpretation: boolean;
}

/**
 * Record text made safe anywhere on a line: `mdInline` keeps it from becoming
 * markup or HTML, and a leading `-`, `+`, `=` or `1.` is escaped too, since a
 * template may put the value at the start of a line, where it would make a
 * list item or a heading underline.
 */
function mdText(text: string): string {
  return atLineStart(mdInline(text));
}

function atLineStart(markdown: string): string {
  return markdown.replace(/^([-+=])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}

/** Lines of a block (an address, a signature) kept apart by Markdown hard breaks. */
const block = (lines: readonly string[]): string => lines.filter(Boolean).map(atLineStart).join("\\\n");

/** The host's matched themes in its own wording, weightiest interest first, each once. */
function matchedThemes(candidate: Candidate): string[] {
  const seen = new Set<string>();
  return [...candidate.matched]
    .sort((a, b) => b.weight - a.weight)
    .map((m) => m.theme)
    .filter((theme) => {
      const key = theme.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * The languages an interpreter would work between: English on the
 * delegation's side when it speaks it (interpreters from English are the
 * easiest to find), and the letter's language on the host's side when the
 * host works in it, since that is the language its contact reads.
 */
function interpreting(delegation: readonly string[], host: readonly string[], language: string): [string, string] {
  const from = delegation.includes("en") ? "en" : (delegation[0] ?? "en");
  const to = host.includes(language) ? language : (host[0] ?? language);
  return [from, to];
}

export function letterView(input: LetterInput): LetterView {
  const { request, candidate, language } = input;
  const { host, place } = candidate;
  const phrases = letterPhrases(language);
  const organiser = request.organiser;
  const delegation = request.delegation;
  const availability = host.availability;
  const known = availability.weekly.length + availability.dates.length + availability.slots.length > 0;
  const capacity = Math.min(host.visit.capacity ?? Infinity, place.capacity ?? Infinity);
  const themes = matchedThemes(candidate).map(mdInline);
  const email = mdEmail(organiser.email);
  const phone = organiser.phone ? mdInline(organiser.phone) : "";
  const facts: LetterFacts = {
    ...(organiser.organisation ? { organisation: mdInline(organiser.organisation) } : {}),
    size: delegation.size,
    ...(delegation.from ? { from: mdInline(delegation.from) } : {}),
    profile: delegation.profile.map(mdInline),
    dates: request.days.map((d) => d.date),
    themes,
    visitMinutes: host.visit.duration,
    plan: availabilityPlan(candidate.days, request.days, known),
    delegationLanguages: delegation.languages,
    hostLanguages: host.languages,
    stepFree: delegation.step_free && !place.online && place.step_free !== true,
    ...(capacity < delegation.size ? { capacity } : {}),
    email,
    ...(phone ? { phone } : {}),
  };
  const practicalities = [
    phrases.languages(
      facts.delegationLanguages,
      facts.hostLanguages,
      interpreting(facts.delegationLanguages, facts.hostLanguages, language),
    ),
    facts.stepFree ? phrases.stepFree : undefined,
    facts.capacity !== undefined ? phrases.capacity(facts.capacity, facts.size) : undefined,
  ].filter((s): s is string => s !== undefined);
  const contact = host.contacts[0];
  const attention = contact
    ? `${phrases.attention} ${mdInline([contact.name, contact.role].filter(Boolean).join(", "))}`
    : "";
  const address = place.online ? [] : [mdInline(place.name), place.address ? mdInline(place.address) : ""];
  return {
    language,
    date: phrases.date(input.date),
    subject: phrases.subject(facts),
    recipient: block([mdInline(host.name), attention, ...address, contact?.email ? mdEmail(contact.email) : ""]),
    host: mdText(host.name),
    introduction: phrases.introduction(facts),
    reason: phrases.reason(themes),
    visit: phrases.visit(facts.visitMinutes),
    when: phrases.when(facts.plan),
    practicalities: practicalities.join(" "),
    contact: phrases.contact(email, facts.phone),
    signature: block([mdInline(organiser.name), facts.organisation ?? "", email, phone]),
    sender: mdText(organiser.name),
    organisation: facts.organisation ? atLineStart(facts.organisation) : "",
    email,
    phone: atLineStart(phone),
    themes: atLineStart(listInWords(themes, phrases.intl)),
    hasThemes: themes.length > 0,
    overlap: facts.plan.overlap,
    interpretation:
      delegation.languages.length > 0 &&
      host.languages.length > 0 &&
      !host.languages.some((code) => delegation.languages.includes(code)),
  };
}

/**
 * A note-of-intention letter in Markdown from a logic-less template (the
 * bundled `templates/letters/<lang>.md` or the user's own). The view is plain
 * data copied onto prototype-less objects, and the template engine reads own
 * properties only, so no template can reach a prototype or call a function.
 */
export function renderLetter(input: LetterInput, template: string): string {
  const view: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  Object.assign(view, letterView(input));
  return renderTemplate(template, view);
}
