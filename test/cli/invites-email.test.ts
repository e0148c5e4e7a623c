import ICAL from "ical.js";
import { simpleParser, type ParsedMail } from "mailparser";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { parseAgendaYaml } from "../../src/records/agenda-file.js";
import { agendaYaml } from "../../src/records/agenda-yaml.js";
import { repoRoot, tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

// invites --eml and --send against a real SMTP server started in the test.

const env = { SOURCE_DATE_EPOCH: "1535000000", STUDYVISIT_SMTP_PASSWORD: "s3cret" };

interface Received {
  from: string;
  to: string[];
  raw: string;
}

interface Server {
  port: number;
  received: Received[];
  close(): Promise<void>;
}

/** An SMTP server on a free port that wants the organiser's login and refuses `refuse`. */
async function smtpServer(refuse: readonly string[] = []): Promise<Server> {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "j.gombac@example.org" && auth.password === "s3cret")
        callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      if (refuse.includes(address.address)) {
        const error = new Error("mailbox unavailable") as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      } else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** The bundled workspace with an smtp: section, planned once, then Hub declined and Etterbeek moved. */
async function round(port: number): Promise<{ dir: string; agenda: string; sent: string }> {
  const dir = tempDir();
  cpSync(join(repoRoot, "data"), join(dir, "data"), { recursive: true });
  const config = join(dir, "data", "studyvisit.yaml");
  writeFileSync(
    config,
    `${readFileSync(config, "utf8")}\nsmtp: {host: 127.0.0.1, port: ${port}, secure: false, user: j.gombac@example.org, from: j.gombac@example.org}\n`,
  );
  expect(
    (await runCli(["plan", "ljubljana-2018", "--data", "data", "--out", "out", "--quiet"], { cwd: dir, env })).code,
  ).toBe(0);
  const agenda = join(dir, "out", "ljubljana-2018", "agenda.yaml");
  const sent = join(dir, "sent.yaml");
  writeFileSync(sent, readFileSync(agenda, "utf8"));
  const read = parseAgendaYaml(agenda, readFileSync(agenda, "utf8"));
  for (const item of read.file?.days.flatMap((d) => d.items) ?? []) {
    if (item.host === "hub-brussels") item.status = "declined";
    if (item.host === "etterbeek") item.time = { start: 14 * 60 + 30, end: 16 * 60 };
  }
  writeFileSync(agenda, agendaYaml(read.file as NonNullable<typeof read.file>));
  return { dir, agenda, sent };
}

function calendarOf(mail: ParsedMail): { method: string; uid: string; sequence: number; status: string } {
  const part = mail.attachments.find((a) => a.contentType === "text/calendar");
  if (!part) throw new Error("no text/calendar part");
  const cal = new ICAL.Component(ICAL.parse(part.content.toString("utf8")) as unknown[]);
  const event = cal.getFirstSubcomponent("vevent") as ICAL.Component;
  return {
    method: String(cal.getFirstPropertyValue("method")),
    uid: String(event.getFirstPropertyValue("uid")),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    status: String(event.getFirstPropertyValue("status")),
  };
}

describe("invites --eml and --send", () => {
  it("writes one iMIP e-mail per changed host, sends nothing without --send, and lists who would get what", async () => {
    const server = await smtpServer();
    servers.push(server);
    const { dir, agenda, sent } = await round(server.port);
    const run = await runCli(["invites", agenda, "--data", "data", "-o", "mail", "--previous", sent, "--eml"], {
      cwd: dir,
      env,
    });
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, "mail")).sort()).toEqual(["etterbeek.eml", "hub-brussels.cancel.eml"]);
    expect(run.stdout.split("\n").filter(Boolean)).toEqual([
      "mail/etterbeek.eml  REQUEST (moved) to Municipality of Etterbeek: European Affairs Department <european.affairs@example.org>, Social Cohesion Department <social.cohesion@example.org>",
      "mail/hub-brussels.cancel.eml  CANCEL (declined) to hub.brussels — Brussels Agency for Business Support: 1819 Information Service <info.1819@example.org>",
    ]);
    expect(run.stderr).toContain("nothing sent: 2 messages ready in mail/");
    expect(server.received).toEqual([]);

    const mail = await simpleParser(readFileSync(join(dir, "mail", "etterbeek.eml")));
    expect(mail.from?.value).toEqual([{ address: "j.gombac@example.org", name: "dr. Jure Gombac" }]);
    expect(mail.subject).toBe("New time for the study visit: Wednesday 19 September 2018, 14:30–16:00");
    expect(mail.text).toContain("It was Wednesday 19 September 2018, 14:20–15:50; it is now:");
    expect(calendarOf(mail)).toEqual({
      method: "REQUEST",
      uid: "2018-09-19.etterbeek.ljubljana-2018@studyvisit",
      sequence: 1,
      status: "TENTATIVE",
    });
    expect(mail.attachments.map((a) => a.filename ?? a.contentType)).toContain("invite.ics");
    const raw = readFileSync(join(dir, "mail", "etterbeek.eml"), "utf8");
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);

    // Same input, same bytes.
    const again = await runCli(["invites", agenda, "--data", "data", "-o", "mail2", "--previous", sent, "--eml"], {
      cwd: dir,
      env: { ...env, TZ: "Pacific/Auckland" },
    });
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, "mail2", "etterbeek.eml"), "utf8")).toBe(raw);
  });

  it("sends through the SMTP server of studyvisit.yaml with --send", async () => {
    const server = await smtpServer();
    servers.push(server);
    const { dir, agenda, sent } = await round(server.port);
    const run = await runCli(["invites", agenda, "--data", "data", "-o", "mail", "--previous", sent, "--send"], {
      cwd: dir,
      env,
    });
    expect(run.stderr).not.toContain("error");
    expect(run.code).toBe(0);
    expect(server.received.map((r) => [r.from, r.to])).toEqual([
      ["j.gombac@example.org", ["european.affairs@example.org", "social.cohesion@example.org"]],
      ["j.gombac@example.org", ["info.1819@example.org"]],
    ]);
    const [etterbeek, hub] = await Promise.all(server.received.map((r) => simpleParser(r.raw)));
    expect(calendarOf(etterbeek as ParsedMail)).toMatchObject({ method: "REQUEST", sequence: 1 });
    expect(calendarOf(hub as ParsedMail)).toEqual({
      method: "CANCEL",
      uid: "2018-09-18.hub-brussels.ljubljana-2018@studyvisit",
      sequence: 1,
      status: "CANCELLED",
    });
    expect(hub?.text).toContain("As you cannot receive us");
    expect(server.received[0]?.raw).toBe(
      readFileSync(join(dir, "mail", "etterbeek.eml"), "utf8").replace(/\r?\n/g, "\r\n"),
    );
  });

  it.each([
    [
      "names the host a server refuses, lists what was not sent, exits 2 and keeps every .eml",
      {
        refuse: ["info.1819@example.org"],
        error:
          /^error: hub\.brussels — Brussels Agency for Business Support: the server refused every recipient: .*550/m,
        said: [
          "not sent: mail/hub-brussels.cancel.eml",
          "error: 1 of 2 messages not sent; the .eml files stay in mail/",
          "--send --force --only hub-brussels",
        ],
        received: [["european.affairs@example.org", "social.cohesion@example.org"]],
      },
    ],
    [
      "says which of a host's contacts the server refused when it takes the others",
      {
        refuse: ["social.cohesion@example.org"],
        error:
          /^error: Municipality of Etterbeek: the server refused social\.cohesion@example\.org \(.*550.*\); sent to european\.affairs@example\.org$/m,
        said: ["not sent: mail/etterbeek.eml"],
        received: [["european.affairs@example.org"], ["info.1819@example.org"]],
      },
    ],
  ])("%s", async (_case, { refuse, error, said, received }) => {
    const server = await smtpServer(refuse);
    servers.push(server);
    const { dir, agenda, sent } = await round(server.port);
    const run = await runCli(["invites", agenda, "--data", "data", "-o", "mail", "--previous", sent, "--send"], {
      cwd: dir,
      env,
    });
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n").find((line) => line.startsWith("error:"))).toMatch(error);
    for (const text of said) expect(run.stderr).toContain(text);
    expect(server.received.map((r) => r.to)).toEqual(received);
    expect(readdirSync(join(dir, "mail")).sort()).toEqual(["etterbeek.eml", "hub-brussels.cancel.eml"]);
  });

  it("says so when the server is unreachable: every message listed as not sent", async () => {
    const server = await smtpServer();
    const port = server.port;
    await server.close(); // nothing listens there any more
    const { dir, agenda, sent } = await round(port);
    const run = await runCli(["invites", agenda, "--data", "data", "-o", "mail", "--previous", sent, "--send"], {
      cwd: dir,
      env,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error: Municipality of Etterbeek: could not send through 127\.0\.0\.1: .*ECONNREFUSED/m,
    );
    expect(run.stderr).toContain("not sent: mail/etterbeek.eml");
    expect(run.stderr).toContain("not sent: mail/hub-brussels.cancel.eml");
    expect(existsSync(join(dir, "mail", "etterbeek.eml"))).toBe(true);
  });

  it("refuses --send without a password for the SMTP user, before writing anything", async () => {
    const { dir, agenda, sent } = await round(1);
    const run = await runCli(["invites", agenda, "--data", "data", "-o", "mail", "--previous", sent, "--send"], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: "1535000000" },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("STUDYVISIT_SMTP_PASSWORD is not set");
    expect(existsSync(join(dir, "mail"))).toBe(false);
  });
});
