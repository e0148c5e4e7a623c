import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, repoRoot, tempDir } from "../helpers/files.js";

const bin = join(repoRoot, "bin", "studyvisit.js");

function run(args: string[], env: Record<string, string> = {}, cwd = repoRoot) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env },
    encoding: "utf8",
    input: "",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// One end-to-end run of the real executable (built dist/, real process exit code);
// everything else calls main() in-process.
describe("bin/studyvisit.js", () => {
  it("runs the compiled CLI and sets the process exit code", () => {
    expect(run(["--version"]).code).toBe(0);
    const dir = tempDir();
    expect(run(["init", "ws"], {}, dir).code).toBe(0);
    expect(run(["check", "--data", "ws"], {}, dir)).toEqual({
      code: 0,
      stdout: "✓ 4 files: 1 place, 1 host, 1 request — all valid\n",
      stderr: "",
    });
    expect(run(["plan", "no-such-request", "--data", "ws"], {}, dir).code).toBe(2);
  });

  it("gives the same bytes under any TZ and locale", () => {
    const cwd = join(fixturesDir, "broken", "unknown-key-typo");
    const a = run(["check", "--data", "."], { TZ: "UTC", LANG: "C" }, cwd);
    const b = run(
      ["check", "--data", "."],
      { TZ: "Pacific/Auckland", LANG: "fr_BE.UTF-8", LC_ALL: "fr_BE.UTF-8" },
      cwd,
    );
    expect(a.code).toBe(3);
    expect(b).toEqual(a);
  });
});
