import { forceOption, type CommandDefinition } from "./definition.js";

export const initCommand: CommandDefinition = {
  name: "init",
  args: "[dir]",
  summary:
    "create a workspace with one example place, host and request, or with --example the bundled study visits in Brussels (refuses to overwrite)",
  options: [
    { flags: "--example", description: "write the bundled workspace of real study visits in Brussels, ready to plan" },
    forceOption,
  ],
  examples: [
    "studyvisit init my-visit && studyvisit check --data my-visit",
    "studyvisit init --example demo && studyvisit plan ljubljana-2018 --data demo",
  ],
  load: () => import("./init.js").then((m) => m.initRunner),
};
