import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/main.js";
import { invitesCommand } from "../../src/commands/invites-command.js";
import { SMTP_PASSWORD_VARIABLE } from "../../src/commands/invites.js";
import { letterCommand } from "../../src/commands/letter-command.js";
import type { Prompter } from "../../src/commands/prompter.js";
import { LETTER_LANGUAGES } from "../../src/render/letter-language.js";
import { repoRoot, snapshotTree, tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

const SPEC_COMMANDS = ["init", "check", "hosts", "match", "plan", "export", "invites", "letter", "new"];

describe("main(): exit codes and help", () => {
  it("lists every command of SPEC in --help", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    for (const name of SPEC_COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
    expect(COMMANDS.map((c) => c.name).sort()).toEqual([...SPEC_COMMANDS].sort());
  });

  it("offers in letter --help every language there is a letter template for", async () => {
    const run = await runCli(["letter", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("en | fr | nl | de | es | it | pl");
    // The definition (letter-command.ts) writes the codes out, as it imports nothing: they must stay LETTER_LANGUAGES.
    const lang = letterCommand.options.find((o) => o.flags === "--lang <lang>");
    expect(lang?.description.startsWith(`${LETTER_LANGUAGES.join(" | ")} (default:`)).toBe(true);
  });

  it("names in invites --help the variable --send reads the SMTP password from", () => {
    // The definition (invites-command.ts) writes the name out, as it imports nothing: it must stay SMTP_PASSWORD_VARIABLE.
    const send = invitesCommand.options.find((o) => o.flags === "--send");
    expect(send?.description).toContain(`(password from ${SMTP_PASSWORD_VARIABLE})`);
  });

  it("prints the package version", async () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    const run = await runCli(["--version"]);
    expect(run).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it("exits 2 on an unknown command or option, with a suggestion", async () => {
    const run = await runCli(["chek"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'chek'");
    expect(run.stderr).toContain("(Did you mean check?)");
    expect((await runCli(["check", "--dta", "x"])).code).toBe(2);
  });

  it("exits 2 when the workspace folder does not exist", async () => {
    const run = await runCli(["check", "--data", "/nonexistent/studyvisit"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no workspace folder at /nonexistent/studyvisit");
  });

  describe("an internal error (here a prompter that breaks): exit 1, one line, the stack only with --debug", () => {
    const broken: Prompter = {
      input: () => Promise.reject(new Error("the prompter broke\nsecond line")),
      select: () => Promise.reject(new Error("the prompter broke")),
      checkbox: () => Promise.reject(new Error("the prompter broke")),
      confirm: () => Promise.reject(new Error("the prompter broke")),
    };
    const run = (argv: string[]) => runCli(argv, { cwd: tempDir(), prompter: broken });

    it("without --debug", async () => {
      expect(await run(["new", "place", "--data", join(repoRoot, "data")])).toEqual({
        code: 1,
        stdout: "",
        stderr: "internal error: the prompter broke\nthis is a bug in studyvisit; run again with --debug for details\n",
      });
    });

    it.each([
      ["before the command", ["--debug", "new", "place", "--data", join(repoRoot, "data")]],
      ["after it", ["new", "place", "--data", join(repoRoot, "data"), "--debug"]],
    ])("with --debug %s", async (_where, argv) => {
      const result = await run(argv);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^internal error: the prompter broke\nError: the prompter broke\nsecond line\n {4}at /,
      );
    });
  });

  it("finds the workspace through STUDYVISIT_DATA, then ./data", async () => {
    const dir = tempDir();
    await runCli(["init", "ws"], { cwd: dir });
    expect((await runCli(["check"], { cwd: dir, env: { STUDYVISIT_DATA: "ws" } })).code).toBe(0);
    await runCli(["init", "data"], { cwd: dir });
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
  });
});

describe("init", () => {
  it("creates a workspace that check accepts", async () => {
    const dir = tempDir();
    const init = await runCli(["init", "visit"], { cwd: dir });
    expect(init.code).toBe(0);
    for (const file of [
      "studyvisit.yaml",
      "places/town-hall.yaml",
      "hosts/schaerbeek-reception.yaml",
      "requests/example-visit.yaml",
    ])
      expect(existsSync(join(dir, "visit", file))).toBe(true);
    const check = await runCli(["check", "--data", "visit"], { cwd: dir });
    expect(check).toEqual({ code: 0, stdout: "✓ 4 files: 1 place, 1 host, 1 request — all valid\n", stderr: "" });
  });

  it("refuses to overwrite anything and leaves the folder as it was", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "studyvisit.yaml"), "timezone: Europe/Riga\n");
    const before = snapshotTree(dir);
    const run = await runCli(["init"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("refusing to overwrite studyvisit.yaml");
    expect(snapshotTree(dir)).toEqual(before);
    expect((await runCli(["init", "--force"], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, "studyvisit.yaml"), "utf8")).toContain("Europe/Brussels");
  });
});

describe("init --example", () => {
  it("writes the bundled Brussels workspace, byte for byte, and points at a plan that works", async () => {
    const dir = tempDir();
    const init = await runCli(["init", "demo", "--example"], { cwd: dir });
    expect(init.code).toBe(0);
    expect(snapshotTree(join(dir, "demo"))).toEqual(snapshotTree(join(repoRoot, "data")));
    expect(init.stdout).toContain("created the example workspace (study visits in Brussels) in demo:\n");
    expect(init.stdout).toContain("    requests/ljubljana-2018.yaml\n");
    const next =
      /next: plan one of its requests \(express-2021, jelgava-schaerbeek, ljubljana-2018\), e\.g\. studyvisit (plan .*)$/m.exec(
        init.stdout,
      );
    expect(next).not.toBeNull();
    const plan = await runCli((next?.[1] as string).split(" "), { cwd: dir });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain("EXPRESS");
    expect((await runCli(["check", "--data", "demo"], { cwd: dir })).code).toBe(0);
  });

  it("refuses to overwrite a workspace, then replaces it with --force", async () => {
    const dir = tempDir();
    await runCli(["init", "."], { cwd: dir });
    const before = snapshotTree(dir);
    const again = await runCli(["init", ".", "--example"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("refusing to overwrite studyvisit.yaml");
    expect(snapshotTree(dir)).toEqual(before);
    expect((await runCli(["init", ".", "--example", "--force"], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, "studyvisit.yaml"), "utf8")).toBe(
      readFileSync(join(repoRoot, "data", "studyvisit.yaml"), "utf8"),
    );
  });
});

describe("hosts", () => {
  it("lists hosts, filters by theme with folding, and mirrors the text in --json", async () => {
    const dir = tempDir();
    await runCli(["init", "."], { cwd: dir });
    const text = await runCli(["hosts", "--data", "."], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      "schaerbeek-reception  Schaerbeek municipal reception service for newcomers (municipality)",
    );
    expect(text.stdout).toContain("Town hall of Schaerbeek, Place Colignon, 1030 Schaerbeek");

    // "New Arrival" folds case and plural, and `synonyms` makes it "newcomers".
    const json = await runCli(["hosts", "--data", ".", "--theme", "New Arrival", "--json"], { cwd: dir });
    const parsed = JSON.parse(json.stdout) as { hosts: { id: string }[] };
    expect(parsed.hosts.map((h) => h.id)).toEqual(["schaerbeek-reception"]);

    const none = await runCli(["hosts", "--data", ".", "--theme", "housing", "--json"], { cwd: dir });
    expect(JSON.parse(none.stdout)).toEqual({ hosts: [] });
  });

  it("refuses to list an invalid workspace: exit 3 with the problems", async () => {
    const dir = tempDir();
    await runCli(["init", "."], { cwd: dir });
    writeFileSync(
      join(dir, "places", "town-hall.yaml"),
      readFileSync(join(dir, "places", "town-hall.yaml"), "utf8").replace("capacity: 40", "capacity: forty"),
    );
    const run = await runCli(["hosts", "--data", "."], { cwd: dir });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("places/town-hall.yaml:8:11: capacity: expected a number, got text `forty`");
    expect(run.stdout).toBe("");
  });
});

describe("colour", () => {
  it("is off without a terminal and with NO_COLOR, on for a terminal", async () => {
    const dir = tempDir();
    await runCli(["init", "."], { cwd: dir });
    expect((await runCli(["check", "--data", "."], { cwd: dir })).stdout).not.toContain("\u001b[");
    expect(
      (await runCli(["check", "--data", "."], { cwd: dir, tty: true, env: { NO_COLOR: undefined } })).stdout,
    ).toContain("\u001b[");
    expect(
      (await runCli(["--no-color", "check", "--data", "."], { cwd: dir, tty: true, env: { NO_COLOR: undefined } }))
        .stdout,
    ).not.toContain("\u001b[");
    expect((await runCli(["check", "--data", ".", "--quiet"], { cwd: dir })).stdout).toBe("");
  });
});
