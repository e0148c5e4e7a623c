import type { Candidate } from "../plan/candidates.js";
import type { Hours } from "../records/formats.js";
import type { Place, Request } from "../records/schemas.js";
import { availabilityPlan } from "./letter-availability.js";
import { listInWords } from "./letter-calendar.js";
import type { LetterLanguage } from "./letter-language.js";
import type { LetterFacts, VisitShape } from "./letter-facts.js";
import { letterPhrases } from "./letter-phrases.js";
import { renderTemplate } from "./logic-less-template.js";
import { mdEmail, mdInline, mdUrl } from "./markdown-escape.js";

/**
 * The delegation meets this host together with other hosts (a fixed item
 * naming several hosts). The records cannot say so yet: the caller builds it.
 */
export interface JointMeeting {
  /** the other hosts' names, in the order the letter lists them */
  with: readonly string[];
  /** the meeting's day and hours, when they are already fixed */
  date?: string;
  hours?: Hours;
  /** where the meeting is held, when not at this host's own place (an online place makes it a video meeting) */
  place?: Place;
}

export interface LetterInput {
  request: Request;
  /** the host as judged for the request: its matched interests and its free time on the request's days */
  candidate: Candidate;
  language: LetterLanguage;
  /** the letter's date, YYYY-MM-DD, chosen by the caller (SOURCE_DATE_EPOCH or today) */
  date: string;
  /** the host is asked to a joint meeting rather than a visit of its own */
  joint?: JointMeeting;
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
  /** what the letter asks for: a walking tour (`visit.ends_at`), a video meeting (an online place), a joint meeting */
  walk: boolean;
  online: boolean;
  joint: boolean;
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

/**
 * A place named in a sentence: without a trailing note in brackets, which
 * reads well in an address block ("Place Bara (start of the shops walk)")
 * but not inside a sentence, and nests badly in the brackets some languages
 * put around the start and end of a walk.
 */
function placeInText(place: Place): string {
  return mdInline(place.name.replace(/\s*\([^()]*\)\s*$/, "") || place.name);
}

/** What the host is asked for: a joint meeting when the caller says so, else what the host's records make the visit. */
function visitShape(candidate: Candidate, joint: JointMeeting | undefined): VisitShape {
  const { place, endPlace } = candidate;
  if (joint) {
    const venue = joint.place && joint.place.id !== place.id ? joint.place : undefined;
    const online = (venue ?? place).online;
    return {
      kind: "joint",
      with: joint.with.map(mdInline),
      ...(joint.date && joint.hours ? { date: joint.date, hours: joint.hours } : {}),
      ...(venue && !venue.online ? { place: placeInText(venue) } : {}),
      ...(online ? { link: mdUrl(online) } : {}),
    };
  }
  if (place.online) return { kind: "online", link: mdUrl(place.online) };
  if (endPlace && endPlace.id !== place.id)
    return { kind: "walk", start: placeInText(place), end: placeInText(endPlace) };
  return { kind: "visit" };
}

/** Whether the records already say the delegation's venues have step-free access (online needs none). */
function stepFreeKnown(candidate: Candidate, joint: JointMeeting | undefined): boolean {
  const venues = joint?.place ? [joint.place] : [candidate.place, ...(candidate.endPlace ? [candidate.endPlace] : [])];
  return venues.every((p) => p.online !== undefined || p.step_free === true);
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
  const shape = visitShape(candidate, input.joint);
  const fixedMinutes = shape.kind === "joint" && shape.hours ? shape.hours.end - shape.hours.start : undefined;
  const facts: LetterFacts = {
    ...(organiser.organisation ? { organisation: mdInline(organiser.organisation) } : {}),
    size: delegation.size,
    ...(delegation.from ? { from: mdInline(delegation.from) } : {}),
    profile: delegation.profile.map(mdInline),
    dates: request.days.map((d) => d.date),
    themes,
    visitMinutes: fixedMinutes ?? host.visit.duration,
    shape,
    plan: availabilityPlan(candidate.days, request.days, known),
    delegationLanguages: delegation.languages,
    hostLanguages: host.languages,
    stepFree: delegation.step_free && !stepFreeKnown(candidate, input.joint),
    ...(capacity < delegation.size ? { capacity } : {}),
    email,
    ...(phone ? { phone } : {}),
  };
  const practicalities = [
    phrases.languages(
      facts.delegationLanguages,
      facts.hostLanguages,
      interpreting(facts.delegationLanguages, facts.hostLanguages, language),
      shape,
    ),
    facts.stepFree ? phrases.stepFree(shape) : undefined,
    facts.capacity !== undefined ? phrases.capacity(facts.capacity, facts.size) : undefined,
  ].filter((s): s is string => s !== undefined);
  const contact = host.contacts[0];
  const addressee = contact ? mdInline([contact.name, contact.role].filter(Boolean).join(", ")) : "";
  const attention = addressee && phrases.attention ? `${phrases.attention} ${addressee}` : addressee;
  // The host's place is its address, unless it is online or only where a walking tour starts.
  const address =
    shape.kind === "online" || shape.kind === "walk" || place.online
      ? []
      : [mdInline(place.name), place.address ? mdInline(place.address) : ""];
  return {
    language,
    // A value may open a line, where "21. August 2018" would start a numbered list: escaped as "21\. August".
    date: atLineStart(phrases.date(input.date)),
    subject: atLineStart(phrases.subject(facts)),
    recipient: block([mdInline(host.name), attention, ...address, contact?.email ? mdEmail(contact.email) : ""]),
    host: mdText(host.name),
    introduction: atLineStart(phrases.introduction(facts)),
    reason: atLineStart(phrases.reason(themes)),
    visit: atLineStart(phrases.visit(facts)),
    when: atLineStart(phrases.when(facts.plan, shape)),
    practicalities: atLineStart(practicalities.join(" ")),
    contact: atLineStart(phrases.contact(email, facts.phone)),
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
    walk: shape.kind === "walk",
    online: shape.kind === "online" || (shape.kind === "joint" && shape.link !== undefined),
    joint: shape.kind === "joint",
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
