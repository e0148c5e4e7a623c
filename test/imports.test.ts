import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/files.js";

/** Every module of src/ and the modules of src/ it imports: static, dynamic (import()) and type-only imports alike. */
function importGraph(): Map<string, string[]> {
  const src = join(repoRoot, "src");
  const files = readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => join(src, f));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = importedFiles
      .filter((i) => i.fileName.startsWith("."))
      .map((i) => resolve(dirname(file), i.fileName.replace(/\.js$/, ".ts")))
      .filter((target) => existsSync(target));
    graph.set(relative(repoRoot, file), [...new Set(targets.map((t) => relative(repoRoot, t)))]);
  }
  return graph;
}

/** One cycle through each group of modules that import each other (Tarjan's strongly connected components), as `a → b → a`. */
function cycles(graph: Map<string, string[]>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
    }
    if (low.get(node) !== index.get(node)) return;
    const group = stack.splice(stack.indexOf(node));
    if (group.length > 1 || graph.get(node)?.includes(node)) found.push(cycleThrough(node, new Set(group), graph));
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** A shortest way from `start` back to itself inside its group. */
function cycleThrough(start: string, group: Set<string>, graph: Map<string, string[]>): string {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const next of graph.get(node) ?? []) {
      if (!group.has(next) || previous.has(next)) continue;
      previous.set(next, node);
      if (next === start) queue.length = 0;
      else queue.push(next);
    }
  }
  const path: string[] = [];
  for (let node = previous.get(start); node !== undefined && node !== start; node = previous.get(node))
    path.unshift(node);
  return [start, ...path, start].join(" → ");
}

describe("the modules of src/", () => {
  it("import each other without cycles (type-only and import() included)", () => {
    const graph = importGraph();
    // The graph is read at all: main.ts reaches the commands' definitions.
    expect(graph.get("src/cli/main.ts")).toContain("src/commands/plan-command.ts");
    expect(cycles(graph)).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts", "d.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", []],
      ["e.ts", ["e.ts"]],
    ]);
    expect(cycles(graph)).toEqual(["a.ts → b.ts → c.ts → a.ts", "e.ts → e.ts"]);
  });
});
