import type { Locale } from "date-fns";
import { de } from "date-fns/locale/de";
import { enGB } from "date-fns/locale/en-GB";
import { fr } from "date-fns/locale/fr";
import { nl } from "date-fns/locale/nl";
import { longDate as dayInWords } from "../records/dates.js";

// The words of an invitation e-mail, per organiser language. Short on
// purpose: the calendar part carries the facts, the text says what to do.

export interface EmailFacts {
  /** "the delegation from Ljubljana (12 people)" */
  group: string;
  /** "CRISCO study visit: Ljubljana delegation in Brussels" */
  title: string;
  /** e.g. "Wednesday 19 September 2018, 09:30–11:00" */
  when: string;
  /** the previous time of a moved visit */
  before?: string;
  where?: string;
}

type JointKind = "new" | "moved" | "unchanged" | "cancel";

export interface EmailPhrases {
  intl: string;
  locale: Locale;
  greeting(names: string): string;
  people(n: number): string;
  /** a sub-group's visit: "10 of its 20 people" */
  part(n: number, total: number): string;
  subject: Record<"new" | "moved" | "unchanged" | "cancel" | "declined", (f: EmailFacts) => string>;
  body: Record<"new" | "moved" | "unchanged" | "cancel" | "declined", (f: EmailFacts) => string>;
  /** the body when the host is invited to a joint meeting (a fixed item naming several hosts), not to a visit */
  jointBody: Record<JointKind, (f: EmailFacts) => string>;
  /** the line under the time naming the meeting and the other hosts (none: a meeting of the programme) */
  joint(title: string, partners: string[]): string;
  /** what the host does with the attached invitation */
  answer: string;
  regards: string;
}

const EN: EmailPhrases = {
  intl: "en-GB",
  locale: enGB,
  greeting: (names) => `Dear ${names},`,
  people: (n) => `${n} ${n === 1 ? "person" : "people"}`,
  part: (n, total) => `${n} of its ${total} people`,
  subject: {
    new: (f) => `Study visit: ${f.group}, ${f.when}`,
    moved: (f) => `New time for the study visit: ${f.when}`,
    unchanged: (f) => `Study visit: ${f.group}, ${f.when}`,
    cancel: (f) => `Cancelled: study visit of ${f.when}`,
    declined: (f) => `Cancelled: study visit of ${f.when}`,
  },
  body: {
    new: (f) => `For "${f.title}" we would like to visit you with ${f.group}:`,
    moved: (f) => `The time of our visit with ${f.group} has changed. It was ${f.before}; it is now:`,
    unchanged: (f) => `As a reminder, our visit with ${f.group} for "${f.title}":`,
    cancel: (f) => `We are sorry to cancel our visit with ${f.group} for "${f.title}":`,
    declined: () =>
      `Thank you for your answer. As you cannot receive us, we have taken this visit out of our programme:`,
  },
  jointBody: {
    new: (f) => `For "${f.title}" we would like to invite you to a joint meeting with ${f.group}:`,
    moved: (f) => `The time of the joint meeting with ${f.group} has changed. It was ${f.before}; it is now:`,
    unchanged: (f) => `As a reminder, the joint meeting with ${f.group} for "${f.title}":`,
    cancel: (f) => `We are sorry to cancel the joint meeting with ${f.group} for "${f.title}":`,
  },
  joint: (title, partners) =>
    partners.length > 0
      ? `${title}: a joint meeting, together with ${new Intl.ListFormat("en-GB", { type: "conjunction" }).format(partners)}`
      : title,
  answer:
    "The invitation is attached: accept or decline it in your calendar, or reply to this e-mail if another time suits you better.",
  regards: "Kind regards,",
};

