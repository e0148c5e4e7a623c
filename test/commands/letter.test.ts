import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, repoRoot, snapshotTree, tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

const data = join(repoRoot, "data");
/** 21 August 2018, 08:00 UTC: the date of the seed's note of intention. */
const now = new Date("2018-08-21T08:00:00Z");
const golden = (file: string) => readFileSync(join(repoRoot, "test", "render", "golden", "letters", file), "utf8");
const letter = (args: string[], options: { cwd?: string } = {}) =>
  runCli(["letter", "ljubljana-2018", "--data", data, ...args], { now, ...options });

describe("studyvisit letter --host", () => {
  it("prints the letter in the host contact's language (Etterbeek: French)", async () => {
    const run = await letter(["--host", "etterbeek"]);
    expect(run).toEqual({ code: 0, stdout: golden("ljubljana-2018-etterbeek.fr.md"), stderr: "" });
  });

  it("--lang chooses another language; -o FILE writes it, and never over an existing file without --force", async () => {
    const dir = tempDir();
    const file = join(dir, "etterbeek.md");
    const first = await letter(["--host", "etterbeek", "--lang", "nl", "-o", file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("");
    expect(readFileSync(file, "utf8")).toBe(golden("ljubljana-2018-etterbeek.nl.md"));
    const again = await letter(["--host", "etterbeek", "--lang", "en", "-o", file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("refusing to overwrite");
    expect(readFileSync(file, "utf8")).toBe(golden("ljubljana-2018-etterbeek.nl.md"));
    expect((await letter(["--host", "etterbeek", "--lang", "en", "-o", file, "--force"])).code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(golden("ljubljana-2018-etterbeek.en.md"));
  });

  it("-o DIR with --host writes <host>.<lang>.md into it", async () => {
    const dir = tempDir();
    expect((await letter(["--host", "microstart", "-o", dir])).code).toBe(0);
    expect(readdirSync(dir)).toEqual(["microstart.fr.md"]);
    expect(readFileSync(join(dir, "microstart.fr.md"), "utf8")).toBe(golden("ljubljana-2018-microstart.fr.md"));
  });

  it("an unknown host exits 2 with a did-you-mean", async () => {
    const run = await letter(["--host", "etterbek"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown host `etterbek` (did you mean `etterbeek`?)");
    expect(run.stdout).toBe("");
  });

  it("a host the request excludes still gets its letter, with a note on stderr saying why", async () => {
    const run = await letter(["--host", "globe-aroma", "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "note: globe-aroma is not a candidate for ljubljana-2018 (too-small: it receives at most 10 people and the delegation is 12)",
    );
    expect(run.stdout).toContain(
      "We understand that you usually receive groups of up to 10 people; if it helps, the delegation could come in two smaller groups.",
    );
  });

  it("--template FILE: the organiser's own template", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "mine.md"), "To {{host}}: {{when}}\n");
    const run = await letter(["--host", "etterbeek", "--lang", "en", "--template", "mine.md"], { cwd: dir });
    expect(run).toEqual({
      code: 0,
      stdout:
        "To Municipality of Etterbeek: We would like to visit you on Wednesday 19 September in the morning. If that is not convenient for you, we could also come the same day from 14:00 to 16:00.\n",
      stderr: "",
    });
    expect((await letter(["--host", "etterbeek", "--template", "missing.md"], { cwd: dir })).code).toBe(2);
  });

  /** The bundled workspace with Etterbeek's contact writing in another language. */
  const etterbeekIn = (lang: string) => {
    const ws = copyFixture(data);
    const hostFile = join(ws, "hosts", "etterbeek.yaml");
    const before = readFileSync(hostFile, "utf8");
    const after = before.replace(
      "email: european.affairs@example.org, lang: fr",
      `email: european.affairs@example.org, lang: ${lang}`,
    );
    expect(after).not.toBe(before);
    writeFileSync(hostFile, after);
    return ws;
  };

  it.each(["de", "es", "it", "pl"])(
    "a contact writing %s gets the letter in that language by default",
    async (lang) => {
      const ws = etterbeekIn(lang);
      const run = await runCli(["letter", "ljubljana-2018", "--data", ws, "--host", "etterbeek"], { now });
      expect(run).toEqual({ code: 0, stdout: golden(`ljubljana-2018-etterbeek.${lang}.md`), stderr: "" });
    },
  );

  it("a contact language without a template falls back to the organiser's, and says so", async () => {
    const ws = etterbeekIn("sl");
    const run = await runCli(["letter", "ljubljana-2018", "--data", ws, "--host", "etterbeek"], { now });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("no letter template in Slovenian: the letter to etterbeek is in English");
    expect(run.stdout).toBe(golden("ljubljana-2018-etterbeek.en.md"));
  });
});

describe("studyvisit letter --lang: the seven languages", () => {
  it.each(["en", "fr", "nl", "de", "es", "it", "pl"])(
    "--lang %s writes <host>.<lang>.md, the golden letter",
    async (lang) => {
      const dir = tempDir();
      const run = await letter(["--host", "etterbeek", "--lang", lang, "-o", dir]);
      expect(run).toEqual({ code: 0, stdout: "", stderr: expect.stringContaining(`etterbeek.${lang}.md`) as string });
      expect(readdirSync(dir)).toEqual([`etterbeek.${lang}.md`]);
      expect(readFileSync(join(dir, `etterbeek.${lang}.md`), "utf8")).toBe(
        golden(`ljubljana-2018-etterbeek.${lang}.md`),
      );
    },
  );

  it("--help lists the seven", async () => {
    const run = await runCli(["letter", "--help"]);
    expect(run.stdout).toContain("en | fr | nl | de | es | it | pl");
  });
});

describe("studyvisit letter: usage errors exit 2", () => {
  it.each([
    [[], "name one host with --host ID, or write to every candidate host with --all"],
    [
      ["--host", "etterbeek", "--all", "-o", "x"],
      "name one host with --host ID, or write to every candidate host with --all",
    ],
    [["--all"], "--all writes one letter per host: name their folder with -o DIR"],
    [
      ["--host", "etterbeek", "--lang", "sl"],
      "error: --lang sl: no letter template in that language: use en, fr, nl, de, es, it, pl\nhint: `studyvisit letter --help` lists its options\n",
    ],
    [
      ["--all", "-o", "x", "--lang", "english"],
      "error: --lang english: no letter template in that language: use en, fr, nl, de, es, it, pl\nhint: `studyvisit letter --help` lists its options\n",
    ],
    [
      ["--host", "etterbeek", "--lang", "DE"],
      "error: --lang DE: no letter template in that language: use en, fr, nl, de, es, it, pl; language codes are lowercase: --lang de\nhint: `studyvisit letter --help` lists its options\n",
    ],
  ])("%j", async (args, message) => {
    const run = await letter(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
  });
});

describe("studyvisit letter --all", () => {
  it("writes one letter per candidate host, in ranked order, each in its host's language", async () => {
    const match = await runCli(["match", "ljubljana-2018", "--json", "--data", data]);
    const ranked = (JSON.parse(match.stdout) as { candidates: { host: string }[] }).candidates.map((c) => c.host);
    const dir = tempDir();
    const run = await letter(["--all", "-o", dir]);
    expect(run.code).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files.map((f) => f.replace(/^\d\d-|\.\w\w\.md$/g, ""))).toEqual(ranked);
    expect(files).toEqual(expect.arrayContaining(["01-microstart.fr.md", "02-etterbeek.fr.md", "05-foyer.nl.md"]));
    expect(readFileSync(join(dir, "02-etterbeek.fr.md"), "utf8")).toBe(golden("ljubljana-2018-etterbeek.fr.md"));
    // Excluded hosts (too small, no time on the request's days, no matching theme) get none.
    for (const excluded of ["globe-aroma", "abattoir", "brulocalis"])
      expect(files.some((f) => f.includes(excluded))).toBe(false);
  });

  it("online hosts get their letters in their contacts' languages: SINGA Berlin in German, Demetra in Italian", async () => {
    const dir = tempDir();
    const run = await runCli(["letter", "express-2021", "--data", data, "--all", "-o", dir], { now });
    expect(run.code).toBe(0);
    const files = readdirSync(dir);
    const file = (host: string) => files.find((f) => f.includes(`-${host}.`));
    expect(file("singa-berlin")).toMatch(/\.de\.md$/);
    expect(file("demetra")).toMatch(/\.it\.md$/);
    expect(file("le-monde-des-possibles")).toMatch(/\.fr\.md$/);
    // The same letters as the golden ones, but dated 21 August 2018 (the run's `now`) instead of 1 July 2021.
    const berlin = readFileSync(join(dir, file("singa-berlin") as string), "utf8");
    expect(berlin.replace(/^21\\\. August 2018\n/, "1\\. Juli 2021\n")).toBe(golden("express-2021-singa-berlin.de.md"));
  });

  it("--lang writes every letter in that language", async () => {
    const dir = tempDir();
    expect((await letter(["--all", "--lang", "en", "-o", dir])).code).toBe(0);
    expect(readdirSync(dir).every((f) => f.endsWith(".en.md"))).toBe(true);
  });

  it("refuses to overwrite: nothing is written when one letter exists, --force replaces them all", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "03-hub-brussels.fr.md"), "my edited letter\n");
    const before = snapshotTree(dir);
    const run = await letter(["--all", "-o", "."], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("refusing to overwrite 03-hub-brussels.fr.md");
    expect(snapshotTree(dir)).toEqual(before);
    expect((await letter(["--all", "-o", dir, "--force"])).code).toBe(0);
    expect(readdirSync(dir)).toHaveLength(8);
    expect(readFileSync(join(dir, "03-hub-brussels.fr.md"), "utf8")).not.toBe("my edited letter\n");
  });

  it("-o naming a file is a usage error", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "letters"), "");
    const run = await letter(["--all", "-o", join(dir, "letters")]);
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, "letters"))).toBe(true);
  });
});

