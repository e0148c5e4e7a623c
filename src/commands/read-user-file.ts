import { EnvironmentError, UsageError } from "../errors.js";
import { isContentFailure, readTextFile, type TextFileFailure, type TextFileLimit } from "../records/read-text-file.js";
import { TemplateError } from "../render/template-error.js";

/**
 * A file named on the command line that is not a record (a template): any
 * failure is exit 2, as one line naming the file and what to do. `shown` is the
 * path as the user wrote it; `missing` is the message when there is no such file.
 */
export function readUserFile(
  path: string,
  shown: string,
  limit: TextFileLimit,
  missing?: { message: string; hint?: string },
): string {
  const read = readTextFile(path, limit);
  if (!read.failure) return read.text;
  throw userFileError(shown, read.failure, missing);
}

/** The exit-2 error for a failure reading a file named on the command line. */
export function userFileError(
  shown: string,
  failure: TextFileFailure,
  missing?: { message: string; hint?: string },
): UsageError | EnvironmentError {
  if (failure.code === "ENOENT" && missing) return new UsageError(missing.message, missing.hint);
  const hint = failure.hint ? `: ${failure.hint}` : "";
  if (isContentFailure(failure))
    return new UsageError(`${shown}:${failure.line}:${failure.col}: ${failure.reason}${hint}`);
  return new EnvironmentError(`${shown} ${failure.reason}${hint}`);
}

/** Runs a render with the user's template `shown`: a TemplateError becomes exit 2, positioned in that file. */
export function withUserTemplate<T>(shown: string | undefined, render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (shown === undefined || !(error instanceof TemplateError)) throw error;
    throw new UsageError(`${shown}:${error.line}:${error.col}: ${error.message}`);
  }
}
