import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

export interface StartupRow {
  label: string;
  /** every run's wall time in ms, in the order run */
  times: number[];
  medianMs: number;
  /** median / the bare `node -e 0` median */
  ratio: number;
  /** median CPU time (user + system, all threads) of the process, and its ratio to `node -e 0`'s */
  cpuMs: number;
  cpuRatio: number;
  /** the ratio this command must stay under (issue 12), none for the baseline */
  target?: number;
}

interface Case {
  label: string;
  args: string[];
  target?: number;
}

/**
 * Start-up time of the CLI against a bare Node start, measured side by side:
 * each round runs every command once, in an order rotated from round to
 * round, so that load from other work on the machine hits all of them alike.
 * Each command must exit 0: a command that fails fast is not fast. CPU time
 * (user + system, all threads) is steadier than wall time when other work
 * shares the machine; the targets are on wall time.
 */
export function runStartup(root: string, rounds: number, against?: string): StartupRow[] {
  const commands = (bin: string, prefix: string, targets: boolean): Case[] =>
    [
      { label: "studyvisit --version", args: ["--version"], target: 1.5 },
      { label: "studyvisit --help", args: ["--help"], target: 1.5 },
      { label: "studyvisit check --data data", args: ["check", "--data", "data"], target: 3 },
      {
        label: "studyvisit plan ljubljana-2018 --data data",
        args: ["plan", "ljubljana-2018", "--data", "data"],
        target: 3,
      },
    ].map((c) => ({
      label: `${prefix}${c.label}`,
      args: [bin, ...c.args],
      ...(targets ? { target: c.target } : {}),
    }));
  // `against`: another checkout of the project (built), run on this one's data/ in the same rounds: a before/after under the same load.
  const cases: Case[] = [
    { label: "node -e 0", args: ["-e", "0"] },
    ...(against ? commands(join(against, "bin", "studyvisit.js"), "against: ", false) : []),
    ...commands(join(root, "bin", "studyvisit.js"), "", true),
  ];
  const times = cases.map(() => [] as number[]);
  const cpu = cases.map(() => [] as number[]);
  const env = { ...process.env, NO_COLOR: "1" };
  const hook = join(mkdtempSync(join(tmpdir(), "studyvisit-bench-")), "cpu-hook.cjs");
  writeFileSync(hook, CPU_HOOK);
  // One untimed round first: the file system cache then holds every file for all commands alike.
  for (const c of cases) runCase(c, root, env, hook);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const i = (k + round) % cases.length;
      const run = runCase(cases[i] as Case, root, env, hook);
      (times[i] as number[]).push(run.wallMs);
      (cpu[i] as number[]).push(run.cpuMs);
    }
  }
  const base = median(times[0] as number[]);
  const cpuBase = median(cpu[0] as number[]);
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return cases.map((c, i) => {
    const t = times[i] as number[];
    const m = median(t);
    const mc = median(cpu[i] as number[]);
    return {
      label: c.label,
      times: t,
      medianMs: round1(m),
      ratio: round2(m / base),
      cpuMs: round1(mc),
      cpuRatio: round2(mc / cpuBase),
      ...(c.target === undefined ? {} : { target: c.target }),
    };
  });
}

/**
 * A CommonJS preload that writes the process's own CPU time to fd 3 as it
 * exits. Wall time is measured without it (the command exactly as a user runs
 * it); CPU time in a second run of each case with it, `node -e 0` included.
 */
const CPU_HOOK = `process.on("exit", () => { const u = process.cpuUsage(); require("node:fs").writeSync(3, String((u.user + u.system) / 1000)); });\n`;

function runCase(c: Case, root: string, env: NodeJS.ProcessEnv, hook: string): { wallMs: number; cpuMs: number } {
  const started = performance.now();
  const plain = spawnSync(process.execPath, c.args, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
  const wallMs = performance.now() - started;
  const hooked = spawnSync(process.execPath, ["--require", hook, ...c.args], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  for (const out of [plain, hooked])
    if (out.status !== 0)
      throw new Error(`\`${c.label}\` exited with ${String(out.status)}: ${String(out.stderr).split("\n")[0]}`);
  return { wallMs, cpuMs: Number(String(hooked.output[3])) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? (s[k] as number) : ((s[k - 1] as number) + (s[k] as number)) / 2;
}
