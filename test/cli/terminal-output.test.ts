import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PromptChoice, Prompter } from "../../src/commands/prompter.js";
import { UsageError } from "../../src/errors.js";
import { tempDir } from "../helpers/files.js";
import { runCli, type CliRun } from "../helpers/run-cli.js";

const ESC = "\u001b";
// Our own colours (src/cli/style.ts) are the only escape sequences a terminal may receive.
// eslint-disable-next-line no-control-regex -- our own colour codes
const OWN_COLOURS = /\u001b\[(?:1|2|22|3[1-6]|39)m/g;
// eslint-disable-next-line no-control-regex -- control characters are what this test hunts
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function expectTerminalSafe(text: string): void {
  const bare = text.replace(OWN_COLOURS, "").replace(/\r\n/g, "\n");
  const at = bare.search(CONTROL);
  expect(at, `control character ${JSON.stringify(bare.slice(Math.max(0, at - 20), at + 10))}`).toBe(-1);
}

/** The starter workspace with escape sequences and bidi overrides in every kind of record text. */
async function hostileWorkspace(): Promise<string> {
  const dir = tempDir();
  expect((await runCli(["init", "."], { cwd: dir })).code).toBe(0);
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(join(dir, file), change(readFileSync(join(dir, file), "utf8")));
  edit("hosts/schaerbeek-reception.yaml", (t) =>
    t
      .replace(/^name: .*$/m, 'name: "\\e[2J\\e[HSchaerbeek \\u202Enoitpecer\\u202C\\e]0;pwned\\a"')
      .replace(/^themes: \[/m, 'themes: ["\\e[31mnewcomers\\e[0m", ')
      .replace(/^summary: .*$/m, 'summary: "Welcome desk\\e]8;;http://evil.example\\e\\\\ click\\e]8;;\\e\\\\"'),
  );
  edit("places/town-hall.yaml", (t) => t.replace(/^name: .*$/m, 'name: "Town\\x07 hall\\e[5m"'));
  edit("requests/example-visit.yaml", (t) => t.replace(/^title: .*$/m, 'title: "Study\\e[1A visit\\u2066"'));
  return dir;
}

/** Colour on, as on a terminal: our colours must survive, theirs must not. */
const onTerminal = (argv: string[], cwd: string): Promise<CliRun> =>
  runCli(argv, { cwd, tty: true, env: { NO_COLOR: undefined } });

describe("record text reaches the terminal without its escape sequences", () => {
  it("in hosts, match, plan, letter and export on stdout, with our own colours intact", async () => {
    const dir = await hostileWorkspace();
    const runs = {
      hosts: await onTerminal(["hosts", "--data", "."], dir),
      match: await onTerminal(["match", "example-visit", "--data", "."], dir),
      plan: await onTerminal(["plan", "example-visit", "--data", ".", "--out", "out"], dir),
      letter: await onTerminal(["letter", "example-visit", "--host", "schaerbeek-reception", "--data", "."], dir),
      md: await onTerminal(["export", "out/example-visit/agenda.yaml", "--data", "."], dir),
      ics: await onTerminal(["export", "out/example-visit/agenda.yaml", "--data", ".", "--format", "ics"], dir),
    };
    for (const [name, run] of Object.entries(runs)) {
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      expectTerminalSafe(run.stdout);
      expectTerminalSafe(run.stderr);
    }
    expect(runs.hosts.stdout).toContain(`${ESC}[1mschaerbeek-reception${ESC}[22m  Schaerbeek noitpecer`);
    expect(runs.hosts.stdout).toContain("newcomers, language learning");
    expect(runs.match.stdout).toContain("Schaerbeek noitpecer");
    expect(runs.letter.stdout).toContain("Study visit");
    expect(runs.md.stdout).toContain("Welcome desk click");
    expect(runs.ics.stdout).toContain("\r\nBEGIN:VEVENT\r\n");
  });

  it("in check's messages, whether they quote a value or a file name", async () => {
    const dir = await hostileWorkspace();
    writeFileSync(join(dir, "hosts", `${ESC}[2Jbad.yaml`), 'id: "\\e[2Jbad id"\nname: "\\e]0;x\\a"\n');
    const run = await onTerminal(["check", "--data", "."], dir);
    expect(run.code).toBe(3);
    expectTerminalSafe(run.stderr);
    expect(run.stderr).toContain("hosts/bad.yaml:1:5: id: `bad id` is not a valid id");
  });

  it("in the wizard's choice lists", async () => {
    const dir = await hostileWorkspace();
    const shown: string[] = [];
    const record = <T>(choices: readonly PromptChoice<T>[]) =>
      shown.push(...choices.flatMap((c) => [c.name, c.description ?? ""]));
    // Answers the name and id, shows the place and theme lists, then cancels like Ctrl-C would.
    const prompter: Prompter = {
      input: async (q) => {
        if (/name/i.test(q.message)) return "Brussels Volunteer Centre";
        if (/^Id/.test(q.message)) return q.default ?? "brussels-volunteer-centre";
        throw new UsageError("cancelled: nothing was written");
      },
      select: async (q) => {
        record(q.choices);
        return (q.choices[0] as PromptChoice<never>).value;
      },
      checkbox: async (q) => {
        record(q.choices);
        throw new UsageError("cancelled: nothing was written");
      },
      confirm: async () => false,
    };
    const { code } = await runCli(["new", "host", "--data", dir], { cwd: dir, prompter });
    expect(code).toBe(2);
    expect(shown.join("\n")).toContain("Town hall");
    expect(shown).toContain("newcomers");
    expectTerminalSafe(shown.join("\n"));
  });
});
