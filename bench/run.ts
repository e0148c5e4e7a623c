import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { solve } from "../src/plan/engine/index.js";
import { optwToEngine, parseOptw } from "./optw.js";
import { benchSet, setName, setOfFile, type BenchSet, type SetName } from "./sets.js";
import { loadRefBest, loadReferences, type Reference } from "./references.js";
import { runBundled } from "./bundled.js";
import { runGrid } from "./grid.js";
import { runJoint } from "./joint.js";
import { runRegistry } from "./registry.js";
import { runScale } from "./scale.js";
import { runSplit } from "./split.js";
import { runStartup } from "./startup.js";
import { verifyRoutes } from "./verify.js";

interface Args {
  json: boolean;
  /** only the 1,000-host scale run */
  scale: boolean;
  /** only the bundled requests' solver times */
  bundled: boolean;
  /** only the CLI's start-up times against a bare Node start */
  startup: boolean;
  /** runs: start-up rounds (default 9, at least 7) or, with --registry, runs of each command (default 5); medians are printed */
  runs: number | undefined;
  /** another built checkout whose CLI the start-up run times too, in the same rounds */
  against: string | undefined;
  /** only the round-times measurement (grid 5 against grid 1) */
  grid: boolean;
  /** only the registry run: the CLI on a 1,000-host workspace of YAML files */
  registry: boolean;
  /** only the joint-planning cases: together vs one after the other vs the bound */
  joint: boolean;
  /** with --registry: the CLI entry points to measure side by side (default: this checkout's bin/) */
  bins: string[];
  /** only the sub-groups measurement (a delegation of 20, the best hosts receiving 10) */
  split: boolean;
  ms: number[];
  files: string[];
  /** OPTW sets to run when no files are given */
  sets: SetName[];
  effort: number;
  seed: number;
  lsRate: number | undefined;
  /** Overrides every set's own rounding rule (truncation of Euclidean distances to this many decimals). */
  decimals: number | undefined;
  /** SolveOptions.extend: cheap runs go on past their schedule. */
  extend: boolean;
}

interface Row {
  set: SetName;
  instance: string;
  m: number;
  score: number;
  ms: number;
  /** CPU milliseconds of this process during the solve: robust when other work shares the machine. */
  cpuMs: number;
  routes: number[][];
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    json: false,
    scale: false,
    bundled: false,
    startup: false,
    runs: undefined,
    against: undefined,
    grid: false,
    registry: false,
    joint: false,
    bins: [],
    split: false,
    ms: [],
    files: [],
    sets: [],
    effort: 1,
    seed: 1,
    lsRate: undefined,
    decimals: undefined,
    extend: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--json") args.json = true;
    else if (a === "--scale") args.scale = true;
    else if (a === "--bundled") args.bundled = true;
    else if (a === "--startup") args.startup = true;
    else if (a === "--runs") args.runs = Number(value());
    else if (a === "--against") args.against = resolve(value());
    else if (a === "--grid") args.grid = true;
    else if (a === "--registry") args.registry = true;
    else if (a === "--joint") args.joint = true;
    else if (a === "--bin") args.bins.push(resolve(value()));
    else if (a === "--split") args.split = true;
    else if (a === "--m") args.ms.push(...value().split(",").map(Number));
    else if (a === "--effort") args.effort = Number(value());
    else if (a === "--seed") args.seed = Number(value());
    else if (a === "--ls-rate") args.lsRate = Number(value());
    else if (a === "--decimals") args.decimals = Number(value());
    else if (a === "--extend") args.extend = true;
    else if (a === "--set") args.sets.push(...value().split(",").map(setName));
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else args.files.push(a);
  }
  if (args.ms.length === 0) args.ms = [1, 2, 3, 4];
  if (args.sets.length === 0) args.sets = ["solomon", "cordeau"];
  if (args.ms.some((m) => !Number.isInteger(m) || m < 1)) throw new Error("--m takes positive integers");
  if (args.runs !== undefined && (!Number.isInteger(args.runs) || args.runs < 1))
    throw new Error("--runs takes a positive integer");
  // Start-up medians need enough interleaved rounds to shrug off a busy moment of the machine.
  if (args.startup && args.runs !== undefined && args.runs < 7)
    throw new Error("--runs takes a whole number of at least 7 with --startup");
  if (args.decimals !== undefined && !(Number.isInteger(args.decimals) && args.decimals >= 0 && args.decimals <= 6))
    throw new Error("--decimals takes an integer from 0 to 6");
  return args;
}

