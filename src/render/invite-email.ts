import type { HostVisit } from "../plan/host-visits.js";
import { hostVisits, isJointMeeting } from "../plan/host-visits.js";
import { localTime } from "./agenda-time.js";
import { inviteRecipients } from "./ics.js";
import { emailPhrases, longDate, type EmailFacts, type EmailPhrases } from "./invite-email-phrases.js";
import { onlineLink, placeLabel, sessionPlace, type RenderInput } from "./render-input.js";

// One host's invitation as an e-mail (RFC 5322 with the iMIP parts of RFC
// 6047): who it is from and to, a short text in the organiser's language, and
// the calendar. Plain data: src/commands composes the MIME message
// (nodemailer's MailComposer) and sends it.

export interface MailAddress {
  name: string;
  address: string;
}

export interface InviteEmail {
  from: MailAddress;
  to: MailAddress[];
  subject: string;
  text: string;
  method: "REQUEST" | "CANCEL";
  /** the calendar (METHOD:REQUEST or CANCEL), sent as the text/calendar part and attached as a file */
  ics: string;
  /** Date: the run's generated time (SOURCE_DATE_EPOCH), so the same input gives the same bytes */
  date: Date;
  /** stable: the request, host, method and SEQUENCE */
  messageId: string;
  /** base of the MIME boundaries, fixed for the same reason */
  boundary: string;
}

export interface InviteEmailOptions {
  method: "REQUEST" | "CANCEL";
  /** why it is sent */
  change: "new" | "moved" | "unchanged" | "dropped";
  declined: boolean;
  sequence: number;
  ics: string;
  /** a moved visit's previous time */
  before?: HostVisit;
  /** the zone of `before` */
  beforeZone?: string;
}

export function inviteEmail(input: RenderInput, hostId: string, options: InviteEmailOptions): InviteEmail {
  const { request } = input;
  const phrases = emailPhrases(request.organiser.lang);
  const visits = hostVisits(input.agenda, { withDeclined: options.method === "CANCEL" }).filter(
    (v) => v.host === hostId,
  );
  const first = visits[0];
  if (!first) throw new Error(`host ${hostId} has no visit in agenda ${input.agenda.request}`);
  const to = inviteRecipients(input, hostId).map((c) => ({ name: c.name, address: c.email as string }));
  const zone = input.agenda.timezone;
  const delegation = request.delegation;
  // A sub-group's visit says how many of the delegation come.
  const people = first.item.people;
  const count =
    people !== undefined && people < delegation.size
      ? phrases.part(people, delegation.size)
      : phrases.people(delegation.size);
  const group = `${delegation.from ? `${groupWord(phrases)} ${delegation.from}` : groupWord(phrases, true)} (${count})`;
  const facts: EmailFacts = {
    group,
    title: request.title,
    when: when(first, zone, phrases),
    ...(options.before ? { before: when(options.before, options.beforeZone ?? zone, phrases) } : {}),
  };
  const kind =
    options.method === "CANCEL"
      ? options.declined
        ? "declined"
        : "cancel"
      : options.change === "moved" && !onlyWhoComes(options.before, first, facts)
        ? "moved"
        : options.change === "moved"
          ? // Same time, same place: what changed is who comes (a sub-group's size); the text gives the new count.
            "unchanged"
          : options.change === "unchanged"
            ? "unchanged"
            : "new";
  // Invited to a joint meeting (and to nothing else): the text says so, and names the other hosts.
  const joint = visits.every((v) => isJointMeeting(v.item)) && kind !== "declined";
  const partners = (v: HostVisit) =>
    (v.item.hosts ?? []).filter((h) => h !== hostId).map((h) => input.hosts.get(h)?.name ?? h);
  const link = onlineLink(first.item);
  const lines = [
    phrases.greeting(new Intl.ListFormat(phrases.intl, { type: "conjunction" }).format(to.map((t) => t.name))),
    "",
    joint ? phrases.jointBody[kind](facts) : phrases.body[kind](facts),
    "",
    ...visits.flatMap((v) => {
      const place = v.session ? sessionPlace(input, v.session) : v.item.place;
      const where = place
        ? place.online
          ? `${place.name}: ${place.online}`
          : placeLabel(place)
        : isJointMeeting(v.item) && link
          ? link
          : undefined;
      const session = v.session ? [`  ${v.session.title}`] : [];
      const meeting = isJointMeeting(v.item) ? [`  ${phrases.joint(v.item.title, partners(v))}`] : [];
      return [`  ${when(v, zone, phrases)}`, ...session, ...meeting, ...(where ? [`  ${where}`] : [])];
    }),
    "",
    ...(options.method === "REQUEST" ? [phrases.answer, ""] : []),
    phrases.regards,
    request.organiser.name,
    ...(request.organiser.organisation ? [request.organiser.organisation] : []),
    request.organiser.email,
    ...(request.organiser.phone ? [request.organiser.phone] : []),
  ];
  const key = `${request.id}.${hostId}.${options.method.toLowerCase()}.${options.sequence}`;
  return {
    from: { name: request.organiser.name, address: request.organiser.email },
    to,
    subject: phrases.subject[kind](facts),
    text: `${lines.join("\n")}\n`,
    method: options.method,
    ics: options.ics,
    date: input.generatedAt,
    messageId: `<${key}@studyvisit>`,
    boundary: `studyvisit-${key}`,
  };
}

/** A moved visit whose time and place stay: only how many people come changed. */
function onlyWhoComes(before: HostVisit | undefined, now: HostVisit, facts: EmailFacts): boolean {
  return before !== undefined && facts.before === facts.when && before.item.place?.id === now.item.place?.id;
}

/** "the delegation from" / "the delegation", per language. */
function groupWord(phrases: EmailPhrases, alone = false): string {
  const words: Record<string, [string, string]> = {
    "en-GB": ["the delegation from", "the delegation"],
    "fr-BE": ["la délégation de", "la délégation"],
    "nl-BE": ["de delegatie uit", "de delegatie"],
    "de-DE": ["der Delegation aus", "der Delegation"],
  };
  const [from, plain] = words[phrases.intl] ?? ["the delegation from", "the delegation"];
  return alone ? plain : from;
}

function when(v: HostVisit, zone: string, phrases: EmailPhrases): string {
  const start = localTime(v.item.start, zone);
  return `${longDate(start.date, phrases)}, ${start.time}–${localTime(v.item.end, zone).time}`;
}
