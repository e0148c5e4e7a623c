import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

const isRoot = process.getuid?.() === 0;

/** A fresh copy of the starter workspace (one place, one host, one request) in a temporary folder. */
async function starter(): Promise<string> {
  const dir = tempDir();
  expect((await runCli(["init", "."], { cwd: dir })).code).toBe(0);
  return dir;
}

const check = (dir: string, ...args: string[]) => runCli(["check", "--data", ".", ...args], { cwd: dir });

function noStack(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at |internal error|this is a bug/);
}

describe("files that are not what they seem: exit 3 for records, each one line, nothing blocks", () => {
  it("a link to /dev/zero, a FIFO, a dangling link and a link loop among the records", async () => {
    const dir = await starter();
    symlinkSync("/dev/zero", join(dir, "hosts", "zero.yaml"));
    execFileSync("mkfifo", [join(dir, "hosts", "fifo.yaml")]);
    symlinkSync("gone.yaml", join(dir, "places", "dangling.yaml"));
    symlinkSync("loop.yaml", join(dir, "places", "loop.yaml"));
    const run = await check(dir);
    expect(run.stderr).toBe(
      [
        "hosts/fifo.yaml:1:1: the file is a FIFO (named pipe), not a regular file: replace it with a plain file (studyvisit reads only regular files)",
        "hosts/zero.yaml:1:1: the file is a symbolic link to `/dev/zero`, a device, not a regular file: replace it with a plain file (studyvisit reads only regular files)",
        "places/dangling.yaml:1:1: the file is a symbolic link to `gone.yaml`, which does not exist: restore its target or remove the link",
        "places/loop.yaml:1:1: the file is a symbolic link that loops back on itself: point the link at a real file, or remove it",
        "4 problems in 4 files",
        "",
      ].join("\n"),
    );
    expect(run.code).toBe(3);
  });

  it("a folder where studyvisit.yaml should be, and a file where a records folder should be", async () => {
    const dir = await starter();
    const config = readFileSync(join(dir, "studyvisit.yaml"), "utf8");
    execFileSync("rm", [join(dir, "studyvisit.yaml")]);
    mkdirSync(join(dir, "studyvisit.yaml"));
    expect(await check(dir)).toMatchObject({
      code: 3,
      stderr: "studyvisit.yaml:1:1: this is a folder, where a file is expected\n1 problem in 1 file\n",
    });
    execFileSync("rm", ["-r", join(dir, "studyvisit.yaml"), join(dir, "places")]);
    writeFileSync(join(dir, "studyvisit.yaml"), config);
    writeFileSync(join(dir, "places"), "id: not-a-folder\n");
    const run = await check(dir);
    expect(run).toMatchObject({
      code: 2,
      stderr: "error: places is a file, where the workspace needs a folder of records: move it away or rename it\n",
    });
  });

  // root reads any file whatever its mode: there is nothing to refuse.
  it.skipIf(isRoot)("an unreadable record (EACCES)", async () => {
    const dir = await starter();
    chmodSync(join(dir, "hosts", "schaerbeek-reception.yaml"), 0o000);
    const run = await check(dir);
    expect(run.stderr).toContain(
      "hosts/schaerbeek-reception.yaml:1:1: the file is not readable (permission denied): make it readable (chmod a+r) or run studyvisit as a user who may read it",
    );
    expect(run.code).toBe(3);
  });

  it("a Latin-1 record: one message at the byte, not `Caf�`", async () => {
    const dir = await starter();
    const file = join(dir, "places", "town-hall.yaml");
    const text = readFileSync(file, "utf8").replace(/^name: .*$/m, "name: Café du Centre");
    writeFileSync(file, Buffer.from(text, "latin1"));
    const line = text.split("\n").findIndex((l) => l.startsWith("name:")) + 1;
    expect(await check(dir)).toEqual({
      code: 3,
      stdout: "",
      stderr: `places/town-hall.yaml:${line}:10: not UTF-8 text (byte 0xE9): save the file as UTF-8\n1 problem in 1 file\n`,
    });
  });

  it("a UTF-16 record: one message, not ten unrelated ones", async () => {
    const dir = await starter();
    const file = join(dir, "hosts", "schaerbeek-reception.yaml");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(file, "utf8"), "utf16le")]));
    expect((await check(dir)).stderr).toBe(
      "hosts/schaerbeek-reception.yaml:1:1: UTF-16 text, not UTF-8 (it starts with a UTF-16 byte-order mark): save the file as UTF-8\n1 problem in 1 file\n",
    );
  });

  it("a huge travel matrix is refused before it is read", async () => {
    const dir = await starter();
    writeFileSync(join(dir, "studyvisit.yaml"), "timezone: Europe/Brussels\ntravel_matrix: matrix.csv\n");
    writeFileSync(join(dir, "matrix.csv"), "");
    truncateSync(join(dir, "matrix.csv"), 100 * 1024 * 1024); // sparse: no disk used
    expect(await check(dir)).toMatchObject({
      code: 3,
      stderr:
        "matrix.csv:1:1: file is 100.0 MiB, larger than the 32.0 MiB a travel matrix may be\n1 problem in 1 file\n",
    });
  });
});

