import { dataOption, forceOption, type CommandDefinition } from "./definition.js";

export const letterCommand: CommandDefinition = {
  name: "letter",
  args: "<request>",
  summary: "draft the note-of-intention letter(s) to hosts, in Markdown",
  options: [
    dataOption,
    { flags: "--host <id>", description: "the host to write to (stdout, or -o FILE)" },
    { flags: "--all", description: "one letter per candidate host, in ranked order, into -o DIR" },
    {
      flags: "--lang <lang>",
      // The codes of LETTER_LANGUAGES (src/render/letter-language.ts), written out: a definition imports nothing (a test compares them).
      description:
        "en | fr | nl | de | es | it | pl (default: the host contact's language, else the organiser's, else en)",
    },
    { flags: "--template <file>", description: "your own letter template (a copy of templates/letters/<lang>.md)" },
    { flags: "-o, --output <path>", description: "file (one letter) or folder (--all)" },
    forceOption,
  ],
  examples: ["studyvisit letter ljubljana-2018 --host etterbeek", "studyvisit letter ljubljana-2018 --all -o letters/"],
  load: () => import("./letter.js").then((m) => m.letterRunner),
};