const FR: EmailPhrases = {
  intl: "fr-BE",
  locale: fr,
  greeting: (names) => `Bonjour ${names},`,
  people: (n) => `${n} ${n === 1 ? "personne" : "personnes"}`,
  part: (n, total) => `${n} de ses ${total} personnes`,
  subject: {
    new: (f) => `Visite d'étude : ${f.group}, ${f.when}`,
    moved: (f) => `Nouvel horaire de la visite d'étude : ${f.when}`,
    unchanged: (f) => `Visite d'étude : ${f.group}, ${f.when}`,
    cancel: (f) => `Annulé : visite d'étude du ${f.when}`,
    declined: (f) => `Annulé : visite d'étude du ${f.when}`,
  },
  body: {
    new: (f) => `Dans le cadre de « ${f.title} », nous souhaitons vous rendre visite avec ${f.group} :`,
    moved: (f) =>
      `L'horaire de notre visite avec ${f.group} a changé. Elle était prévue ${f.before} ; elle aura lieu :`,
    unchanged: (f) => `Pour rappel, notre visite avec ${f.group} dans le cadre de « ${f.title} » :`,
    cancel: (f) => `Nous sommes au regret d'annuler notre visite avec ${f.group} dans le cadre de « ${f.title} » :`,
    declined: () =>
      `Merci pour votre réponse. Puisque vous ne pouvez pas nous recevoir, nous retirons cette visite de notre programme :`,
  },
  jointBody: {
    new: (f) =>
      `Dans le cadre de « ${f.title} », nous souhaitons vous inviter à une rencontre commune avec ${f.group} :`,
    moved: (f) =>
      `L'horaire de la rencontre commune avec ${f.group} a changé. Elle était prévue ${f.before} ; elle aura lieu :`,
    unchanged: (f) => `Pour rappel, la rencontre commune avec ${f.group} dans le cadre de « ${f.title} » :`,
    cancel: (f) =>
      `Nous sommes au regret d'annuler la rencontre commune avec ${f.group} dans le cadre de « ${f.title} » :`,
  },
  joint: (title, partners) =>
    partners.length > 0
      ? `${title} : rencontre commune, avec ${new Intl.ListFormat("fr-BE", { type: "conjunction" }).format(partners)}`
      : title,
  answer:
    "L'invitation est jointe : acceptez-la ou déclinez-la dans votre agenda, ou répondez à ce courriel si un autre moment vous convient mieux.",
  regards: "Bien cordialement,",
};

const NL: EmailPhrases = {
  intl: "nl-BE",
  locale: nl,
  greeting: (names) => `Beste ${names},`,
  people: (n) => `${n} ${n === 1 ? "persoon" : "personen"}`,
  part: (n, total) => `${n} van haar ${total} personen`,
  subject: {
    new: (f) => `Studiebezoek: ${f.group}, ${f.when}`,
    moved: (f) => `Nieuw tijdstip voor het studiebezoek: ${f.when}`,
    unchanged: (f) => `Studiebezoek: ${f.group}, ${f.when}`,
    cancel: (f) => `Geannuleerd: studiebezoek van ${f.when}`,
    declined: (f) => `Geannuleerd: studiebezoek van ${f.when}`,
  },
  body: {
    new: (f) => `In het kader van "${f.title}" willen we u graag bezoeken met ${f.group}:`,
    moved: (f) => `Het tijdstip van ons bezoek met ${f.group} is gewijzigd. Het was ${f.before}; het wordt nu:`,
    unchanged: (f) => `Ter herinnering, ons bezoek met ${f.group} in het kader van "${f.title}":`,
    cancel: (f) => `Tot onze spijt moeten we ons bezoek met ${f.group} in het kader van "${f.title}" annuleren:`,
    declined: () => `Dank u voor uw antwoord. Omdat u ons niet kunt ontvangen, halen we dit bezoek uit ons programma:`,
  },
  jointBody: {
    new: (f) => `In het kader van "${f.title}" nodigen we u graag uit voor een gezamenlijke ontmoeting met ${f.group}:`,
    moved: (f) =>
      `Het tijdstip van de gezamenlijke ontmoeting met ${f.group} is gewijzigd. Het was ${f.before}; het wordt nu:`,
    unchanged: (f) => `Ter herinnering, de gezamenlijke ontmoeting met ${f.group} in het kader van "${f.title}":`,
    cancel: (f) =>
      `Tot onze spijt moeten we de gezamenlijke ontmoeting met ${f.group} in het kader van "${f.title}" annuleren:`,
  },
  joint: (title, partners) =>
    partners.length > 0
      ? `${title}: een gezamenlijke ontmoeting, samen met ${new Intl.ListFormat("nl-BE", { type: "conjunction" }).format(partners)}`
      : title,
  answer:
    "De uitnodiging zit in de bijlage: aanvaard of weiger ze in uw agenda, of antwoord op deze e-mail als een ander tijdstip u beter past.",
  regards: "Met vriendelijke groeten,",
};

