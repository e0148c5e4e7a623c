import type { Problem } from "./problem.js";
import type { Place } from "./schemas.js";
import { travelKey } from "./workspace.js";

/**
 * A travel-time matrix as a routing engine's table service or a spreadsheet
 * gives it: the header row names the destination place ids (its first cell is
 * ignored, e.g. `from\to`), each further row starts with an origin place id
 * followed by minutes. An empty cell means "no override, estimate it".
 * Commas or semicolons separate cells (spreadsheets in French or Dutch use `;`).
 */
export function parseTravelMatrix(
  file: string,
  text: string,
  places: ReadonlyMap<string, Place>,
): { minutes: Map<string, number>; problems: Problem[] } {
  const minutes = new Map<string, number>();
  const problems: Problem[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = lines[0] ?? "";
  const delimiter = header.includes(";") && !header.includes(",") ? ";" : ",";
  const cellsOf = (line: string) => {
    const cells: { text: string; col: number }[] = [];
    let col = 1;
    for (const raw of line.split(delimiter)) {
      cells.push({ text: raw.trim().replace(/^"(.*)"$/, "$1"), col: col + (raw.length - raw.trimStart().length) });
      col += raw.length + 1;
    }
    return cells;
  };
  const problem = (line: number, col: number, message: string) => problems.push({ file, line, col, message });
  const checkPlace = (id: string, line: number, col: number) => {
    if (places.has(id)) return true;
    problem(line, col, `unknown place \`${id}\` in the travel matrix`);
    return false;
  };

  const columns = cellsOf(header).slice(1);
  if (columns.length === 0) {
    problem(1, 1, "the travel matrix needs a header row of place ids: `from\\to,hotel-midi,microstart-office,…`");
    return { minutes, problems };
  }
  const known = columns.map((c) => c.text !== "" && checkPlace(c.text, 1, c.col));
  lines.slice(1).forEach((line, i) => {
    const lineNo = i + 2;
    if (line.trim() === "") return;
    const [first, ...cells] = cellsOf(line);
    if (!first || !checkPlace(first.text, lineNo, first.col)) return;
    if (cells.length > columns.length)
      problem(
        lineNo,
        (cells[columns.length] as { col: number }).col,
        `this row has ${cells.length} values but the header names ${columns.length} places`,
      );
    cells.slice(0, columns.length).forEach((cell, j) => {
      if (cell.text === "" || !known[j]) return;
      const value = Number(cell.text.replace(",", "."));
      if (!Number.isFinite(value) || value < 0)
        return problem(lineNo, cell.col, `\`${cell.text}\` is not a number of minutes`);
      minutes.set(travelKey(first.text, (columns[j] as { text: string }).text), Math.ceil(value));
    });
  });
  return { minutes, problems };
}
