import { dataOption, forceOption, type CommandDefinition } from "./definition.js";

export const invitesCommand: CommandDefinition = {
  name: "invites",
  args: "<agenda>",
  summary:
    "the invitations an agenda calls for: METHOD:REQUEST per host; with --previous only what changed (REQUEST for new and moved visits, CANCEL for dropped ones); --eml e-mails, --send through SMTP",
  options: [
    dataOption,
    { flags: "-o, --output <dir>", description: "folder for the .ics (or .eml) files (required)" },
    {
      flags: "--previous <agenda>",
      description: "the agenda whose invitations were sent before: write only what changed",
    },
    { flags: "--all", description: "with --previous: write every host, the unchanged ones too" },
    { flags: "--eml", description: "ready-to-send e-mails (.eml, iMIP): text, calendar part and the .ics attached" },
    {
      flags: "--send",
      // SMTP_PASSWORD_VARIABLE of invites.ts, written out: a definition imports nothing (a test compares them).
      description:
        "send the e-mails through the smtp: server of studyvisit.yaml (password from STUDYVISIT_SMTP_PASSWORD); implies --eml",
    },
    { flags: "--only <host...>", description: "only these hosts' messages (to finish a send that stopped)" },
    forceOption,
  ],
  examples: [
    "studyvisit invites out/ljubljana-2018/agenda.yaml -o invites --previous sent/agenda.yaml",
    "studyvisit invites out/ljubljana-2018/agenda.yaml -o mail --previous sent/agenda.yaml --eml",
  ],
  load: () => import("./invites.js").then((m) => m.invitesRunner),
};
