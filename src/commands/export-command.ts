import { dataOption, forceOption, type CommandDefinition } from "./definition.js";

export const exportCommand: CommandDefinition = {
  name: "export",
  args: "<agenda>",
  summary: "render an agenda file (re-checked on load) as md, ics, json or html",
  options: [
    dataOption,
    { flags: "--format <format>", description: "md | ics | json | html", defaultValue: "md" },
    { flags: "-o, --output <file>", description: "write to FILE instead of stdout" },
    {
      flags: "--template <file>",
      description: "your own Mustache template for --format md (copy templates/itinerary.md)",
    },
    forceOption,
  ],
  examples: ["studyvisit export out/ljubljana-2018/agenda.yaml --format html -o booklet.html"],
  load: () => import("./export.js").then((m) => m.exportRunner),
};
