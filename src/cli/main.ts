import { Command, CommanderError, Option } from "commander";
import { checkCommand } from "../commands/check-command.js";
import type { CommandDeps } from "../commands/context.js";
import type { CommandDefinition } from "../commands/definition.js";
import { hostsCommand } from "../commands/hosts-command.js";
import { initCommand } from "../commands/init-command.js";
import { letterCommand } from "../commands/letter-command.js";
import { newCommand } from "../commands/new-command.js";
import type { Prompter } from "../commands/prompter.js";
import { exportCommand } from "../commands/export-command.js";
import { invitesCommand } from "../commands/invites-command.js";
import { matchCommand } from "../commands/match-command.js";
import { planCommand } from "../commands/plan-command.js";
import { RecordsError, StudyvisitError } from "../errors.js";
import { packageVersion } from "../package-root.js";
import { describeSystemError, isSystemError } from "../records/file-system-error.js";
import { formatProblem, problemSummary } from "../records/problem.js";
import {
  clearingProgress,
  PROGRESS_TIMING,
  terminalProgress,
  type ProgressTiming,
  type TerminalProgress,
} from "./progress.js";
import { parseOptions } from "./command-options.js";
import { currentTime } from "./current-time.js";
import { inquirerPrompter } from "./prompts.js";
import type { Style } from "../commands/context.js";
import { createStyle, wantsColour } from "./style.js";
import { safeSink, terminalSafe, type TextSink } from "./terminal-text.js";

/** Every command as plain data; a command's code is imported only when it runs (see CommandDefinition.load). */
export const COMMANDS: readonly CommandDefinition[] = [
  initCommand,
  checkCommand,
  hostsCommand,
  matchCommand,
  planCommand,
  exportCommand,
  invitesCommand,
  letterCommand,
  newCommand,
];

/** The process around a run; the real one by default, a fake in tests. */
export interface MainIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: TextSink;
  stderr: TextSink;
  stdinIsTTY: boolean;
  /** Answers questions instead of the terminal (tests); by default inquirer asks when stdin is a TTY. */
  prompter?: Prompter;
  /** Where SIGINT and SIGTERM come from while outputs are written: the process, or a test's emitter. */
  signals?: SignalSource;
  /** When progress shows on a terminal stderr (tests draw it at once); PROGRESS_TIMING by default. */
  progressTiming?: ProgressTiming;
  /** The clock, read once per run when SOURCE_DATE_EPOCH is not set; the machine's by default, a fixed one in tests. */
  clock?: () => Date;
}

export type SignalName = "SIGINT" | "SIGTERM";

export interface SignalSource {
  on(signal: SignalName, listener: () => void): unknown;
  off(signal: SignalName, listener: () => void): unknown;
}

function processIO(): MainIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: closableStream(process.stdout, "stdout"),
    stderr: closableStream(process.stderr, "stderr"),
    stdinIsTTY: process.stdin.isTTY === true,
    signals: process,
  };
}

/**
 * stdout closed early (`studyvisit hosts | head -c1`) is not an error: the
 * reader has all it wanted, so the run ends quietly, without a stack. Any
 * other failure to write the results (a full disk behind `>`) is said on
 * stderr and makes the exit status 2.
 */
function closableStream(stream: NodeJS.WriteStream, name: "stdout" | "stderr"): TextSink {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    closed = true;
    if (error.code === "EPIPE" || name === "stderr") return;
    const trouble = isSystemError(error) ? describeSystemError(error, true) : undefined;
    process.stderr.write(
      `error: cannot write the results to stdout: ${trouble ? `${trouble.reason}: ${trouble.hint}` : error.message}\n`,
    );
    process.exitCode = 2;
  });
  return {
    write: (text: string) => (closed ? false : stream.write(text)),
    isTTY: stream.isTTY === true,
    // The terminal's width, read when progress is drawn (log-update wraps at it).
    get columns() {
      return stream.columns;
    },
  };
}