/** dist/bench/run.js → the repository root. */
function repoRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
}

function benchDir(): string {
  const env = process.env.STUDYVISIT_BENCH_DIR;
  if (env) return resolve(env);
  return resolve(repoRoot(), "..", "shared", "bench", "optw");
}

function runOne(file: string, set: BenchSet, m: number, args: Args): Row {
  const instance = basename(file).replace(/\.txt$/, "");
  const optw = parseOptw(readFileSync(file, "utf8"), instance);
  const decimals = args.decimals ?? set.decimals;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = solve(optwToEngine(optw, m, decimals), {
    seed: args.seed,
    effort: args.effort,
    method: "heuristic",
    ...(args.lsRate === undefined ? {} : { localSearchRate: args.lsRate }),
    ...(args.extend ? { extend: true } : {}),
  });
  const ms = Math.round(performance.now() - t0);
  const cpu = process.cpuUsage(c0);
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  // Engine node k is customer k + 1 (the depot is location 0 and no node).
  const routes = result.routes.map((r) => r.nodes.map((p) => p.node + 1));
  const check = verifyRoutes(optw.nodes, routes, decimals);
  if (!check.ok) throw new Error(`${instance} m=${m}: verification failed: ${check.errors.join("; ")}`);
  if (Math.abs(check.score - result.score) > 1e-6)
    throw new Error(`${instance} m=${m}: engine score ${result.score} but verified ${check.score}`);
  return { set: set.name, instance, m, score: check.score, ms, cpuMs, routes };
}

function setOf(instance: string): string {
  const m = /^(rc|r|c)(\d)/.exec(instance) ?? /^(pr)()\d/.exec(instance);
  return m ? `${m[1]}${m[2]}` : "other";
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? (s[k] as number) : ((s[k - 1] as number) + (s[k] as number)) / 2;
}

const mean = (xs: number[]): string => (xs.length === 0 ? "-" : (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2));

interface Group {
  gaps: number[];
  refGaps: number[];
  hits: number;
  withBks: number;
  belowRef: number;
  n: number;
}

/** One set's results: the full table, a summary per group and m, and the totals. */
function printTable(rows: Row[], set: BenchSet, decimals: number): void {
  const refs = loadReferences(set.refDir);
  const refBest = loadRefBest(set.refDir);
  const out: string[] = [
    `## ${set.name} (distances truncated to ${decimals} decimal${decimals === 1 ? "" : "s"})`,
    "",
    "| instance | m | score | best known | gap % | ref best | vs ref | ms | cpu ms |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const ref = refs.get(`${r.instance}/${r.m}`);
    const rb = refBest.get(`${r.instance}/${r.m}`);
    const gap = ref ? (100 * (ref.value - r.score)) / ref.value : Number.NaN;
    const vsRef =
      rb === undefined ? "" : r.score >= rb ? (r.score > rb ? "+" + (r.score - rb) : "=") : String(r.score - rb);
    out.push(
      `| ${r.instance} | ${r.m} | ${r.score} | ${ref ? ref.value + (ref.kind === "ref" ? " (ref)" : "") : "-"} | ${Number.isNaN(gap) ? "-" : gap.toFixed(2)} | ${rb ?? "-"} | ${vsRef} | ${r.ms} | ${r.cpuMs} |`,
    );
    const key = `${setOf(r.instance)} m=${r.m}`;
    const g = groups.get(key) ?? { gaps: [], refGaps: [], hits: 0, withBks: 0, belowRef: 0, n: 0 };
    addToGroup(g, r.score, ref, rb, gap);
    groups.set(key, g);
  }
  out.push("", ...summaryTable(groups), "", totals(rows, groups));
  console.log(out.join("\n"));
}

