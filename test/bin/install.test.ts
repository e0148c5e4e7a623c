import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, snapshotTree, tempDir } from "../helpers/files.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** The environment of a user's shell: no workspace chosen, no npm settings inherited from `npm test`. */
function userEnv(): Record<string, string> {
  const env: Record<string, string> = { NO_COLOR: "1" };
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && !/^npm_/i.test(key) && key !== "STUDYVISIT_DATA") env[key] = value;
  return env;
}

function sh(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env: userEnv(), encoding: "utf8", input: "" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// What a user without the repository does: install the packed package globally,
// then work in a folder of their own. The package bundles its dependencies
// (dist/cli, scripts/build-cli.js), so the install needs no registry: --offline.
describe("npm pack, then npm install -g of the tarball into an empty prefix", () => {
  it("gives a studyvisit that runs from any folder with its templates and bundled workspace", () => {
    if (!existsSync(join(repoRoot, "dist", "cli", "main.js")))
      throw new Error("dist/ is not built: run `npm run build` (npm test does) before this test");
    const packDir = tempDir("studyvisit-pack-");
    // dist/ is already built; packing must not rebuild it (prepare) or touch the repository.
    const pack = sh(npm, ["pack", "--ignore-scripts", "--pack-destination", packDir, "--json"], repoRoot);
    expect(pack.code, pack.stderr).toBe(0);
    const tarball = join(packDir, (JSON.parse(pack.stdout) as { filename: string }[])[0]?.filename as string);

    const prefix = tempDir("studyvisit-prefix-");
    expect(readdirSync(prefix)).toEqual([]);
    const install = sh(
      npm,
      ["install", "-g", tarball, "--prefix", prefix, "--offline", "--no-audit", "--no-fund"],
      packDir,
    );
    expect(install.code, install.stderr).toBe(0);
    const bin = join(prefix, process.platform === "win32" ? "studyvisit.cmd" : join("bin", "studyvisit"));
    const installed = join(prefix, "lib", "node_modules", "studyvisit");
    expect(existsSync(bin)).toBe(true);
    expect(existsSync(join(installed, "node_modules"))).toBe(false);

    const home = tempDir("studyvisit-user-");
    const studyvisit = (...args: string[]) => sh(bin, args, home);

    const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
    expect(studyvisit("--version")).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });

    const example = studyvisit("init", "--example", "demo");
    expect(example.code, example.stderr).toBe(0);
    expect(snapshotTree(join(home, "demo"))).toEqual(snapshotTree(join(installed, "data")));
    const plan = studyvisit("plan", "ljubljana-2018", "--data", "demo");
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain("Ljubljana delegation in Brussels");
    expect(plan.stdout).toContain("microStart");
    expect(studyvisit("init", "--example", "demo").code).toBe(2);

    // The starter templates and the letter templates are found in the installed package too.
    const starter = studyvisit("init", "mine");
    expect(starter.code, starter.stderr).toBe(0);
    expect(studyvisit("check", "--data", "mine").stdout).toBe("✓ 4 files: 1 place, 1 host, 1 request — all valid\n");
    const letter = studyvisit("letter", "ljubljana-2018", "--host", "microstart", "--data", "demo");
    expect(letter.code, letter.stderr).toBe(0);
    expect(letter.stdout).toContain("microStart");
    const polish = studyvisit("letter", "ljubljana-2018", "--host", "microstart", "--data", "demo", "--lang", "pl");
    expect(polish.code, polish.stderr).toBe(0);
    expect(polish.stdout).toContain("Z wyrazami szacunku");

    // The geography checks read the country borders, a file of their own in the bundle, when the
    // time-zone data cannot vouch for a place (here one at sea, latitude and longitude swapped)…
    const place = join(home, "mine", "places", "town-hall.yaml");
    writeFileSync(place, readFileSync(place, "utf8").replace('"50.8675, 4.3775"', '"4.3775, 50.8675"'));
    const swapped = studyvisit("check", "--data", "mine");
    expect(swapped.code, swapped.stderr).toBe(0);
    expect(swapped.stderr).toContain("latitude and longitude swapped? `50.8675, 4.3775` lies in BE");
    // …and country codes are checked against the holiday data's list, also bundled.
    const host = join(home, "mine", "hosts", "schaerbeek-reception.yaml");
    writeFileSync(host, readFileSync(host, "utf8").replace("country: BE", "country: UK"));
    const unknown = studyvisit("check", "--data", "mine");
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain("did you mean `GB`, United Kingdom?");

    // The round's e-mails are composed by the bundled nodemailer.
    expect(studyvisit("plan", "ljubljana-2018", "--data", "demo", "--out", "out").code).toBe(0);
    const mail = studyvisit("invites", "out/ljubljana-2018/agenda.yaml", "--data", "demo", "-o", "mail", "--eml");
    expect(mail.code, mail.stderr).toBe(0);
    const eml = readdirSync(join(home, "mail")).filter((f) => f.endsWith(".eml"));
    expect(eml.length).toBeGreaterThan(0);
    expect(readFileSync(join(home, "mail", eml[0] as string), "utf8")).toContain("METHOD:REQUEST");
  }, 180_000);
});
