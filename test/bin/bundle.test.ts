import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/files.js";

interface Metafile {
  outputs: Record<
    string,
    {
      entryPoint?: string;
      imports: { path: string; kind: string; external?: boolean }[];
      inputs: Record<string, unknown>;
    }
  >;
}

const metafilePath = join(repoRoot, "dist", "cli-metafile.json");

/** What importing a chunk loads at once: its inputs and those of the chunks it imports statically (not import()). */
function loadedWith(meta: Metafile, output: string): string[] {
  const seen = new Set<string>();
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const i of meta.outputs[out]?.imports ?? []) if (i.kind === "import-statement" && !i.external) visit(i.path);
  };
  visit(output);
  return [...seen].flatMap((out) => Object.keys(meta.outputs[out]?.inputs ?? {}));
}

const packagesOf = (inputs: string[]) =>
  [...new Set(inputs.flatMap((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(i)?.[1] ?? []))].sort();

// What each start loads, read from esbuild's metafile (scripts/build-cli.js): a guard on the
// start-up work that does not depend on the machine's speed (the times are in BENCHMARKS.md).
describe("the bundle (dist/cli) loads per command what the command uses", () => {
  if (!existsSync(metafilePath)) throw new Error("dist/ is not built: run `npm run build` (npm test does)");
  const meta = JSON.parse(readFileSync(metafilePath, "utf8")) as Metafile;
  const chunkOf = (entry: string) => {
    const found = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === entry)?.[0];
    if (!found) throw new Error(`no chunk for ${entry}`);
    return found;
  };

  it("--version and --help load commander, chalk and the commands' definitions only", () => {
    const inputs = loadedWith(meta, chunkOf("src/cli/main.ts"));
    expect(packagesOf(inputs)).toEqual(["chalk", "commander"]);
    const own = inputs.filter((i) => i.startsWith("src/"));
    expect(own.filter((i) => i.startsWith("src/commands/"))).toEqual(
      own.filter((i) => /^src\/commands\/([a-z]+-command|definition)\.ts$/.test(i)),
    );
    // Of the lower layers, only what main() reports and prints with: the one-line problem formatter, the
    // file-system error's wording, and the control characters its output sink drops.
    expect(own.filter((i) => /^src\/(records|plan|render)\//.test(i)).sort()).toEqual([
      "src/records/control-characters.ts",
      "src/records/file-system-error.ts",
      "src/records/problem.ts",
    ]);
  });

  it("check loads neither the holiday rules, the prompts, the letters nor the progress drawing", () => {
    const inputs = loadedWith(meta, chunkOf("src/commands/check.ts"));
    const packages = packagesOf(inputs);
    expect(packages).toEqual(expect.arrayContaining(["yaml", "zod"]));
    for (const heavy of ["date-holidays-parser", "moment-timezone", "inquirer", "mustache", "log-update"])
      expect(packages).not.toContain(heavy);
    // Of date-fns, only the English locale its messages name days and months with (src/records/dates.ts):
    // neither `format` nor another language.
    expect(
      inputs.filter((i) => i.includes("node_modules/date-fns/") && !/date-fns\/locale\/(en-GB|en-US|_lib)\b/.test(i)),
    ).toEqual([]);
    // The country borders are a file of their own (dist/cli/country-coder.cjs), required when a place needs them.
    expect(packagesOf(Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs)))).not.toContain(
      "@rapideditor/country-coder",
    );
    expect(existsSync(join(repoRoot, "dist", "cli", "country-coder.cjs"))).toBe(true);
  });

  it("invites loads nodemailer only for e-mails (--eml, --send)", () => {
    expect(packagesOf(loadedWith(meta, chunkOf("src/commands/invites.ts")))).not.toContain("nodemailer");
    expect(packagesOf(loadedWith(meta, chunkOf("src/commands/invite-mail.ts")))).toContain("nodemailer");
  });

  it("plan loads its prompts only with --interactive, and no package holds all of date-fns or every holiday", () => {
    const packages = packagesOf(loadedWith(meta, chunkOf("src/commands/plan.ts")));
    expect(packages).not.toContain("inquirer");
    expect(packages).not.toContain("date-holidays-parser");
    const everything = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(everything.filter((i) => /date-fns\/(index|locale)\.js$/.test(i))).toEqual([]);
    expect(packagesOf(everything)).not.toContain("date-holidays");
  });
});
