import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, leftovers, repoRoot, snapshotTree, tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

const isRoot = process.getuid?.() === 0;

async function starter(): Promise<string> {
  const dir = tempDir();
  expect((await runCli(["init", "."], { cwd: dir })).code).toBe(0);
  return dir;
}

/**
 * A device node of our own to write to. As root the tool could replace any
 * node (that was the bug), so the test makes a private one with mknod rather
 * than risk /dev/null; without root, renaming over /dev/null is impossible
 * anyway, so the real one is safe to use.
 */
function device(dir: string, name: "null" | "full"): string | undefined {
  if (!isRoot) return existsSync(`/dev/${name}`) ? `/dev/${name}` : undefined;
  const path = join(dir, `my-${name}`);
  return spawnSync("mknod", ["-m", "666", path, "c", "1", name === "null" ? "3" : "7"]).status === 0 ? path : undefined;
}

describe("outputs only ever replace regular files", () => {
  it("-o naming a character device writes to it as a stream and leaves the node (also with --force)", async (context) => {
    const dir = await starter();
    expect((await runCli(["plan", "example-visit", "--data", ".", "--out", "out"], { cwd: dir })).code).toBe(0);
    const nul = device(dir, "null");
    const full = device(dir, "full");
    if (!nul || !full) return context.skip(); // no device nodes on this platform
    const run = await runCli(["export", "out/example-visit/agenda.yaml", "--data", ".", "-o", nul, "--force"], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expect(lstatSync(nul).isCharacterDevice()).toBe(true);
    const letter = await runCli(
      ["letter", "example-visit", "--host", "schaerbeek-reception", "--data", ".", "-o", nul, "--force"],
      { cwd: dir },
    );
    expect(letter.code).toBe(0);
    expect(lstatSync(nul).isCharacterDevice()).toBe(true);
    // A device that reports a full disk (ENOSPC), as /dev/full does.
    const onFull = await runCli(["export", "out/example-visit/agenda.yaml", "--data", ".", "-o", full], { cwd: dir });
    expect(onFull).toMatchObject({
      code: 2,
      stderr: `error: cannot write ${relative(dir, full) || full}: the disk is full: free some space or write to another disk\n`,
    });
    expect(lstatSync(full).isCharacterDevice()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it("refuses a FIFO, a symbolic link and a folder as -o, touching nothing", async () => {
    const dir = await starter();
    expect((await runCli(["plan", "example-visit", "--data", ".", "--out", "out"], { cwd: dir })).code).toBe(0);
    execFileSync("mkfifo", [join(dir, "fifo.md")]);
    writeFileSync(join(dir, "target.md"), "mine\n");
    symlinkSync("target.md", join(dir, "link.md"));
    mkdirSync(join(dir, "folder.md"));
    const before = snapshotTree(join(dir, "out"));
    const exportTo = (path: string) =>
      runCli(["export", "out/example-visit/agenda.yaml", "--data", ".", "-o", path, "--force"], { cwd: dir });
    expect(await exportTo("fifo.md")).toMatchObject({
      code: 2,
      stderr:
        "error: fifo.md is a FIFO (named pipe): studyvisit only ever replaces regular files\nhint: leave out -o to print to stdout, or name a regular file\n",
    });
    expect(await exportTo("link.md")).toMatchObject({
      code: 2,
      stderr:
        "error: link.md is a symbolic link: studyvisit only ever replaces regular files\nhint: write to the file it points to, or remove the link\n",
    });
    expect(await exportTo("folder.md")).toMatchObject({
      code: 2,
      stderr: "error: folder.md is a folder, not a file\nhint: choose a file name\n",
    });
    expect(lstatSync(join(dir, "fifo.md")).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, "link.md")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "target.md"), "utf8")).toBe("mine\n");
    expect(snapshotTree(join(dir, "out"))).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("plan --out writes every request's folder or none", () => {
  it("a re-run with --force leaves no invitation of the earlier plan behind", async () => {
    const dir = copyFixture(join(repoRoot, "data"));
    const plan = (...extra: string[]) =>
      runCli(["plan", "ljubljana-2018", "--data", ".", "--out", "out", ...extra], { cwd: dir });
    expect((await plan()).code).toBe(0);
    const invites = join(dir, "out", "ljubljana-2018", "invites");
    expect(readdirSync(invites)).toContain("etterbeek.ics");
    expect((await plan("--avoid", "etterbeek", "--force")).code).toBe(0);
    expect(readdirSync(invites)).not.toContain("etterbeek.ics");
    expect(readdirSync(invites).length).toBeGreaterThan(0);
    expect(leftovers(dir)).toEqual([]);
  });

  it("a failure midway (a 300-character request id) replaces nothing: the hand-edited agenda stays", async () => {
    const dir = await starter();
    const long = `visit-${"x".repeat(294)}`;
    const request = readFileSync(join(dir, "requests", "example-visit.yaml"), "utf8");
    writeFileSync(join(dir, "requests", "long.yaml"), request.replace(/^id: .*$/m, `id: ${long}`));
    expect((await runCli(["plan", "example-visit", "--data", ".", "--out", "out"], { cwd: dir })).code).toBe(0);
    const agenda = join(dir, "out", "example-visit", "agenda.yaml");
    writeFileSync(agenda, `${readFileSync(agenda, "utf8")}# my hand edit\n`);
    const before = snapshotTree(join(dir, "out"));
    const run = await runCli(["plan", "example-visit", long, "--data", ".", "--out", "out", "--force"], { cwd: dir });
    expect(run.stderr).toBe(
      `error: cannot write out/${long}/agenda.yaml: the name is too long for the file system: use a shorter path (files are named after ids: a shorter id) (nothing was replaced)\n`,
    );
    expect(run.code).toBe(2);
    expect(snapshotTree(join(dir, "out"))).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it("stops before writing when a request's folder holds a file studyvisit does not write", async () => {
    const dir = await starter();
    expect((await runCli(["plan", "example-visit", "--data", ".", "--out", "out"], { cwd: dir })).code).toBe(0);
    // A folder where an invitation goes (the old writer renamed half the files, then failed on it) and a note.
    const invite = join(dir, "out", "example-visit", "invites", "schaerbeek-reception.ics");
    execFileSync("rm", [invite]);
    mkdirSync(invite);
    writeFileSync(join(invite, "draft.txt"), "to send\n");
    writeFileSync(join(dir, "out", "example-visit", "notes.txt"), "call them back\n");
    const before = snapshotTree(join(dir, "out"));
    const run = await runCli(["plan", "example-visit", "--data", ".", "--out", "out", "--force"], { cwd: dir });
    expect(run).toMatchObject({
      code: 2,
      stderr:
        "error: out/example-visit/ holds files studyvisit does not write (invites/schaerbeek-reception.ics/draft.txt, notes.txt): a run with --force replaces the folder whole\nhint: move them elsewhere first\n",
    });
    expect(snapshotTree(join(dir, "out"))).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it("a second run into the same folder stops while the first holds the lock; a dead run's lock is stale", async () => {
    const dir = await starter();
    mkdirSync(join(dir, "out"));
    // The test runner's parent process is alive: its pid in the lock stands for a run still writing.
    writeFileSync(join(dir, "out", ".studyvisit.lock"), `${process.ppid}\n`);
    const plan = () => runCli(["plan", "example-visit", "--data", ".", "--out", "out"], { cwd: dir });
    expect(await plan()).toMatchObject({
      code: 2,
      stderr: `error: another studyvisit run (process ${process.ppid}) is writing into out/: wait until it ends, then run again\nhint: if no studyvisit run is writing there, delete out/.studyvisit.lock\n`,
    });
    expect(existsSync(join(dir, "out", "example-visit"))).toBe(false);
    // A process that has ended: its lock and its temporary folder are leftovers of a killed run.
    const dead = spawnSync(process.execPath, ["-e", ""]).pid as number;
    writeFileSync(join(dir, "out", ".studyvisit.lock"), `${dead}\n`);
    mkdirSync(join(dir, "out", `.studyvisit-stage-${dead}-0123abcd`, "example-visit"), { recursive: true });
    expect((await plan()).code).toBe(0);
    expect(statSync(join(dir, "out", "example-visit", "agenda.yaml")).isFile()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("letter --all", () => {
  it("replaces the letters of an earlier run with --force instead of leaving duplicates, and refuses without it", async () => {
    const dir = await starter();
    const letters = (...extra: string[]) =>
      runCli(["letter", "example-visit", "--all", "-o", "letters", "--data", ".", ...extra], { cwd: dir });
    expect((await letters()).code).toBe(0);
    expect(readdirSync(join(dir, "letters"))).toEqual(["01-schaerbeek-reception.fr.md"]);
    writeFileSync(join(dir, "letters", "my-notes.md"), "keep me\n");
    expect(await letters("--lang", "en")).toMatchObject({
      code: 2,
      stderr:
        "error: refusing to write beside the letters of an earlier run in letters (01-schaerbeek-reception.fr.md)\nhint: pass --force to replace them all, or choose another folder\n",
    });
    expect((await letters("--lang", "en", "--force")).code).toBe(0);
    expect(readdirSync(join(dir, "letters")).sort()).toEqual(["01-schaerbeek-reception.en.md", "my-notes.md"]);
    expect(leftovers(dir)).toEqual([]);
  });
});