function addToGroup(g: Group, score: number, ref: Reference | undefined, rb: number | undefined, gap: number): void {
  g.n++;
  if (ref && ref.kind === "bks") {
    g.gaps.push(gap);
    g.withBks++;
    if (score >= ref.value) g.hits++;
  }
  if (rb !== undefined) {
    g.refGaps.push((100 * (rb - score)) / rb);
    if (score < rb) g.belowRef++;
  }
}

function summaryTable(groups: Map<string, Group>): string[] {
  const out = [
    "| set, m | instances | mean gap to bks % (n) | at bks | mean gap to ref best % | below ref best |",
    "|---|---|---|---|---|---|",
  ];
  for (const [key, a] of [...groups.entries()].sort(([x], [y]) => x.localeCompare(y)))
    out.push(
      `| ${key} | ${a.n} | ${a.withBks ? `${mean(a.gaps)} (${a.withBks})` : "-"} | ${a.withBks ? `${a.hits}/${a.withBks}` : "-"} | ${mean(a.refGaps)} | ${a.belowRef} |`,
    );
  return out;
}

function totals(rows: Row[], groups: Map<string, Group>): string {
  let hits = 0;
  let withBks = 0;
  let belowRef = 0;
  for (const g of groups.values()) {
    hits += g.hits;
    withBks += g.withBks;
    belowRef += g.belowRef;
  }
  return `reached best known: ${hits}/${withBks}; below the reference heuristic's best: ${belowRef}/${rows.length}; median ms: ${median(rows.map((r) => r.ms))} (cpu ${median(rows.map((r) => r.cpuMs))}); total s: ${(rows.reduce((a, r) => a + r.ms, 0) / 1000).toFixed(1)}`;
}

async function printBundled(): Promise<void> {
  const rows = await runBundled(repoRoot());
  console.log(
    [
      "",
      "Bundled requests: solver time alone, 21 runs each (bench/bundled.ts)",
      "| request | nodes | days | proven optimal | median ms | max ms |",
      "|---|---|---|---|---|---|",
      ...rows.map(
        (r) => `| ${r.request} | ${r.nodes} | ${r.days} | ${r.proven ? "yes" : "no"} | ${r.medianMs} | ${r.maxMs} |`,
      ),
    ].join("\n"),
  );
  if (rows.some((r) => !r.proven)) throw new Error("a bundled request was not solved to proven optimality");
}

function printScale(): void {
  const r = runScale(1000, 50);
  console.log(
    [
      "",
      "Scale: 1,000 hosts, 50 requests × 3 days planned together (synthetic city, bench/scale.ts)",
      "| hosts | requests | days | ms | peak RSS MB | visits | total value | host double-bookings |",
      "|---|---|---|---|---|---|---|---|",
      `| ${r.hosts} | ${r.requests} | ${r.days} | ${r.ms} | ${r.peakRssMb} | ${r.visits} | ${r.value} | ${r.doubleBooked} |`,
    ].join("\n"),
  );
  if (r.doubleBooked > 0) throw new Error(`the scale run double-booked ${r.doubleBooked} visits`);
}

function printStartup(runs: number, against: string | undefined): void {
  const rows = runStartup(repoRoot(), runs, against);
  console.log(
    [
      `Start-up: medians of ${runs} runs each, interleaved, against a bare Node start (bench/startup.ts); targets on wall time`,
      "| command | wall ms | × node -e 0 | cpu ms | × node -e 0 | target | met |",
      "|---|---|---|---|---|---|---|",
      ...rows.map(
        (r) =>
          `| \`${r.label}\` | ${r.medianMs} | ${r.ratio.toFixed(2)} | ${r.cpuMs} | ${r.cpuRatio.toFixed(2)} | ${r.target === undefined ? "" : `≤ ${r.target}`} | ${r.target === undefined ? "" : r.ratio <= r.target ? "yes" : "no"} |`,
      ),
    ].join("\n"),
  );
}

