import type { Problem } from "./records/problem.js";

/** An error the user can act on: `main` prints its message (and hint) and exits with its code, never a stack trace. */
export class StudyvisitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Exit 2: the command line itself is wrong (unknown flag, missing folder, file exists). */
export class UsageError extends StudyvisitError {
  constructor(message: string, hint?: string) {
    super(message, 2, hint);
  }
}

/** Exit 3: the records are invalid. Carries every problem; `main` prints them all. */
export class RecordsError extends StudyvisitError {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the records`, 3);
  }
}

/** Exit 4: no plan exists (a must-visit host cannot be placed, fixed items clash). */
export class PlanImpossibleError extends StudyvisitError {
  constructor(message: string, hint?: string) {
    super(message, 4, hint);
  }
}

/**
 * Exit 2: the file system or the environment refused, not the records: a file
 * named on the command line that cannot be read, an output that cannot be
 * written (full disk, no permission, name too long), another run's lock.
 */
export class EnvironmentError extends StudyvisitError {
  constructor(message: string, hint?: string) {
    super(message, 2, hint);
  }
}

/** Exit 128 + the signal's number (130 for SIGINT, 143 for SIGTERM): the run was stopped and cleaned up after itself. */
export class InterruptedError extends StudyvisitError {
  constructor(readonly signal: "SIGINT" | "SIGTERM") {
    super(`interrupted (${signal}): nothing was replaced`, signal === "SIGINT" ? 130 : 143);
  }
}
