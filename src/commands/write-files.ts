import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { UsageError } from "../errors.js";

export interface OutputFile {
  path: string;
  content: string;
}

/**
 * Write a set of files whole or not at all: refuse before writing anything if
 * one exists (unless `force`), write each to a temporary file beside its
 * target, and rename only once every temporary file is written.
 */
export function writeFilesSafely(files: readonly OutputFile[], options: { force: boolean; cwd: string }): void {
  if (!options.force) {
    const existing = files.filter((f) => existsSync(f.path)).map((f) => relative(options.cwd, f.path) || f.path);
    if (existing.length > 0) {
      throw new UsageError(
        `refusing to overwrite ${existing.join(", ")}`,
        "pass --force to replace them, or choose another folder",
      );
    }
  }
  const temps: string[] = [];
  try {
    files.forEach((file, i) => {
      mkdirSync(dirname(file.path), { recursive: true });
      const temp = `${file.path}.${process.pid}.${i}.tmp`;
      temps.push(temp);
      writeFileSync(temp, file.content, { flag: "wx" });
    });
    files.forEach((file, i) => renameSync(temps[i] as string, file.path));
  } catch (error) {
    for (const temp of temps) rmSync(temp, { force: true });
    throw error;
  }
}