async function printGrid(): Promise<void> {
  const started = performance.now();
  const rows = await runGrid(repoRoot());
  const total = rows.reduce(
    (t, r) => ({ items: t.items + r.items, offGrid: t.offGrid + r.offGrid, broken: t.broken + r.broken }),
    { items: 0, offGrid: 0, broken: 0 },
  );
  console.log(
    [
      "",
      "Round times: each request planned on its grid (5 min) and with the grid off (1 min) (bench/grid.ts)",
      "| requests | planned | both proven optimal | value, grid 1 → 5 | lower on the grid | value, grid 1, seed 2 | travel min, grid 1 → 5 | items off the grid | rules broken |",
      "|---|---|---|---|---|---|---|---|---|",
      ...rows.map(
        (r) =>
          `| ${r.set} | ${r.requests - r.impossible}/${r.requests} | ${r.proven} | ${r.value1} → ${r.value5} (${r.value1 === 0 ? "0.0" : ((100 * (r.value1 - r.value5)) / r.value1).toFixed(1)} % lost) | ${r.lower} | ${r.value1Seed2} | ${r.travel1} → ${r.travel5} | ${r.offGrid} of ${r.items} | ${r.broken} |`,
      ),
      "",
      `${Math.round(performance.now() - started)} ms`,
    ].join("\n"),
  );
  if (total.offGrid > 0 || total.broken > 0)
    throw new Error(`${total.offGrid} items off the grid, ${total.broken} broken rules in the grid plans`);
}

function printRegistry(args: Args): void {
  const bins = args.bins.length > 0 ? args.bins : [join(repoRoot(), "bin", "studyvisit.js")];
  const runs = args.runs ?? 5;
  const rows = runRegistry(bins, runs);
  if (args.json) return console.log(JSON.stringify(rows));
  const many = bins.length > 1;
  console.log(
    [
      "",
      `Registry: the CLI end to end on 1,000 hosts and 50 requests as YAML files (bench/registry.ts), median of ${runs} runs`,
      `| ${many ? "bin | " : ""}command | ms | cpu ms | peak RSS MB (median / max) | exit |`,
      `|${many ? "---|" : ""}---|---|---|---|---|`,
      ...rows.map(
        (r) =>
          `| ${many ? `${r.bin} | ` : ""}${r.command} | ${r.ms} | ${r.cpuMs} | ${r.rssMb} / ${r.maxRssMb} | ${r.exitCodes.join(", ")} |`,
      ),
    ].join("\n"),
  );
  if (rows.some((r) => r.exitCodes.some((c) => c !== 0))) throw new Error("a registry command did not exit 0");
}

function printJoint(args: Args): void {
  const rows = runJoint();
  if (args.json) return console.log(JSON.stringify(rows));
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
  console.log(
    [
      "",
      "Joint planning: 15 city-like cases of 6 two-day requests (bench/joint.ts)",
      "| case | one after the other | together | bound | proven | conflicts | re-plans | ms |",
      "|---|---|---|---|---|---|---|---|",
      ...rows.map(
        (r) =>
          `| ${r.case} | ${r.sequential} | ${r.joint} | ${r.bound ?? "-"} | ${r.proven ? "yes" : "no"} | ${r.conflicts} | ${r.replans} | ${r.ms} |`,
      ),
      `| all | ${sum((r) => r.sequential)} | ${sum((r) => r.joint)} | ${sum((r) => r.bound ?? 0)} | ${rows.filter((r) => r.proven).length} | | | median ${median(rows.map((r) => r.ms))} |`,
    ].join("\n"),
  );
  if (rows.some((r) => r.joint < r.sequential)) throw new Error("planning together ended below one after the other");
}

