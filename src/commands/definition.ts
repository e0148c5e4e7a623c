import type { CommandDeps } from "./context.js";

export interface OptionSpec {
  flags: string;
  description: string;
  defaultValue?: string | boolean;
}

/**
 * A command as plain data: the CLI layer turns it into a commander command.
 * Keeping commander out of here lets tests call `run` (or the runX function
 * behind it) without parsing a command line.
 */
export interface CommandDefinition {
  name: string;
  /** commander argument syntax, e.g. `[dir]` or `<request...>` */
  args?: string;
  summary: string;
  options: OptionSpec[];
  examples?: string[];
  run(args: string[], options: Record<string, unknown>, deps: CommandDeps): Promise<number> | number;
}

export const dataOption: OptionSpec = {
  flags: "--data <dir>",
  description: "workspace folder (default: $STUDYVISIT_DATA, else ./data)",
};
export const jsonOption: OptionSpec = { flags: "--json", description: "print JSON on stdout instead of text" };
export const forceOption: OptionSpec = { flags: "--force", description: "overwrite existing files" };
