import { forceOption, type CommandDefinition } from "./definition.js";

export const initCommand: CommandDefinition = {
  name: "init",
  args: "[dir]",
  summary: "create a workspace with one example place, host and request (refuses to overwrite)",
  options: [forceOption],
  examples: ["studyvisit init my-visit && studyvisit check --data my-visit"],
  load: () => import("./init.js").then((m) => m.runInitCommand),
};