function printSplit(): void {
  const started = performance.now();
  const { rows, exhaustive: x } = runSplit();
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
  const gain = (a: number, b: number) => (a === 0 ? "-" : `+${((100 * (b - a)) / a).toFixed(0)} %`);
  console.log(
    [
      "Sub-groups: a delegation of 20 in a town of 30 hosts whose most valuable ones (worth 7-9) receive 10; two days,",
      "lunch where it is, 4 visits a day at most; planned together (no delegation.split) and allowed to split into",
      "2 groups of at least 8 or 3 groups of at least 4; the control town has no host below 25 (bench/split.ts)",
      "| seed | hosts receiving 10 | together (proven) | 2 groups ≥ 8 | 3 groups ≥ 4 | parts split (3 groups) | ms together / 3 groups | rules broken | control: together → 3 groups |",
      "|---|---|---|---|---|---|---|---|---|",
      ...rows.map(
        (r) =>
          `| ${r.seed} | ${r.small} of ${r.hosts} | ${r.unsplit} (${r.unsplitProven ? "yes" : "no"}) | ${r.split2} (${gain(r.unsplit, r.split2)}) | ${r.split} (${gain(r.unsplit, r.split)}) | ${r.parts} | ${r.unsplitMs} / ${r.splitMs} | ${r.broken} | ${r.control.unsplit} → ${r.control.split} (${gain(r.control.unsplit, r.control.split)}) |`,
      ),
      `| all | ${sum((r) => r.small)} of ${sum((r) => r.hosts)} | ${sum((r) => r.unsplit)} (${rows.filter((r) => r.unsplitProven).length}/${rows.length}) | ${sum((r) => r.split2)} (${gain(
        sum((r) => r.unsplit),
        sum((r) => r.split2),
      )}) | ${sum((r) => r.split)} (${gain(
        sum((r) => r.unsplit),
        sum((r) => r.split),
      )}) | ${sum((r) => r.parts)} | ${sum((r) => r.unsplitMs)} / ${sum((r) => r.splitMs)} | ${sum((r) => r.broken)} | ${sum((r) => r.control.unsplit)} → ${sum((r) => r.control.split)} (${gain(
        sum((r) => r.control.unsplit),
        sum((r) => r.control.split),
      )}) |`,
      "",
      "Against exhaustive search over the same model (rejoin points at the plan's times), random small days (bench/split-cases.ts)",
      "| days planned | split | in one part: at the exhaustive best | at the exhaustive best of the whole day | parts exhaustive search improves alone |",
      "|---|---|---|---|---|",
      `| ${x.cases} | ${x.split} | ${x.singleExact} of ${x.single} | ${x.joint} of ${x.cases} | ${x.partsImprovable} of ${x.parts} |`,
      "",
      `${Math.round(performance.now() - started)} ms`,
    ].join("\n"),
  );
  if (sum((r) => r.broken) > 0 || x.partsImprovable > 0 || x.singleExact < x.single)
    throw new Error("a split plan breaks a rule, or exhaustive search beats the planner where it must not");
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  if (args.split) return printSplit();
  if (args.startup) return printStartup(args.runs ?? 9, args.against);
  if (args.grid) return await printGrid();
  if (args.joint) return printJoint(args);
  if (args.registry) return printRegistry(args);
  if (args.scale) return printScale();
  if (args.bundled) return await printBundled();
  const root = benchDir();
  const jobs =
    args.files.length > 0
      ? args.files.map((f) => ({ file: resolve(f), set: setOfFile(resolve(f), root) }))
      : args.sets.flatMap((name) => {
          const set = benchSet(name, root);
          return readdirSync(set.dir)
            .filter((f) => f.endsWith(".txt"))
            .sort()
            .map((f) => ({ file: join(set.dir, f), set }));
        });
  const rows: Row[] = [];
  for (const m of args.ms)
    for (const { file, set } of jobs) {
      const row = runOne(file, set, m, args);
      rows.push(row);
      if (!args.json)
        process.stderr.write(`${row.instance} m=${m}: ${row.score} (${row.ms} ms, cpu ${row.cpuMs} ms)\n`);
    }
  if (args.json) {
    console.log(JSON.stringify(rows.map(({ instance, m, score, ms, routes }) => ({ instance, m, score, ms, routes }))));
    return;
  }
  const sets = new Map(jobs.map((j) => [j.set.name, j.set]));
  for (const set of sets.values()) {
    printTable(
      rows.filter((r) => r.set === set.name),
      set,
      args.decimals ?? set.decimals,
    );
    console.log("");
  }
  if (args.files.length === 0) {
    await printBundled();
    printScale();
    printJoint(args);
    printRegistry(args);
  }
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
}
