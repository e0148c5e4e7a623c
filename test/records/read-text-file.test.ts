import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeUtf8, fileProblem, readTextFile } from "../../src/records/read-text-file.js";
import { tempDir } from "../helpers/files.js";

const limit = { maxBytes: 1024 * 1024, what: "a record file" };
const isRoot = process.getuid?.() === 0;

function fixture(): string {
  const dir = tempDir();
  writeFileSync(join(dir, "ok.yaml"), "id: ok\n");
  return dir;
}

describe("readTextFile: only regular files, bounded, strictly UTF-8", () => {
  it("reads a regular file, and one behind a link", () => {
    const dir = fixture();
    symlinkSync("ok.yaml", join(dir, "link.yaml"));
    expect(readTextFile(join(dir, "ok.yaml"), limit)).toEqual({ text: "id: ok\n" });
    expect(readTextFile(join(dir, "link.yaml"), limit)).toEqual({ text: "id: ok\n" });
  });

  it("refuses a link to /dev/zero without reading it", () => {
    const dir = fixture();
    symlinkSync("/dev/zero", join(dir, "zero.yaml"));
    expect(readTextFile(join(dir, "zero.yaml"), limit).failure).toEqual({
      code: "ENOTREG",
      reason: "is a symbolic link to `/dev/zero`, a device, not a regular file",
      hint: "replace it with a plain file (studyvisit reads only regular files)",
      line: 1,
      col: 1,
    });
  });

  it("refuses a FIFO at once (nothing writes to it: reading would wait for ever)", () => {
    const dir = fixture();
    execFileSync("mkfifo", [join(dir, "fifo.yaml")]);
    expect(readTextFile(join(dir, "fifo.yaml"), limit).failure?.reason).toBe(
      "is a FIFO (named pipe), not a regular file",
    );
  });

  it("names a dangling link, a link loop, a folder, a file used as a folder and a name too long", () => {
    const dir = fixture();
    symlinkSync("gone.yaml", join(dir, "dangling.yaml"));
    symlinkSync("loop.yaml", join(dir, "loop.yaml"));
    mkdirSync(join(dir, "folder.yaml"));
    const failure = (name: string) => readTextFile(join(dir, name), limit).failure;
    expect(failure("dangling.yaml")).toMatchObject({
      code: "EDANGLING",
      reason: "is a symbolic link to `gone.yaml`, which does not exist",
    });
    expect(failure("loop.yaml")).toMatchObject({
      code: "ELOOP",
      reason: "is a symbolic link that loops back on itself",
    });
    expect(failure("folder.yaml")).toMatchObject({ code: "EISDIR", reason: "is a folder, where a file is expected" });
    expect(failure("ok.yaml/x.yaml")).toMatchObject({ code: "ENOTDIR" });
    expect(failure(`${"a".repeat(300)}.yaml`)).toMatchObject({
      code: "ENAMETOOLONG",
      reason: "has a name too long for the file system",
    });
    expect(failure("absent.yaml")).toMatchObject({ code: "ENOENT" });
  });

  // root reads any file whatever its mode, so there is nothing to refuse.
  it.skipIf(isRoot)("names an unreadable file (EACCES)", () => {
    const dir = fixture();
    chmodSync(join(dir, "ok.yaml"), 0o000);
    expect(readTextFile(join(dir, "ok.yaml"), limit).failure).toMatchObject({
      code: "EACCES",
      reason: "is not readable (permission denied)",
    });
  });

  it("refuses a file over the cap before reading it (a sparse 50 MB file costs nothing)", () => {
    const dir = fixture();
    truncateSync(join(dir, "ok.yaml"), 50 * 1024 * 1024);
    expect(readTextFile(join(dir, "ok.yaml"), { maxBytes: 1024 * 1024, what: "a template" }).failure).toMatchObject({
      code: "EFBIG",
      reason: "file is 50.0 MiB, larger than the 1.0 MiB a template may be",
    });
  });

  it("points at the first byte that is not UTF-8 (Latin-1 `é` on line 3)", () => {
    const dir = fixture();
    writeFileSync(join(dir, "latin1.yaml"), Buffer.from("id: cafe\nname: x\nsummary: Caf\xe9 au lait\n", "latin1"));
    const failure = readTextFile(join(dir, "latin1.yaml"), limit).failure;
    expect(failure).toMatchObject({
      line: 3,
      col: 13,
      reason: "not UTF-8 text (byte 0xE9)",
      hint: "save the file as UTF-8",
    });
    expect(fileProblem("places/latin1.yaml", failure!)).toEqual({
      file: "places/latin1.yaml",
      line: 3,
      col: 13,
      message: "not UTF-8 text (byte 0xE9): save the file as UTF-8",
    });
  });

  it("counts columns in characters after valid multi-byte text", () => {
    const bytes = Buffer.concat([Buffer.from("name: Zoë ", "utf8"), Buffer.from([0xff])]);
    expect(decodeUtf8(bytes).failure).toMatchObject({ line: 1, col: 11, reason: "not UTF-8 text (byte 0xFF)" });
  });

  it("names UTF-16, with or without its byte-order mark, in one message", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id: a\nname: b\n", "utf16le")]);
    expect(decodeUtf8(utf16).failure).toEqual({
      code: "ENOTUTF8",
      reason: "UTF-16 text, not UTF-8 (it starts with a UTF-16 byte-order mark)",
      hint: "save the file as UTF-8",
      line: 1,
      col: 1,
    });
    expect(decodeUtf8(Buffer.from("id: a\n", "utf16le")).failure).toMatchObject({
      line: 1,
      col: 2,
      reason: "not a text file (it holds a NUL byte, as UTF-16 and binary files do)",
    });
  });

  it("drops a UTF-8 byte-order mark and rejects overlong and surrogate encodings", () => {
    expect(decodeUtf8(Buffer.from("\ufeffid: a\n", "utf8"))).toEqual({ text: "id: a\n" });
    expect(decodeUtf8(Buffer.from([0x61, 0xc0, 0xaf])).failure).toMatchObject({
      col: 2,
      reason: "not UTF-8 text (byte 0xC0)",
    });
    expect(decodeUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80])).failure).toMatchObject({
      col: 3,
      reason: "not UTF-8 text (byte 0xED)",
    });
  });
});