// The real executable (npm test builds dist/ first), under two machine time
// zones and locales: the date line comes from SOURCE_DATE_EPOCH in the
// request's zone, the words from the letter's language, never the machine's.
describe("bin/studyvisit.js letter: the same bytes under any TZ and locale", () => {
  const bin = join(repoRoot, "bin", "studyvisit.js");
  const machines = {
    utc: { TZ: "UTC", LANG: "C", LC_ALL: "C" },
    auckland: { TZ: "Pacific/Auckland", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" },
  };
  const run = (args: string[], machine: keyof typeof machines, request = "ljubljana-2018") =>
    spawnSync(process.execPath, [bin, "letter", request, "--data", data, ...args], {
      cwd: repoRoot,
      encoding: "utf8",
      // 21 August 2018, 23:30 UTC: already the 22nd in Brussels (and in Auckland), still the 21st in UTC.
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", SOURCE_DATE_EPOCH: "1534894200", ...machines[machine] },
    });

  it.each([
    ["en", "22 August 2018"],
    ["fr", "Le 22 août 2018"],
    ["nl", "22 augustus 2018"],
    ["de", "22\\. August 2018"], // escaped: "22." at the start of a line would open a numbered list
    ["es", "22 de agosto de 2018"],
    ["it", "22 agosto 2018"],
    ["pl", "22 sierpnia 2018 r."],
  ])("--host etterbeek --lang %s", (lang, dateLine) => {
    const utc = run(["--host", "etterbeek", "--lang", lang], "utc");
    const auckland = run(["--host", "etterbeek", "--lang", lang], "auckland");
    expect(utc.status).toBe(0);
    expect(auckland.stdout).toBe(utc.stdout);
    expect(utc.stdout.split("\n")[0]).toBe(dateLine);
  });

  it.each(["ljubljana-2018", "express-2021", "jelgava-schaerbeek"])("--all for %s", (request) => {
    const a = tempDir();
    const b = tempDir();
    expect(run(["--all", "-o", a], "utc", request).status).toBe(0);
    expect(run(["--all", "-o", b], "auckland", request).status).toBe(0);
    expect(snapshotTree(b)).toEqual(snapshotTree(a));
  });
});