interface GlobalFlags {
  color?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

/** What the command line asks for: a command, with its parsed commander command (its arguments and options). */
interface Invocation {
  definition: CommandDefinition;
  command: Command;
}

/**
 * Run the CLI and return the exit code: parse the command line, run the
 * command, and map what it throws to an exit code, in this one place (SPEC):
 * 0 ok, 1 internal, 2 usage, 3 invalid records, 4 impossible plan. Only bin/
 * turns the code into the process's exit status.
 */
export async function main(argv: readonly string[], rawIO: MainIO = processIO()): Promise<number> {
  // The global flags as parsed so far: an error in a command's own options comes after them.
  const flags = (): GlobalFlags => program.opts<GlobalFlags>();
  // Every byte printed goes through a sink that drops escape sequences and control characters (our own colours excepted).
  const io: MainIO = {
    ...rawIO,
    stdout: safeSink(rawIO.stdout, () => wantsColour(flags().color, rawIO.env, rawIO.stdout.isTTY === true)),
    stderr: safeSink(rawIO.stderr, () => wantsColour(flags().color, rawIO.env, rawIO.stderr.isTTY === true)),
  };
  const program = buildProgram(io);
  try {
    const invocation = await parseCommandLine(program, argv);
    if (!invocation) return 0;
    return await runCommand(invocation, io, flags(), rawIO.stderr);
  } catch (error) {
    return reportError(error, io, createStyle(wantsColour(flags().color, io.env, io.stderr.isTTY === true)), flags());
  }
}

/** The command to run, or undefined when commander printed the help or the version instead. */
async function parseCommandLine(program: Command, argv: readonly string[]): Promise<Invocation | undefined> {
  let invocation: Invocation | undefined;
  // A command's action only says which command it was: it runs after parsing, outside commander.
  for (const command of program.commands) {
    const definition = COMMANDS.find((d) => d.name === command.name());
    command.action((...params: unknown[]) => {
      if (definition) invocation = { definition, command: params[params.length - 1] as Command };
    });
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    const shown = ["commander.helpDisplayed", "commander.version", "commander.help"];
    if (error instanceof CommanderError && shown.includes(error.code)) return undefined;
    throw error;
  }
  return invocation;
}

/**
 * Load the command's code, parse its options with its schema, and run it with
 * the outside world it may touch. `progressStream` is stderr before the safe
 * sink: the progress line is drawn with log-update's own escape codes.
 */
async function runCommand(
  { definition, command }: Invocation,
  io: MainIO,
  globals: GlobalFlags,
  progressStream: TextSink,
): Promise<number> {
  const runner = await definition.load();
  const options = parseOptions(runner, command);
  // Progress only where someone watches: a terminal on stderr, and not with --quiet.
  const progress =
    io.stderr.isTTY === true && globals.quiet !== true
      ? await terminalProgress(progressStream, io.progressTiming ?? PROGRESS_TIMING)
      : undefined;
  try {
    return await runner.run(options, commandDeps(progress ? clearingProgress(io, progress) : io, globals, progress));
  } finally {
    progress?.clear();
  }
}

/** The commands as commander sees them, built from their definitions. */
function buildProgram(io: MainIO): Command {
  const program = new Command("studyvisit");
  program
    .description(
      "Plan study visits: match hosts to a delegation's interests, build an agenda that works on foot, and write the itinerary, calendar files and letters.",
    )
    .version(packageVersion(), "-V, --version", "print the version")
    .option("--no-color", "no colours (also when NO_COLOR is set)")
    .option("-q, --quiet", "print results only, no progress or summaries")
    .option("--debug", "show stack traces of internal errors")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => undefined,
    });

  for (const definition of COMMANDS) {
    const command = program.command(definition.name).summary(definition.summary).description(definition.summary);
    if (definition.args) command.arguments(definition.args);
    for (const option of definition.options) {
      const o = new Option(option.flags, option.description);
      if (option.defaultValue !== undefined) o.default(option.defaultValue);
      command.addOption(o);
    }
    if (definition.examples?.length)
      command.addHelpText("after", `\nExamples:\n${definition.examples.map((e) => `  $ ${e}`).join("\n")}`);
    command.exitOverride().configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => undefined,
    });
  }
  return program;
}

