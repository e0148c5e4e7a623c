import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { UsageError } from "../errors.js";
import { packageRoot } from "../package-root.js";
import type { CommandDeps } from "./context.js";
import type { CommandRunner } from "./definition.js";
import { writeFilesSafely, type OutputFile } from "./write-files.js";

export interface InitOptions {
  dir: string;
  force: boolean;
}

/** The starter workspace lives in templates/init so that a user can read it and an organisation can change it. */
export function starterFiles(target: string): OutputFile[] {
  const from = join(packageRoot(), "templates", "init");
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return walk(from).map((file) => ({ path: join(target, relative(from, file)), content: readFileSync(file, "utf8") }));
}

export function runInit(options: InitOptions, deps: CommandDeps): number {
  const target = resolve(deps.cwd, options.dir);
  if (existsSync(target) && !statSync(target).isDirectory())
    throw new UsageError(`${options.dir} exists and is not a folder`);
  const files = starterFiles(target);
  writeFilesSafely(files, { force: options.force, cwd: deps.cwd });
  if (!deps.quiet) {
    const shown = options.dir;
    deps.out(`${deps.style.ok("✓")} created a workspace in ${shown}:`);
    for (const file of files) deps.out(`    ${relative(target, file.path).split(sep).join("/")}`);
    deps.out(`next: edit the records, then run ${deps.style.bold(`studyvisit check --data ${shown}`)}`);
  }
  return 0;
}

/** `studyvisit init` from its parsed command line; its definition is in init-command.ts. */
export const runInitCommand: CommandRunner = (args, opts, deps) =>
  runInit({ dir: args[0] ?? ".", force: opts.force === true }, deps);
