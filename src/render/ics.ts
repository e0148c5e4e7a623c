import type { AgendaItem, ParallelSession } from "../plan/agenda.js";
import type { Contact } from "../records/schemas.js";
import { languageName } from "../records/formats.js";
import { CATEGORY, calendarLines, contactText, eventLines, eventStatus, itemLocation } from "./ics-event.js";
import { icsDocument } from "./ics-text.js";
import {
  howToGetThere,
  hostName,
  hostVisits,
  jointMeetingWords,
  namesInWords,
  type RenderInput,
} from "./render-input.js";
import { isJointMeeting } from "../plan/host-visits.js";

// iCalendar is written here by hand rather than with the `ics` package: that
// package turns "local" times into UTC with the machine's zone (wrong for a
// visit abroad), folds lines by characters instead of octets, writes `\"`
// inside quoted parameters, and serialises through its own validator. Fixing
// that after the fact means re-parsing its output; the few lines of RFC 5545
// below (with the lexical rules in ics-text.ts) are smaller and fully tested.

export interface ItineraryIcsOptions {
  /** the package version, for PRODID */
  version: string;
}

export interface InviteIcsOptions extends ItineraryIcsOptions {
  sequence: number;
  method: "REQUEST" | "CANCEL";
  /** only these events (by UID): a CANCEL of one event while the host stays invited to another */
  uids?: readonly string[];
}

/** The delegation's own calendar: METHOD:PUBLISH, one event per visit, meal, fixed and parallel item, no attendees. */
export function renderItineraryIcs(input: RenderInput, options: ItineraryIcsOptions): string {
  const events: string[][] = [];
  for (const day of input.agenda.days) {
    day.items.forEach((item, index) => {
      const category = CATEGORY[item.kind];
      // A declined visit stays in the agenda file as a record of the answer, not in anyone's calendar.
      if (!category || item.status === "declined") return;
      events.push(
        eventLines(input, {
          uid: item.uid,
          item,
          // A sub-group's event: whose it is, in the title a calendar shows first.
          summary: item.group !== undefined ? `${item.title} (group ${item.group})` : item.title,
          ...itemLocation(input, item),
          description: itineraryDescription(input, day.items, index),
          categories: [category],
          status: eventStatus(item),
        }),
      );
    });
  }
  return icsDocument(calendarLines(input, "PUBLISH", options.version, events));
}

/** The contacts an invitation can go to: those with an e-mail address (an ATTENDEE is a mailto: address). */
export function inviteRecipients(input: RenderInput, hostId: string): Contact[] {
  return (input.hosts.get(hostId)?.contacts ?? []).filter((c) => c.email);
}

/**
 * One host's invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL, the
 * agenda passed being the one that still holds the visit). The caller checks
 * `hostVisits` (render-input.ts) and `inviteRecipients` first: RFC 5546 wants at least one
 * attendee, so a host without an e-mail contact gets no file, said to the user.
 * A host is visited at most once per request by the planner; should a
 * hand-edited agenda hold more, each visit is its own event with its own UID.
 */
export function renderInviteIcs(input: RenderInput, hostId: string, options: InviteIcsOptions): string {
  const visits = hostVisits(input.agenda, { withDeclined: options.method === "CANCEL" }).filter(
    (v) => v.host === hostId && (!options.uids || options.uids.includes(v.uid)),
  );
  const attendees = inviteRecipients(input, hostId);
  if (visits.length === 0) throw new Error(`host ${hostId} has no visit in agenda ${input.agenda.request}`);
  if (attendees.length === 0) throw new Error(`host ${hostId} has no contact with an e-mail address to invite`);
  const cancel = options.method === "CANCEL";
  const events = visits.map(({ item, session, uid }) =>
    eventLines(input, {
      uid,
      item,
      summary: inviteSummary(input, item, hostId, session),
      ...itemLocation(input, item, session),
      description: inviteDescription(input, item, hostId, session),
      categories: [CATEGORY[item.kind] ?? "Study visit"],
      status: cancel ? "CANCELLED" : eventStatus(item),
      sequence: options.sequence,
      attendees,
      askReply: !cancel,
    }),
  );
  return icsDocument(calendarLines(input, options.method, options.version, events));
}

