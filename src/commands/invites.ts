import { relative, resolve, sep } from "node:path";
import * as z from "zod";
import { EnvironmentError, RecordsError, UsageError } from "../errors.js";
import { describeAgendaDiff } from "../render/agenda-diff.js";
import type { SmtpConfig } from "../records/schemas.js";
import { inviteEmail } from "../render/invite-email.js";
import type { RenderInput } from "../render/render-input.js";
import { loadAgendaFile } from "./agenda-file.js";
import type { CommandDeps } from "./context.js";
import { loadHolidays } from "./load-holidays.js";
import { flag, list, text } from "./command-line.js";
import { commandRunner } from "./definition.js";
import { loadCheckedAgenda } from "./export.js";
import type { MailTransportFactory } from "./invite-mail.js";
import { requireHost } from "./plan-adjustments.js";
import { inviteFiles, refuseStale, renderInput, staleInvites, type InviteMessage } from "./render-outputs.js";
import { loadValidWorkspace } from "./workspace-access.js";
import { writeOutputs, type OutputFile } from "./write-files.js";

export interface InvitesOptions {
  data?: string;
  agenda: string;
  output: string;
  previous?: string;
  /** with `previous`: write every host, not only what changed */
  all: boolean;
  /** ready-to-send e-mails (.eml) instead of bare .ics files */
  eml: boolean;
  /** send the e-mails through the SMTP server of studyvisit.yaml */
  send: boolean;
  /** only these hosts' messages */
  only: string[];
  force: boolean;
}

export interface InvitesDeps extends CommandDeps {
  /** the mail server connection for --send; nodemailer's SMTP transport unless a test gives another */
  mailTransport?: MailTransportFactory;
}

/** Where `invites --send` reads the SMTP password: never from a file (invites-command.ts names it in --help). */
export const SMTP_PASSWORD_VARIABLE = "STUDYVISIT_SMTP_PASSWORD";

/**
 * The invitations an agenda calls for: without `previous`, a METHOD:REQUEST
 * per host; with the agenda sent before, only what changed (REQUEST for new
 * and moved visits, SEQUENCE + 1 when moved; METHOD:CANCEL for dropped and
 * declined ones), unless `all`. As .ics files, or e-mails (`eml`), sent
 * (`send`) through SMTP. Without `send`, nothing leaves the machine.
 */
export async function runInvites(options: InvitesOptions, deps: InvitesDeps): Promise<number> {
  const { workspace: ws } = loadValidWorkspace(options.data, deps);
  const { agenda, request } = await loadCheckedAgenda(options.agenda, ws, deps);
  for (const host of options.only) requireHost(ws, host);
  const smtp = ws.config.smtp;
  const password = deps.env[SMTP_PASSWORD_VARIABLE];
  if (options.send) {
    if (!smtp)
      throw new UsageError(
        "--send needs an SMTP server: add `smtp: {host: smtp.example.org, port: 587, user: you@example.org}` to studyvisit.yaml",
        `the password comes from ${SMTP_PASSWORD_VARIABLE}, never from a file; without --send nothing is sent`,
      );
    if (smtp.user && !password)
      throw new UsageError(
        `--send: studyvisit.yaml names the SMTP user ${smtp.user}, but ${SMTP_PASSWORD_VARIABLE} is not set`,
        `export ${SMTP_PASSWORD_VARIABLE}=… in this shell, then run the command again`,
      );
  }
  let previousInput: RenderInput | undefined;
  if (options.previous) {
    // The old agenda may break today's rules (that is why it changed); it only has to be readable and of the same request.
    const old = loadAgendaFile(options.previous, ws, deps.cwd, await loadHolidays(ws));
    if (!old.agenda) throw new RecordsError(old.problems);
    if (old.agenda.request !== agenda.request)
      throw new UsageError(
        `--previous ${options.previous} is an agenda of ${old.agenda.request}, not ${agenda.request}`,
      );
    previousInput = renderInput(ws, request, old.agenda, deps);
  }
  const dir = resolve(deps.cwd, options.output);
  const result = inviteFiles(dir, renderInput(ws, request, agenda, deps), previousInput, { all: options.all });
  const messages =
    options.only.length > 0 ? result.messages.filter((m) => options.only.includes(m.host)) : result.messages;
  const email = options.eml || options.send;
  const outputs: { message: InviteMessage; file: OutputFile; raw?: string }[] = [];
  // nodemailer is loaded only for e-mails: bare .ics files do without it.
  const mailer = email ? await import("./invite-mail.js") : undefined;
  for (const message of messages) {
    if (!mailer) {
      outputs.push({ message, file: message.file });
      continue;
    }
    const mail = inviteEmail(message.input, message.host, {
      method: message.method,
      change: message.change,
      declined: message.declined,
      sequence: message.sequence,
      ics: message.file.content,
      ...(message.visit?.change === "moved" && message.visit.previous
        ? { before: message.visit.previous, beforeZone: message.visit.timezone }
        : {}),
    });
    const raw = await mailer.composeEml(mail, smtp?.from);
    outputs.push({ message, file: { path: message.file.path.replace(/\.ics$/, ".eml"), content: raw }, raw });
  }
  const stale = staleInvites(
    dir,
    outputs.map((o) => ({ ...o.message, file: o.file })),
  );
  refuseStale(stale, { force: options.force, cwd: deps.cwd });
  await writeOutputs({ files: outputs.map((o) => o.file), stale, lock: dir, force: options.force }, deps);

  const name = (id: string) => ws.hosts.get(id)?.name ?? id;
  const shown = (path: string) => relative(deps.cwd, path).split(sep).join("/");
  const recipients = (m: InviteMessage) =>
    (m.input.hosts.get(m.host)?.contacts ?? [])
      .filter((c) => c.email)
      .map((c) => `${c.name} <${c.email}>`)
      .join(", ");
  const why = (m: InviteMessage) =>
    m.method === "CANCEL" ? (m.declined ? "declined" : "cancelled") : m.change === "unchanged" ? "unchanged" : m.change;
  for (const { message, file } of outputs)
    deps.out(
      `${shown(file.path)}  ${message.method} (${why(message)}) to ${name(message.host)}: ${recipients(message)}`,
    );
  if (options.previous) {
    const diff = describeAgendaDiff(result.changes, name);
    deps.err(diff.length > 0 ? diff.join("\n") : "no visit changed since the previous agenda");
    if (result.unchanged.length > 0)
      deps.err(`unchanged, nothing written: ${result.unchanged.map(name).join(", ")} (--all writes them too)`);
  }
  for (const host of result.uninvitable)
    deps.err(deps.style.warn(`no invitation for ${name(host)}: its record has no contact with an e-mail address`));
  for (const path of stale) deps.err(deps.style.dim(`removed ${shown(path)}: it no longer applies`));
  if (outputs.length === 0) deps.err("nothing to write");
  if (!options.send) {
    if (email && outputs.length > 0)
      deps.err(
        `nothing sent: ${outputs.length} message${outputs.length === 1 ? "" : "s"} ready in ${shown(dir) || "."}/; --send sends them through the SMTP server of studyvisit.yaml`,
      );
    return 0;
  }
  return send(outputs, { ...options, dir: shown(dir) || "." }, smtp as SmtpConfig, password, deps, name);
}

