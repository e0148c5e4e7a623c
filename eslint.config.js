import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Imports that would slow every start: each names what to do instead (issue 12, BENCHMARKS.md "Start-up"). */
const slowImports = [
  {
    name: "date-fns",
    allowTypeImports: true,
    message: "Import each function from its own module (date-fns/format): the index loads all of date-fns.",
  },
  {
    name: "date-fns/locale",
    allowTypeImports: true,
    message: "Import each locale from its own module (date-fns/locale/fr): the index loads every locale.",
  },
  { name: "log-update", message: "Load log-update with import() only when progress is drawn (src/cli/progress.ts)." },
  { name: "inquirer", message: "Load inquirer with import() where a question is asked (src/cli/prompts.ts)." },
  {
    name: "date-holidays",
    message: "Use loadHolidays (src/commands/load-holidays.ts): it loads the rules of the workspace's countries only.",
  },
  {
    name: "date-holidays-parser",
    allowTypeImports: true,
    message: "Use loadHolidays (src/commands/load-holidays.ts): it imports the parser only when a host has a country.",
  },
];

/** Code nobody writes anywhere in src/ or test/. */
const restrictedSyntax = [
  {
    selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
    message: "Only bin/ may exit; throw a typed error instead.",
  },
  {
    selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
    message:
      'Write `import * as z from "zod"`: the bundle then keeps the parts used; `z` holds all of zod and its locales.',
  },
];

/** Only the cli layer reads the clock (src/cli/current-time.ts): the rest is given `now`, so tests fix it. */
const readsTheClock = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "Use deps.now (or a `now` argument): the cli layer reads the clock once, from SOURCE_DATE_EPOCH when set.",
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "Use deps.now (or a `now` argument): the cli layer reads the clock once, from SOURCE_DATE_EPOCH when set.",
  },
];

/** plan and render compute from their arguments: no file system, process, clock source or colour. */
const pure = [
  {
    group: ["node:fs", "node:fs/*", "fs", "node:process", "node:child_process", "chalk"],
    message: "plan and render stay pure: no fs, process or colour.",
  },
];

/** The files of one layer may not import from the layers named in `above` (src/<layer>/), nor what `also` names. */
function layerRule(files, above, also = []) {
  return {
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...also,
            {
              group: above.map((layer) => `**/${layer}/**`),
              message: `Layers go one way (cli → commands → render → plan → records): ${files[0].split("/")[1]} never imports ${above.join(", ")}.`,
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test/fixtures/**", "scratch/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", ...restrictedSyntax],
    },
  },
  // Layers go one way: cli → commands → render → plan → records. No file imports a layer
  // above its own, types included (test/imports.test.ts keeps the graph free of cycles).
  layerRule(["src/commands/**/*.ts"], ["cli"]),
  layerRule(["src/render/**/*.ts"], ["cli", "commands"], pure),
  layerRule(["src/plan/**/*.ts"], ["cli", "commands", "render"], pure),
  layerRule(
    ["src/records/**/*.ts"],
    ["cli", "commands", "render", "plan"],
    [{ group: ["chalk"], message: "records never import colour: commands receive a Style." }],
  ),
  {
    files: ["src/plan/**/*.ts", "src/render/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", { name: "process", message: "plan and render stay pure: pass values in." }],
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { paths: slowImports }] },
  },
  {
    // A command's definition is what --help is built from: plain data, so it imports nothing else.
    files: ["src/commands/*-command.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!\\./definition\\.js$)",
              message: "A *-command.ts file holds plain data; its code is imported by load() when the command runs.",
            },
          ],
        },
      ],
    },
  },
  {
    // The registry builds --help from every command's light definition; a command's code is imported when it runs.
    files: ["src/cli/main.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: slowImports,
          patterns: [
            {
              group: ["../commands/*", "!../commands/*-command.js", "!../commands/definition.js"],
              allowTypeImports: true,
              message: "main.ts imports command definitions (*-command.ts); CommandDefinition.load imports the rest.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/commands/**/*.ts", "src/records/**/*.ts", "src/plan/**/*.ts", "src/render/**/*.ts"],
    rules: { "no-restricted-syntax": ["error", ...restrictedSyntax, ...readsTheClock] },
  },
  {
    files: ["bin/**/*.js"],
    rules: { "no-restricted-syntax": "off" },
  },
);
