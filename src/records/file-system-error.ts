/**
 * What the operating system said, in words a user can act on. Every file the
 * tool reads or writes goes through here when the system refuses, so a full
 * disk or an unreadable file is an error message with what to do, never an
 * "internal error".
 */
export interface FileSystemTrouble {
  /** The errno code (`EACCES`, `ENOSPC`, …), for callers that branch. */
  code: string;
  /**
   * Reading: what is wrong, following the file's name ("is not readable (permission denied)").
   * Writing: why it failed, following "cannot write FILE:" ("the disk is full").
   */
  reason: string;
  /** What to do about it. */
  hint: string;
}

/** True for an error thrown by a Node fs call: it carries an errno `code` and names a `syscall`. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === "string" &&
    "syscall" in (error as object)
  );
}

/** The trouble behind a failed fs call, worded for a file being read or being written. */
export function describeSystemError(error: NodeJS.ErrnoException, writing: boolean): FileSystemTrouble {
  const code = error.code ?? "EUNKNOWN";
  const words = WORDS[code];
  const detail = error.message.replace(/^[A-Z0-9_]+: /, "").replace(/, \w+ '.*'$/, "");
  if (!words)
    return {
      code,
      reason: writing ? detail : `cannot be read (${detail})`,
      hint: "check the path and the file system",
    };
  const [readReason, readHint, writeReason, writeHint] = words;
  return writing ? { code, reason: writeReason, hint: writeHint } : { code, reason: readReason, hint: readHint };
}

// code → [reason when reading, hint when reading, reason when writing, hint when writing]
const WORDS: Record<string, [string, string, string, string]> = {
  ENOENT: [
    "does not exist",
    "check the path",
    "a folder on its path does not exist",
    "check the path, or create the folder first",
  ],
  EACCES: [
    "is not readable (permission denied)",
    "make it readable (chmod a+r) or run studyvisit as a user who may read it",
    "permission denied",
    "choose a folder you may write to, or make it writable (chmod u+w)",
  ],
  EPERM: [
    "may not be opened (operation not permitted)",
    "check the file's permissions and attributes",
    "operation not permitted",
    "choose a folder you may write to, or check the file's permissions and attributes",
  ],
  ELOOP: [
    "is a symbolic link that loops back on itself",
    "point the link at a real file, or remove it",
    "a symbolic link on its path loops back on itself",
    "point the link at a real folder, or remove it",
  ],
  EISDIR: [
    "is a folder, not a file",
    "name a file, not a folder",
    "it is a folder",
    "choose a file name, not a folder",
  ],
  ENOTDIR: [
    "has a file where its path needs a folder",
    "check the path: a part of it before the last `/` is a file",
    "a part of its path is a file, not a folder",
    "check the path: a part of it before the last `/` is a file",
  ],
  ENAMETOOLONG: [
    "has a name too long for the file system",
    "use a shorter file name",
    "the name is too long for the file system",
    "use a shorter path (files are named after ids: a shorter id)",
  ],
  ENOSPC: [
    "cannot be read: the disk is full",
    "free some space",
    "the disk is full",
    "free some space or write to another disk",
  ],
  EDQUOT: [
    "cannot be read: the disk quota is used up",
    "free some space",
    "the disk quota is used up",
    "free some space within your quota",
  ],
  EROFS: [
    "is on a read-only file system",
    "copy it to a writable disk",
    "the file system is read-only",
    "write to a folder on a writable disk",
  ],
  EMFILE: [
    "cannot be opened: too many files are open",
    "close other programs and try again",
    "too many files are open",
    "close other programs and try again",
  ],
  ENFILE: [
    "cannot be opened: too many files are open on the system",
    "close other programs and try again",
    "too many files are open on the system",
    "close other programs and try again",
  ],
  EIO: [
    "cannot be read: the disk reported an input/output error",
    "check the disk",
    "the disk reported an input/output error",
    "check the disk",
  ],
  EBUSY: [
    "is busy (another program holds it)",
    "try again when it is free",
    "it is busy (another program holds it)",
    "try again when it is free",
  ],
  EXDEV: [
    "is on another disk",
    "copy it to this disk",
    "it cannot be moved across disks",
    "write to a folder on the same disk",
  ],
  EEXIST: ["already exists", "choose another name", "it already exists", "remove it or choose another name"],
  ENXIO: [
    "has no process at its other end (a FIFO or device without a reader)",
    "name a regular file instead",
    "nothing reads at its other end (a FIFO or device)",
    "name a regular file instead",
  ],
};
