import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface Reference {
  readonly value: number;
  /** "bks" from bks.csv (best known), "ref" from ref_results_toptw_xls.csv (one heuristic's best of 10 runs). */
  readonly kind: "bks" | "ref";
}

/** Best-known scores where bks.csv has them, else the reference heuristic's best; keyed "instance/m". */
export function loadReferences(dir: string): Map<string, Reference> {
  const out = new Map<string, Reference>();
  for (const row of readCsv(join(dir, "ref_results_toptw_xls.csv"))) {
    out.set(`${row.instance}/${row.m}`, { value: Number(row.best), kind: "ref" });
  }
  for (const row of readCsv(join(dir, "bks.csv"))) {
    out.set(`${row.instance}/${row.m}`, { value: Number(row.bks), kind: "bks" });
  }
  return out;
}

/** Reference heuristic's best score only (the floor to beat where no best-known score exists). */
export function loadRefBest(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of readCsv(join(dir, "ref_results_toptw_xls.csv")))
    out.set(`${row.instance}/${row.m}`, Number(row.best));
  return out;
}

/** Minimal CSV reader: the reference files have no quoted commas before the columns we read. */
export function readCsv(path: string): Array<Record<string, string>> {
  const lines = readFileSync(path, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0);
  const header = (lines[0] ?? "").split(",");
  return lines.slice(1).map((line) => {
    const cells = line.split(",");
    const row: Record<string, string> = {};
    header.forEach((h, i) => (row[h] = cells[i] ?? ""));
    return row;
  });
}
