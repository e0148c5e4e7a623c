import { createTransport } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import type { SmtpConfig } from "../records/schemas.js";
import type { InviteEmail } from "../render/invite-email.js";

// The MIME message (nodemailer's MailComposer: RFC 5322, the calendar as a
// `text/calendar; method=…` alternative and as an attached .ics, as RFC 6047
// wants) and its sending over SMTP (nodemailer's transport).

/** The .eml text of an invitation; `sender` (the SMTP account, when it is not the organiser's) goes in `Sender:`. */
export async function composeEml(email: InviteEmail, sender?: string): Promise<string> {
  const composer = new MailComposer({
    from: email.from,
    ...(sender && sender.toLowerCase() !== email.from.address.toLowerCase() ? { sender } : {}),
    to: email.to,
    subject: email.subject,
    text: email.text,
    icalEvent: { method: email.method, content: email.ics, filename: "invite.ics" },
    date: email.date,
    messageId: email.messageId,
    baseBoundary: email.boundary,
  });
  const buffer = await composer.compile().build();
  return buffer.toString("utf8");
}

export interface SendResult {
  accepted: string[];
  /** addresses the server refused, with its answer */
  rejected: { address: string; reason: string }[];
}

/** What `invites --send` needs of a mail server; tests may inject another, e.g. one pointed at their own server. */
export interface MailTransport {
  send(message: { from: string; to: string[]; raw: string }): Promise<SendResult>;
  close(): void;
}

export type MailTransportFactory = (smtp: SmtpConfig, password: string | undefined) => MailTransport;

/** nodemailer's SMTP transport: port 465 with `secure`, else 587 (STARTTLS when the server offers it). */
export const smtpTransport: MailTransportFactory = (smtp, password) => {
  const transport = createTransport({
    host: smtp.host,
    port: smtp.port ?? (smtp.secure ? 465 : 587),
    secure: smtp.secure ?? false,
    ...(smtp.user ? { auth: { user: smtp.user, ...(password !== undefined ? { pass: password } : {}) } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send({ from, to, raw }) {
      const info = await transport.sendMail({ envelope: { from, to }, raw });
      const rejectedErrors = (info as { rejectedErrors?: { recipient?: string; response?: string }[] }).rejectedErrors;
      const address = (a: unknown) => (typeof a === "string" ? a : ((a as { address?: string }).address ?? ""));
      return {
        accepted: (info.accepted ?? []).map(address),
        rejected: (info.rejected ?? []).map((a) => {
          const to = address(a);
          const error = rejectedErrors?.find((e) => e.recipient === to);
          return { address: to, reason: error?.response ?? "refused" };
        }),
      };
    },
    close: () => transport.close(),
  };
};
