import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { solve } from "../src/plan/engine/index.js";
import { optwToEngine, parseOptw } from "./optw.js";
import { loadRefBest, loadReferences } from "./references.js";
import { runBundled } from "./bundled.js";
import { runGrid } from "./grid.js";
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
  /** rounds of the start-up run */
  runs: number;
  /** another built checkout whose CLI the start-up run times too, in the same rounds */
  against: string | undefined;
  /** only the round-times measurement (grid 5 against grid 1) */
  grid: boolean;
  /** only the sub-groups measurement (a delegation of 20, the best hosts receiving 10) */
  split: boolean;
  ms: number[];
  files: string[];
  effort: number;
  seed: number;
  lsRate: number | undefined;
}

interface Row {
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
    runs: 9,
    against: undefined,
    grid: false,
    split: false,
    ms: [],
    files: [],
    effort: 1,
    seed: 1,
    lsRate: undefined,
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
    else if (a === "--split") args.split = true;
    else if (a === "--m") args.ms.push(...value().split(",").map(Number));
    else if (a === "--effort") args.effort = Number(value());
    else if (a === "--seed") args.seed = Number(value());
    else if (a === "--ls-rate") args.lsRate = Number(value());
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else args.files.push(a);
  }
  if (args.ms.length === 0) args.ms = [1, 2, 3, 4];
  if (args.ms.some((m) => !Number.isInteger(m) || m < 1)) throw new Error("--m takes positive integers");
  if (!Number.isInteger(args.runs) || args.runs < 7) throw new Error("--runs takes a whole number of at least 7");
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

function runOne(file: string, m: number, args: Args): Row {
  const instance = basename(file).replace(/\.txt$/, "");
  const optw = parseOptw(readFileSync(file, "utf8"), instance);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = solve(optwToEngine(optw, m), {
    seed: args.seed,
    effort: args.effort,
    method: "heuristic",
    ...(args.lsRate === undefined ? {} : { localSearchRate: args.lsRate }),
  });
  const ms = Math.round(performance.now() - t0);
  const cpu = process.cpuUsage(c0);
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  // Engine node k is customer k + 1 (the depot is location 0 and no node).
  const routes = result.routes.map((r) => r.nodes.map((p) => p.node + 1));
  const check = verifyRoutes(optw.nodes, routes);
  if (!check.ok) throw new Error(`${instance} m=${m}: verification failed: ${check.errors.join("; ")}`);
  if (Math.abs(check.score - result.score) > 1e-6)
    throw new Error(`${instance} m=${m}: engine score ${result.score} but verified ${check.score}`);
  return { instance, m, score: check.score, ms, cpuMs, routes };
}

function setOf(instance: string): string {
  const m = /^(rc|r|c)(\d)/.exec(instance);
  return m ? `${m[1]}${m[2]}` : "other";
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? (s[k] as number) : ((s[k - 1] as number) + (s[k] as number)) / 2;
}

function printTable(rows: Row[], dir: string): void {
  const refs = loadReferences(dir);
  const refBest = loadRefBest(dir);
  const out: string[] = [];
  out.push(
    "| instance | m | score | best known | gap % | ref best | vs ref | ms | cpu ms |",
    "|---|---|---|---|---|---|---|---|---|",
  );
  const bySetM = new Map<
    string,
    { gaps: number[]; refGaps: number[]; hits: number; withBks: number; belowRef: number; n: number }
  >();
  let hits = 0;
  let withBks = 0;
  let belowRef = 0;
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
    const agg = bySetM.get(key) ?? { gaps: [], refGaps: [], hits: 0, withBks: 0, belowRef: 0, n: 0 };
    agg.n++;
    if (ref && ref.kind === "bks") {
      agg.gaps.push(gap);
      agg.withBks++;
      withBks++;
      if (r.score >= ref.value) {
        agg.hits++;
        hits++;
      }
    }
    if (rb !== undefined) {
      agg.refGaps.push((100 * (rb - r.score)) / rb);
      if (r.score < rb) {
        agg.belowRef++;
        belowRef++;
      }
    }
    bySetM.set(key, agg);
  }
  const mean = (xs: number[]): string =>
    xs.length === 0 ? "-" : (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2);
  out.push(
    "",
    "| set, m | instances | mean gap to bks % (n) | at bks | mean gap to ref best % | below ref best |",
    "|---|---|---|---|---|---|",
  );
  for (const [key, a] of [...bySetM.entries()].sort(([x], [y]) => x.localeCompare(y)))
    out.push(
      `| ${key} | ${a.n} | ${a.withBks ? `${mean(a.gaps)} (${a.withBks})` : "-"} | ${a.withBks ? `${a.hits}/${a.withBks}` : "-"} | ${mean(a.refGaps)} | ${a.belowRef} |`,
    );
  out.push(
    "",
    `reached best known: ${hits}/${withBks}; below the reference heuristic's best: ${belowRef}/${rows.length}; median ms: ${median(rows.map((r) => r.ms))} (cpu ${median(rows.map((r) => r.cpuMs))}); total s: ${(rows.reduce((a, r) => a + r.ms, 0) / 1000).toFixed(1)}`,
  );
  console.log(out.join("\n"));
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
  if (args.startup) return printStartup(args.runs, args.against);
  if (args.grid) return await printGrid();
  if (args.scale) return printScale();
  if (args.bundled) return await printBundled();
  const dir = benchDir();
  const files =
    args.files.length > 0
      ? args.files.map((f) => resolve(f))
      : readdirSync(join(dir, "solomon"))
          .filter((f) => f.endsWith(".txt"))
          .sort()
          .map((f) => join(dir, "solomon", f));
  const rows: Row[] = [];
  for (const m of args.ms)
    for (const f of files) {
      const row = runOne(f, m, args);
      rows.push(row);
      if (!args.json)
        process.stderr.write(`${row.instance} m=${m}: ${row.score} (${row.ms} ms, cpu ${row.cpuMs} ms)\n`);
    }
  if (args.json)
    console.log(JSON.stringify(rows.map(({ instance, m, score, ms, routes }) => ({ instance, m, score, ms, routes }))));
  else {
    printTable(rows, dir);
    if (args.files.length === 0) {
      await printBundled();
      printScale();
    }
  }
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
}
