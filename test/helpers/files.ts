import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const fixturesDir = join(repoRoot, "test", "fixtures");

export function tempDir(prefix = "studyvisit-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A private copy of a fixture folder, so a test may change or write into it. */
export function copyFixture(path: string): string {
  const dir = tempDir();
  cpSync(path, dir, { recursive: true });
  return dir;
}

/** Every file under `dir` with its content: compare before and after to prove nothing was written. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = readFileSync(full, "utf8");
    }
  };
  walk(dir);
  return out;
}

/** What a run of ours may leave behind: temporary files and folders, backups, a lock. Empty after every run. */
export function leftovers(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (/^\.studyvisit|\.tmp$|\.old$/.test(entry.name)) out.push(relative(dir, full));
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out;
}