async function send(
  outputs: { message: InviteMessage; file: OutputFile; raw?: string }[],
  options: InvitesOptions & { dir: string },
  smtp: SmtpConfig,
  password: string | undefined,
  deps: InvitesDeps,
  name: (id: string) => string,
): Promise<number> {
  const transport = (deps.mailTransport ?? (await import("./invite-mail.js")).smtpTransport)(smtp, password);
  const unsent: InviteMessage[] = [];
  let dead: string | undefined;
  try {
    for (const { message, raw } of outputs) {
      if (dead) {
        unsent.push(message);
        continue;
      }
      const to = (message.input.hosts.get(message.host)?.contacts ?? []).flatMap((c) => (c.email ? [c.email] : []));
      const from = smtp.from ?? message.input.request.organiser.email;
      try {
        const result = await transport.send({ from, to, raw: raw as string });
        if (result.rejected.length > 0) {
          unsent.push(message);
          const refused = result.rejected.map((r) => `${r.address} (${oneLine(r.reason)})`).join(", ");
          const sent = result.accepted.length > 0 ? `; sent to ${result.accepted.join(", ")}` : "";
          deps.err(`${deps.style.error("error:")} ${name(message.host)}: the server refused ${refused}${sent}`);
        } else {
          deps.out(`sent ${message.method} to ${name(message.host)}: ${to.join(", ")}`);
        }
      } catch (error) {
        unsent.push(message);
        const text = oneLine(error instanceof Error ? error.message : String(error));
        const code = (error as { code?: string }).code;
        if (code === "EENVELOPE") {
          deps.err(`${deps.style.error("error:")} ${name(message.host)}: the server refused every recipient: ${text}`);
        } else {
          dead = text;
          deps.err(`${deps.style.error("error:")} ${name(message.host)}: could not send through ${smtp.host}: ${text}`);
        }
      }
    }
  } finally {
    transport.close();
  }
  if (unsent.length === 0) return 0;
  const files = outputs.filter((o) => unsent.includes(o.message)).map((o) => o.file.path);
  for (const path of files) deps.err(`not sent: ${relative(deps.cwd, path).split(sep).join("/")}`);
  const hosts = unsent.map((m) => m.host);
  throw new EnvironmentError(
    `${unsent.length} of ${outputs.length} message${outputs.length === 1 ? "" : "s"} not sent${dead ? ` (${smtp.host}: ${dead})` : ""}; the .eml files stay in ${options.dir}/`,
    `send the rest with: studyvisit invites ${options.agenda} -o ${options.output}${options.previous ? ` --previous ${options.previous}` : ""}${options.all ? " --all" : ""} --send --force --only ${hosts.join(" ")}`,
  );
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** `studyvisit invites` from its command line; its definition is in invites-command.ts. */
export const invitesRunner = commandRunner(
  z
    .strictObject({
      agenda: z.string(),
      data: text,
      output: z.string({ error: "name the folder to write the .ics (or .eml) files into: -o DIR" }),
      previous: text,
      all: flag,
      eml: flag,
      send: flag,
      only: list,
      force: flag,
    })
    .refine((o) => !o.all || o.previous !== undefined, {
      error: "--all goes with --previous: without a previous agenda every host is written anyway",
    }),
  runInvites,
);
