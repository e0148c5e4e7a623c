import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  statSync,
  type Stats,
} from "node:fs";
import { describeSystemError, isSystemError } from "./file-system-error.js";
import type { Problem } from "./problem.js";

/** Record files (and agenda files) are hand-written, a few kilobytes: anything above this is refused before it is read. */
export const MAX_RECORD_BYTES = 1024 * 1024;
/** A travel matrix from a routing engine: 2,000 places at a few bytes a cell fit easily. */
export const MAX_MATRIX_BYTES = 32 * 1024 * 1024;
/** Itinerary and letter templates are a page or two. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

export interface TextFileLimit {
  maxBytes: number;
  /** What the file is, for the size message: "a record file", "a travel matrix", "a template". */
  what: string;
}

/** Why a file could not be read as text, positioned where that is known (bad bytes), else at 1:1. */
export interface TextFileFailure {
  /** An errno code (`EACCES`, `ELOOP`…) or ours: `ENOTREG` (FIFO, device), `EDANGLING` (link to nothing), `EFBIG`, `ENOTUTF8`. */
  code: string;
  /** To follow the file's name: "is a FIFO (named pipe), not a regular file". */
  reason: string;
  /** What to do; empty when the reason says it all. */
  hint: string;
  line: number;
  col: number;
}

export type TextFileResult = { text: string; failure?: undefined } | { text?: undefined; failure: TextFileFailure };

/**
 * The one way the tool reads a file it was given (records, agenda files, the
 * travel matrix, templates): only a regular file (a link to one is fine),
 * never more than `limit.maxBytes`, strictly UTF-8. A FIFO, a device such as
 * /dev/zero, a folder, a dangling or looping link, an unreadable file, a
 * 50 MB file or a Latin-1 one each come back as a failure with words and a
 * hint; nothing here throws for bad input, and nothing blocks or reads
 * without bound.
 */
export function readTextFile(path: string, limit: TextFileLimit): TextFileResult {
  // stat before open: opening a device or FIFO can block or have side effects, so such files are never opened.
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    return { failure: systemFailure(error, path) };
  }
  if (!stats.isFile()) return { failure: notRegular(stats, path) };
  let fd: number;
  try {
    // O_NONBLOCK: had the file been swapped for a FIFO since the stat, opening it still does not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    return { failure: systemFailure(error, path) };
  }
  let bytes: Buffer;
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { failure: notRegular(opened, path) };
    if (opened.size > limit.maxBytes) return { failure: tooLarge(opened.size, limit) };
    const read = readAtMost(fd, limit.maxBytes, opened.size);
    // The file may have grown since fstat: the bound holds on what is actually read.
    if (read.length > limit.maxBytes) return { failure: tooLarge(read.length, limit) };
    bytes = read;
  } catch (error) {
    return { failure: systemFailure(error, path) };
  } finally {
    closeSync(fd);
  }
  return decodeUtf8(bytes);
}

/** Failures about the bytes (too large, not UTF-8) rather than about reaching the file. */
export function isContentFailure(failure: TextFileFailure): boolean {
  return failure.code === "EFBIG" || failure.code === "ENOTUTF8";
}

/** A failure as a record problem: `FILE:LINE:COL: the file is a FIFO (named pipe), not a regular file: …`. */
export function fileProblem(file: string, failure: TextFileFailure): Problem {
  const subject = failure.code === "EISDIR" ? "this" : "the file";
  const reason = isContentFailure(failure) ? failure.reason : `${subject} ${failure.reason}`;
  const message = failure.hint ? `${reason}: ${failure.hint}` : reason;
  return { file, line: failure.line, col: failure.col, message };
}

function readAtMost(fd: number, maxBytes: number, size: number): Buffer {
  if (size > 0) {
    // The size fstat gave (at most maxBytes, checked before): one small buffer and, nearly always, one read, as
    // readFileSync does. A file cut short since then ends where its reads end; one grown since is read up to that size.
    const buffer = Buffer.allocUnsafe(size);
    let total = 0;
    while (total < size) {
      const n = readSync(fd, buffer, total, size - total, null);
      if (n === 0) break;
      total += n;
    }
    return buffer.subarray(0, total);
  }
  // A file that says it is empty may not be (/proc): read it by chunks, up to one byte past the limit.
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) break;
  }
  return Buffer.concat(chunks, total);
}

function systemFailure(error: unknown, path: string): TextFileFailure {
  if (!isSystemError(error)) throw error;
  if (error.code === "ENOENT") {
    const target = linkTarget(path);
    if (target !== undefined)
      return at1(
        "EDANGLING",
        `is a symbolic link to \`${target}\`, which does not exist`,
        "restore its target or remove the link",
      );
  }
  const trouble = describeSystemError(error, false);
  return at1(trouble.code, trouble.reason, trouble.hint);
}

function linkTarget(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined;
  } catch {
    return undefined;
  }
}

function notRegular(stats: Stats, path: string): TextFileFailure {
  const kind = stats.isDirectory()
    ? "a folder"
    : stats.isFIFO()
      ? "a FIFO (named pipe)"
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? "a device"
        : stats.isSocket()
          ? "a socket"
          : "not a regular file";
  const target = linkTarget(path);
  const what = target === undefined ? `is ${kind}` : `is a symbolic link to \`${target}\`, ${kind}`;
  if (stats.isDirectory()) return at1("EISDIR", `${what}, where a file is expected`, "");
  return at1(
    "ENOTREG",
    `${what}, not a regular file`,
    "replace it with a plain file (studyvisit reads only regular files)",
  );
}

function tooLarge(bytes: number, limit: TextFileLimit): TextFileFailure {
  return at1(
    "EFBIG",
    `file is ${formatSize(bytes)}, larger than the ${formatSize(limit.maxBytes)} ${limit.what} may be`,
    "",
  );
}

function at1(code: string, reason: string, hint: string): TextFileFailure {
  return { code, reason, hint, line: 1, col: 1 };
}

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const SAVE_AS_UTF8 = "save the file as UTF-8";

/** Strict UTF-8: the first bad byte is reported where it is, a UTF-16 file is named as such, a UTF-8 BOM is dropped. */
export function decodeUtf8(bytes: Uint8Array): TextFileResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return {
      failure: at1("ENOTUTF8", "UTF-16 text, not UTF-8 (it starts with a UTF-16 byte-order mark)", SAVE_AS_UTF8),
    };
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(body));
    const byte = (body[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    return {
      failure: {
        ...positionOf(body, offset),
        code: "ENOTUTF8",
        reason: `not UTF-8 text (byte 0x${byte})`,
        hint: SAVE_AS_UTF8,
      },
    };
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const offset = Buffer.byteLength(text.slice(0, nul), "utf8");
    return {
      failure: {
        ...positionOf(body, offset),
        code: "ENOTUTF8",
        reason: "not a text file (it holds a NUL byte, as UTF-16 and binary files do)",
        hint: SAVE_AS_UTF8,
      },
    };
  }
  return { text };
}

/** Line and column (in characters, as YAML positions count them) of a byte offset whose prefix is valid UTF-8. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  const col = UTF8.decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, col };
}

/** Offset of the first byte that starts no valid UTF-8 sequence (RFC 3629: no overlongs, surrogates or code points past U+10FFFF); -1 if none. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    let need: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = b[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
