import { dataOption, forceOption, type CommandDefinition } from "./definition.js";

export const invitesCommand: CommandDefinition = {
  name: "invites",
  args: "<agenda>",
  summary:
    "one METHOD:REQUEST .ics per host; with --previous, higher SEQUENCE for moved visits and METHOD:CANCEL files for dropped ones",
  options: [
    dataOption,
    { flags: "-o, --output <dir>", description: "folder for the .ics files (required)" },
    { flags: "--previous <agenda>", description: "the agenda whose invitations were sent before" },
    forceOption,
  ],
  examples: ["studyvisit invites out/ljubljana-2018/agenda.yaml -o invites --previous sent/agenda.yaml"],
  load: () => import("./invites.js").then((m) => m.runInvitesCommand),
};
