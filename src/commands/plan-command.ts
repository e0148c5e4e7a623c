import { dataOption, forceOption, jsonOption, type CommandDefinition } from "./definition.js";

export const planCommand: CommandDefinition = {
  name: "plan",
  args: "<request...>",
  summary: "build the day-by-day agenda for one or several requests (no host double-booked)",
  options: [
    dataOption,
    {
      flags: "--out <dir>",
      description: "write agenda.yaml, itinerary.md, itinerary.ics, report.md and invites/ per request",
    },
    jsonOption,
    { flags: "--booked <agenda...>", description: "agendas whose host time is already taken" },
    {
      flags: "--previous <agenda>",
      description:
        "re-plan with the fewest changes: confirmed visits stay, declined hosts are left out, proposed ones move only for a higher value",
    },
    { flags: "--keep-proposed", description: "with --previous: proposed and requested visits stay where they are too" },
    { flags: "--avoid <host...>", description: "leave these hosts out" },
    { flags: "--must-visit <host...>", description: "visit these hosts (exit 4 if impossible)" },
    { flags: "--pin <host@dateTtime...>", description: "fix a visit's start, e.g. microstart@2018-09-19T09:30" },
    { flags: "--interactive", description: "adjust the plan at prompts (drop, pin, must-visit), then save" },
    forceOption,
  ],
  examples: ["studyvisit plan ljubljana-2018", "studyvisit plan ljubljana-2018 jelgava-schaerbeek --json"],
  load: () => import("./plan.js").then((m) => m.planRunner),
};
