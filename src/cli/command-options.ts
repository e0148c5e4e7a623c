import type { Command } from "commander";
// Types only: the schemas, and so zod's code, come with the command's own module (CommandDefinition.load).
import type * as z from "zod";
import type { CommandRunner } from "../commands/definition.js";
import { UsageError } from "../errors.js";

/**
 * The command line as a command's schema reads it: each positional argument
 * under its name (`<request...>` as `request`) and each option under
 * commander's name for it (`--must-visit` as `mustVisit`).
 */
export function commandLine(command: Command): Record<string, unknown> {
  const args = command.registeredArguments.map((argument, i) => [argument.name(), command.processedArgs[i]] as const);
  return { ...Object.fromEntries(args.filter(([, value]) => value !== undefined)), ...command.opts() };
}

/** The command line parsed by the command's schema, once; what the schema refuses is a usage error that names the flag. */
export function parseOptions<T>(runner: CommandRunner<T>, command: Command): T {
  const input = commandLine(command);
  const parsed = runner.options.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new UsageError(
    parsed.error.issues.map((issue) => describeIssue(issue, input, command)).join("; "),
    `\`studyvisit ${command.name()} --help\` lists its options`,
  );
}

/**
 * `--limit 0: needs a whole number of at least 1`: the flag (or argument) as
 * the user wrote it, the value given, and the schema's message; a message
 * about the options together (`--all goes with --previous`) stands alone.
 */
function describeIssue(issue: z.core.$ZodIssue, input: Record<string, unknown>, command: Command): string {
  const [key, index] = issue.path;
  if (typeof key !== "string") return issue.message;
  const option = command.options.find((o) => o.attributeName() === key);
  const name = option ? (option.long ?? option.short ?? key) : `<${key}>`;
  const given = input[key];
  const value = Array.isArray(given) && typeof index === "number" ? given[index] : given;
  return typeof value === "string" ? `${name} ${value}: ${issue.message}` : `${name}: ${issue.message}`;
}
