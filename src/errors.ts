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

/** Exit 2: the world around the command failed (a mail server refused or is unreachable); what is on disk stays. */
export class EnvironmentError extends StudyvisitError {
  constructor(message: string, hint?: string) {
    super(message, 2, hint);
  }
}
