import { dataOption, jsonOption, type CommandDefinition } from "./definition.js";

export const matchCommand: CommandDefinition = {
  name: "match",
  args: "<request>",
  summary: "rank hosts for a request: score, matched interests, free windows, and why others are excluded",
  options: [dataOption, { flags: "--limit <n>", description: "show the first N candidates" }, jsonOption],
  examples: ["studyvisit match ljubljana-2018 --limit 5"],
  load: () => import("./match.js").then((m) => m.runMatchCommand),
};
