import { basename, dirname, join } from "node:path";

export type SetName = "solomon" | "cordeau";

/** One OPTW set: where its instances and reference scores are, and the distance rule its best-known scores hold under. */
export interface BenchSet {
  readonly name: SetName;
  readonly dir: string;
  /** Folder of bks.csv and ref_results_toptw_xls.csv. */
  readonly refDir: string;
  /** Euclidean distances truncated to this many decimals. */
  readonly decimals: number;
}

export function setName(s: string): SetName {
  if (s === "solomon" || s === "cordeau") return s;
  throw new Error(`--set takes solomon or cordeau, got ${s}`);
}

/**
 * The sets of ../shared/bench/optw (root) and their rounding rules (its README): the best-known scores hold with
 * distances truncated to one decimal on the Solomon-based sets and to two on the Cordeau-based one.
 */
export function benchSet(name: SetName, root: string): BenchSet {
  return name === "cordeau"
    ? { name, dir: join(root, "cordeau"), refDir: join(root, "cordeau"), decimals: 2 }
    : { name, dir: join(root, "solomon"), refDir: root, decimals: 1 };
}

/** A file given on the command line belongs to the Cordeau set when it sits in a folder named cordeau (its references beside it). */
export function setOfFile(file: string, root: string): BenchSet {
  if (basename(dirname(file)) === "cordeau") return { ...benchSet("cordeau", root), refDir: dirname(file) };
  return benchSet("solomon", root);
}
