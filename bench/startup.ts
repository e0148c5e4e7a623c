import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

export interface StartupRow {
  label: string;
  /** every run's wall time in ms, in the order run */
  times: number[];
  medianMs: number;
  /** median / the bare `node -e 0` median */
  ratio: number;
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
 * Each command must exit 0: a command that fails fast is not fast.
 */
export function runStartup(root: string, rounds: number): StartupRow[] {
  const bin = join(root, "bin", "studyvisit.js");
  const cases: Case[] = [
    { label: "node -e 0", args: ["-e", "0"] },
    { label: "studyvisit --version", args: [bin, "--version"], target: 1.5 },
    { label: "studyvisit --help", args: [bin, "--help"], target: 1.5 },
    { label: "studyvisit check --data data", args: [bin, "check", "--data", "data"], target: 3 },
    {
      label: "studyvisit plan ljubljana-2018 --data data",
      args: [bin, "plan", "ljubljana-2018", "--data", "data"],
      target: 3,
    },
  ];
  const times = cases.map(() => [] as number[]);
  const env = { ...process.env, NO_COLOR: "1" };
  // One untimed round first: the file system cache then holds every file for all commands alike.
  for (const c of cases) runCase(c, root, env);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const i = (k + round) % cases.length;
      (times[i] as number[]).push(runCase(cases[i] as Case, root, env));
    }
  }
  const base = median(times[0] as number[]);
  return cases.map((c, i) => {
    const t = times[i] as number[];
    const m = median(t);
    return {
      label: c.label,
      times: t,
      medianMs: Math.round(m * 10) / 10,
      ratio: Math.round((m / base) * 100) / 100,
      ...(c.target === undefined ? {} : { target: c.target }),
    };
  });
}

function runCase(c: Case, root: string, env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const out = spawnSync(process.execPath, c.args, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - started;
  if (out.status !== 0)
    throw new Error(`\`${c.label}\` exited with ${String(out.status)}: ${out.stderr.toString().split("\n")[0]}`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? (s[k] as number) : ((s[k - 1] as number) + (s[k] as number)) / 2;
}