const DE: EmailPhrases = {
  intl: "de-DE",
  locale: de,
  greeting: (names) => `Guten Tag ${names},`,
  people: (n) => `${n} ${n === 1 ? "Person" : "Personen"}`,
  part: (n, total) => `${n} ihrer ${total} Personen`,
  subject: {
    new: (f) => `Studienbesuch: ${f.group}, ${f.when}`,
    moved: (f) => `Neue Zeit für den Studienbesuch: ${f.when}`,
    unchanged: (f) => `Studienbesuch: ${f.group}, ${f.when}`,
    cancel: (f) => `Abgesagt: Studienbesuch am ${f.when}`,
    declined: (f) => `Abgesagt: Studienbesuch am ${f.when}`,
  },
  body: {
    new: (f) => `Im Rahmen von „${f.title}“ möchten wir Sie gern mit ${f.group} besuchen:`,
    moved: (f) => `Die Zeit unseres Besuchs mit ${f.group} hat sich geändert. Geplant war ${f.before}; neu ist:`,
    unchanged: (f) => `Zur Erinnerung, unser Besuch mit ${f.group} im Rahmen von „${f.title}“:`,
    cancel: (f) => `Leider müssen wir unseren Besuch mit ${f.group} im Rahmen von „${f.title}“ absagen:`,
    declined: () =>
      `Vielen Dank für Ihre Antwort. Da Sie uns nicht empfangen können, nehmen wir diesen Besuch aus unserem Programm:`,
  },
  jointBody: {
    new: (f) => `Im Rahmen von „${f.title}“ möchten wir Sie gern zu einem gemeinsamen Treffen mit ${f.group} einladen:`,
    moved: (f) =>
      `Die Zeit des gemeinsamen Treffens mit ${f.group} hat sich geändert. Geplant war ${f.before}; neu ist:`,
    unchanged: (f) => `Zur Erinnerung, das gemeinsame Treffen mit ${f.group} im Rahmen von „${f.title}“:`,
    cancel: (f) => `Leider müssen wir das gemeinsame Treffen mit ${f.group} im Rahmen von „${f.title}“ absagen:`,
  },
  joint: (title, partners) =>
    partners.length > 0
      ? `${title}: ein gemeinsames Treffen, zusammen mit ${new Intl.ListFormat("de-DE", { type: "conjunction" }).format(partners)}`
      : title,
  answer:
    "Die Einladung ist angehängt: Nehmen Sie sie in Ihrem Kalender an oder lehnen Sie sie ab, oder antworten Sie auf diese E-Mail, wenn Ihnen eine andere Zeit besser passt.",
  regards: "Mit freundlichen Grüßen",
};

const PHRASES: Record<string, EmailPhrases> = { en: EN, fr: FR, nl: NL, de: DE };

/** The e-mail languages: the organiser's, else English. */
export const EMAIL_LANGUAGES = Object.keys(PHRASES);

export function emailPhrases(lang: string | undefined): EmailPhrases {
  return PHRASES[lang ?? "en"] ?? EN;
}

/** "Wednesday 19 September 2018" in the phrases' language, the same under any machine zone (src/records/dates.ts). */
export function longDate(date: string, phrases: EmailPhrases): string {
  return dayInWords(date, phrases.locale);
}
