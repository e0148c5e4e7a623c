import { dataOption, jsonOption, type CommandDefinition } from "./definition.js";

export const matchCommand: CommandDefinition = {
  name: "match",
  args: "<request>",
  summary: "rank the hosts in a request's area: score, matched interests, free windows, and why others are excluded",
  options: [
    dataOption,
    { flags: "--limit <n>", description: "show the first N candidates" },
    { flags: "--all", description: "every host, those outside the request's area too (area.within_km, default 50)" },
    jsonOption,
  ],
  examples: ["studyvisit match ljubljana-2018 --limit 5", "studyvisit match ljubljana-2018 --all"],
  load: () => import("./match.js").then((m) => m.matchRunner),
};
