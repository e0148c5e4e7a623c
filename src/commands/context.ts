import type { Prompter } from "./prompter.js";

/** What a command may touch of the outside world; `main` builds it, tests fake it. */
export interface CommandDeps {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * The run's current time, read once by the CLI: SOURCE_DATE_EPOCH when set
   * (reproducible outputs), else the clock. Commands never read the clock:
   * every DTSTAMP, "generated" line and letter date comes from here.
   */
  now: Date;
  /** Results: what a script would pipe. */
  out(text: string): void;
  /** Diagnostics and progress. */
  err(text: string): void;
  style: Style;
  quiet: boolean;
  stdinIsTTY: boolean;
  /** Questions to the user; present only when there is a terminal to ask in (see `studyvisit new`). */
  prompter?: Prompter;
  /**
   * Runs `work` with SIGINT and SIGTERM caught: instead of ending the process
   * they abort `signal`, so the writer can remove its temporary files and
   * leave the old outputs whole. Outside it a signal ends the process at once
   * (nothing is being written then). `main` wires it to the process; absent in
   * tests that call a command directly.
   */
  catchSignals?<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Where long work says how far it is; the CLI draws it on a terminal after about a second, never into a pipe or with --quiet. */
  progress?: Progress;
}

export interface Progress {
  /** The current state in a few words, replacing the previous one (e.g. `planning: 2 of 5 requests done`). */
  update(status: string): void;
}

/** Every colour the tool uses; src/cli/style.ts draws them (the one module that imports chalk), commands receive a Style. */
export interface Style {
  enabled: boolean;
  error(text: string): string;
  warn(text: string): string;
  ok(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  accent(text: string): string;
  location(text: string): string;
  travel(text: string): string;
}
