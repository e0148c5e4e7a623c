import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, leftovers, repoRoot, snapshotTree, tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

// The real executable in real processes: signals, a closed pipe and a full disk cannot be faked in-process.
const bin = join(repoRoot, "bin", "studyvisit.js");
const isRoot = process.getuid?.() === 0;

function runBin(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A workspace with a planned request whose agenda.yaml the organiser has edited by hand (set up in-process: faster). */
async function plannedWorkspace(): Promise<string> {
  const dir = tempDir();
  expect((await runCli(["init", "."], { cwd: dir })).code).toBe(0);
  expect((await runCli(["plan", "example-visit", "--data", ".", "--out", "out"], { cwd: dir })).code).toBe(0);
  const agenda = join(dir, "out", "example-visit", "agenda.yaml");
  writeFileSync(agenda, `${readFileSync(agenda, "utf8")}# my hand edit\n`);
  return dir;
}

/** `plan --out --force`, stopped by the test hook after its first file, until a signal comes. */
async function pausedMidWrite(
  dir: string,
): Promise<{ child: ChildProcess; exit: Promise<number | null>; stderr: () => string }> {
  const child = spawn(process.execPath, [bin, "plan", "example-visit", "--data", ".", "--out", "out", "--force"], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", STUDYVISIT_TEST_HOOK: "pause-mid-write" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes("test hook: paused mid-write")) resolve();
    });
    child.on("exit", () => reject(new Error(`the run ended before pausing:\n${stderr}`)));
  });
  return { child, exit, stderr: () => stderr };
}

describe("signals while plan --out writes", () => {
  it("SIGINT: the temporary files go, the old outputs stay whole, and a second run meanwhile is refused", async () => {
    const dir = await plannedWorkspace();
    const before = snapshotTree(join(dir, "out"));
    const run = await pausedMidWrite(dir);
    expect(leftovers(join(dir, "out")).some((name) => name.startsWith(".studyvisit-stage-"))).toBe(true);

    const second = runBin(["plan", "example-visit", "--data", ".", "--out", "out", "--force"], dir);
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(
      `error: another studyvisit run (process ${run.child.pid}) is writing into out/: wait until it ends, then run again\nhint: if no studyvisit run is writing there, delete out/.studyvisit.lock\n`,
    );

    run.child.kill("SIGINT");
    expect(await run.exit).toBe(130);
    expect(run.stderr()).toContain("error: interrupted (SIGINT): nothing was replaced\n");
    expect(run.stderr()).not.toMatch(/\n\s+at /);
    expect(snapshotTree(join(dir, "out"))).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it("SIGTERM: the same, exit 143", async () => {
    const dir = await plannedWorkspace();
    const before = snapshotTree(join(dir, "out"));
    const run = await pausedMidWrite(dir);
    run.child.kill("SIGTERM");
    expect(await run.exit).toBe(143);
    expect(run.stderr()).toContain("error: interrupted (SIGTERM): nothing was replaced\n");
    expect(snapshotTree(join(dir, "out"))).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("stdout closed early", () => {
  it("`studyvisit hosts | head -c1` ends quietly, without an EPIPE stack", async () => {
    const dir = copyFixture(join(repoRoot, "data"));
    const child = spawn(process.execPath, [bin, "hosts", "--data", "."], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // The reader goes away before the first line is written, as `head -c1` does after one byte.
    child.stdout?.destroy();
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at |Unhandled/);
    expect(code).toBe(0);
  });
});

describe("a full disk", () => {
  // A tiny tmpfs, mounted in a private mount namespace so nothing outside the test sees it: where the
  // platform allows it (root, or user namespaces); elsewhere /dev/full covers ENOSPC (test/cli/outputs.test.ts).
  const unshareFlags = isRoot ? ["-m"] : ["-rm"];
  const mountable =
    spawnSync("unshare", [...unshareFlags, "sh", "-c", 'mount -t tmpfs -o size=64k tmpfs "$0"', tempDir()]).status ===
    0;

  it.skipIf(!mountable)(
    "ENOSPC midway through plan --out --force: exit 2, the old outputs whole, nothing left behind",
    async () => {
      const dir = await plannedWorkspace();
      const mnt = join(dir, "mnt");
      mkdirSync(mnt);
      // Inside the namespace: the outputs on a 256 KiB disk, filled up to one free page, then a re-run.
      const script = [
        "set -e",
        'mount -t tmpfs -o size=256k tmpfs "$MNT"',
        'cp -r out "$MNT/out"',
        'before=$(cd "$MNT/out" && find . -type f | sort | xargs md5sum)',
        'dd if=/dev/zero of="$MNT/fill" bs=4096 2>/dev/null || true',
        'truncate -s -4096 "$MNT/fill"',
        "set +e",
        'node "$BIN" plan example-visit --data . --out "$MNT/out" --force 2>"$MNT/../stderr.txt"; echo "code=$?"',
        'after=$(cd "$MNT/out" && find . -type f | sort | xargs md5sum)',
        '[ "$before" = "$after" ] && echo "outputs=same" || echo "outputs=changed"',
        'echo "leftovers=$(find "$MNT" -name ".studyvisit*" -o -name "*.tmp" | wc -l)"',
      ].join("\n");
      const result = spawnSync("unshare", [...unshareFlags, "sh", "-c", script], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", MNT: mnt, BIN: bin },
        encoding: "utf8",
      });
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe("code=2\noutputs=same\nleftovers=0\n");
      expect(readFileSync(join(dir, "stderr.txt"), "utf8")).toMatch(
        /^error: cannot write mnt\/out\/example-visit\/\S+: the disk is full: free some space or write to another disk \(nothing was replaced\)\n$/,
      );
    },
  );
});
