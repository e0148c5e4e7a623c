/** One thing wrong (or worth saying) in the user's files, positioned like a compiler's message. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
  /** absent = error; a warning fails only `check --strict`; a note is information (an agreed exception) */
  severity?: "error" | "warning" | "note";
}

export function formatProblem(p: Problem): string {
  const label = p.severity === "note" ? "note: " : p.severity === "warning" ? "warning: " : "";
  return `${p.file}:${p.line}:${p.col}: ${label}${p.message}`;
}

/** An error, as opposed to a warning or a note. */
export function isError(p: Problem): boolean {
  return p.severity === undefined || p.severity === "error";
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
