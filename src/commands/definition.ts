import type { CommandDeps } from "./context.js";

export interface OptionSpec {
  flags: string;
  description: string;
  defaultValue?: string | boolean;
}

/** Runs a command from its parsed command line: positional arguments and options as commander gives them. */
export type CommandRunner = (
  args: string[],
  options: Record<string, unknown>,
  deps: CommandDeps,
) => Promise<number> | number;

/**
 * A command as plain data: the CLI layer turns it into a commander command.
 * The definition lives in a light module (`<name>-command.ts`) that imports
 * nothing heavy: building `--help` needs every definition, but a run needs
 * only its own command's code, which `load` imports when the command runs.
 * Keeping commander out of here lets tests call the runner (or the runX
 * function behind it) without parsing a command line.
 */
export interface CommandDefinition {
  name: string;
  /** commander argument syntax, e.g. `[dir]` or `<request...>` */
  args?: string;
  summary: string;
  options: OptionSpec[];
  examples?: string[];
  /** Imports the command's module (and so its dependencies) and returns its runner. */
  load(): Promise<CommandRunner>;
}

export const dataOption: OptionSpec = {
  flags: "--data <dir>",
  description: "workspace folder (default: $STUDYVISIT_DATA, else ./data)",
};
export const jsonOption: OptionSpec = { flags: "--json", description: "print JSON on stdout instead of text" };
export const forceOption: OptionSpec = { flags: "--force", description: "overwrite existing files" };
