import { randomBytes } from "node:crypto";
import {
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from "node:fs";
import { writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
import { EnvironmentError, InterruptedError, UsageError } from "../errors.js";
import { describeSystemError, isSystemError } from "../records/file-system-error.js";
import type { CommandDeps } from "./context.js";

export interface OutputFile {
  path: string;
  content: string;
}

/** A folder a run rebuilds whole (a request's folder under `plan --out`): afterwards it holds exactly its files. */
export interface OwnedFolder {
  path: string;
  /** Whether a file inside the folder (path relative to it, `/`-separated) is one studyvisit writes there. */
  owns(relativePath: string): boolean;
}

export interface OutputSet {
  /** Every file to write; a file under one of `folders` is part of that folder. */
  files: OutputFile[];
  /** Folders built fresh in a temporary folder beside them and swapped in at the end: no file of an earlier run survives. */
  folders?: OwnedFolder[];
  /** Files of an earlier run to remove once the new ones are in place (with `force` only). */
  stale?: string[];
  /** A folder locked while the run writes: a second run into it stops with a clear message. */
  lock?: string;
  /** Replace existing outputs; without it, nothing existing is touched. */
  force: boolean;
  /** One output naming a character device (`-o /dev/null`, a terminal) is written to it as a stream, not replaced. */
  allowDevice?: boolean;
}

export type WriterDeps = Pick<CommandDeps, "cwd" | "env" | "err"> & Partial<Pick<CommandDeps, "catchSignals">>;

export const LOCK_FILE = ".studyvisit.lock";
const STAGE_PREFIX = ".studyvisit-stage-";
const OLD_PREFIX = ".studyvisit-old-";

/**
 * Write a set of outputs whole or not at all, and never anything but regular
 * files and folders of our own:
 * - everything is checked before anything is written: an existing output
 *   needs `force`; a link, a device, a FIFO or a folder where a file goes is
 *   refused (only `allowDevice` writes to a character device, as a stream);
 *   a folder to rebuild must hold nothing studyvisit does not write;
 * - each file is written to a temporary file beside its target (a folder's
 *   files into a temporary folder beside it), then all are renamed into place
 *   at the end; a failure puts back what was renamed, so the old outputs stay;
 * - SIGINT or SIGTERM while writing (through `deps.catchSignals`) stops the
 *   run: temporary files are removed and nothing is replaced;
 * - no temporary file, lock or emptied folder of ours remains afterwards.
 * Every refusal from the file system is an EnvironmentError (exit 2) naming
 * the file and what to do.
 */
export async function writeOutputs(set: OutputSet, deps: WriterDeps): Promise<void> {
  const run = (signal: AbortSignal) => new OutputRun(set, deps, signal).run();
  if (deps.catchSignals) return deps.catchSignals(run);
  return run(new AbortController().signal);
}

/** Folders whose lock this process holds: a writer inside `withOutputLock` does not take it again. */
const heldLocks = new Set<string>();

/**
 * Hold `dir`'s lock for the whole of `work`, not only while writing: `plan
 * --out` plans for a while before it writes, and a second run started
 * meanwhile must stop at once rather than both write. SIGINT and SIGTERM are
 * caught for as long (a signal while planning is acted on when the writer
 * starts: nothing is written, the lock is released), so no lock is left
 * behind by a Ctrl-C.
 */
export async function withOutputLock<T>(dir: string, deps: WriterDeps, work: () => Promise<T>): Promise<T> {
  const locked = async (signal: AbortSignal): Promise<T> => {
    if (heldLocks.has(dir)) return work();
    const holder = new OutputRun({ files: [], force: false }, deps, signal);
    let done = false;
    try {
      holder.lockFolder(dir);
      const result = await work();
      done = true;
      return result;
    } finally {
      holder.cleanUp(done);
    }
  };
  if (deps.catchSignals) return deps.catchSignals(locked);
  return locked(new AbortController().signal);
}

class OutputRun {
  private readonly token = `${process.pid}-${randomBytes(4).toString("hex")}`;
  private readonly created: string[] = [];
  private readonly scratch: string[] = [];
  private readonly undo: (() => void)[] = [];
  private releaseLock: (() => void) | undefined;
  private readonly folders: OwnedFolder[];

  constructor(
    private readonly set: OutputSet,
    private readonly deps: WriterDeps,
    private readonly signal: AbortSignal,
  ) {
    this.folders = set.folders ?? [];
  }

  async run(): Promise<void> {
    const device = this.deviceTarget();
    if (device) return this.stream(device);
    let done = false;
    try {
      if (this.set.lock && !heldLocks.has(this.set.lock)) this.lockFolder(this.set.lock);
      this.preflight();
      const staged = await this.stage();
      this.commit(staged);
      done = true;
    } finally {
      this.cleanUp(done);
    }
  }

  private shown(path: string): string {
    const rel = relative(this.deps.cwd, path);
    if (rel === "") return ".";
    return rel.startsWith("..") || isAbsolute(rel) ? path : rel.split(sep).join("/");
  }

  private folderOf(path: string): OwnedFolder | undefined {
    return this.folders.find((f) => path.startsWith(`${f.path}${sep}`));
  }

  private deviceTarget(): OutputFile | undefined {
    const [only, ...more] = this.set.files;
    if (!this.set.allowDevice || !only || more.length > 0 || this.folders.length > 0) return undefined;
    const stats = statOrUndefined(only.path);
    return stats?.isCharacterDevice() ? only : undefined;
  }

  private async stream(file: OutputFile): Promise<void> {
    try {
      await writeFile(file.path, file.content);
    } catch (error) {
      throw this.writeError(error, file.path);
    }
  }

  /** Everything that would refuse is found before the first byte is written. */
  private preflight(): void {
    const paths = new Set<string>();
    for (const file of this.set.files) {
      if (paths.has(file.path))
        throw new UsageError(`${this.shown(file.path)} would be written twice in one run: name each request once`);
      paths.add(file.path);
    }
    const existing: string[] = [];
    for (const file of this.set.files) {
      if (this.folderOf(file.path)) continue;
      const stats = lstatOrUndefined(file.path);
      if (!stats) continue;
      if (!stats.isFile()) throw notReplaceable(this.shown(file.path), file.path, stats, this.set.allowDevice === true);
      existing.push(this.shown(file.path));
    }
    for (const folder of this.folders) {
      const stats = lstatOrUndefined(folder.path);
      if (!stats) continue;
      if (!stats.isDirectory())
        throw new UsageError(
          `${this.shown(folder.path)} ${kindOf(folder.path, stats)}: studyvisit writes this output as a folder of its own`,
          "remove it or write into another folder",
        );
      existing.push(`${this.shown(folder.path)}/`);
      if (!this.set.force) continue;
      let inside: string[] = [];
      this.attempt(folder.path, () => (inside = filesUnder(folder.path)));
      const foreign = inside.filter((rel) => !folder.owns(rel));
      if (foreign.length > 0)
        throw new UsageError(
          `${this.shown(folder.path)}/ holds ${foreign.length === 1 ? "a file" : "files"} studyvisit does not write (${listed(foreign)}): a run with --force replaces the folder whole`,
          `move ${foreign.length === 1 ? "it" : "them"} elsewhere first`,
        );
    }
    if (!this.set.force && existing.length > 0)
      throw new UsageError(
        `refusing to overwrite ${listed(existing)}`,
        "pass --force to replace them, or choose another folder",
      );
  }

  /** Every file into a temporary place beside its target; returns, per file, where it was written. */
  private async stage(): Promise<Map<OutputFile, string>> {
    const staged = new Map<OutputFile, string>();
    const stageOf = new Map<OwnedFolder, string>();
    for (const folder of this.folders) {
      const parent = dirname(folder.path);
      this.ensureFolder(parent);
      const stage = join(parent, `${STAGE_PREFIX}${this.token}`);
      this.attempt(folder.path, () => mkdirSync(stage, { recursive: true }));
      if (!this.scratch.includes(stage)) this.scratch.push(stage);
      stageOf.set(folder, join(stage, basename(folder.path)));
    }
    let written = 0;
    for (const file of this.set.files) {
      this.stopIfAborted();
      const folder = this.folderOf(file.path);
      let temp: string;
      if (folder) {
        temp = join(stageOf.get(folder) as string, relative(folder.path, file.path));
        this.attempt(file.path, () => mkdirSync(dirname(temp), { recursive: true }));
      } else {
        this.ensureFolder(dirname(file.path));
        temp = join(dirname(file.path), `.${basename(file.path)}.${this.token}.tmp`);
        this.scratch.push(temp);
      }
      try {
        await writeFile(temp, file.content, { flag: "wx" });
      } catch (error) {
        throw this.writeError(error, file.path);
      }
      staged.set(file, temp);
      if (++written === 1) await this.testPause();
    }
    for (const folder of this.folders) {
      const stage = stageOf.get(folder) as string;
      this.attempt(folder.path, () => mkdirSync(stage, { recursive: true }));
    }
    this.stopIfAborted();
    return staged;
  }

  /**
   * Renames only, each undone if a later one fails. A signal is not honoured
   * from here on: the renames take milliseconds, and stopping halfway would
   * leave some outputs new and some old.
   */
  private commit(staged: Map<OutputFile, string>): void {
    try {
      for (const folder of this.folders) {
        const stage = join(dirname(folder.path), `${STAGE_PREFIX}${this.token}`, basename(folder.path));
        if (lstatOrUndefined(folder.path)) {
          const old = join(dirname(folder.path), `${OLD_PREFIX}${this.token}`);
          this.attempt(folder.path, () => mkdirSync(old, { recursive: true }));
          if (!this.scratch.includes(old)) this.scratch.push(old);
          const away = join(old, basename(folder.path));
          this.attempt(folder.path, () => renameSync(folder.path, away));
          this.undo.push(() => renameSync(away, folder.path));
        }
        this.attempt(folder.path, () => renameSync(stage, folder.path));
        this.undo.push(() => renameSync(folder.path, stage));
      }
      for (const file of this.set.files) {
        if (this.folderOf(file.path)) continue;
        const temp = staged.get(file) as string;
        const old = `${temp}.old`;
        const existed = lstatOrUndefined(file.path) !== undefined;
        // A hard link keeps the old file reachable to put back, while the target itself never goes missing.
        let kept = false;
        if (existed)
          try {
            linkSync(file.path, old);
            this.scratch.push(old);
            kept = true;
          } catch {
            // No hard links on this file system: this one file cannot be put back if a later rename fails.
          }
        this.attempt(file.path, () => renameSync(temp, file.path));
        this.undo.push(() => {
          if (kept) renameSync(old, file.path);
          else if (!existed) rmSync(file.path, { force: true });
        });
      }
      if (this.set.force)
        for (const path of this.set.stale ?? []) {
          if (!lstatOrUndefined(path)?.isFile()) continue;
          const away = join(dirname(path), `.${basename(path)}.${this.token}.old`);
          this.attempt(path, () => renameSync(path, away));
          this.scratch.push(away);
          this.undo.push(() => renameSync(away, path));
        }
    } catch (error) {
      for (const step of this.undo.reverse()) {
        try {
          step();
        } catch {
          // Best effort: the first error is the one to report.
        }
      }
      throw error;
    }
  }

  cleanUp(done: boolean): void {
    for (const path of this.scratch.reverse()) rmSync(path, { recursive: true, force: true });
    this.releaseLock?.();
    if (!done)
      for (const dir of this.created.reverse()) {
        try {
          rmdirSync(dir);
        } catch {
          // Not empty (someone else wrote there) or already gone: leave it.
        }
      }
  }

  /** `mkdir -p`, remembering the folders it made so that a failed run removes them again. */
  private ensureFolder(dir: string): void {
    const missing: string[] = [];
    let existing = dir;
    while (!lstatOrUndefined(existing) && dirname(existing) !== existing) {
      missing.unshift(existing);
      existing = dirname(existing);
    }
    if (!statOrUndefined(existing)?.isDirectory())
      throw new UsageError(
        `cannot write into ${this.shown(dir)}: ${this.shown(existing)} is ${lstatOrUndefined(existing)?.isSymbolicLink() ? "a symbolic link that leads to no folder" : "a file"}, not a folder`,
        "check the path",
      );
    for (const d of missing) {
      this.attempt(d, () => mkdirSync(d));
      this.created.push(d);
    }
  }

  private stopIfAborted(): void {
    if (!this.signal.aborted) return;
    throw new InterruptedError(this.signal.reason === "SIGTERM" ? "SIGTERM" : "SIGINT");
  }

  /**
   * Tests send a real signal mid-write: STUDYVISIT_TEST_HOOK=pause-mid-write
   * waits after the first file (at most 20 s) until the run is signalled.
   */
  private async testPause(): Promise<void> {
    if (this.deps.env.STUDYVISIT_TEST_HOOK !== "pause-mid-write") return;
    this.deps.err("test hook: paused mid-write");
    await new Promise<void>((resume) => {
      const timer = setTimeout(resume, 20_000);
      this.signal.addEventListener("abort", () => {
        clearTimeout(timer);
        resume();
      });
    });
  }

  private attempt(target: string, action: () => void): void {
    try {
      action();
    } catch (error) {
      throw this.writeError(error, target);
    }
  }

  private writeError(error: unknown, target: string): unknown {
    if (!isSystemError(error)) return error;
    const trouble = describeSystemError(error, true);
    return new EnvironmentError(
      `cannot write ${this.shown(target)}: ${trouble.reason}: ${trouble.hint}${this.set.files.length > 1 || this.folders.length > 0 ? " (nothing was replaced)" : ""}`,
    );
  }

  lockFolder(dir: string): void {
    this.ensureFolder(dir);
    const lock = join(dir, LOCK_FILE);
    const mine = `${process.pid}\n`;
    for (let attempt = 0; ; attempt++) {
      try {
        writeFileSync(lock, mine, { flag: "wx" });
        break;
      } catch (error) {
        if (!isSystemError(error) || error.code !== "EEXIST" || attempt > 0) throw this.writeError(error, lock);
        const holder = lockHolder(lock);
        if (holder === undefined || processAlive(holder))
          throw new EnvironmentError(
            `another studyvisit run${holder === undefined ? "" : ` (process ${holder})`} is writing into ${this.shown(dir)}/: wait until it ends, then run again`,
            `if no studyvisit run is writing there, delete ${this.shown(lock)}`,
          );
        // The run that held it is gone (killed, or the machine stopped): its lock is stale.
        rmSync(lock, { force: true });
      }
    }
    heldLocks.add(dir);
    this.releaseLock = () => {
      heldLocks.delete(dir);
      try {
        if (readFileSync(lock, "utf8") === mine) rmSync(lock, { force: true });
      } catch {
        // Already gone.
      }
    };
    this.removeLeftovers(dir);
  }

  /** Temporary folders of runs that died before cleaning up (SIGKILL, a power cut): with the lock held, no live run owns them. */
  private removeLeftovers(dir: string): void {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const pid = /^\.studyvisit-(?:stage|old)-(\d+)-[0-9a-f]+$/.exec(name)?.[1];
      if (pid !== undefined && !processAlive(Number(pid))) rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
}

function lockHolder(lock: string): number | undefined {
  try {
    const text = readFileSync(lock, "utf8").trim();
    return /^\d+$/.test(text) ? Number(text) : undefined;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return isSystemError(error) && error.code === "EPERM";
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function kindOf(path: string, stats: Stats): string {
  if (stats.isSymbolicLink()) {
    const target = statOrUndefined(path);
    return `is a symbolic link${target?.isDirectory() ? " to a folder" : ""}`;
  }
  if (stats.isDirectory()) return "is a folder";
  if (stats.isFIFO()) return "is a FIFO (named pipe)";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "is a device";
  if (stats.isSocket()) return "is a socket";
  return stats.isFile() ? "is a file" : "is not a regular file";
}

function notReplaceable(shown: string, path: string, stats: Stats, streamsToDevices: boolean): UsageError {
  const kind = kindOf(path, stats);
  if (stats.isDirectory()) return new UsageError(`${shown} is a folder, not a file`, "choose a file name");
  const hint = stats.isSymbolicLink()
    ? "write to the file it points to, or remove the link"
    : streamsToDevices
      ? "leave out -o to print to stdout, or name a regular file"
      : "remove it or choose another name";
  return new UsageError(`${shown} ${kind}: studyvisit only ever replaces regular files`, hint);
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const rel = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(join(d, entry.name), `${rel}/`);
      else out.push(rel);
    }
  };
  walk(dir, "");
  return out.sort();
}

function listed(items: readonly string[]): string {
  return items.length <= 5 ? items.join(", ") : `${items.slice(0, 5).join(", ")} and ${items.length - 5} more`;
}
