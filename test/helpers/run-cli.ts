import { main } from "../../src/cli/main.js";
import type { ProgressTiming } from "../../src/cli/progress.js";
import type { Prompter } from "../../src/commands/prompter.js";
import { scriptedPrompter, type ScriptedAnswer, type ScriptedPrompter } from "./scripted-prompter.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The prompter built from a script of answers (`prompter: [...]`): what it was asked, and what is left. */
  prompter?: ScriptedPrompter;
}

export interface CliOptions {
  /** The working folder; the test process's by default. */
  cwd?: string;
  /** The environment, over NO_COLOR=1; nothing of the test process's. */
  env?: Record<string, string | undefined>;
  /**
   * Which streams are terminals: `true` all three, or each one. By default none,
   * except stdin when a prompter is given (someone at a terminal answers).
   */
  tty?: boolean | { stdin?: boolean; stdout?: boolean; stderr?: boolean };
  /**
   * Who answers the questions: a Prompter, or a script of answers (see
   * scriptedPrompter), which then comes back in the run as `prompter`.
   */
  prompter?: Prompter | readonly ScriptedAnswer[];
  /** The clock the run reads when SOURCE_DATE_EPOCH is not set (the machine's by default). */
  now?: Date;
  /** When progress shows on a terminal stderr: PROGRESS_TIMING by default. */
  progressTiming?: ProgressTiming;
  /** Every write, in order, as one terminal showing both streams would receive them. */
  onWrite?: (stream: "stdout" | "stderr", text: string) => void;
}

/** A run whose questions a script answered: its prompter tells what was asked and what is left of the script. */
export type ScriptedRun = CliRun & { prompter: ScriptedPrompter };

/** Run `main` in-process: the one way tests run the CLI (bin/ has its own smoke test). */
export function runCli(
  argv: string[],
  options: CliOptions & { prompter: readonly ScriptedAnswer[] },
): Promise<ScriptedRun>;
export function runCli(argv: string[], options?: CliOptions): Promise<CliRun>;
export async function runCli(argv: string[], options: CliOptions = {}): Promise<CliRun> {
  const written = { stdout: "", stderr: "" };
  const scripted = Array.isArray(options.prompter) ? scriptedPrompter(options.prompter) : undefined;
  const prompter = scripted ?? (options.prompter as Prompter | undefined);
  const tty =
    typeof options.tty === "object" ? options.tty : { stdin: options.tty, stdout: options.tty, stderr: options.tty };
  const sink = (stream: "stdout" | "stderr") => ({
    write: (text: string) => {
      options.onWrite?.(stream, text);
      written[stream] += text;
      return true;
    },
    isTTY: tty[stream] ?? false,
  });
  const code = await main(argv, {
    cwd: options.cwd ?? process.cwd(),
    env: { NO_COLOR: "1", ...options.env },
    stdout: sink("stdout"),
    stderr: sink("stderr"),
    stdinIsTTY: tty.stdin ?? prompter !== undefined,
    ...(prompter ? { prompter } : {}),
    ...(options.now ? { clock: () => options.now as Date } : {}),
    ...(options.progressTiming ? { progressTiming: options.progressTiming } : {}),
  });
  return { code, ...written, ...(scripted ? { prompter: scripted } : {}) };
}
