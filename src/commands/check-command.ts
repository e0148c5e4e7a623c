import { dataOption, jsonOption, type CommandDefinition } from "./definition.js";

export const checkCommand: CommandDefinition = {
  name: "check",
  args: "[agenda...]",
  summary:
    "validate every record (and agenda files) and print each problem as FILE:LINE:COL: message; warnings exit 0 unless --strict",
  options: [dataOption, { flags: "--strict", description: "warnings fail the check too (exit 3)" }, jsonOption],
  examples: ["studyvisit check --data data", "studyvisit check --strict", "studyvisit check --json"],
  load: () => import("./check.js").then((m) => m.checkRunner),
};
