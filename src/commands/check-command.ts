import { dataOption, jsonOption, type CommandDefinition } from "./definition.js";

export const checkCommand: CommandDefinition = {
  name: "check",
  args: "[agenda...]",
  summary: "validate every record (and agenda files) and print each problem as FILE:LINE:COL: message",
  options: [dataOption, jsonOption],
  examples: ["studyvisit check --data data", "studyvisit check --json"],
  load: () => import("./check.js").then((m) => m.runCheckCommand),
};
