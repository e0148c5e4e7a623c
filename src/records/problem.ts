/**
 * How bad a problem is. An error makes the records invalid (exit 3); a
 * warning is printed and the command goes on (`check --strict` fails on it);
 * a note adds context to the problem before it. Absent means error, so every
 * rule written before severities existed stays an error.
 */
export type Severity = "error" | "warning" | "note";

/** One thing wrong in the user's files, positioned like a compiler's message. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
  severity?: Severity;
}

export function formatProblem(p: Problem): string {
  const label = p.severity === undefined || p.severity === "error" ? "" : `${p.severity}: `;
  return `${p.file}:${p.line}:${p.col}: ${label}${p.message}`;
}

export function severityOf(p: Problem): Severity {
  return p.severity ?? "error";
}

export function isError(p: Problem): boolean {
  return severityOf(p) === "error";
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some(isError);
}

export function warningsIn(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === "warning");
}

/** The same problem as a warning. */
export function asWarning(p: Problem): Problem {
  return { ...p, severity: "warning" };
}

/**
 * The closing line: `3 problems in 2 files`, `2 problems and 1 warning in 3
 * files`, `1 warning in 1 file`. Errors keep the word "problem" (scripts and
 * fixtures read it); notes belong to the problem before them and are not counted.
 */
export function problemSummary(problems: readonly Problem[]): string {
  const counted = problems.filter((p) => severityOf(p) !== "note");
  const errors = counted.filter(isError).length;
  const warnings = counted.length - errors;
  const files = new Set(counted.map((p) => p.file)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts = [
    ...(errors > 0 || warnings === 0 ? [plural(errors, "problem")] : []),
    ...(warnings > 0 ? [plural(warnings, "warning")] : []),
  ];
  return `${parts.join(" and ")} in ${plural(files, "file")}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) =>
      a.file < b.file
        ? -1
        : a.file > b.file
          ? 1
          : a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
    )
    .filter((p) => {
      const key = formatProblem(p);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
