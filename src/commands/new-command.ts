import { dataOption, type CommandDefinition } from "./definition.js";

export const newCommand: CommandDefinition = {
  name: "new",
  args: "<kind>",
  summary: "interactive wizard that writes a host, place or request record (needs a terminal)",
  options: [dataOption],
  examples: ["studyvisit new place", "studyvisit new host --data my-visit"],
  load: () => import("./new.js").then((m) => m.newRunner),
};
