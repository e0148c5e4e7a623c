// Builds what the package runs: dist/cli/, the CLI and its dependencies bundled
// by esbuild. One file per command (and per heavy library) instead of hundreds
// of modules is most of the start-up time (BENCHMARKS.md, "Start-up"). Beside
// it: each country's holiday rules as a small JSON file (a workspace loads only
// its hosts' countries) and the notices of the bundled packages.
import { build } from "esbuild";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist", "cli");
rmSync(out, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: ["src/cli/main.ts"],
  outdir: out,
  bundle: true,
  // Every dynamic import() (a command's code, the prompts, the holiday parser) becomes a chunk loaded on demand.
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // CommonJS dependencies bundled into ES modules still call require() for Node's built-in modules.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
  },
  legalComments: "eof",
  // The bundle reads each country's holiday rules from holidays/ (below); the whole data set is for runs from the sources.
  external: ["date-holidays/data"],
  metafile: true,
  logLevel: "warning",
});

// The country borders (src/records/geography.ts) as a file of their own, required only when
// the time-zone data cannot vouch for a place: inside the records' chunk, every check would parse them.
const borders = await build({
  absWorkingDir: root,
  entryPoints: ["@rapideditor/country-coder"],
  outfile: join(out, "country-coder.cjs"),
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  legalComments: "eof",
  metafile: true,
  logLevel: "warning",
});

// What each chunk holds and imports, for test/bin/bundle.test.ts (outside dist/cli: not shipped).
writeFileSync(join(root, "dist", "cli-metafile.json"), JSON.stringify(result.metafile));
await writeHolidayData(join(out, "holidays"));
await writeHolidayCodes(join(out, "holiday-codes.json"));
// date-holidays is not bundled as code, but its data is, in holidays/ and holiday-codes.json.
writeNotices([result.metafile, borders.metafile], ["date-holidays"], join(out, "THIRD-PARTY-NOTICES.md"));

/**
 * One file per country in date-holidays' data: the country's rules, the
 * countries its rules refer to (`_days: [US]`), and the holiday names they use.
 */
async function writeHolidayData(dir) {
  const { data } = await import("date-holidays/data");
  mkdirSync(dir, { recursive: true });
  for (const country of Object.keys(data.holidays)) {
    const countries = new Set();
    const names = new Set(["substitutes"]);
    const visit = (value) => {
      if (!value || typeof value !== "object") return;
      // `_days: FR` or `_days: [DE, states, BY]`: the first part names the country.
      const ref = Array.isArray(value._days) ? value._days[0] : value._days;
      if (typeof ref === "string") include(ref);
      if (typeof value._name === "string") names.add(value._name);
      for (const child of Object.values(value)) visit(child);
    };
    const include = (code) => {
      if (countries.has(code)) return;
      countries.add(code);
      visit(data.holidays[code]);
    };
    include(country);
    const picked = {
      version: data.version,
      license: data.license,
      holidays: Object.fromEntries([...countries].sort().map((c) => [c, data.holidays[c]])),
      names: Object.fromEntries(
        [...names]
          .sort()
          .filter((n) => n in data.names)
          .map((n) => [n, data.names[n]]),
      ),
    };
    writeFileSync(join(dir, `${country}.json`), JSON.stringify(picked));
  }
}

/**
 * The country and region codes date-holidays knows, with their English names,
 * for src/records/country-codes.ts: `check` validates every host's country and
 * region without loading any country's rules. Computed as that file does when
 * run from the sources, with the library's getCountries and getStates.
 */
async function writeHolidayCodes(file) {
  const { default: Holidays } = await import("date-holidays");
  const holidays = new Holidays();
  const countries = holidays.getCountries("en");
  const states = Object.fromEntries(Object.keys(countries).map((c) => [c, holidays.getStates(c, "en") ?? {}]));
  writeFileSync(file, JSON.stringify({ countries, states }));
}

/** Name, version, licence and licence text of every package the bundle contains. */
function writeNotices(metafiles, alsoBundled, file) {
  const packages = new Map(alsoBundled.map((name) => [name, join(root, "node_modules", name)]));
  for (const input of metafiles.flatMap((metafile) => Object.keys(metafile.inputs))) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (match && !packages.has(match[2])) packages.set(match[2], join(root, match[1]));
  }
  const sections = [...packages.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, dir]) => {
      const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      const licenceFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
      const text = licenceFile
        ? readFileSync(join(dir, licenceFile), "utf8").trim()
        : "(no licence file in the package)";
      return `## ${name} ${meta.version}\n\nLicence: ${meta.license ?? "see below"}\n\n\`\`\`\n${text}\n\`\`\``;
    });
  writeFileSync(
    file,
    `# Third-party software in dist/cli\n\nThe files in this folder bundle these packages (built by scripts/build-cli.js); holidays/ holds date-holidays' data.\n\n${sections.join("\n\n")}\n`,
  );
}
