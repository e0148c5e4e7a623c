import { dataOption, jsonOption, type CommandDefinition } from "./definition.js";

export const hostsCommand: CommandDefinition = {
  name: "hosts",
  summary: "list the hosts of the workspace (filter by theme)",
  options: [
    dataOption,
    {
      flags: "--theme <theme>",
      description: "only hosts with this theme (case, accents, plurals and synonyms folded)",
    },
    jsonOption,
  ],
  examples: ["studyvisit hosts --theme 'migrant entrepreneurship'"],
  load: () => import("./hosts.js").then((m) => m.hostsRunner),
};
