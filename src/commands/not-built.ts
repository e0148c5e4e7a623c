import { NotBuiltError } from "../errors.js";
import { dataOption, forceOption, type CommandDefinition } from "./definition.js";

// Commands of SPEC that later issues build. They are listed in --help so the
// whole contract is visible, and they say plainly that they are not there yet.

function notBuilt(name: string, args: string, summary: string, issue: string, options: CommandDefinition["options"]): CommandDefinition {
  return {
    name,
    args,
    summary: `${summary} [not built yet]`,
    options,
    run: () => {
      throw new NotBuiltError(name, issue);
    },
  };
}

export const notBuiltCommands: CommandDefinition[] = [
  notBuilt("export", "<agenda>", "render an agenda file as md, ics, json or html", "issue #4 (exports)", [
    dataOption,
    { flags: "--format <format>", description: "md | ics | json | html" },
    { flags: "-o, --output <file>", description: "write to FILE instead of stdout" },
    forceOption,
  ]),
  notBuilt("invites", "<agenda>", "one METHOD:REQUEST .ics per host, cancellations for dropped visits", "issue #4 (exports)", [
    dataOption,
    { flags: "-o, --output <dir>", description: "folder for the .ics files" },
    { flags: "--previous <agenda>", description: "the agenda sent before, to raise SEQUENCE and cancel dropped visits" },
    forceOption,
  ]),
];
