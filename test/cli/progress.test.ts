import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ProgressTiming } from "../../src/cli/progress.js";
import { repoRoot, tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

/** main() with stderr as a terminal (or not) and the given progress timing; stdin is no terminal. */
async function run(argv: string[], stderrIsTTY: boolean, progressTiming: ProgressTiming, cwd = repoRoot) {
  /** every write in order, as one terminal showing both streams would receive them */
  const writes: { stream: "out" | "err"; text: string }[] = [];
  const result = await runCli(argv, {
    cwd,
    tty: { stderr: stderrIsTTY },
    progressTiming,
    onWrite: (stream, text) => writes.push({ stream: stream === "stdout" ? "out" : "err", text }),
  });
  return { ...result, writes };
}

const AT_ONCE: ProgressTiming = { delayMs: 0, intervalMs: 0 };
// log-update erases its lines with "erase line" + "cursor up" sequences; the last write leaves the line empty.
const ERASE_LINE = "\u001b[2K";

/**
 * A workspace whose request has more usable hosts than the exact solver takes,
 * so the metaheuristic runs and reports its best value as it goes.
 */
function bigWorkspace(): string {
  const dir = tempDir();
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write("studyvisit.yaml", "timezone: Europe/Brussels\n");
  const places = Array.from(
    { length: 24 },
    (_, i) => `- {id: p${i}, name: Office ${i}, address: "Rue ${i}", geo: "${(50.8 + i * 0.002).toFixed(4)}, 4.3"}`,
  );
  write("places/all.yaml", `${places.join("\n")}\n`);
  for (let i = 0; i < 24; i++)
    write(
      `hosts/h${i}.yaml`,
      `id: h${i}\nname: Host ${i}\nthemes: [inclusion${i % 3 === 0 ? ", housing" : ""}]\nplace: p${i}\n` +
        `visit: {duration: 45min}\navailability: {weekly: [{days: [tue, wed], hours: "09:00-17:00"}]}\n`,
    );
  write(
    "requests/big.yaml",
    "id: big\ntitle: Many hosts\norganiser: {name: Org, email: org@example.org}\ndelegation: {size: 8}\n" +
      'days: [{date: 2018-09-18, hours: "09:00-17:00"}, {date: 2018-09-19, hours: "09:00-17:00"}]\n' +
      "interests: [inclusion, {theme: housing, weight: 2}]\n",
  );
  return dir;
}

describe("progress on stderr", () => {
  it("shows records read, requests planned and the best value so far when stderr is a terminal, then erases itself", async () => {
    const dir = bigWorkspace();
    const tty = await run(["plan", "big", "--data", "."], true, AT_ONCE, dir);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/reading the records: \d+ of 27 files · \d+ s/);
    expect(tty.stderr).toContain("planning: 0 of 1 request done · big: searching");
    expect(tty.stderr).toMatch(/planning: 0 of 1 request done · big: best value so far \d+/);
    expect(tty.stderr).toMatch(/planning: 1 of 1 request done \(value \d+\)/);
    // The last thing written erases the progress line: the terminal is left as it was.
    expect(tty.stderr.slice(tty.stderr.lastIndexOf("planning"))).toContain(ERASE_LINE);
    expect(tty.stderr.endsWith("\u001b[G") || tty.stderr.endsWith("\u001b[G\u001b[?2026l")).toBe(true);
    // The results are the same bytes as without a terminal.
    const piped = await run(["plan", "big", "--data", "."], false, AT_ONCE, dir);
    expect({ code: piped.code, stdout: piped.stdout, stderr: piped.stderr }).toEqual({
      code: 0,
      stdout: tty.stdout,
      stderr: "",
    });
  });

  it("erases the progress line before any result or message is printed, so none is erased later", async () => {
    const dir = bigWorkspace();
    const { code, writes } = await run(["plan", "big", "--data", ".", "--out", "out"], true, AT_ONCE, dir);
    expect(code).toBe(0);
    const isFrame = (w: { text: string }) => /planning:|reading the records:/.test(w.text);
    const isErase = (w: { text: string }) => w.text.includes(ERASE_LINE) && !isFrame(w);
    const lastFrame = writes.findLastIndex(isFrame);
    const firstOutput = writes.findIndex((w) => !isFrame(w) && !isErase(w) && w.text.trim() !== "");
    // the timeline on stdout and "wrote out/big/..." on stderr come after the last frame, and an erase comes between
    expect(writes.filter((w) => w.stream === "out").length).toBeGreaterThan(0);
    expect(writes.some((w) => w.stream === "err" && w.text.startsWith("wrote out/big/"))).toBe(true);
    expect(firstOutput).toBeGreaterThan(lastFrame);
    expect(writes.slice(lastFrame + 1, firstOutput).some(isErase)).toBe(true);
    // after the first result nothing is erased: every later write is output
    expect(writes.slice(firstOutput).some(isErase)).toBe(false);
  });

  it("says how many agendas check has checked", async () => {
    const dir = tempDir();
    const plan = await run(
      ["plan", "ljubljana-2018", "--data", join(repoRoot, "data"), "--out", "out"],
      false,
      AT_ONCE,
      dir,
    );
    expect(plan.code).toBe(0);
    const check = await run(
      ["check", "--data", join(repoRoot, "data"), "out/ljubljana-2018/agenda.yaml"],
      true,
      AT_ONCE,
      dir,
    );
    expect(check.code).toBe(0);
    expect(check.stderr).toContain("checking the agendas: 0 of 1 done");
    expect(check.stdout).toContain("all valid");
  });

  it("shows nothing when stderr is not a terminal, with --quiet, or when the work ends before the delay", async () => {
    const args = ["plan", "ljubljana-2018", "--data", "data"];
    expect((await run(args, false, AT_ONCE)).stderr).toBe("");
    const quiet = await run(["--quiet", ...args], true, AT_ONCE);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
    const soon = await run(args, true, { delayMs: 600_000, intervalMs: 100 });
    expect(soon.code).toBe(0);
    expect(soon.stderr).toBe("");
  });

  it("erases the progress line before an error is printed", async () => {
    const run1 = await run(["plan", "no-such-request", "--data", "data"], true, AT_ONCE);
    expect(run1.code).toBe(2);
    const error = run1.stderr.indexOf("error:");
    expect(error).toBeGreaterThan(0);
    expect(run1.stderr.slice(0, error)).toContain(ERASE_LINE);
    expect(run1.stderr.slice(error)).not.toContain("reading the records");
  });
});
