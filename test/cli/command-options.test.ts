import { Argument, Option } from "commander";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { COMMANDS } from "../../src/cli/main.js";
import { repoRoot } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

const agenda = "out/ljubljana-2018/agenda.yaml";

describe("each command's options: a schema in the command's module, parsed once by the CLI", () => {
  it.each(COMMANDS.map((definition) => [definition.name, definition] as const))(
    "%s: the schema reads exactly the arguments and options its definition declares",
    async (_name, definition) => {
      const runner = await definition.load();
      expect(runner.options).toBeInstanceOf(z.ZodObject);
      const declared = [
        ...(definition.args ? definition.args.split(" ").map((a) => new Argument(a).name()) : []),
        ...definition.options.map((o) => new Option(o.flags).attributeName()),
      ];
      expect(Object.keys((runner.options as z.ZodObject).shape).sort()).toEqual(declared.sort());
    },
  );

  it.each([
    [["match", "ljubljana-2018", "--limit", "0"], "error: --limit 0: needs a whole number of at least 1\n"],
    [["match", "ljubljana-2018", "--limit", "two"], "error: --limit two: needs a whole number of at least 1\n"],
    [["export", agenda, "--format", "pdf"], "error: --format pdf: must be one of md, ics, json, html\n"],
    [
      ["plan", "ljubljana-2018", "--pin", "etterbeek@2018-09-19T09:30", "microstart@19/09"],
      "error: --pin microstart@19/09: write HOST@DATE`T`TIME, e.g. microstart@2018-09-19T09:30\n",
    ],
    [["invites", agenda], "error: --output: name the folder to write the .ics (or .eml) files into: -o DIR\n"],
    [
      ["invites", agenda, "-o", "x", "--all"],
      "error: --all goes with --previous: without a previous agenda every host is written anyway\n",
    ],
  ])("%j is a usage error that names the flag and the value", async (argv, stderr) => {
    // Refused before anything is read: no workspace is needed (the data folder is not even looked for).
    expect(await runCli([...argv, "--data", "/nonexistent/studyvisit"], { cwd: repoRoot })).toEqual({
      code: 2,
      stdout: "",
      stderr: `${stderr}hint: \`studyvisit ${argv[0]} --help\` lists its options\n`,
    });
  });
});
