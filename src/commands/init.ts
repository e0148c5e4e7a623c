import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import * as z from "zod";
import { UsageError } from "../errors.js";
import { packageRoot } from "../package-root.js";
import type { CommandDeps } from "./context.js";
import { flag, text } from "./command-line.js";
import { commandRunner } from "./definition.js";
import { writeOutputs, type OutputFile } from "./write-files.js";

export interface InitOptions {
  dir: string;
  force: boolean;
  /** the bundled workspace of the seeds' visits (the package's data/) instead of the one-record starter */
  example?: boolean;
}

/** The starter workspace lives in templates/init so that a user can read it and an organisation can change it. */
export function starterFiles(target: string): OutputFile[] {
  return copiedFiles(join(packageRoot(), "templates", "init"), target);
}

/** The workspace the package ships in data/: real study visits in Brussels, ready to plan. */
export function exampleFiles(target: string): OutputFile[] {
  return copiedFiles(join(packageRoot(), "data"), target);
}

/** The ids of the requests among the files, read from their `id:` lines (a file may hold a list of records). */
function requestIds(files: OutputFile[]): string[] {
  return files
    .filter((file) => /[/\\]requests[/\\][^/\\]+\.ya?ml$/.test(file.path))
    .flatMap((file) => [...file.content.matchAll(/^(?:- )?id: *([a-z0-9][a-z0-9-]*) *$/gm)].map((m) => m[1] as string))
    .sort();
}

function copiedFiles(from: string, target: string): OutputFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return walk(from).map((file) => ({ path: join(target, relative(from, file)), content: readFileSync(file, "utf8") }));
}

export async function runInit(options: InitOptions, deps: CommandDeps): Promise<number> {
  const target = resolve(deps.cwd, options.dir);
  if (existsSync(target) && !statSync(target).isDirectory())
    throw new UsageError(`${options.dir} exists and is not a folder`);
  const files = options.example ? exampleFiles(target) : starterFiles(target);
  await writeOutputs({ files, force: options.force }, deps);
  if (!deps.quiet) {
    const shown = options.dir;
    const names = files.map((file) => relative(target, file.path).split(sep).join("/"));
    deps.out(
      `${deps.style.ok("✓")} created ${options.example ? "the example workspace (study visits in Brussels)" : "a workspace"} in ${shown}:`,
    );
    for (const name of names) deps.out(`    ${name}`);
    const requests = options.example ? requestIds(files) : [];
    if (requests.length > 0)
      deps.out(
        `next: plan one of its requests (${requests.join(", ")}), e.g. ${deps.style.bold(`studyvisit plan ${requests[0]} --data ${shown}`)}`,
      );
    else deps.out(`next: edit the records, then run ${deps.style.bold(`studyvisit check --data ${shown}`)}`);
  }
  return 0;
}

/** `studyvisit init` from its command line; its definition is in init-command.ts. */
export const initRunner = commandRunner(z.strictObject({ dir: text, example: flag, force: flag }), (o, deps) =>
  runInit({ dir: o.dir ?? ".", force: o.force, example: o.example }, deps),
);