describe("files named on the command line: exit 2, one line naming the file and what to do", () => {
  it("an agenda that is a FIFO, a folder, a dangling link, or behind a file", async () => {
    const dir = await starter();
    execFileSync("mkfifo", [join(dir, "agenda.yaml")]);
    mkdirSync(join(dir, "out"));
    symlinkSync("nowhere.yaml", join(dir, "dangling.yaml"));
    writeFileSync(join(dir, "notes.txt"), "");
    const errors = await Promise.all(
      ["agenda.yaml", "out", "dangling.yaml", "notes.txt/agenda.yaml", `${"x".repeat(300)}.yaml`].map(async (path) => {
        const run = await check(dir, path);
        expect(run.code).toBe(2);
        return run.stderr;
      }),
    );
    expect(errors).toEqual([
      "error: agenda.yaml is a FIFO (named pipe), not a regular file: replace it with a plain file (studyvisit reads only regular files)\n",
      "error: out is a folder, where a file is expected\n",
      "error: dangling.yaml is a symbolic link to `nowhere.yaml`, which does not exist: restore its target or remove the link\n",
      "error: notes.txt/agenda.yaml has a file where its path needs a folder: check the path: a part of it before the last `/` is a file\n",
      `error: ${"x".repeat(300)}.yaml has a name too long for the file system: use a shorter file name\n`,
    ]);
  });

  it("a 50 MB template, a FIFO template, a broken one and one nested too deep", async () => {
    const dir = await starter();
    const plan = await runCli(["plan", "example-visit", "--data", ".", "--out", "out"], { cwd: dir });
    expect(plan.code).toBe(0);
    writeFileSync(join(dir, "big.md"), "");
    truncateSync(join(dir, "big.md"), 50 * 1024 * 1024);
    execFileSync("mkfifo", [join(dir, "fifo.md")]);
    writeFileSync(join(dir, "broken.md"), "# {{title}}\n\n{{#days}}\n## {{heading}}\n");
    writeFileSync(
      join(dir, "nested.md"),
      `# {{title}}\n${"{{#days}}{{#rows}}".repeat(12)}x${"{{/rows}}{{/days}}".repeat(12)}\n`,
    );
    const exportWith = (template: string) =>
      runCli(["export", "out/example-visit/agenda.yaml", "--data", ".", "--template", template], { cwd: dir });
    const big = await exportWith("big.md");
    expect(big).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: big.md:1:1: file is 50.0 MiB, larger than the 1.0 MiB a template may be\n",
    });
    expect((await exportWith("fifo.md")).stderr).toBe(
      "error: fifo.md is a FIFO (named pipe), not a regular file: replace it with a plain file (studyvisit reads only regular files)\n",
    );
    expect(await exportWith("broken.md")).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: broken.md:3:1: section `{{#days}}` is never closed: add `{{/days}}` where it ends\n",
    });
    const nested = await exportWith("nested.md");
    expect(nested.code).toBe(2);
    expect(nested.stderr).toMatch(
      /^error: nested\.md:2:\d+: the template (takes more than 1,000,000 steps to render|'s output would be larger than 8 MiB): sections nested in sections repeat for every item of each \(here `\{\{#(days|rows)\}\}`\)\n$/,
    );
    const letter = await runCli(
      ["letter", "example-visit", "--host", "schaerbeek-reception", "--data", ".", "--template", "broken.md"],
      { cwd: dir },
    );
    expect(letter).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: broken.md:3:1: section `{{#days}}` is never closed: add `{{/days}}` where it ends\n",
    });
  });

  it("SOURCE_DATE_EPOCH past the year 9999", async () => {
    const dir = await starter();
    const run = await runCli(["letter", "example-visit", "--host", "schaerbeek-reception", "--data", "."], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: "99999999999999" },
    });
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "error: SOURCE_DATE_EPOCH must be whole seconds since 1970, from 0 to 253402300799 (the end of 9999), got `99999999999999`\nhint: unset it to use the current time\n",
    });
  });
});

describe("records that used to crash `check`", () => {
  it("an empty `-` list item and a scalar item are positioned problems", async () => {
    const dir = await starter();
    writeFileSync(join(dir, "places", "more.yaml"), "- \n- 3\n");
    const run = await check(dir);
    expect(run.stderr).toBe(
      [
        "places/more.yaml:1:3: list item 1: expected a record (a mapping of keys), got an empty item",
        "places/more.yaml:2:3: list item 2: expected a record (a mapping of keys), got number `3`",
        "2 problems in 1 file",
        "",
      ].join("\n"),
    );
    expect(run.code).toBe(3);
  });

  it("130,000 problems are all printed, without a stack overflow", async () => {
    const dir = await starter();
    const themes = Array.from({ length: 130_000 }, () => "1").join(",");
    writeFileSync(join(dir, "hosts", "many.yaml"), `id: many\nname: Many\nplace: town-hall\nthemes: [${themes}]\n`);
    const run = await check(dir);
    noStack(run.stderr);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(130_001);
    expect(lines[0]).toBe("hosts/many.yaml:4:10: themes[0]: expected text, got number `1`");
    expect(lines.at(-1)).toBe("130000 problems in 1 file");
    expect(run.code).toBe(3);
  });

  it("`size: 2.5` must be a whole number", async () => {
    const dir = await starter();
    const file = join(dir, "requests", "example-visit.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("size: 10", "size: 2.5"));
    const run = await check(dir);
    expect(run.stderr).toMatch(
      /^requests\/example-visit\.yaml:5:\d+: delegation\.size: must be a whole number, got 2\.5$/m,
    );
    expect(run.stderr).not.toContain("got number");
  });
});