function commandDeps(io: MainIO, globals: GlobalFlags, progress?: TerminalProgress): CommandDeps {
  return {
    cwd: io.cwd,
    env: io.env,
    now: currentTime(io.env, io.clock ?? (() => new Date())),
    out: (text) => io.stdout.write(`${text}\n`),
    err: (text) => io.stderr.write(`${text}\n`),
    style: createStyle(wantsColour(globals.color, io.env, io.stdout.isTTY === true)),
    quiet: globals.quiet === true,
    stdinIsTTY: io.stdinIsTTY,
    ...(io.prompter ? { prompter: io.prompter } : io.stdinIsTTY ? { prompter: inquirerPrompter() } : {}),
    ...(io.signals ? { catchSignals: signalCatcher(io.signals) } : {}),
    ...(progress ? { progress: safeProgress(progress) } : {}),
  };
}

/** SIGINT and SIGTERM abort the work instead of ending the process, for as long as the work runs. */
function signalCatcher(signals: SignalSource): NonNullable<CommandDeps["catchSignals"]> {
  // Nested scopes (the writer inside a run that holds its lock from the start) share the outer one's signal.
  let current: AbortController | undefined;
  return async (work) => {
    if (current) return work(current.signal);
    const controller = new AbortController();
    current = controller;
    const onInt = () => controller.abort("SIGINT");
    const onTerm = () => controller.abort("SIGTERM");
    signals.on("SIGINT", onInt);
    signals.on("SIGTERM", onTerm);
    try {
      return await work(controller.signal);
    } finally {
      signals.off("SIGINT", onInt);
      signals.off("SIGTERM", onTerm);
      current = undefined;
    }
  };
}

/** Progress lines quote request ids and such: drawn like any other text, without escape sequences or control characters. */
function safeProgress(progress: TerminalProgress): TerminalProgress {
  return { update: (status) => progress.update(terminalSafe(status, false)), clear: () => progress.clear() };
}

/** What went wrong, said on stderr, and the exit code it gives. */
function reportError(error: unknown, io: MainIO, style: Style, globals: GlobalFlags): number {
  const say = (text: string) => io.stderr.write(`${text}\n`);
  const debug = globals.debug === true;
  if (error instanceof CommanderError) {
    say(`${style.error("error:")} ${error.message.replace(/^error: /, "")}`);
    say(style.dim("run `studyvisit --help` for the commands and their options"));
    return 2;
  }
  if (error instanceof RecordsError) {
    for (const problem of error.problems) say(`${formatProblem(problem)}`);
    say(style.error(problemSummary(error.problems)));
    return error.exitCode;
  }
  if (error instanceof StudyvisitError) {
    say(`${style.error("error:")} ${error.message}`);
    if (error.hint) say(style.dim(`hint: ${error.hint}`));
    return error.exitCode;
  }
  if (isSystemError(error)) {
    // The file system refused somewhere no command expected it to: still the environment, not a bug.
    const trouble = describeSystemError(error, error.syscall !== "open" && error.syscall !== "read");
    say(`${style.error("error:")} ${error.path ? `${error.path}: ` : ""}${trouble.reason}: ${trouble.hint}`);
    if (debug && error.stack) say(error.stack);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  say(`${style.error("internal error:")} ${message.split("\n")[0]}`);
  if (debug && error instanceof Error && error.stack) say(error.stack);
  else say(style.dim("this is a bug in studyvisit; run again with --debug for details"));
  return 1;
}
