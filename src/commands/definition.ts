// Types only: a definition is what --help is built from, and --help loads no zod.
import type * as z from "zod";
import type { CommandDeps } from "./context.js";

export interface OptionSpec {
  flags: string;
  description: string;
  defaultValue?: string | boolean;
}

/**
 * A command's code, imported when the command runs: the schema of its command
 * line and what runs it. The CLI parses the command line with `options` once
 * (positional arguments under their names, `<request...>` as `request`, and
 * options under commander's names, `--must-visit` as `mustVisit`); a value the
 * schema refuses is a usage error (exit 2) with the schema's message, and
 * `run` receives the schema's typed output. Build one with `commandRunner`.
 */
export interface CommandRunner<Options = unknown> {
  options: z.ZodType<Options>;
  run(options: Options, deps: CommandDeps): Promise<number> | number;
}

/** Pairs a command line's schema with the function that runs it, typed by the schema's output. */
export function commandRunner<Options>(
  options: z.ZodType<Options>,
  run: (options: Options, deps: CommandDeps) => Promise<number> | number,
): CommandRunner<Options> {
  return { options, run };
}

/**
 * A command as plain data: the CLI layer turns it into a commander command.
 * The definition lives in a light module (`<name>-command.ts`) that imports
 * nothing heavy: building `--help` needs every definition, but a run needs
 * only its own command's code, which `load` imports when the command runs.
 * Keeping commander out of here lets tests call the runX function behind a
 * runner without parsing a command line.
 */
export interface CommandDefinition {
  name: string;
  /** commander argument syntax, e.g. `[dir]` or `<request...>` */
  args?: string;
  summary: string;
  options: OptionSpec[];
  examples?: string[];
  /** Imports the command's module (and so its dependencies) and returns its runner: the options' schema and the run. */
  load(): Promise<CommandRunner>;
}

export const dataOption: OptionSpec = {
  flags: "--data <dir>",
  description: "workspace folder (default: $STUDYVISIT_DATA, else ./data)",
};
export const jsonOption: OptionSpec = { flags: "--json", description: "print JSON on stdout instead of text" };
export const forceOption: OptionSpec = { flags: "--force", description: "overwrite existing files" };