function itineraryDescription(input: RenderInput, items: readonly AgendaItem[], index: number): string {
  const item = items[index] as AgendaItem;
  const parts: string[] = [];
  if (item.group !== undefined) parts.push(groupLine(input, item));
  const host = item.host ? input.hosts.get(item.host) : undefined;
  if (host?.summary) parts.push(host.summary);
  if (item.ends_at)
    parts.push(`Ends at ${item.ends_at.name}${item.ends_at.address ? `, ${item.ends_at.address}` : ""}.`);
  for (const contact of host?.contacts ?? []) parts.push(`Contact: ${contactText(contact)}`);
  const joint = jointMeetingWords(item, (id) => hostName(input, id));
  if (joint) parts.push(`${joint.charAt(0).toUpperCase()}${joint.slice(1)}.`);
  for (const id of item.kind === "fixed" ? (item.hosts ?? []) : []) {
    const contact = input.hosts.get(id)?.contacts[0];
    if (contact) parts.push(`${hostName(input, id)}: ${contactText(contact)}`);
  }
  for (const session of item.sessions ?? []) {
    const lead = input.hosts.get(session.host);
    const contact = lead?.contacts[0];
    parts.push(
      `Session ${session.title}: ${hostName(input, session.host)}${contact ? ` (contact: ${contactText(contact)})` : ""}`,
    );
  }
  const route = howToGetThere(input, items, index);
  if (route) parts.push(`Getting there: ${route}`);
  const link = item.online ?? item.place?.online;
  if (link) parts.push(`Join online: ${link}`);
  if (item.notes) parts.push(`Notes: ${item.notes}`);
  if (item.status && item.status !== "proposed") parts.push(`Status: ${item.status}`);
  return parts.join("\n");
}

/** "Group B: 10 of the delegation's 20 people; the groups meet again for the next item." */
function groupLine(input: RenderInput, item: AgendaItem): string {
  const size = input.request.delegation.size;
  return `Group ${item.group}: ${item.people ?? "?"} of the delegation's ${size} people, on their own way until the groups meet again.`;
}

/** "the delegation from Ljubljana (12 people)"; a sub-group's visit: "group B of the delegation from Ljubljana (10 of its 20 people)". */
function delegationWords(input: RenderInput, item?: AgendaItem): string {
  const { delegation } = input.request;
  const from = delegation.from ? `the delegation from ${delegation.from}` : "the delegation";
  const people = item?.group !== undefined ? item.people : undefined;
  if (people !== undefined && people < delegation.size)
    return `group ${item?.group} of ${from} (${people} of its ${delegation.size} people)`;
  return `${from} (${delegation.size} ${delegation.size === 1 ? "person" : "people"})`;
}

/** The other hosts of a joint meeting, from one host's side. */
function jointPartners(input: RenderInput, item: AgendaItem, hostId: string): string[] | undefined {
  if (!isJointMeeting(item)) return undefined;
  return (item.hosts ?? []).filter((h) => h !== hostId).map((h) => hostName(input, h));
}

function inviteSummary(input: RenderInput, item: AgendaItem, hostId: string, session?: ParallelSession): string {
  if (session) return `${session.title}: ${input.request.title}`;
  const partners = jointPartners(input, item, hostId);
  if (partners)
    return `Joint meeting with ${delegationWords(input)}${partners.length > 0 ? ` and ${namesInWords(partners)}` : ""}`;
  return `Visit of ${delegationWords(input, item)}`;
}

function inviteDescription(input: RenderInput, item: AgendaItem, hostId: string, session?: ParallelSession): string {
  const { request } = input;
  const { organiser, delegation } = request;
  const parts = [request.title, `Group: ${delegationWords(input, item)}.`];
  if (delegation.profile.length > 0) parts.push(`Profile: ${delegation.profile.join(", ")}.`);
  if (delegation.languages.length > 0)
    parts.push(`Languages: ${delegation.languages.map((l) => languageName(l)).join(", ")}.`);
  if (session) parts.push(`Your session: ${session.title}, within "${item.title}".`);
  const partners = jointPartners(input, item, hostId);
  if (partners)
    parts.push(
      partners.length > 0
        ? `A joint meeting, "${item.title}": you meet the delegation together with ${namesInWords(partners)}.`
        : `A meeting of the programme: "${item.title}".`,
    );
  if (item.ends_at) parts.push(`The visit ends at ${item.ends_at.name}.`);
  if (item.notes) parts.push(`Notes: ${item.notes}`);
  const org = organiser.organisation ? `, ${organiser.organisation}` : "";
  parts.push(`Organiser: ${organiser.name}${org}, ${organiser.email}${organiser.phone ? `, ${organiser.phone}` : ""}`);
  return parts.join("\n");
}
