import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { stringify } from "yaml";
import { syntheticCity } from "./scale.js";

const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const hours = (h: { start: number; end: number }) => `${clock(h.start)}-${clock(h.end)}`;

/**
 * bench/scale.ts's synthetic city (1,000 hosts, 50 three-day requests) written
 * as a workspace of YAML files, one record a file, as an organiser's registry
 * would be: the same seed gives the same bytes.
 */
export function writeRegistryWorkspace(dir: string, hosts = 1000, requests = 50): string[] {
  // The records as an organiser writes them, not the resolved requests (zone, pace, grid and area filled in).
  const { ws, records: list } = syntheticCity(hosts, requests);
  for (const d of ["hosts", "places", "requests"]) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, "studyvisit.yaml"), "timezone: Europe/Brussels\n");
  for (const p of ws.places.values()) writeFileSync(join(dir, "places", `${p.id}.yaml`), stringify(p));
  for (const h of ws.hosts.values()) {
    const a = h.availability;
    const record = {
      ...h,
      country: "BE",
      visit: { duration: h.visit.duration },
      availability: {
        weekly: a.weekly.map((w) => ({ days: w.days, hours: hours(w.hours) })),
        slots: a.slots.map((s) => ({ date: s.date, hours: hours(s.hours) })),
        closed: a.closed,
        parallel: a.parallel,
      },
    };
    writeFileSync(join(dir, "hosts", `${h.id}.yaml`), stringify(record));
  }
  for (const r of list) {
    const record = {
      ...r,
      days: r.days.map((d) => ({ date: d.date, hours: hours(d.hours) })),
      meals: r.meals.map((m) => ({ ...m, hours: hours(m.hours) })),
    };
    writeFileSync(join(dir, "requests", `${r.id}.yaml`), stringify(record));
  }
  return list.map((r) => r.id);
}

// Loaded with `node -r` into the measured CLI: its own CPU time and peak RSS, written at exit.
const PRELOAD = `const { writeFileSync } = require("node:fs");
process.on("exit", () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.STUDYVISIT_BENCH_USAGE, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKb: u.maxRSS }));
});
`;

export interface CliRun {
  ms: number;
  cpuMs: number;
  rssMb: number;
  exitCode: number;
}

export interface RegistryRow {
  bin: string;
  command: string;
  runs: number;
  /** medians over the runs */
  ms: number;
  cpuMs: number;
  rssMb: number;
  /** the largest peak RSS of any run */
  maxRssMb: number;
  exitCodes: number[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? (s[k] as number) : ((s[k - 1] as number) + (s[k] as number)) / 2;
}

function runCli(bin: string, args: string[], cwd: string, scratch: string): CliRun {
  const usage = join(scratch, "usage.json");
  const preload = join(scratch, "preload.cjs");
  writeFileSync(preload, PRELOAD);
  const started = performance.now();
  const out = spawnSync(process.execPath, ["-r", preload, bin, ...args], {
    cwd,
    env: { ...process.env, STUDYVISIT_BENCH_USAGE: usage, NO_COLOR: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const u = JSON.parse(readFileSync(usage, "utf8")) as { cpuMs: number; maxRssKb: number };
  rmSync(usage);
  return { ms, cpuMs: u.cpuMs, rssMb: u.maxRssKb / 1024, exitCode: out.status ?? -1 };
}

/**
 * The three registry measurements, through the CLI end to end (a fresh
 * `node bin/studyvisit.js` each time): `check`, `plan` of one request, and
 * `plan --json` of all 50 requests together. Every binary given is measured
 * on the same workspace, runs interleaved (bin A, bin B, A, B, …) so that a
 * machine shared with other work weighs on each alike.
 */
export function runRegistry(bins: string[], runs: number): RegistryRow[] {
  const scratch = mkdtempSync(join(tmpdir(), "studyvisit-registry-"));
  try {
    const ws = join(scratch, "registry");
    const ids = writeRegistryWorkspace(ws);
    const commands: { name: string; args: string[] }[] = [
      { name: "check", args: ["check", "--data", ws] },
      { name: "plan 1 request", args: ["plan", "--data", ws, ids[0] as string] },
      { name: `plan ${ids.length} requests --json`, args: ["plan", "--json", "--data", ws, ...ids] },
    ];
    const results = new Map<string, CliRun[]>();
    for (let i = 0; i < runs; i++)
      for (const command of commands)
        for (const bin of bins) {
          const key = `${bin}\u0000${command.name}`;
          const list = results.get(key) ?? [];
          list.push(runCli(bin, command.args, scratch, scratch));
          results.set(key, list);
        }
    return commands.flatMap((command) =>
      bins.map((bin) => {
        const list = results.get(`${bin}\u0000${command.name}`) ?? [];
        return {
          bin,
          command: command.name,
          runs: list.length,
          ms: Math.round(median(list.map((r) => r.ms))),
          cpuMs: Math.round(median(list.map((r) => r.cpuMs))),
          rssMb: Math.round(median(list.map((r) => r.rssMb))),
          maxRssMb: Math.round(Math.max(...list.map((r) => r.rssMb))),
          exitCodes: [...new Set(list.map((r) => r.exitCode))],
        };
      }),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
